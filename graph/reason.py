"""OWL 2 RL materialisation inside the store: what the ontology lets the graph conclude.

The rules are the OWL 2 RL rules the ontology's axioms call for, each one SPARQL SELECT run by
the store; which classes and properties they apply to is read from the ontology graph, so an
edit of the ontology changes the inferences and nothing here names a casckg term:

    cax-sco    x a C, C ⊑ D                    -> x a D     (subClassOf, equivalentClass, unionOf)
    prp-spo1   x p y, p ⊑ q                    -> x q y     (subPropertyOf, equivalentProperty)
    prp-inv    x p y, p inverseOf q            -> y q x     (both ways)
    prp-symp   x p y, p symmetric              -> y p x
    prp-trp    x p y, y p z, p transitive      -> x p z
    prp-spo2   x p1 y, y p2 z, chain(p1 p2) ⊑ p -> x p z    (any chain length)
    prp-dom    x p y, p domain C               -> x a C
    prp-rng    x p y, p range C                -> y a C     (y not a literal, C a class)

Left out on purpose: the equality rules (owl:sameAs links to Wikidata are links, not merges, and
functional properties would merge records that a source got wrong), the schema rules (scm-*:
the class hierarchy stays in the ontology graph, where `rdfs:subClassOf*` reaches it), and the
consistency rules (disjointness and the like are `casckg check`'s job).

Conclusions go into one named graph, `graph_iri("inferred")`, and only conclusions that no
graph holds yet: asserted facts are never repeated there. The rules run in memory to a
fixpoint, semi-naively: after the first round, a rule only fires when at least one premise is
new in the round before (kept in a scratch graph, removed at the end).

Traceability (on by default): each inferred triple also gets a statement node
`{inferred}/statement/{hash}` with `rdf:subject`, `rdf:predicate`, `rdf:object`,
`cas:inferred true`, `prov:wasGeneratedBy` the rule and `prov:wasDerivedFrom` the statement
nodes of its premises; premises that a source asserts get a node without `cas:inferred`, and
`GRAPH ?g { s p o }` names their sources. Of several derivations the one found in the earliest
round is kept (the shortest proof), and among those the first in a fixed order, so reasoning
twice writes the same quads. The library query `why-inferred` walks the proof.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from casckg.ontology import ONTOLOGY_IRI, PREFIXES

from .build.mint import graph_iri
from .store.embedded import EmbeddedStore, Store

RDF, RDFS, OWL, PROV, CAS = (PREFIXES[p] for p in ("rdf", "rdfs", "owl", "prov", "cas"))
TYPE = ox.NamedNode(RDF + "type")
SUBJECT, PREDICATE, OBJECT = (ox.NamedNode(RDF + n) for n in ("subject", "predicate", "object"))
INFERRED_FLAG = ox.NamedNode(CAS + "inferred")
DERIVED_FROM = ox.NamedNode(PROV + "wasDerivedFrom")
GENERATED_BY = ox.NamedNode(PROV + "wasGeneratedBy")
LABEL = ox.NamedNode(RDFS + "label")
TRUE = ox.Literal("true", datatype=ox.NamedNode(PREFIXES["xsd"] + "boolean"))
#: Ranges that are datatypes, not classes: prp-rng does not type literals.
_DATATYPE_SPACES = (PREFIXES["xsd"], RDFS + "Literal", RDF + "langString", RDF + "PlainLiteral")

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Triple = tuple[Term, Term, Term]
#: Called as progress(description, round, new triples) after each round.
Progress = Callable[[str, int, int], None]


def inferred_graph() -> str:
    """The IRI of the graph that holds the inferred facts."""
    return graph_iri("inferred")


def _delta_graph(round: int) -> str:
    """A scratch graph of what one round found. Each round gets its own: deleting quads from
    an in-memory Oxigraph store leaves tombstones that every later scan still walks over."""
    return graph_iri(f"inferred-delta-{round}")


# --- the ontology's axioms ---------------------------------------------------------------------


@dataclass
class Axioms:
    """The axioms the rules need, read from the ontology graph (IRIs only)."""

    subclass: set[tuple[str, str]] = field(default_factory=set)  # (C, D): C ⊑ D, direct
    subproperty: set[tuple[str, str]] = field(default_factory=set)
    inverse: set[tuple[str, str]] = field(default_factory=set)  # both directions
    transitive: set[str] = field(default_factory=set)
    symmetric: set[str] = field(default_factory=set)
    chains: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)  # (p, (p1, …, pn))
    domain: set[tuple[str, str]] = field(default_factory=set)
    range: set[tuple[str, str]] = field(default_factory=set)


_AXIOMS = """SELECT ?kind ?a ?b WHERE { GRAPH ?ontology {
  { ?a rdfs:subClassOf ?b BIND("sco" AS ?kind) }
  UNION { ?a owl:equivalentClass ?b BIND("eqc" AS ?kind) }
  UNION { ?b owl:equivalentClass?/owl:unionOf/rdf:rest*/rdf:first ?a BIND("sco" AS ?kind) }
  UNION { ?a rdfs:subPropertyOf ?b BIND("spo" AS ?kind) }
  UNION { ?a owl:equivalentProperty ?b BIND("eqp" AS ?kind) }
  UNION { ?a owl:inverseOf ?b BIND("inv" AS ?kind) }
  UNION { ?a a owl:TransitiveProperty BIND("trp" AS ?kind) }
  UNION { ?a a owl:SymmetricProperty BIND("symp" AS ?kind) }
  UNION { ?a owl:propertyChainAxiom ?b BIND("chain" AS ?kind) }
  UNION { ?a rdfs:domain ?b BIND("dom" AS ?kind) }
  UNION { ?a rdfs:range ?b BIND("rng" AS ?kind) }
} }"""
_LISTS = "SELECT ?node ?p ?o WHERE { GRAPH ?ontology { ?node ?p ?o VALUES ?p { rdf:first rdf:rest } } }"


def read_axioms(store: Store, ontology_graph: str = ONTOLOGY_IRI) -> Axioms:
    """The rule-relevant axioms of the ontology graph in the store."""
    g = {"ontology": ox.NamedNode(ontology_graph)}
    lists: dict[str, dict[str, Term]] = {}
    for row in store.query(_LISTS, g):
        lists.setdefault(str(row["node"]), {})[row["p"].value] = row["o"]

    def members(node: Term) -> tuple[str, ...] | None:
        out = []
        while str(node) in lists:
            first = lists[str(node)].get(RDF + "first")
            if not isinstance(first, ox.NamedNode):
                return None
            out.append(first.value)
            node = lists[str(node)][RDF + "rest"]
        return tuple(out) if node == ox.NamedNode(RDF + "nil") else None

    ax = Axioms()
    for row in store.query(_AXIOMS, g):
        kind, a, b = row["kind"].value, row["a"], row["b"]
        if not isinstance(a, ox.NamedNode):
            continue
        if kind == "trp":
            ax.transitive.add(a.value)
        elif kind == "symp":
            ax.symmetric.add(a.value)
        elif kind == "chain":
            chain = members(b)
            if chain:
                ax.chains.add((a.value, chain))
        elif not isinstance(b, ox.NamedNode):
            continue
        elif kind in ("sco", "eqc"):
            ax.subclass.add((a.value, b.value))
            if kind == "eqc":
                ax.subclass.add((b.value, a.value))
        elif kind in ("spo", "eqp"):
            ax.subproperty.add((a.value, b.value))
            if kind == "eqp":
                ax.subproperty.add((b.value, a.value))
        elif kind == "inv":
            ax.inverse |= {(a.value, b.value), (b.value, a.value)}
        elif kind == "dom":
            ax.domain.add((a.value, b.value))
        elif kind == "rng" and not b.value.startswith(_DATATYPE_SPACES):
            ax.range.add((a.value, b.value))
    return ax


def closure(pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The transitive closure of a relation, without reflexive pairs.

    >>> sorted(closure({("a", "b"), ("b", "c")}))
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    """
    up: dict[str, set[str]] = {}
    for a, b in pairs:
        up.setdefault(a, set()).add(b)
    out = set()
    for start in up:
        seen, todo = set(), list(up[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo += up.get(node, ())
        out |= {(start, b) for b in seen if b != start}
    return out


# --- rules --------------------------------------------------------------------------------------

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

    def sparql(self, delta: int | None, trace: bool, delta_graph: str = "") -> str:
        """The SELECT that finds new conclusions; premise number `delta` must be in `delta_graph`."""
        values = " ".join(f"({' '.join(f'<{v}>' for v in row)})" for row in self.rows)
        lines = [f"VALUES ({' '.join('?' + c for c in self.columns)}) {{ {values} }}"]
        patterns = [" ".join(_term_text(t) for t in premise) + " ." for premise in self.premises]
        if delta is not None:  # the new premise first: the join starts from the few new facts
            lines.append(f"GRAPH <{delta_graph}> {{ {patterns.pop(delta)} }}")
        lines += patterns
        s, _, o = self.conclusion
        if s.startswith("?"):
            lines.append(f"FILTER(!isLiteral({s}))")
        lines.append(f"FILTER NOT EXISTS {{ {' '.join(_term_text(t) for t in self.conclusion)} }}")
        if trace:
            head = "SELECT " + " ".join(sorted(self.variables()))
        else:
            head = "SELECT DISTINCT " + " ".join(t for t in self.conclusion if t.startswith("?"))
        return head + " WHERE {\n  " + "\n  ".join(lines) + "\n}"

    def variables(self) -> set[str]:
        return {t for p in (*self.premises, self.conclusion) for t in p if t.startswith("?")}


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


# --- the fixpoint -------------------------------------------------------------------------------


@dataclass
class ReasonReport:
    """What a materialisation wrote."""

    triples: int = 0  # inferred triples
    trace_quads: int = 0  # statement nodes and their links
    rounds: int = 0
    seconds: float = 0.0
    per_rule: dict[str, int] = field(default_factory=dict)

    @property
    def quads(self) -> int:
        return self.triples + self.trace_quads


def _bind(pattern: Pattern, row: ox.QuerySolution) -> Triple:
    s, p, o = (row[t[1:]] if t.startswith("?") else ox.NamedNode(t) for t in pattern)
    return s, p, o


def _digest(triple: Triple) -> bytes:
    return hashlib.sha1(f"{triple[0]} {triple[1]} {triple[2]}".encode()).digest()


def statement_node(triple: Triple) -> ox.NamedNode:
    """The IRI of the statement node of a triple (the same triple always gets the same one)."""
    return ox.NamedNode(f"{inferred_graph()}/statement/{_digest(triple).hex()[:24]}")


def rule_node(rule_id: str) -> ox.NamedNode:
    return ox.NamedNode(f"{inferred_graph()}/rule/{rule_id}")


def materialise(
    store: Store, *, trace: bool = True, progress: Progress | None = None, workspace: EmbeddedStore | None = None
) -> ReasonReport:
    """Replace the inferred graph with the closure of the store's facts under the ontology's rules.

    The store must hold the ontology in its graph; everything else but the inferred graph is
    read as asserted data. The rules run in memory (Oxigraph answers these joins several times
    faster there than on disk): in `workspace` when the caller already holds the same data in
    an in-memory store, else in a copy. The store itself only sees its old inferred graph
    replaced by the new one at the end, so a failure leaves it as it was.
    """
    started = time.perf_counter()
    graph = inferred_graph()
    if isinstance(store, EmbeddedStore) and store.location == ":memory:":
        store.drop_graph(graph)
        report = infer(store, trace=trace, progress=progress)
    else:
        work = workspace or _copy(store, skip=graph)
        report = infer(work, trace=trace, progress=progress)
        if isinstance(store, EmbeddedStore):
            store.drop_graph(graph)
            store.bulk_add(work.quads(graph))
        else:
            store.replace_graph(graph, work.quads(graph))
        work.close()
    report.seconds = time.perf_counter() - started
    return report


def _copy(store: Store, skip: str) -> EmbeddedStore:
    """An in-memory copy of every graph of the store but `skip`."""
    work = EmbeddedStore(None)
    if isinstance(store, EmbeddedStore):
        old = ox.NamedNode(skip)
        work.bulk_add(q for q in store.quads() if q.graph_name != old)
        return work
    for name in store.named_graphs():  # any SPARQL store: one CONSTRUCT per graph
        if name != skip:
            g = ox.NamedNode(name)
            triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g})
            work.bulk_add(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)
    return work


