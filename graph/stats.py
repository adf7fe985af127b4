"""How big the graph is: counts per class, per property and per source."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from casckg.ontology import ONTOLOGY_IRI, PREFIXES

from .querying import short
from .store import Store

_CLASSES = """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(STRSTARTS(STR(?c), STR(cas:))) }
GROUP BY ?c ORDER BY DESC(?n) ?c"""
_PROPERTIES = """SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != ?ontology) }
GROUP BY ?p ORDER BY DESC(?n) ?p"""
_SOURCES = """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"""


@dataclass
class Stats:
    classes: list[tuple[str, int]]
    properties: list[tuple[str, int]]
    sources: list[tuple[str, int]]

    @property
    def quads(self) -> int:
        return sum(n for _, n in self.sources)

    @property
    def graphs(self) -> int:
        return len(self.sources)


def curie(iri: str) -> str:
    """An IRI in its shortest readable form: a known prefix, else relative to the entity base."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return short(ox.NamedNode(iri))


def stats(store: Store) -> Stats:
    """Count what the store holds."""
    ontology = {"ontology": ox.NamedNode(ONTOLOGY_IRI)}

    def counts(sparql: str, key: str, bindings: dict | None = None) -> list[tuple[str, int]]:
        return [(curie(row[key].value), int(row["n"].value)) for row in store.query(sparql, bindings)]

    return Stats(counts(_CLASSES, "c"), counts(_PROPERTIES, "p", ontology), counts(_SOURCES, "g"))
