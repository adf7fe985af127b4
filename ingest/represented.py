"""Whom a person speaks for when the sentence says a state was represented by them, or that they led
its delegation: "Russia was represented by First Deputy Foreign Minister N", "Москва была представлена
секретарем Совбеза N", "the Kazakh delegation was headed by Minister N", "делегацию Казахстана
возглавил министр N" (the construction and its state: `represented_by.py`).

News often names an official only by a title that says no state ("First Deputy Foreign Minister") and
gives the state once, as the one represented. The people are the titled ones the sentence names after
the construction whose title names no body or state of its own; one named only by a national office
("son ministre de la Défense") is that state's office holder (`people.py`).
"""

from __future__ import annotations

from .gazetteer import Gazetteer
from .linker import ArticleMentions
from .people import Person
from .records import Ref
from .represented_by import represented_states
from .statements import Found


def represented_statements(am: ArticleMentions, gazetteer: Gazetteer) -> tuple[list[Found], dict[Ref, tuple[str, str]]]:
    """(person, affiliatedWith, state) for each titled person named as the one who represented a state,
    and the states the article names only by their capital (class and label), which the facts need."""
    out: list[Found] = []
    states: dict[Ref, tuple[str, str]] = {}
    untitled: dict[int, list[Person]] = {}  # by sentence: the people whose title names no body or state
    for index, person in am.people:
        if person.ref is not None and person.first is not None and person.affiliation is None:
            untitled.setdefault(index, []).append(person)
    for index, tokens in enumerate(am.tokens):
        for after, state in represented_states(tokens, am.by_sentence[index], am.language, gazetteer.located):
            if state not in am.classes and state in gazetteer.entities:
                states[state] = ("State", gazetteer.entities[state].label)
            out += [
                Found(person.ref, "cas:affiliatedWith", state, index, 0.6, "frame.represented")
                for person in untitled.get(index, [])
                if person.first >= after
            ]
    return out, states
