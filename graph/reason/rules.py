"""The OWL 2 RL rules the axioms call for, each with its VALUES table of IRIs."""

from __future__ import annotations

from dataclasses import dataclass

from .axioms import Axioms, closure
from .terms import TYPE

Pattern = tuple[str, str, str]  # "?var" or a full IRI in each place


@dataclass(frozen=True)
class Rule:
    """One OWL 2 RL rule instantiated with the ontology's axioms as a VALUES table."""

    id: str
    label: str
    premises: tuple[Pattern, ...]
    conclusion: Pattern
    columns: tuple[str, ...]  # the variables the VALUES table binds
    rows: tuple[tuple[str, ...], ...]  # IRIs

    def variables(self) -> set[str]:
        return {t for p in (*self.premises, self.conclusion) for t in p if t.startswith("?")}

    def reads(self) -> tuple[set[str], set[str]]:
        """The predicates and the classes (objects of rdf:type) the rule's premises and its
        conclusion can name, read from its patterns and its table: the facts it can match and
        the ones it must not conclude again."""
        predicates: set[str] = set()
        classes: set[str] = set()
        for _, p, o in (*self.premises, self.conclusion):
            named = predicates
            if p == TYPE.value:
                named, p = classes, o
            if p.startswith("?"):
                if p[1:] in self.columns:
                    named |= {row[self.columns.index(p[1:])] for row in self.rows}
            else:
                named.add(p)
        return predicates, classes


def _term_text(t: str) -> str:
    return t if t.startswith("?") else f"<{t}>"


def rules(ax: Axioms) -> list[Rule]:
    """The rules the axioms call for, in a fixed order (rules with no axiom are left out)."""
    t = TYPE.value
    out = [
        Rule(
            "cax-sco",
            "class membership goes up the class hierarchy",
            (("?x", t, "?c"),),
            ("?x", t, "?d"),
            ("c", "d"),
            tuple(sorted(closure(ax.subclass))),
        ),
        Rule(
            "prp-spo1",
            "a statement with a property holds for its super-properties",
            (("?x", "?p", "?y"),),
            ("?x", "?q", "?y"),
            ("p", "q"),
            tuple(sorted(closure(ax.subproperty))),
        ),
        Rule(
            "prp-inv",
            "a statement holds read backwards with the inverse property",
            (("?x", "?p", "?y"),),
            ("?y", "?q", "?x"),
            ("p", "q"),
            tuple(sorted(ax.inverse)),
        ),
        Rule(
            "prp-symp",
            "a symmetric property holds both ways",
            (("?x", "?p", "?y"),),
            ("?y", "?p", "?x"),
            ("p",),
            tuple((p,) for p in sorted(ax.symmetric)),
        ),
        Rule(
            "prp-trp",
            "a transitive property carries over a chain of itself",
            (("?x", "?p", "?y"), ("?y", "?p", "?z")),
            ("?x", "?p", "?z"),
            ("p",),
            tuple((p,) for p in sorted(ax.transitive)),
        ),
    ]
    by_length: dict[int, list[tuple[str, ...]]] = {}
    for p, chain in sorted(ax.chains):
        by_length.setdefault(len(chain), []).append((p, *chain))
    for n, rows in sorted(by_length.items()):
        premises = tuple((f"?u{i}", f"?p{i + 1}", f"?u{i + 1}") for i in range(n))
        out.append(
            Rule(
                "prp-spo2" if len(by_length) == 1 else f"prp-spo2-{n}",
                "a property chain implies its property",
                premises,
                ("?u0", "?p", f"?u{n}"),
                ("p", *(f"p{i + 1}" for i in range(n))),
                tuple(rows),
            )
        )
    out += [
        Rule(
            "prp-dom", "the subject of a property is in its domain", (("?x", "?p", "?y"),),
            ("?x", t, "?c"), ("p", "c"), tuple(sorted(ax.domain)),
        ),
        Rule(
            "prp-rng", "the object of a property is in its range", (("?x", "?p", "?y"),),
            ("?y", t, "?c"), ("p", "c"), tuple(sorted(ax.range)),
        ),
    ]  # fmt: skip
    return [r for r in out if r.rows]
