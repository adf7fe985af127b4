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


def _article(path: Path, language: str, body: str, title: str = "A report") -> Path:
    path.write_text(
        f"---\nid: {path.stem}\nurl: https://example.org/{path.stem}\npublished: 2024-03-01\n"
        f"title: {title}\npublisher: The Daily Paper\nlanguage: {language}\n---\n{body}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("change", [str.lower, str.upper])
def test_a_caseless_body_under_cased_metadata_gets_its_case_back(tmp_path: Path, gazetteer, change):
    """Metadata filed by hand keep their capitals ("title: …", "publisher: …"); the body's case is what counts."""
    title = "CSTO Meeting In Moscow With Turkmenistan And Kazakhstan"
    labels = _labels(extract(_article(tmp_path / "article.md", "en", change(ARTICLE), title), gazetteer))
    assert {
        ("State", "Turkmenistan"),
        ("State", "Uzbekistan"),
        ("Institution", "Collective Security Treaty Organization"),
    } <= labels


@pytest.mark.parametrize("change", [str.lower, str.upper])
def test_people_no_record_knows_are_found_in_caseless_text(tmp_path: Path, gazetteer, change):
    """A name no record knows has no gazetteer entry to restore its case from: it is found because
    its words are rare in the language, while the common words around it stay in lower case."""
    bodies = {
        "en": "The meeting in Almaty was opened by the Director of the Centre, Colonel Bauyrzhan Nigmetullin, "
        "who welcomed the guests from the region.",
        "fr": "Le ministre kazakh Erlan Karin a ensuite rencontré ses homologues à Almaty pour parler de la frontière.",
    }
    for language, body in bodies.items():
        restored = truecase(change(body), language, gazetteer)
        assert restored is not None and len(restored) == len(body)
        assert " the guests" in restored or " ses homologues" in restored  # common words stay as they were
        doc = extract(_article(tmp_path / f"{language}.md", language, change(body)), gazetteer)
        people = {label for kind, label in _labels(doc) if kind == "Person"}
        assert any("Nigmetullin" in p or "Karin" in p for p in people), (language, restored, people)
