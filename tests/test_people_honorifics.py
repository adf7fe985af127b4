"""People named with an honorific, a surname in capitals or a title with a long complement, as a reader
of a short sentence would state them (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.graph.build.mint import entity_iri
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json


def _read(tmp_path: Path, gazetteer, text: str, language: str) -> dict:
    """What extraction gives for one article of `text`, as the scorer reads it."""
    article = tmp_path / "article.md"
    front = f"id: a\nurl: https://example.org/a\ntitle: A\npublisher: P\npublished: null\nlanguage: {language}"
    article.write_text(f"---\n{front}\n---\n{text}\n", encoding="utf-8")
    return extraction_json(extract(article, gazetteer), entity_iri)


def _people(tmp_path: Path, gazetteer, text: str, language: str) -> set[str]:
    """The labels of the people one article of `text` names."""
    return {e["label"] for e in _read(tmp_path, gazetteer, text, language)["entities"] if e["type"].endswith("#Person")}


def _roles(tmp_path: Path, gazetteer, text: str, person: str) -> set[str]:
    """The roles an English article of `text` gives the person."""
    data = _read(tmp_path, gazetteer, text, "en")
    labels = {e["id"]: e["label"] for e in data["entities"]}
    return {
        s["object"]["value"]
        for s in data["statements"]
        if s["predicate"].endswith("#role") and labels.get(s["subject"]) == person
    }


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Selon M. Rakhimbaïev, la coopération régionale progresse.", "fr", "Rakhimbaïev"),
        ("Mme Toktogulova a déclaré que le dialogue continuerait.", "fr", "Toktogulova"),
        ("Mr Pemberton told reporters that the talks had gone well.", "en", "Pemberton"),
    ],
)
def test_an_honorific_is_no_part_of_the_name(tmp_path, gazetteer, text, language, name):
    assert _people(tmp_path, gazetteer, text, language) == {name}


def _affiliations(tmp_path: Path, gazetteer, text: str, language: str) -> set[tuple[str, str]]:
    """(person, state or body) for each affiliation one article of `text` states."""
    data = _read(tmp_path, gazetteer, text, language)
    labels = {e["id"]: e["label"] for e in data["entities"]}
    return {
        (labels[s["subject"]], labels.get(s["object"], s["object"]))
        for s in data["statements"]
        if s["predicate"].endswith("#affiliatedWith")
    }


def test_a_title_naming_its_state_keeps_it(tmp_path, gazetteer):
    text = "In Dushanbe, the envoy met the Russian Defence Minister, Pavel Gromov."
    assert {s for p, s in _affiliations(tmp_path, gazetteer, text, "en") if p == "Pavel Gromov"} == {"Russia"}


@pytest.mark.parametrize(
    ("text", "person", "body", "role"),
    [
        (
            "WHO Regional Director for Europe Anna Lindqvist addressed the meeting.",
            "Anna Lindqvist",
            "World Health Organization",
            "regional director",
        ),
        (
            "The High Representative of the European Union (EU) for Foreign Affairs and Security Policy Marco "
            "Bellini spoke in Dushanbe.",
            "Marco Bellini",
            "European Union",
            "high representative",
        ),
    ],
)
def test_a_titles_complement_of_capitalised_words_ends_where_a_name_begins(
    tmp_path, gazetteer, text, person, body, role
):
    assert (person, body) in _affiliations(tmp_path, gazetteer, text, "en")
    assert role in _roles(tmp_path, gazetteer, text, person)


def test_a_title_before_a_second_title_is_not_a_complement(tmp_path, gazetteer):
    text = "The talks were chaired by the Minister of Defence and Foreign Minister Ivan Dobrev."
    assert not {b for p, b in _affiliations(tmp_path, gazetteer, text, "en") if p == "Ivan Dobrev"}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Le ministre des Affaires étrangères, M. Bakhtiyor ODILOV, a reçu l'ambassadeur. M. Odilov a salué la "
            "coopération.",
            "fr",
            "Bakhtiyor Odilov",
        ),
        (
            "President Temirlan ASANBEKOV received the delegation. Asanbekov thanked the guests.",
            "en",
            "Temirlan Asanbekov",
        ),
    ],
)
def test_a_surname_in_capitals_is_one_person_with_the_surname_as_written_elsewhere(
    tmp_path, gazetteer, text, language, name
):
    assert _people(tmp_path, gazetteer, text, language) == {name}
