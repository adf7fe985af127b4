"""A gazetteer of what the store already knows: every entity's labels, aliases and acronyms.

Extraction finds entities by name. The names come from the graph itself (the reference records
and the articles ingested before), so an article read today links to the entities earlier
sources introduced. The queries (`queries/articles/known-names.rq`, `places-within.rq`,
`missions-at.rq`) run here; ingest builds the gazetteer from their rows.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from casckg.ingest.contract import Gazetteer, KnownName, Ref, gazetteer_of_names
from casckg.queries import internal

from ..query import run
from ..store.embedded import Store
from .mint import ref_of

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _names(store: Store, base: str | None) -> Iterator[KnownName]:
    for row in run(store, internal("articles", "known-names")):
        entity, name = row["entity"], row["name"]
        ref = ref_of(entity.value, base) if isinstance(entity, ox.NamedNode) else None
        if ref is not None and isinstance(name, ox.Literal):
            top = row["top"].value.rpartition("#")[2]
            yield KnownName(ref, top, name.value, name.language or "", row["predicate"].value == RDFS_LABEL)


def _pairs(store: Store, query: str, first: str, second: str, base: str | None) -> Iterator[tuple[Ref, Ref]]:
    for row in run(store, internal("articles", query)):
        if query == "places-within" and row["direct"].value != "true":
            continue
        one, other = ref_of(row[first].value, base), ref_of(row[second].value, base)
        if one and other:
            yield one, other


def gazetteer_from_store(store: Store, base: str | None = None, places: bool = True) -> Gazetteer:
    """A gazetteer of every entity in the store that has a name (plus the places lexicon)."""
    return gazetteer_of_names(
        _names(store, base),
        located=_pairs(store, "places-within", "inner", "outer", base),
        missions=_pairs(store, "missions-at", "mission", "location", base),
        places=places,
    )
