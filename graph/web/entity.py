"""What an entity's page shows a reader, built from the same statements as its RDF twins.

`describe` gathers every quad about a resource; this module arranges them for reading: the
names (labels per language, aliases), types and Wikidata link in a block; the statements
grouped by property, named by the ontology's labels in the reader's language; each statement
with its sources, the pages they cite and the evidence sentences of the articles that state it;
what only the reasoner concluded apart; dated neighbours on a timeline. The reasoner's and the
extractor's bookkeeping (statement nodes, assertions, merge and ingest records) is left out of
the page by its type; it stays in the machine formats. An article's page also lists every
statement extracted from it, with the evidence sentence and the names it mentions marked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox
from markupsafe import Markup, escape

from casckg.ontology import PREFIXES, expand

from ..build.mint import graph_iri
from ..network.projection import config
from ..query import short
from ..store.embedded import Store
from .describe import Description, Statement, labels

RDF, RDFS, SKOS, OWL, CAS = (PREFIXES[p] for p in ("rdf", "rdfs", "skos", "owl", "cas"))
TYPE, LABEL, ALT, SAME = RDF + "type", RDFS + "label", SKOS + "altLabel", OWL + "sameAs"
CITATION = CAS + "citation"
#: Shown in the name block, not among the statements.
_BLOCK = {TYPE, LABEL, ALT, SAME, SKOS + "prefLabel", CITATION}
DATES = (CAS + "date", CAS + "startDate", CAS + "endDate")

_BOOKKEEPING = """SELECT DISTINCT ?x WHERE {{
  VALUES ?x {{ {terms} }}
  {{ ?x a/rdfs:subClassOf* ?kind VALUES ?kind {{ rdf:Statement prov:Activity }} }}
  UNION {{ ?x rdf:subject ?any }}  # RDF Schema: the domain of rdf:subject is rdf:Statement
  UNION {{ ?x rdf:reifies ?any }}  # a reifier: the reasoner's statement nodes
}}"""
_EVIDENCE = """SELECT ?s ?p ?o ?evidence ?source WHERE {
  { ?a rdf:subject ?this } UNION { ?a rdf:object ?this }
  ?a a cas:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; cas:evidence ?evidence .
  OPTIONAL { ?a prov:wasDerivedFrom ?source }
}"""
_CITED = """SELECT ?x ?g ?url WHERE {{
  VALUES ?x {{ {terms} }} GRAPH ?g {{ ?x cas:citation|prov:hadPrimarySource ?url }}
}}"""
_SUPERS = "SELECT ?p ?q WHERE { ?p rdfs:subPropertyOf+ ?q FILTER(isIRI(?q)) }"
_INVERSES = "SELECT ?p ?q WHERE { { ?p owl:inverseOf ?q } UNION { ?q owl:inverseOf ?p } }"
_DATED = """SELECT ?x ?p ?d WHERE {{ VALUES ?x {{ {terms} }} ?x ?p ?d VALUES ?p {{ {dates} }} }}"""
_EXTRACTED = """SELECT ?s ?p ?o ?evidence ?start WHERE {
  ?a a cas:Assertion ; prov:wasDerivedFrom ?this ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     cas:evidence ?evidence .
  OPTIONAL { ?a cas:startOffset ?start }
} ORDER BY ?start ?s ?p"""
_YEAR = re.compile(r"^\d{4}")  # a date without its year (--05-31) has no place on a timeline
_NAMES = """SELECT ?x ?name WHERE {{ VALUES ?x {{ {terms} }} ?x rdfs:label|skos:altLabel ?name }}"""


@dataclass
class Source:
    iri: str
    cited: list[str] = field(default_factory=list)  # the pages this source cites for the statement


@dataclass
class Row:
    """One statement as a reader sees it: the other end, who says it, and in which words."""

    other: ox.NamedNode | ox.BlankNode | ox.Literal
    sources: list[Source]
    evidence: list[tuple[str, str | None]] = field(default_factory=list)  # (sentence, source)
    inferred: bool = False


@dataclass
class Group:
    property: str
    rows: list[Row]


@dataclass
class Extracted:
    subject: ox.NamedNode
    predicate: ox.NamedNode
    object: ox.NamedNode | ox.Literal
    evidence: Markup


@dataclass
class EntityPage:
    iri: str
    names: dict[str, list[str]]  # language -> labels
    aliases: dict[str, list[str]]
    types: list[str]
    wikidata: list[str]
    cited: list[str]
    outgoing: list[Group]
    incoming: list[Group]
    inferred: list[tuple[str, Group]]  # ("out" | "in", group)
    timeline: list[tuple[str, str, str]]  # (date, property, resource)
    extracted: list[Extracted]
    labels: dict[str, str]
    hidden: int  # bookkeeping statements left out of the page

    @property
    def inferred_count(self) -> int:
        return sum(len(group.rows) for _, group in self.inferred)


def _terms(iris: set[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in sorted(iris))


def _bookkeeping(store: Store, iris: set[str]) -> set[str]:
    if not iris:
        return set()
    return {r["x"].value for r in store.query(_BOOKKEEPING.format(terms=_terms(iris)))}


def _other(statement: Statement, outgoing: bool) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    return statement.object if outgoing else statement.subject


def _key(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode) else str(term)


def build_page(store: Store, description: Description, lang_order: tuple[str, ...]) -> EntityPage:
    """The reader's view of `description` (what `describe` found about one resource)."""
    iri = description.iri
    inferred_graph = graph_iri("inferred")
    names, aliases, types, wikidata, cited = _name_block(description, inferred_graph)

    others = {s.subject.value for s in description.incoming if isinstance(s.subject, ox.NamedNode)}
    others |= {s.object.value for s in description.outgoing if isinstance(s.object, ox.NamedNode)}
    hidden_nodes = _bookkeeping(store, others)
    inverses: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_INVERSES):
        inverses[r["p"].value].add(r["q"].value)
    stated_out = {(s.predicate.value, _key(s.object)) for s in description.outgoing}

    graphs = {g for s in description.outgoing + description.incoming for g in s.graphs}
    row = _row_maker(store, description, graphs, hidden_nodes, inferred_graph)

    hidden = 0
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for outgoing, statements in ((True, description.outgoing), (False, description.incoming)):
        for s in statements:
            other = _other(s, outgoing)
            if (outgoing and s.predicate.value in _BLOCK) or _key(other) in hidden_nodes:
                hidden += int(_key(other) in hidden_nodes)
                continue
            if not outgoing and any((q, _key(s.subject)) in stated_out for q in inverses.get(s.predicate.value, ())):
                continue  # said once, as the inverse statement of this resource
            groups[("out" if outgoing else "in", s.predicate.value)].append(row(s, outgoing))
    _drop_wider(groups, _super_properties(store), inverses)

    named = set(description.labels)
    known = labels(
        store,
        {p for _, p in groups}
        | set(types)
        | {r.other.value for rows in groups.values() for r in rows if isinstance(r.other, ox.NamedNode)}
        | named
        | graphs,
        lang_order,
    )

    outgoing, incoming, inferred = _arrange(groups, known)

    neighbours = {_key(r.other) for rows in groups.values() for r in rows if isinstance(r.other, ox.NamedNode)}
    timeline = _timeline(store, iri, neighbours)
    extracted = _extracted(store, iri)
    more = {t.value for e in extracted for t in (e.subject, e.predicate, e.object) if isinstance(t, ox.NamedNode)}
    more |= {x for _, p, x in timeline} | {p for _, p, _ in timeline}
    if more - set(known):
        known.update(labels(store, more - set(known), lang_order))
    unnamed = (neighbours | {x for _, _, x in timeline}) - set(known)
    known.update(_record_names(store, unnamed, lang_order))
    return EntityPage(
        iri,
        _ordered(names, lang_order),
        _ordered(aliases, lang_order),
        sorted(set(types)),
        sorted(set(wikidata)),
        sorted(set(cited)),
        outgoing,
        incoming,
        inferred,
        timeline,
        extracted,
        known,
        hidden,
    )


