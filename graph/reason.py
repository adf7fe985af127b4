"""OWL 2 RL materialisation inside the store: what the ontology lets the graph conclude.

The rules are the OWL 2 RL rules the ontology's axioms call for, each one SPARQL update
(INSERT … WHERE) run by the store, so what they find never passes through Python; which classes
and properties they apply to is read from the ontology graph, so an
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
consistency rules (disjointness and the like are `casckg check`'s job), and conclusions about
blank nodes (the store's bulk load, which writes the conclusions, renames blank nodes; the
sources name every entity with an IRI).

Conclusions go into one named graph, `graph_iri("inferred")`, and only conclusions that no
graph holds yet: asserted facts are never repeated there. The rules run in memory to a
fixpoint, semi-naively: after the first round, a rule runs once per premise with that premise
read from what the round before found (scratch graphs, removed at the end), its table cut to
the rows the new facts can fire; a rule whose inputs did not change does not run at all.

Time (always on): a fact about a dated record (a membership, a mission: anything with
`cas:startDate` or `cas:endDate`) holds while the record does. A relation drawn from dated facts
(prp-spo1, -inv, -symp, -trp, -spo2) holds in the intersection of their intervals, written on its
statement node (`cas:startDate`, `cas:endDate`), and is not drawn at all when the intervals do
not meet; a relation that also follows from undated facts holds always. Classes are timeless.
So Uzbekistan's 2006–2012 CSTO membership makes it `org:memberOf` the CSTO for 2006–2012 only.

Traceability (on by default): each inferred triple gets a statement node
`{inferred}/statement/{digest of the triple}` with `rdf:subject`, `rdf:predicate`, `rdf:object`,
`prov:wasGeneratedBy` the rule and `prov:wasDerivedFrom` the statement nodes of its premises
(a premise a source asserts gets a node with its triple only; `GRAPH ?g { s p o }` names its
sources). One derivation is kept per conclusion: the first round that finds it, then the first
rule, then the smallest key of its premises' terms, chosen in the store (GROUP BY … MIN), so
reasoning twice writes the same quads. The library query `why-inferred` walks the proof.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from casckg.ingest.errors import StoreError
from casckg.ontology import ONTOLOGY_IRI, PREFIXES

from .mint import graph_iri
from .store import EmbeddedStore, Store

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


def _delta_graph(round: int, rule: str) -> str:
    """A scratch graph of what one rule found in one round. Each round gets its own: deleting
    quads from an in-memory Oxigraph store leaves tombstones that every later scan walks over."""
    return graph_iri(f"inferred-delta-{round}-{rule}")


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

#: Separators of the key that picks one derivation per conclusion (see `Rule.update`): control
#: characters, which IRIs cannot hold and literals in this graph do not.
_FIELD, _TAG = "\\u0001", "\\u0002"
#: Rules whose conclusions are relations between things, and so hold only while their premises
#: do; class memberships (cax-sco, prp-dom, prp-rng) are timeless.
_TIMED = ("prp-spo1", "prp-inv", "prp-symp", "prp-trp", "prp-spo2")


def _encoded(var: str) -> str:
    """SPARQL for a term as one string the decoder below turns back into the same term."""
    tag = f'IF(LANG({var}) != "", CONCAT("@", LANG({var})), CONCAT("^", STR(DATATYPE({var}))))'
    lexical = f'CONCAT({tag}, "{_TAG}", STR({var}))'
    return f'COALESCE(IF(isIRI({var}), CONCAT("I", STR({var})), IF(isLiteral({var}), {lexical}, "")), "")'


def _decoded(text: str) -> str:
    """SPARQL for the term `_encoded` wrote into `text` (unbound for an empty string)."""
    head, body = f'STRBEFORE({text}, "{_TAG}")', f'STRAFTER({text}, "{_TAG}")'
    literal = f'IF(STRSTARTS({text}, "^"), STRDT({body}, IRI(SUBSTR({head}, 2))), ?nothing)'
    return (
        f'IF(STRSTARTS({text}, "I"), IRI(SUBSTR({text}, 2)), '
        f'IF(STRSTARTS({text}, "@"), STRLANG({body}, SUBSTR({head}, 2)), {literal}))'
    )


def _node(triple: Pattern, graph: str) -> str:
    """SPARQL for the IRI of a triple's statement node: a digest of its three terms (none for
    a triple with a blank node, which has no name to digest)."""
    terms = [_term_text(t) for t in triple]
    parts = ', " ", '.join(_encoded(t) for t in terms)
    blank = " || ".join(f"isBlank({t})" for t in terms if t.startswith("?")) or "false"
    return f'IF({blank}, ?nothing, IRI(CONCAT("{graph}/statement/", SUBSTR(SHA1(CONCAT({parts})), 1, 24))))'


def _later(a: str, b: str) -> str:
    return f"IF(!BOUND({a}) || (BOUND({b}) && STR({b}) > STR({a})), {b}, {a})"


def _earlier(a: str, b: str) -> str:
    return f"IF(!BOUND({a}) || (BOUND({b}) && STR({b}) < STR({a})), {b}, {a})"


@dataclass(frozen=True)
class Step:
    """One rule's run: a CONSTRUCT whose triples the store serialises and bulk-loads into each
    of `graphs` itself (several times faster than the same INSERT, and no Python object per
    triple). Its statement nodes go along into the round's scratch graph, where no rule reads
    them; `_found` counts the conclusions alone."""

    query: str
    graphs: list[str]


def update(
    rule: Rule, graphs: dict, *, trace: bool, delta: int | None = None, dated: int | None = None, rows: tuple = ()
) -> Step:
    """The CONSTRUCT that finds a rule's new conclusions (and their statement nodes), and the
    graphs its triples go to.

    `graphs`: "inferred" (conclusions and trace), "delta" (the graphs of what the round before
    found), "out" (what this rule finds now, the next round's input), "dated" (the facts that
    hold for a time, each with a statement node that carries the interval). `delta`: which
    premise must be new (None: any); `rows` cut the rule's table to what the new facts fire.

    A rule about relations (`_TIMED`) runs twice: from undated premises only, then (`dated`:
    which premise) from dated ones, where a conclusion holds over the intersection of its
    premises' intervals (and is not drawn when that is empty). A conclusion that also follows
    from undated facts is drawn by the first run and holds always.

    Of several derivations of one conclusion the update keeps one, chosen in the store: the
    smallest of a key made of its interval and premise terms, so reasoning twice writes the
    same quads.
    """
    timed, inferred, c = rule.id.startswith(_TIMED), graphs["inferred"], rule.conclusion
    head = [v for v in dict.fromkeys(c) if v.startswith("?")]
    others = sorted(rule.variables() - set(head))
    values = " ".join(f"({' '.join(f'<{v}>' for v in row)})" for row in rows or rule.rows)
    where = [f"VALUES ({' '.join('?' + col for col in rule.columns)}) {{ {values} }}"]
    # An update has no union default graph: every pattern names its graph as a variable.
    patterns = [f"{{ {' '.join(_term_text(t) for t in premise)} }}" for premise in rule.premises]
    for i, pattern in enumerate(patterns):
        if i == delta:  # the new premise first: the join starts from the few new facts
            # a UNION of named graphs, not GRAPH ?delta: the store starts from each small graph
            news = " UNION ".join(f"{{ GRAPH <{g}> {pattern} }}" for g in graphs["delta"])
            where.insert(1, news)
        if i == dated:
            where.insert(1 + (delta is not None), f"GRAPH <{graphs['dated']}> {pattern}")
        elif i != delta:
            where.append(f"GRAPH ?in{i} {pattern}")
        if timed and dated is None:
            where.append(f"FILTER NOT EXISTS {{ GRAPH <{graphs['dated']}> {pattern} }}")
    if c[0].startswith("?"):
        where.append(f"FILTER(!isLiteral({c[0]}))")
    # A bulk load gives blank nodes new names: nothing is concluded about one (the data names everything).
    where += [f"FILTER(!isBlank({v}))" for v in dict.fromkeys(c) if v.startswith("?") and v not in (c[1],)]
    where.append(f"FILTER NOT EXISTS {{ GRAPH ?any {{ {' '.join(_term_text(t) for t in c)} }} }}")
    conclusion = " ".join(_term_text(t) for t in c) + " ."
    targets = [inferred, graphs["out"]] + ([graphs["dated"]] if dated is not None else [])
    if not trace and dated is None:  # nothing to choose: the conclusions alone, as a set
        body = "\n  ".join(where)
        return Step(f"CONSTRUCT {{ {conclusion} }}\nWHERE {{\n  {body}\n}}", targets)
    fields: list[str] = []
    chosen: list[str] = []
    if dated is not None:  # each premise's interval, from its statement node among the dated facts
        for i, premise in enumerate(rule.premises):
            node = _reified(f"?premise{i}", premise)
            where.append(f"OPTIONAL {{ GRAPH <{graphs['dated']}> {{ {node} ?premise{i} cas:startDate ?start{i} }} }}")
            where.append(f"OPTIONAL {{ GRAPH <{graphs['dated']}> {{ {node} ?premise{i} cas:endDate ?end{i} }} }}")
            where.append(f"BIND({_later('?from' + str(i - 1), f'?start{i}') if i else f'?start{i}'} AS ?from{i})")
            where.append(f"BIND({_earlier('?to' + str(i - 1), f'?end{i}') if i else f'?end{i}'} AS ?to{i})")
        last = len(rule.premises) - 1
        where.append(f"FILTER(!BOUND(?from{last}) || !BOUND(?to{last}) || STR(?from{last}) <= STR(?to{last}))")
        fields = [_encoded(f"?from{last}"), _encoded(f"?to{last}")]
        chosen = ["?from", "?to"]
    if trace:
        fields += [_encoded(v) for v in others]
        chosen += others
    key = f', "{_FIELD}", '.join(fields or ['""']) + f', "{_FIELD}"'
    inner = "\n    ".join(where + [f"BIND(CONCAT({key}) AS ?key)"])
    group = " ".join(head)
    outer = [f"{{ SELECT {group} (MIN(?key) AS ?best) WHERE {{\n    {inner}\n  }} GROUP BY {group} }}"]
    rest = "?best"
    for n, var in enumerate(chosen):
        part = f'STRBEFORE({rest}, "{_FIELD}")'
        outer.append(f"BIND({_decoded(part)} AS {var})")
        outer.append(f'BIND(STRAFTER({rest}, "{_FIELD}") AS ?rest{n})')
        rest = f"?rest{n}"
    outer.append(f"BIND({_node(c, inferred)} AS ?statement)")
    made = [conclusion]
    if dated is not None:  # a dated statement node names its whole triple: the queries read it
        made.append(_reified("?statement", c) + " ?statement cas:startDate ?from ; cas:endDate ?to .")
    if trace:  # a proof record: its triple, its rule and a link per premise, whose node names its triple
        if dated is None:
            made.append(_reified("?statement", c))
        made.append(f"?statement prov:wasGeneratedBy <{rule_node(rule.id).value}> .")
        for i, premise in enumerate(rule.premises):
            outer.append(f"BIND({_node(premise, inferred)} AS ?from_{i})")
            made.append(f"?statement prov:wasDerivedFrom ?from_{i} . " + _reified(f"?from_{i}", premise))
    body = "\n  ".join(outer)
    return Step(f"CONSTRUCT {{ {' '.join(made)} }}\nWHERE {{\n  {body}\n}}", targets)


def dated_facts(graphs: dict) -> str:
    """The update that copies the facts about dated records (a membership, a mission: anything
    with a start or end date) into the scratch graph of dated facts, each with a statement node
    that carries the record's interval. Classes are timeless: rdf:type is left out."""
    fact = ("?x", "?p", "?y")
    return f"""INSERT {{ GRAPH <{graphs["dated"]}> {{ ?x ?p ?y . {_reified("?statement", fact)}
    ?statement cas:startDate ?start ; cas:endDate ?end . }} }}
WHERE {{
  {{ SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x cas:startDate|cas:endDate ?date }} }} }}
  GRAPH ?in {{ ?x ?p ?y }} FILTER(?p != rdf:type && ?in != <{graphs["inferred"]}>)
  OPTIONAL {{ GRAPH ?s {{ ?x cas:startDate ?start }} }} OPTIONAL {{ GRAPH ?e {{ ?x cas:endDate ?end }} }}
  BIND({_node(fact, graphs["dated"])} AS ?statement)
}}"""


