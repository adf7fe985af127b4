"""Places no record knows, read by the language models: a town or a range the text puts something at
("à Matyboulak", "в Термезе") is a place of its own, and a state after it says where it lies; a word the
model misreads as a place elsewhere ("chefs d'État") or the town of a date line ("Lyon, France, 7 juin 2002")
is not. Hand-written sentences.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("fr", "Les manoeuvres se sont déroulées à Kapchagaï, au Kazakhstan, sous la pluie.", "kapchagai"),
        ("ru", "Учения прошли вблизи границы, в Капчагае (Казахстан), при участии двух батальонов.", "kapchaga"),
    ],
)
def test_a_place_the_text_puts_something_at_is_found_and_located(facts, language, text, place):
    assert [s for s, p, o in facts(language, text) if s.startswith(place) and p == "cas:locatedIn" and o == "KAZ"]


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("fr", "Les chefs d'État (Kazakhstan) ont adopté une déclaration commune.", "etat"),
        ("fr", "Déclaration du porte-parole (Lyon, France, 07 juin 2002). Le ministre a reçu son homologue.", "lyon"),
    ],
)
def test_a_word_read_as_a_place_outside_a_locative_is_not_minted(facts, language, text, word):
    assert not [f for f in facts(language, text) if word in (f[0], f[2])]