def _row_maker(
    store: Store, description: Description, graphs: set[str], hidden_nodes: set[str], inferred_graph: str
) -> Callable[[Statement, bool], Row]:
    """What turns one statement into a row: its sources with the pages they cite for it, and
    the evidence sentences of the assertions that state it (read once for the whole page)."""
    iri = description.iri
    evidence: dict[tuple[str, str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for r in store.query(_EVIDENCE, {"this": ox.NamedNode(iri)}):
        source = r["source"].value if r["source"] is not None else None
        evidence[(r["s"].value, r["p"].value, _key(r["o"]))].append((r["evidence"].value, source))
    citations: dict[tuple[str, str], list[str]] = defaultdict(list)
    subjects = {iri} | {s.subject.value for s in description.incoming if isinstance(s.subject, ox.NamedNode)}
    for r in store.query(_CITED.format(terms=_terms((subjects | graphs) - hidden_nodes))):
        citations[(r["x"].value, r["g"].value)].append(r["url"].value)

    def row(s: Statement, outgoing: bool) -> Row:
        subject = s.subject.value if isinstance(s.subject, ox.NamedNode) else iri
        sources = []
        for g in s.graphs:
            if g == inferred_graph:
                continue
            pages = citations.get((subject, g)) or citations.get((g, g)) or []
            sources.append(Source(g, sorted(set(pages))))
        said = evidence.get((_key(s.subject), s.predicate.value, _key(s.object)), [])
        return Row(_other(s, outgoing), sources, said, inferred=not sources)

    return row


def _name_block(description: Description, inferred_graph: str) -> tuple[dict, dict, list, list, list]:
    """What the page's head shows: labels and aliases per language, the types sources state,
    Wikidata pages and cited pages."""
    names: dict[str, list[str]] = defaultdict(list)
    aliases: dict[str, list[str]] = defaultdict(list)
    types, wikidata, cited = [], [], []
    for s in description.outgoing:
        p, o = s.predicate.value, s.object
        if p in (LABEL, SKOS + "prefLabel") and isinstance(o, ox.Literal):
            names[o.language or ""].append(o.value)
        elif p == ALT and isinstance(o, ox.Literal):
            aliases[o.language or ""].append(o.value)
        elif p == TYPE and isinstance(o, ox.NamedNode) and s.graphs != [inferred_graph]:
            types.append(o.value)
        elif p == SAME and isinstance(o, ox.NamedNode) and "wikidata.org" in o.value:
            wikidata.append(o.value.replace("http://www.wikidata.org/entity/", "https://www.wikidata.org/wiki/"))
        elif p == CITATION:
            cited.append(o.value)
    return names, aliases, types, wikidata, cited


def _arrange(
    groups: dict[tuple[str, str], list[Row]], known: dict[str, str]
) -> tuple[list[Group], list[Group], list[tuple[str, Group]]]:
    """Groups in the order a reader scans them (by property label, rows by label): what sources
    state outgoing, what they state incoming, and apart what only the reasoner concluded."""

    def label_key(r: Row) -> str:
        return (known.get(_key(r.other)) or _key(r.other)).lower()

    outgoing, incoming, inferred = [], [], []
    for (direction, p), rows in sorted(groups.items(), key=lambda kv: (known.get(kv[0][1]) or kv[0][1]).lower()):
        stated = sorted((r for r in rows if not r.inferred), key=label_key)
        only_inferred = sorted((r for r in rows if r.inferred), key=label_key)
        if stated:
            (outgoing if direction == "out" else incoming).append(Group(p, stated))
        if only_inferred:
            inferred.append((direction, Group(p, only_inferred)))
    return outgoing, incoming, inferred


def _record_names(store: Store, nodes: set[str], lang_order: tuple[str, ...]) -> dict[str, str]:
    """Names for n-ary records (a membership, a deployment), which have no label of their own:
    the relation they fold into and the resource they lead to ("member of CSTO"), as the
    explorer's configuration (explorer.yaml `nary`) says."""
    if not nodes:
        return {}
    targets: dict[str, tuple[str, str]] = {}
    for cls, rule in config()["nary"].items():
        query = f"SELECT ?x ?y WHERE {{ VALUES ?x {{ {_terms(nodes)} }} ?x a cas:{cls} ; {rule['to']} ?y }}"
        for r in store.query(query):
            targets[r["x"].value] = (expand(rule["relation"]), r["y"].value)
    found = labels(store, {t for pair in targets.values() for t in pair}, lang_order)
    return {
        x: f"{found.get(rel, short(ox.NamedNode(rel)))} {found.get(y, short(ox.NamedNode(y)))}"
        for x, (rel, y) in targets.items()
    }


def _super_properties(store: Store) -> dict[str, set[str]]:
    """Each property with every property it is a sub-property of (itself included), from the ontology."""
    supers: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_SUPERS):
        supers[r["p"].value] |= {r["p"].value, r["q"].value}
    return supers


def _drop_wider(
    groups: dict[tuple[str, str], list[Row]], supers: dict[str, set[str]], inverses: dict[str, set[str]]
) -> None:
    """Leave out the inferred rows that only repeat another row of the page with a wider
    property (dcterms:isPartOf beside cas:partOf), either way round (←isPartOf beside hasPart,
    whose inverse partOf is narrower): the page says each thing once, in its narrowest words."""
    said: dict[tuple[str, str], set[str]] = defaultdict(set)  # (direction, other) -> what covers it
    for (direction, p), rows in groups.items():
        flipped = "in" if direction == "out" else "out"
        for r in rows:
            other = _key(r.other)
            said[(direction, other)] |= {q for q in supers.get(p, {p}) if q != p}
            for inverse in inverses.get(p, ()):
                said[(flipped, other)] |= supers.get(inverse, {inverse})
    for (direction, p), rows in list(groups.items()):
        kept = [r for r in rows if not (r.inferred and p in said[(direction, _key(r.other))])]
        if kept:
            groups[(direction, p)] = kept
        else:
            del groups[(direction, p)]


def _ordered(by_lang: dict[str, list[str]], lang_order: tuple[str, ...]) -> dict[str, list[str]]:
    order = {code: i for i, code in enumerate(lang_order)}
    return {k: sorted(set(v)) for k, v in sorted(by_lang.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))}