def _reified(node: str, triple: Pattern) -> str:
    s, p, o = (_term_text(t) for t in triple)
    return f"{node} rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ."


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
        name = ox.NamedNode(graph)
        if isinstance(store, EmbeddedStore):  # N-Triples from store to store: no Python object per quad
            store.drop_graph(graph)
            data = work.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
            store.ox.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
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


#: What one rule found in one round: its delta graph -> (predicates, classes of rdf:type, count).
Found = dict[str, tuple[set[str], set[str], int]]


def _found(store: EmbeddedStore, graphs: list[str]) -> Found:
    """Which predicates (and classes) each of a round's delta graphs holds, and how many
    conclusions (statement nodes aside): one scan of them all."""
    out: Found = {g: (set(), set(), 0) for g in graphs}
    if not graphs:
        return out
    values = " ".join(f"<{g}>" for g in graphs)
    query = (
        f"SELECT ?g ?p ?c (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
        f'FILTER(!STRSTARTS(STR(?s), "{inferred_graph()}/statement/")) '
        f"BIND(IF(?p = rdf:type, ?o, ?nothing) AS ?c) }} GROUP BY ?g ?p ?c"
    )
    for row in store.query(query):
        predicates, classes, n = out[row["g"].value]
        predicates.add(row["p"].value)
        if row["c"] is not None:
            classes.add(row["c"].value)
        out[row["g"].value] = (predicates, classes, n + int(row["n"].value))
    return out


