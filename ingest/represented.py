"""Whom a person speaks for when the sentence says a state was represented by them, or that they led
its delegation: "Russia was represented by First Deputy Foreign Minister N", "Moscou était représentée
par le vice-ministre N", "Москва была представлена секретарем Совбеза N", "the Kazakh delegation was
headed by Minister N", "делегацию Казахстана возглавил министр N".

News often names an official only by a title that says no state ("First Deputy Foreign Minister") and
gives the state once, as the one represented. The frame is a construction (`represented_by` in
`patterns/LANG.yaml`): the state (or its capital, a place the gazetteer puts in a state) is the
subject before the verb in its clause, not a place after a locative ("represented at the talks in
Dushanbe"); a delegation's state stands right around the word ("the Kazakh delegation", "Kazakhstan's
delegation", "la délégation du Kazakhstan"), so that "Kazakhstan hosted the delegation led by N" says
nothing of N. The people are the titled ones the sentence names after the verb whose title names no
body or state of its own. A negated clause ("was not represented") says nothing.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .lexicon import pattern_regex
from .linker import ArticleMentions
from .negation import clause_span, negated
from .phrases import after_locative
from .records import Ref
from .statements import Found

# a delegation's own state is named at most this many words before the word ("the Kyrgyz Republic's delegation")
_OWNER_BEFORE = re.compile(r"(?:\S+\s+){0,2}$")


def represented_statements(
    am: ArticleMentions, gazetteer: Gazetteer
) -> tuple[list[Found], dict[Ref, tuple[str, str]]]:
    """(person, affiliatedWith, state) for each titled person named as the one who represented a state,
    and the states the article names only by their capital (class and label), which the facts need."""
    rx = pattern_regex(am.language, "represented_by")
    out: list[Found] = []
    states: dict[Ref, tuple[str, str]] = {}
    for index, sentence in enumerate(am.sentences if rx else ()):
        folded = am.folded[index]
        for match in rx.finditer(folded):
            if negated(folded, match.start(), match.end(), am.language):
                continue
            if match.groupdict().get("led") is not None:
                begin, until = _OWNER_BEFORE.search(folded[: match.start()]).start(), match.end()
            else:
                begin, until = clause_span(folded, match.start(), match.start(), am.language)[0], match.start()
            state = _represented(am, index, begin, until, gazetteer)
            if state is None:
                continue
            if state not in am.classes and state in gazetteer.entities:
                states[state] = ("State", gazetteer.entities[state].label)
            tokens = am.tokens[index]
            out += [
                Found(person.ref, "cas:affiliatedWith", state, index, 0.6, "frame.represented")
                for i, person in am.people
                if i == index
                and person.ref is not None
                and person.first is not None
                and person.affiliation is None
                and tokens[person.first].start - sentence.start >= match.end()
            ]
    return out, states


def _represented(am: ArticleMentions, index: int, begin: int, until: int, gazetteer: Gazetteer) -> Ref | None:
    """The state named last in [begin, until) of the sentence and not after a locative (a capital stands
    for its state), or None."""
    start = am.sentences[index].start
    named = [
        m
        for m in am.by_sentence[index]
        if begin <= m.start - start and m.end - start <= until and m.cls in ("State", "Place")
    ]
    for m in sorted(named, key=lambda m: -m.start):
        if after_locative(am, m):
            continue
        if m.cls == "State":
            return m.ref
        state = gazetteer.located.get(m.ref)
        return state if state is not None and state.path == "state" else None
    return None
