"""Places no record knows, read by the language models: a town or a range the text puts something at
("à Matyboulak", "в Термезе") is a place of its own; a word the model misreads as a place elsewhere
("chefs d'État") or the town of a date line ("Paris, 7 juin 2002") is not. Hand-written sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.ingest.extract import extract


def _places(tmp_path: Path, gazetteer, language: str, text: str) -> set[str]:
    path = tmp_path / f"{language}.md"
    front = f"---\nid: p-{language}\ntitle: T\npublisher: P\nlanguage: {language}\npublished: 2024-01-01\nurl: https://example.org/p\n---\n"
    path.write_text(front + text + "\n", encoding="utf-8")
    doc = extract(path, gazetteer)
    places = {e.ref for e in doc.entities if "Place" in e.classes}
    return {m.text for m in doc.mentions if m.ref in places}


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("fr", "Les manoeuvres se sont déroulées à Kapchagaï sous la pluie.", "Kapchagaï"),
        ("fr", "Les ministres se retrouveront en juin à Tcholpon-Ata pour un sommet.", "Tcholpon-Ata"),
        ("ru", "Учения прошли вблизи границы, в Кулябе, при участии двух батальонов.", "Кулябе"),
    ],
)
def test_a_place_the_text_puts_something_at_is_found(tmp_path, gazetteer, language, text, place):
    assert place in _places(tmp_path, gazetteer, language, text)


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("fr", "Les chefs d'État ont adopté une déclaration commune.", "État"),
        ("fr", "Déclaration du porte-parole (Lyon, 07 juin 2002). Le ministre a reçu son homologue.", "Lyon"),
    ],
)
def test_a_word_read_as_a_place_outside_a_locative_is_not_minted(tmp_path, gazetteer, language, text, word):
    assert word not in _places(tmp_path, gazetteer, language, text)
