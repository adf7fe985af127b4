"""What the graph says about one resource, and which source graph says each thing.

A linked-data page shows the statements whose subject is the resource and those that point to
it, each with the named graphs (sources) that hold it, plus readable labels for every IRI on the
page. The quads are kept as they are, so the machine formats of the page are the same data,
with the statement nodes that stand for its triples (`?n rdf:reifies <<( s p o )>>`: the
reasoner's trace), which a page does not show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from casckg.ontology import PREFIXES

from ..build.mint import graph_iri
from ..store.embedded import Store

_OUT = "SELECT ?p ?o ?g WHERE { GRAPH ?g { ?this ?p ?o } }"
_IN = "SELECT ?s ?p ?g WHERE { GRAPH ?g { ?s ?p ?this } }"
_LABELS = """SELECT ?x ?label WHERE {{
  VALUES ?x {{ {terms} }}
  {{ ?x rdfs:label|skos:prefLabel|dcterms:title ?label }}
}}"""
#: The reasoner's statement nodes of the page's inferred triples: the whole triple term is bound,
#: which the store looks up directly (a pattern with a variable inside a triple term is a scan).
_REIFIERS = "SELECT ?n ?t WHERE {{ VALUES ?t {{ {rows} }} GRAPH <{graph}> {{ ?n rdf:reifies ?t }} }}"
#: At most this many incoming statements on a page (a class has every instance pointing to it).
MAX_INCOMING = 2000


@dataclass
class Statement:
    """One triple about the resource and the graphs that hold it."""

    subject: ox.NamedNode | ox.BlankNode
    predicate: ox.NamedNode
    object: ox.NamedNode | ox.BlankNode | ox.Literal
    graphs: list[str] = field(default_factory=list)


@dataclass
class Description:
    iri: str
    outgoing: list[Statement]
    incoming: list[Statement]
    labels: dict[str, str]
    incoming_truncated: bool = False
    reifiers: list[ox.Quad] = field(default_factory=list)  # machine formats only

    @property
    def found(self) -> bool:
        return bool(self.outgoing or self.incoming)

    def quads(self) -> list[ox.Quad]:
        return [
            ox.Quad(s.subject, s.predicate, s.object, ox.NamedNode(g))
            for s in self.outgoing + self.incoming
            for g in s.graphs
        ] + self.reifiers

    def label(self, iri: str) -> str | None:
        return self.labels.get(iri)


def _group(rows: list[tuple[object, object, object, str]]) -> list[Statement]:
    by_triple: dict[tuple[object, object, object], Statement] = {}
    for s, p, o, g in rows:
        key = (s, p, o)
        if key not in by_triple:
            by_triple[key] = Statement(s, p, o)  # type: ignore[arg-type]
        by_triple[key].graphs.append(g)
    for statement in by_triple.values():
        statement.graphs.sort()
    return list(by_triple.values())


def labels(store: Store, iris: set[str], languages: tuple[str, ...] = ("en", "fr", "ru")) -> dict[str, str]:
    """A readable label per IRI: the first language of `languages` that has one, else any."""
    if not iris:
        return {}
    terms = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    rank: dict[str, tuple[int, str]] = {}
    for row in store.query(_LABELS.format(terms=terms)):
        label = row["label"]
        lang = getattr(label, "language", None) or ""
        order = languages.index(lang) if lang in languages else len(languages)
        key = row["x"].value
        if key not in rank or (order, label.value) < rank[key]:
            rank[key] = (order, label.value)
    return {iri: text for iri, (_, text) in rank.items()}


def describe(store: Store, iri: str) -> Description:
    """Everything the store says about `iri` and everything that points to it."""
    this = ox.NamedNode(iri)
    outgoing = _group([(this, r["p"], r["o"], r["g"].value) for r in store.query(_OUT, {"this": this})])
    incoming_rows = [(r["s"], r["p"], this, r["g"].value) for r in store.query(_IN, {"this": this})]
    incoming = _group(incoming_rows)
    truncated = len(incoming) > MAX_INCOMING
    incoming = incoming[:MAX_INCOMING]
    named = {iri}
    for s in outgoing + incoming:
        for term in (s.subject, s.predicate, s.object):
            if isinstance(term, ox.NamedNode):
                named.add(term.value)
        named.update(s.graphs)
    known = labels(store, named)
    return Description(iri, outgoing, incoming, known, truncated, reifiers(store, outgoing + incoming))


def reifiers(store: Store, statements: list[Statement]) -> list[ox.Quad]:
    """The quads `?n rdf:reifies <<( s p o )>>` that name the reasoner's inferred statements among
    `statements` (a blank node is never inferred)."""
    graph = graph_iri("inferred")
    rows = " ".join(f"<<( {s.subject} {s.predicate} {s.object} )>>" for s in statements if graph in s.graphs)
    if not rows:
        return []
    reifies, name = ox.NamedNode(PREFIXES["rdf"] + "reifies"), ox.NamedNode(graph)
    return [ox.Quad(r["n"], reifies, r["t"], name) for r in store.query(_REIFIERS.format(rows=rows, graph=graph))]
