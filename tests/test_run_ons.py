"""A body's name does not run on past a known body's whole name into the clause (a place, a time, a
topic after it), and a name that goes on with words of its own keeps them."""

from __future__ import annotations

import pytest
from test_people import _facts


@pytest.mark.parametrize(
    ("text", "known", "run_on"),
    [
        (
            "Kyrgyzstan raised the issue at the UN General Assembly in October 2019.",
            "United Nations General Assembly",
            "in October",
        ),
        (
            "The Ministry of Defence of Kazakhstan in Astana received the delegation on Tuesday.",
            "Ministry of Defence of the Republic of Kazakhstan",
            "in Astana",
        ),
        (
            "Le Conseil de sécurité de l'ONU sur la non-prolifération a publié une déclaration.",
            "United Nations Security Council",
            "sur la",
        ),
    ],
)
def test_a_known_bodys_name_ends_before_a_complement_of_the_clause(tmp_path, gazetteer, text, known, run_on):
    facts = _facts(tmp_path, gazetteer, text)
    subjects = {s for s, _, _ in facts}
    assert known in subjects
    assert not any(run_on in s for s in subjects)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The OSCE Programme Office in Bishkek trained border guards.", "OSCE Programme Office in Bishkek"),
        ("The UN Office in Dushanbe opened a new programme.", "UN Office in Dushanbe"),
    ],
)
def test_a_name_that_goes_on_with_words_of_its_own_keeps_its_place(tmp_path, gazetteer, text, body):
    facts = _facts(tmp_path, gazetteer, text)
    assert body in {s for s, _, _ in facts}
