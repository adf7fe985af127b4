"""Whom an official speaks for when the text says only that a state was represented by them or that they
led its delegation, as a reader of a short news sentence would state it; and the near misses where the
state is not theirs (the host, a place of the meeting, a denied representation)."""

from __future__ import annotations

import pytest
from test_people import _facts


@pytest.mark.parametrize(
    ("text", "person", "state"),
    [
        (
            "Uzbekistan was represented by First Deputy Foreign Minister Bakhrom Aloyev and Deputy Defence "
            "Minister Timur Sultanov.",
            "Timur Sultanov",
            "Uzbekistan",
        ),
        (
            "Tajikistan was represented at the talks by Deputy Foreign Minister Sodik Imomi.",
            "Sodik Imomi",
            "Tajikistan",
        ),
        ("The Kyrgyz delegation was led by Foreign Minister Jeenbek Kulubaev.", "Jeenbek Kulubaev", "Kyrgyzstan"),
        (
            "Le Kazakhstan était représenté par le vice-ministre des Affaires étrangères Roman Vassilenko.",
            "Roman Vassilenko",
            "Kazakhstan",
        ),
        # a capital stands for its state
        ("Moscou était représentée à Douchanbé par le vice-ministre Andreï Roudenko.", "Andreï Roudenko", "Russia"),
        (
            "Москва была представлена на встрече первым заместителем министра Андреем Руденко.",
            "Андрей Руденко",
            "Russia",
        ),
        ("Делегацию Киргизии возглавил министр обороны Бекболот Асанов.", "Бекболот Асанов", "Kyrgyzstan"),
    ],
)
def test_the_state_an_official_represented_is_theirs(tmp_path, gazetteer, text, person, state):
    assert (person, "affiliatedWith", state) in _facts(tmp_path, gazetteer, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # the host of a delegation, not its state
        ("Kazakhstan hosted the delegation led by Deputy Minister Roman Vasilenko.", "Roman Vasilenko"),
        # the place of the meeting, not the represented
        (
            "At the meeting in Tashkent, the delegation was headed by Deputy Minister Alisher Kurmanov.",
            "Alisher Kurmanov",
        ),
        # a denied representation says nothing
        ("Turkmenistan was not represented by Minister Rashid Meredov at the forum.", "Rashid Meredov"),
        # «представлены» of reports presented, not of a state represented
        ("На встрече в Москве были представлены доклады экспертов, выступил директор Иван Петров.", "Иван Петров"),
    ],
)
def test_no_state_where_none_was_represented(tmp_path, gazetteer, text, person):
    facts = _facts(tmp_path, gazetteer, text)
    assert any(s == person and p == "role" for s, p, _ in facts)  # the person is read
    assert not any(s == person and p == "affiliatedWith" for s, p, _ in facts)


@pytest.mark.parametrize(
    ("text", "office", "state"),
    [
        ("Minsk was represented at the exercise by its defence minister.", "Defence Minister of Belarus", "Belarus"),
        (
            "Astana était représentée le 5 mai par son ministre de la Défense.",
            "Minister of Defence of Kazakhstan",
            "Kazakhstan",
        ),
    ],
)
def test_an_office_named_without_a_name_is_the_represented_states(tmp_path, gazetteer, text, office, state):
    assert (office, "affiliatedWith", state) in _facts(tmp_path, gazetteer, text)


def test_an_office_with_no_state_said_is_nobodys(tmp_path, gazetteer):
    facts = _facts(tmp_path, gazetteer, "Astana hosted the talks, and the defence minister did not attend.")
    assert not any(p == "affiliatedWith" for _, p, _ in facts)
