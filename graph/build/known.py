"""A gazetteer of what the store already knows: every entity's labels, aliases and acronyms.

Extraction finds entities by name. The names come from the graph itself (the reference records
and the articles ingested before), so an article read today links to the entities earlier
sources introduced. One SPARQL query (`queries/articles/known-names.rq`) gives each entity's top class and
names in every language; another gives where places lie, which the gazetteer uses to tell a
city's state.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from casckg.ingest.gazetteer import Gazetteer
from casckg.ingest.records import Ref
from casckg.queries import internal

from ..query import run
from ..store.embedded import Store
from .mint import ref_of

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def gazetteer_from_store(store: Store, base: str | None = None, places: bool = True) -> Gazetteer:
    """A gazetteer of every entity in the store that has a name (plus the places lexicon)."""
    classes: dict[Ref, str] = {}
    labels: dict[Ref, dict[str, str]] = defaultdict(dict)
    names: dict[Ref, list[str]] = defaultdict(list)
    for row in run(store, internal("articles", "known-names")):
        entity, name = row["entity"], row["name"]
        ref = ref_of(entity.value, base) if isinstance(entity, ox.NamedNode) else None
        if ref is None or not isinstance(name, ox.Literal):
            continue
        classes.setdefault(ref, row["top"].value.rpartition("#")[2])
        names[ref].append(name.value)
        if row["predicate"].value == RDFS_LABEL:
            labels[ref].setdefault(name.language or "", name.value)
    gaz = Gazetteer()
    for ref in sorted(classes):
        by_lang = labels.get(ref, {})
        label = by_lang.get("en") or next(iter(sorted(by_lang.items())), ("", names[ref][0]))[1]
        gaz.add(ref, classes[ref], label, sorted(set(names[ref])))
    for row in run(store, internal("articles", "places-within")):
        inner, outer = ref_of(row["inner"].value, base), ref_of(row["outer"].value, base)
        if inner and outer and row["direct"].value == "true":
            gaz.located.setdefault(inner, outer)
    if places:
        gaz.add_places()
    return gaz