def _timeline(store: Store, iri: str, neighbours: set[str]) -> list[tuple[str, str, str]]:
    """(date, date property, resource) of this resource and its neighbours that carry a date."""
    terms = _terms(neighbours | {iri})
    dates = " ".join(f"<{d}>" for d in DATES)
    rows = store.query(_DATED.format(terms=terms, dates=dates))
    return sorted({(r["d"].value, r["p"].value, r["x"].value) for r in rows if _YEAR.match(r["d"].value)})


def mark(sentence: str, names: list[str]) -> Markup:
    """The sentence as HTML with each of `names` found in it marked (longest first; escaped)."""
    spans: list[tuple[int, int]] = []
    for name in sorted({n for n in names if len(n) > 2}, key=len, reverse=True):
        for m in re.finditer(re.escape(name), sentence, re.IGNORECASE):
            if all(m.end() <= a or m.start() >= b for a, b in spans):
                spans.append((m.start(), m.end()))
    out, at = Markup(""), 0
    for start, end in sorted(spans):
        out += escape(sentence[at:start]) + Markup("<mark>") + escape(sentence[start:end]) + Markup("</mark>")
        at = end
    return out + escape(sentence[at:])


def _extracted(store: Store, iri: str) -> list[Extracted]:
    """Every statement extracted from the source `iri` (an article), with its evidence marked."""
    rows = list(store.query(_EXTRACTED, {"this": ox.NamedNode(iri)}))
    if not rows:
        return []
    entities = {t.value for r in rows for t in (r["s"], r["o"]) if isinstance(t, ox.NamedNode)}
    names: dict[str, list[str]] = defaultdict(list)
    for r in store.query(_NAMES.format(terms=_terms(entities))):
        names[r["x"].value].append(r["name"].value)
    out = []
    for r in rows:
        mentioned = names.get(r["s"].value, []) + names.get(_key(r["o"]), [])
        if isinstance(r["o"], ox.Literal):
            mentioned.append(r["o"].value)
        out.append(Extracted(r["s"], r["p"], r["o"], mark(r["evidence"].value, mentioned)))
    return out
