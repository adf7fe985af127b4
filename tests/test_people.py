"""People, their roles, and the states and institutions they speak for, as a reader of a short
sentence would state them: titles before or after a name, nationality adjectives, possessives,
plural titles over lists of names, in English, French and Russian."""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.graph.build.mint import entity_iri
from casckg.ingest.extract import extract
from casckg.ingest.extraction import extraction_json


def _facts(tmp_path: Path, gazetteer, text: str) -> set[tuple[str, str, str]]:
    """(subject label, property, object label or literal) of every statement of one article."""
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    data = extraction_json(extract(article, gazetteer), entity_iri)
    labels = {e["id"]: e["label"] for e in data["entities"]}
    out = set()
    for s in data["statements"]:
        obj = s["object"]
        obj = obj["value"] if isinstance(obj, dict) else labels.get(obj, obj)
        out.add((labels.get(s["subject"], s["subject"]), s["predicate"].rsplit("#", 1)[-1], obj))
    return out


def _roles(facts: set[tuple[str, str, str]], person: str) -> list[str]:
    return [o for s, p, o in facts if s == person and p == "role"]


@pytest.mark.parametrize(
    ("text", "person", "state"),
    [
        (
            "Le Premier ministre arménien Nikol Pachinian a déclaré mardi que son pays envisageait de quitter "
            "l'organisation.",
            "Nikol Pachinian",
            "Armenia",
        ),
        (
            "Georgian Defence Minister Irakli Tamaz arrived in Tashkent on Monday for talks with his counterpart.",
            "Irakli Tamaz",
            "Georgia",
        ),
    ],
)
def test_a_nationality_adjective_in_a_title_gives_the_persons_state(tmp_path, gazetteer, text, person, state):
    facts = _facts(tmp_path, gazetteer, text)
    assert (person, "affiliatedWith", state) in facts
