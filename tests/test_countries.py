"""Every state and territory is known by its names in en/fr/ru, without a record: golden answers
are the libraries' own (ISO 3166 through pycountry, CLDR through Babel), read here directly."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest
from babel import Locale

from casckg.ingest.countries import by_code, countries
from casckg.ingest.gazetteer import Gazetteer
from casckg.ingest.loaders.reference import load_reference_dir
from casckg.ingest.records import Ref
from casckg.ingest.tokens import tokenize

SOURCES = Path(__file__).resolve().parents[1] / "sources"


@pytest.fixture(scope="module")
def documents():
    return load_reference_dir(SOURCES / "reference", root=SOURCES)


@pytest.fixture(scope="module")
def gazetteer(documents):
    return Gazetteer.from_documents(documents, places=False)


def _linked(gaz: Gazetteer, text: str) -> list[str]:
    return [
        f"{m.candidates[0].ref.path}/{m.candidates[0].ref.key}"
        for m in gaz.match(tokenize(text))
        if len(m.candidates) == 1
    ]


def test_every_iso_3166_state_is_in_the_graph(documents):
    """Unless its every name already names a place or record ("Western Sahara", the region)."""
    states = {e.ref for doc in documents for e in doc.entities if "State" in e.classes}
    everything = Gazetteer.from_documents(documents)
    for c in pycountry.countries:
        if Ref("state", c.alpha_3) not in states:
            assert everything.lookup(Locale("en").territories[c.alpha_2]), c.alpha_3
    assert len(states) >= len(pycountry.countries)
    assert Ref("state", "SUN") in states  # a former state (ISO 3166-3)


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_cldr_names_link_to_their_state(gazetteer, lang):
    names = Locale(lang).territories
    for code in ("IT", "DE", "RS", "MN", "LV", "NO", "GB"):
        alpha3 = pycountry.countries.get(alpha_2=code).alpha_3
        assert _linked(gazetteer, names[code]) == [f"state/{alpha3}"], names[code]


def test_inflected_russian_and_adjectives_link_to_the_state(gazetteer):
    assert _linked(gazetteer, "визит в Италии") == ["state/ITA"]
    assert _linked(gazetteer, "Italian troops and the German delegation") == ["state/ITA", "state/DEU"]
    assert _linked(gazetteer, "la délégation italienne") == ["state/ITA"]
    assert _linked(gazetteer, "итальянские миротворцы") == ["state/ITA"]
    assert _linked(gazetteer, "после распада Советского Союза") == ["state/SUN"]


def test_the_russian_abbreviations_of_central_asian_republics_link_to_them(gazetteer):
    # "КР", "РТ", "РУз" as the region's own press writes the republics' full names
    assert _linked(gazetteer, "договор между КР, РТ и РУз о границах") == ["state/KGZ", "state/TJK", "state/UZB"]


def test_a_french_adjective_in_the_spelling_of_the_state_s_own_name_links_to_it(gazetteer):
    """ "Bélarus" is the state's own French name; its adjective "bélarusse", in any number, is Belarus too."""
    assert _linked(gazetteer, "les gardes-frontières bélarusses") == ["state/BLR"]
    assert _linked(gazetteer, "la délégation biélorusse") == ["state/BLR"]


def test_a_name_two_states_share_names_neither(gazetteer):
    assert _linked(gazetteer, "Congo") == []
    assert by_code("KOR").names["en"] == ("South Korea", "Republic of Korea")  # ISO "Korea, Republic of"


def test_the_analysts_record_overrides_the_library(documents):
    (world,) = [doc for doc in documents if doc.source.key == "iso-3166"]
    assert Ref("state", "KAZ") not in {e.ref for e in world.entities}
    assert {c.alpha3 for c in countries()} >= {c.alpha_3 for c in pycountry.countries}
