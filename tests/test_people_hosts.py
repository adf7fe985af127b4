"""People named with an honorific, and officials met in a host state's capital, as a reader of a short
sentence would state them (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.graph.build.mint import entity_iri
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json


def _people(tmp_path: Path, gazetteer, text: str, language: str) -> set[str]:
    """The labels of the people one article of `text` names."""
    article = tmp_path / "article.md"
    front = f"id: a\nurl: https://example.org/a\ntitle: A\npublisher: P\npublished: null\nlanguage: {language}"
    article.write_text(f"---\n{front}\n---\n{text}\n", encoding="utf-8")
    data = extraction_json(extract(article, gazetteer), entity_iri)
    return {e["label"] for e in data["entities"] if e["type"].endswith("#Person")}


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