def _inputs(rule: Rule, premise: int, found: Found) -> tuple[list[str], tuple[tuple[str, ...], ...]]:
    """The delta graphs that hold facts premise number `premise` can match, and the rows of the
    rule's table those facts can fire: a rule whose inputs did not change runs not at all."""
    _, p, o = rule.premises[premise]
    graphs, keep = [], set()
    for graph, (predicates, classes, _) in found.items():
        if p == TYPE.value and o.startswith("?") and o[1:] in rule.columns:
            column, present = rule.columns.index(o[1:]), classes
        elif p.startswith("?") and p[1:] in rule.columns:
            column, present = rule.columns.index(p[1:]), predicates
        else:
            graphs += [graph] if p in predicates else []
            continue
        rows = {row for row in rule.rows if row[column] in present}
        if rows:
            graphs.append(graph)
            keep |= rows
    if keep:
        return graphs, tuple(row for row in rule.rows if row in keep)
    return graphs, rule.rows if graphs else ()


def _run(store: EmbeddedStore, step: Step | str, what: str) -> None:
    """Run one update, or one step: its triples go from the query to the graphs in the store."""
    try:
        if isinstance(step, str):
            store.ox.update(step, prefixes=PREFIXES)
            return
        data = store.ox.query(step.query, prefixes=PREFIXES).serialize(format=ox.RdfFormat.N_TRIPLES)
        for graph in step.graphs if data else ():
            store.ox.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"reasoning ({what}) failed: {exc}") from exc


