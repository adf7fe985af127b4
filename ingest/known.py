"""A gazetteer of what a store knows, from the rows the store gives.

Graph runs the queries (every entity's top class and names, where places lie, where missions
operate) and hands the rows over as `KnownName`s and pairs of references; the gazetteer is
built here, the same way whoever asks. So an article read today links to the entities earlier
sources introduced.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .records import Ref


@dataclass(frozen=True)
class KnownName:
    """One name of one entity: its top class (local name), the name, its language, and whether it is a label."""

    ref: Ref
    top: str
    name: str
    language: str = ""
    label: bool = False


def gazetteer_of_names(
    names: Iterable[KnownName],
    located: Iterable[tuple[Ref, Ref]] = (),
    missions: Iterable[tuple[Ref, Ref]] = (),
    places: bool = True,
) -> Gazetteer:
    """A gazetteer of every named entity, where places lie (inner, outer) and where missions operate.

    The English label names an entity when it has one, else the first label in language order.

    >>> kaz = Ref("state", "KAZ")
    >>> gaz = gazetteer_of_names([KnownName(kaz, "State", "Kazakhstan", "en", True),
    ...                           KnownName(kaz, "State", "Казахстан", "ru", True)], places=False)
    >>> [k.label for k in gaz.lookup("Казахстан")]
    ['Kazakhstan']
    """
    classes: dict[Ref, str] = {}
    labels: dict[Ref, dict[str, str]] = defaultdict(dict)
    all_names: dict[Ref, list[str]] = defaultdict(list)
    for row in names:
        classes.setdefault(row.ref, row.top)
        all_names[row.ref].append(row.name)
        if row.label:
            labels[row.ref].setdefault(row.language, row.name)
    gaz = Gazetteer()
    for ref in sorted(classes):
        by_lang = labels.get(ref, {})
        label = by_lang.get("en") or next(iter(sorted(by_lang.items())), ("", all_names[ref][0]))[1]
        gaz.add(ref, classes[ref], label, sorted(set(all_names[ref])))
    for inner, outer in located:
        gaz.located.setdefault(inner, outer)
    for mission, location in missions:
        gaz.missions_at[location].add(mission)
    if places:
        gaz.add_places()
    return gaz
