"""The first-level regions of the five Central Asian states, as an analyst checks them against ISO 3166-2.

The golden list is the standard itself, read through pycountry: every subdivision of Kazakhstan,
Kyrgyzstan, Tajikistan, Uzbekistan and Turkmenistan must be a place of the reference graph, under
the state it belongs to, and every code a record gives must be a real one.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pycountry
import pytest

from casckg.ingest.loaders.reference import load_reference_dir
from casckg.ingest.records import Literal, Ref, Statement

REFERENCE = Path(__file__).parent.parent / "sources" / "reference"
FIVE = ("KZ", "KG", "TJ", "UZ", "TM")
# Subdivisions that are cities, or regions written before codes were recorded: the records that stand for them.
CITY_RECORDS = {
    "KZ-71": "astana",
    "KZ-75": "almaty",
    "KZ-79": "shymkent",
    "KG-GB": "bishkek",
    "KG-GO": "osh",
    "KG-B": "batken-region",
    "TJ-DU": "dushanbe",
    "TJ-GB": "gorno-badakhshan",
    "UZ-TK": "tashkent",
    "TM-S": "ashgabat",
}


@cache
def statements() -> tuple[Statement, ...]:
    documents = load_reference_dir(REFERENCE, root=REFERENCE.parent)
    return tuple(s for doc in documents for s in doc.statements)


def coded_places() -> dict[str, Ref]:
    return {
        s.object.value: s.subject
        for s in statements()
        if s.predicate == "cas:subdivisionCode" and isinstance(s.object, Literal)
    }


def located_in(place: Ref) -> set[Ref]:
    return {s.object for s in statements() if s.subject == place and s.predicate == "cas:locatedIn"}


def test_every_code_given_is_a_real_iso_3166_2_code_of_the_state_the_place_is_in() -> None:
    coded = coded_places()
    assert coded, "no place gives an ISO 3166-2 code"
    for code, place in coded.items():
        subdivision = pycountry.subdivisions.get(code=code)
        assert subdivision is not None, f"{place.key}: {code} is not an ISO 3166-2 code"
        state = Ref("state", pycountry.countries.get(alpha_2=subdivision.country_code).alpha_3)
        assert state in located_in(place), f"{place.key} ({code}) is not located in {state.key}"


@pytest.mark.parametrize("country", FIVE)
def test_every_first_level_subdivision_of_the_five_states_is_a_place(country: str) -> None:
    coded = coded_places()
    places = {s.subject for s in statements() if s.subject.path == "place"}
    missing = []
    for subdivision in pycountry.subdivisions.get(country_code=country):
        place = coded.get(subdivision.code) or Ref("place", CITY_RECORDS.get(subdivision.code, ""))
        if place not in places:
            missing.append(f"{subdivision.code} {subdivision.name}")
    assert not missing, f"no place for {missing}"


def test_a_region_named_like_its_centre_leaves_the_bare_name_to_the_city() -> None:
    names: dict[str, set[str]] = {}
    for s in statements():
        if s.predicate in ("rdfs:label", "skos:altLabel") and isinstance(s.object, Literal):
            names.setdefault(s.object.value, set()).add(s.subject.key)
    for bare, city in {"Osh": "osh", "Naryn": "naryn", "Talas": "talas", "Jalal-Abad": "jalal-abad"}.items():
        assert names.get(bare) == {city}, f"{bare!r} names {names.get(bare)}"