def infer(store: EmbeddedStore, *, trace: bool = True, progress: Progress | None = None) -> ReasonReport:
    """Run the rules on an in-memory `store` with no inferred graph yet, until nothing new follows.

    Every rule is one SPARQL update the store runs: nothing the rules find passes through
    Python. Semi-naive rounds: after the first, a rule runs once per premise, with that premise
    read from what the round before found and its table cut to the rows those facts can fire;
    a rule none of whose premises can match what is new does not run.
    """
    started = time.perf_counter()
    inferred = inferred_graph()
    report = ReasonReport()
    active = rules(read_axioms(store))
    graphs: dict = {"inferred": inferred, "dated": graph_iri("inferred-dated")}
    _run(store, dated_facts(graphs), "dated facts")
    found: Found | None = None
    timed = _found(store, [graphs["dated"]])  # what the dated facts are about
    deltas: list[str] = [graphs["dated"]]
    while found is None or any(n for *_, n in found.values()):
        report.rounds += 1
        outs = []
        for rule in active:
            graphs["out"] = _delta_graph(report.rounds, rule.id)
            outs.append(graphs["out"])
            if found is None:
                _run(store, update(rule, graphs, trace=trace), rule.id)
            else:
                for premise in range(len(rule.premises)):
                    graphs["delta"], rows = _inputs(rule, premise, found)
                    if rows:
                        _run(store, update(rule, graphs, trace=trace, delta=premise, rows=rows), rule.id)
            for dated in range(len(rule.premises)) if rule.id.startswith(_TIMED) else ():
                rows = set(_inputs(rule, dated, timed)[1])  # rows that dated facts can fire
                if found is None and rows:
                    _run(store, update(rule, graphs, trace=trace, dated=dated, rows=tuple(sorted(rows))), rule.id)
                    continue
                for premise in range(len(rule.premises)) if found else ():  # the same semi-naive cut
                    graphs["delta"], new = _inputs(rule, premise, found)
                    if cut := tuple(row for row in new if row in rows):
                        text = update(rule, graphs, trace=trace, delta=premise, dated=dated, rows=cut)
                        _run(store, text, rule.id)
        found = _found(store, outs)
        timed = _found(store, [graphs["dated"]])
        deltas += outs
        new = 0
        for rule, out in zip(active, outs, strict=True):
            n = found[out][2]
            if n:
                report.per_rule[rule.id] = report.per_rule.get(rule.id, 0) + n
                new += n
        report.triples += new
        if progress:
            progress("reasoning", report.rounds, new)
    for graph in deltas:
        store.drop_graph(graph)
    if trace:
        used = [rule for rule in active if rule.id in report.per_rule]
        store.bulk_add(
            q
            for rule in used
            for q in (
                ox.Quad(rule_node(rule.id), TYPE, ox.NamedNode(PROV + "Plan"), ox.NamedNode(inferred)),
                ox.Quad(rule_node(rule.id), LABEL, ox.Literal(f"{rule.id}: {rule.label}", language="en"),
                        ox.NamedNode(inferred)),
            )
        )  # fmt: skip
    count = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{inferred}> {{ ?s ?p ?o }} }}")
    report.trace_quads = int(next(iter(count))["n"].value) - report.triples
    report.seconds = time.perf_counter() - started
    return report
