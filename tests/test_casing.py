"""Text in all lower case or all capitals is read as well as cased text: case is restored first,
offsets into the original text stay true."""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.graph.build.mint import entity_iri
from casckg.ingest.casing import caseless, truecase
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json

ARTICLE = (
    "Turkmenistan and Kazakhstan took part in the meeting of the CSTO in Moscow on 12 May 2023. "
    "The delegations of Uzbekistan and Tajikistan also attended the meeting in Moscow."
)


def _labels(doc) -> set[tuple[str, str]]:
    data = extraction_json(doc, entity_iri)
    return {(e["type"].rsplit("#", 1)[-1], e["label"]) for e in data["entities"]}


@pytest.mark.parametrize("change", [str.lower, str.upper])
def test_caseless_text_finds_what_cased_text_finds(tmp_path: Path, gazetteer, change):
    cased, other = tmp_path / "cased.txt", tmp_path / "caseless.txt"
    cased.write_text(ARTICLE, encoding="utf-8")
    other.write_text(change(ARTICLE), encoding="utf-8")
    expected = _labels(extract(cased, gazetteer))
    assert {("State", "Turkmenistan"), ("Institution", "Collective Security Treaty Organization")} <= expected
    doc = extract(other, gazetteer)
    assert _labels(doc) >= {e for e in expected if e[0] in ("State", "Institution")}
    text = other.read_text(encoding="utf-8")
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text  # offsets and texts are the original's
    for st in doc.statements:
        if st.evidence is not None:
            assert text[st.evidence.start : st.evidence.end] == st.evidence.text


def test_russian_morphology_restores_proper_names_and_abbreviations(gazetteer):
    text = "министр обороны россии сергей шойгу прибыл в ташкент на заседание одкб и встретился с коллегами."
    restored = truecase(text, "ru", gazetteer)
    assert restored is not None and len(restored) == len(text)
    for word in ("России", "Сергей", "Шойгу", "Ташкент", "ОДКБ"):
        assert word in restored
    assert restored.startswith("Министр обороны")


def test_cased_text_is_left_alone(gazetteer):
    assert not caseless(ARTICLE)
    assert truecase(ARTICLE, "en", gazetteer) is None


@pytest.mark.parametrize("change", [str.lower, str.upper])
def test_a_caseless_body_under_cased_metadata_gets_its_case_back(tmp_path: Path, gazetteer, change):
    """Metadata filed by hand keep their capitals ("title: …", "publisher: …"); the body's case is what counts."""
    article = tmp_path / "article.md"
    article.write_text(
        "---\nid: csto-moscow\nurl: https://example.org/csto-moscow\npublished: 2023-05-12\n"
        "title: CSTO Meeting In Moscow With Turkmenistan And Kazakhstan\npublisher: The Daily Paper\n"
        f"language: en\n---\n{change(ARTICLE)}\n",
        encoding="utf-8",
    )
    labels = _labels(extract(article, gazetteer))
    assert {("State", "Turkmenistan"), ("State", "Uzbekistan"), ("Institution", "Collective Security Treaty Organization")} <= labels
