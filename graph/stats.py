"""How big the graph is: counts per class, per property and per source.

Classes and properties count what the graph holds as a set: an entity or a fact that several
sources state is counted once (a property's count is its distinct triples). Sources count their
own quads, so the per-source counts add up to the store's quads.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from casckg.ontology import ONTOLOGY_IRI

from .query import short
from .store.embedded import Store

_CLASSES = """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(STRSTARTS(STR(?c), STR(cas:))) }
GROUP BY ?c ORDER BY DESC(?n) ?c"""
# The ontology's IRI is written into the subquery (a VALUES binding would not reach inside it).
_PROPERTIES = """SELECT ?p (COUNT(*) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {ontology}) }} }}
}} GROUP BY ?p ORDER BY DESC(?n) ?p"""
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
    def facts(self) -> int:
        """Distinct triples outside the ontology, each counted once whichever sources state it."""
        return sum(n for _, n in self.properties)

    @property
    def graphs(self) -> int:
        return len(self.sources)


def stats(store: Store) -> Stats:
    """Count what the store holds."""

    def counts(sparql: str, key: str) -> list[tuple[str, int]]:
        return [(short(row[key]), int(row["n"].value)) for row in store.query(sparql)]

    return Stats(
        counts(_CLASSES, "c"),
        counts(_PROPERTIES.format(ontology=ox.NamedNode(ONTOLOGY_IRI)), "p"),
        counts(_SOURCES, "g"),
    )
