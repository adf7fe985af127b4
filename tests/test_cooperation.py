"""Cooperation is stated, not guessed: "cooperation with", "coopère avec", "сотрудничество с", and relations
called friendly or allied make two actors cooperate; relations broken off or tense, or doing one thing
"together with" another, do not. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

COOPERATES = "cas:cooperatesWith"


def _pairs(facts: set[tuple[str, str, str]]) -> set[frozenset[str]]:
    return {frozenset((s, o)) for s, p, o in facts if p == COOPERATES}


@pytest.mark.parametrize(
    ("language", "text", "pair"),
    [
        ("en", "Kazakhstan develops cooperation with NATO in peacekeeping.", {"KAZ", "nato"}),
        (
            "fr",
            "Le Kazakhstan entretient des relations amicales et de bon voisinage avec l'Ouzbékistan.",
            {"KAZ", "UZB"},
        ),
        ("ru", "Казахстан развивает сотрудничество с НАТО.", {"KAZ", "nato"}),
        ("ru", "Укрепление добрососедских отношений между Кыргызстаном и Таджикистаном важно.", {"KGZ", "TJK"}),
    ],
)
def test_an_explicit_cooperation_makes_two_actors_cooperate(facts, language, text, pair):
    assert _pairs(facts(language, text)) == {frozenset(pair)}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Kazakhstan broke off relations with Russia in 2022."),
        ("en", "Tensions in relations between Kyrgyzstan and Tajikistan rose after the clashes."),
        ("en", "Kazakhstan, together with Uzbekistan, hosted the forum."),
        ("fr", "Le Kazakhstan a rompu ses relations avec la Russie."),
        ("ru", "Отношения между Кыргызстаном и Таджикистаном обострились."),
        ("ru", "Кыргызстан не сотрудничает с НАТО."),
    ],
)
def test_relations_that_are_not_cooperation(facts, language, text):
    assert not _pairs(facts(language, text))