def infer(store: EmbeddedStore, *, trace: bool = True, progress: Progress | None = None) -> ReasonReport:
    """Run the rules on an in-memory `store` with no inferred graph yet, until nothing new follows."""
    started = time.perf_counter()
    graph = ox.NamedNode(inferred_graph())
    report = ReasonReport()
    active = rules(read_axioms(store))
    known: set[bytes] = set()  # digests of inferred triples (only kept when tracing)
    asserted_nodes: set[bytes] = set()
    used_rules: set[str] = set()
    first = True
    while True:
        report.rounds += 1
        found: dict[Triple, tuple[tuple, Rule, tuple[Triple, ...]]] = {}
        for order, rule in enumerate(active):
            for variant in [None] if first else range(len(rule.premises)):
                for row in store.query(rule.sparql(variant, trace, _delta_graph(report.rounds - 1))):
                    conclusion = _bind(rule.conclusion, row)
                    if not trace:
                        found.setdefault(conclusion, ((order,), rule, ()))
                        continue
                    premises = tuple(_bind(p, row) for p in rule.premises)
                    key = (order, tuple(str(t) for p in premises for t in p))
                    if conclusion not in found or key < found[conclusion][0]:
                        found[conclusion] = (key, rule, premises)
        if not found:
            break
        quads = []
        for (s, p, o), (_, rule, premises) in found.items():
            quads.append(ox.Quad(s, p, o, graph))
            report.per_rule[rule.id] = report.per_rule.get(rule.id, 0) + 1
            if trace:
                quads += _trace_quads((s, p, o), rule, premises, known, asserted_nodes, graph)
                used_rules.add(rule.id)
        report.triples += len(found)
        report.trace_quads += len(quads) - len(found)
        store.bulk_add(quads)
        delta = ox.NamedNode(_delta_graph(report.rounds))
        store.bulk_add(ox.Quad(s, p, o, delta) for s, p, o in found)
        if progress:
            progress("reasoning", report.rounds, len(found))
        first = False
    for done in range(1, report.rounds):
        store.drop_graph(_delta_graph(done))
    rule_quads = [
        q
        for rule in active
        if rule.id in used_rules
        for q in (
            ox.Quad(rule_node(rule.id), TYPE, ox.NamedNode(PROV + "Plan"), graph),
            ox.Quad(rule_node(rule.id), LABEL, ox.Literal(f"{rule.id}: {rule.label}", language="en"), graph),
        )
    ]
    store.bulk_add(rule_quads)
    report.trace_quads += len(rule_quads)
    report.seconds = time.perf_counter() - started
    return report


def _trace_quads(
    conclusion: Triple,
    rule: Rule,
    premises: tuple[Triple, ...],
    known: set[bytes],
    asserted_nodes: set[bytes],
    graph: ox.NamedNode,
) -> Iterator[ox.Quad]:
    node = statement_node(conclusion)
    known.add(_digest(conclusion))
    yield from _reified(node, conclusion, graph)
    yield ox.Quad(node, INFERRED_FLAG, TRUE, graph)
    yield ox.Quad(node, GENERATED_BY, rule_node(rule.id), graph)
    for premise in premises:
        digest = _digest(premise)
        yield ox.Quad(node, DERIVED_FROM, statement_node(premise), graph)
        if digest not in known and digest not in asserted_nodes:
            asserted_nodes.add(digest)
            yield from _reified(statement_node(premise), premise, graph)


def _reified(node: ox.NamedNode, triple: Triple, graph: ox.NamedNode) -> Iterator[ox.Quad]:
    yield ox.Quad(node, SUBJECT, triple[0], graph)
    yield ox.Quad(node, PREDICATE, triple[1], graph)
    yield ox.Quad(node, OBJECT, triple[2], graph)
