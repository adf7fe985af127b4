"""Who proposed a forum, an agreement or a resolution: the subject of a proposal verb that governs it
("proposed holding the X Conference", "предложил провести"), or the author a proposal noun names ("held
at the initiative of X", "à l'initiative de X", "по инициативе X").

Hand-written sentences in each language; a reader checks who proposed what.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casckg.ingest.extract import extract


def _proposed(tmp_path: Path, gazetteer, language: str, text: str) -> set[tuple[str, str]]:
    path = tmp_path / f"{language}.md"
    front = (
        f"---\nid: p-{language}\ntitle: T\npublisher: P\nlanguage: {language}\npublished: 2024-01-01\n"
        f"url: https://example.org/{language}\n---\n"
    )
    path.write_text(front + text + "\n", encoding="utf-8")
    doc = extract(path, gazetteer)
    return {(s.subject.key, s.object.key) for s in doc.statements if s.predicate == "cas:proposed"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In 2017, Uzbekistan proposed holding the Tashkent Conference on Afghanistan."),
        ("en", "The Tashkent Conference on Afghanistan, held at the initiative of Uzbekistan, gathered twenty states."),
        ("ru", "Узбекистан предложил провести Ташкентскую конференцию по Афганистану."),
        ("ru", "Ташкентская конференция по Афганистану была созвана по инициативе Узбекистана."),
    ],
)
def test_the_proposer_of_a_known_forum(tmp_path, gazetteer, language, text):
    # the forum is a reference record; the proposer is the state the construction names
    assert ("UZB", "tashkent-afghanistan-conference-2018") in _proposed(tmp_path, gazetteer, language, text)


def test_the_proposer_of_a_forum_named_only_in_the_article(tmp_path, gazetteer):
    text = (
        "La Conférence de Tachkent sur l'Afghanistan, organisée à l'initiative de l'Ouzbékistan, "
        "a réuni vingt États."
    )
    assert {subject for subject, _ in _proposed(tmp_path, gazetteer, "fr", text)} == {"UZB"}


def test_a_state_near_a_forum_without_a_proposal_word_proposed_nothing(tmp_path, gazetteer):
    text = "Uzbekistan attended the Tashkent Conference on Afghanistan with twenty other states."
    assert _proposed(tmp_path, gazetteer, "en", text) == set()
