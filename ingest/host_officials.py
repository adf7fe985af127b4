"""Whose official a person is when a meeting is set in a state and the person's title names none:
"In Bishkek, the envoy met the President, Ms X, and the Defence Minister, Mr Y", "À Douchanbé, il a
rencontré le ministre de la Défense, M. X", "В Бишкеке он встретился с министром обороны X".

News names a host's officials by bare titles: the place of the meeting says whose they are. The
construction is a meeting verb (`met_host` in `patterns/LANG.yaml`) after a place the sentence sets
the meeting in ("In Bishkek,", "à Bichkek, au Kirghizistan,": a locative before one state, or before
places of one state); the people are the ones named after the verb whose title is a state's office
(a president, a minister) and names no state or body of its own. Nothing is said when the sentence
names places of two states, when the clause is negated, or when the one who meets is the host's own
official (a bare office before the verb: "In Bishkek, the President met the Defence Minister X"
does not say whose minister X is).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .discover import lang_lexicon
from .gazetteer import Gazetteer
from .lexicon import pattern_regex
from .negation import negated
from .people import Person
from .records import Ref
from .represented_by import after_locative, folded_sentence
from .statements import Found
from .titles import title_at

if TYPE_CHECKING:
    from .linker import ArticleMentions, Mention
    from .tokens import Token

# the English titles (as `people.py` writes roles) that are a state's offices: a host's, when met there
_STATE_OFFICE = re.compile(r"\b(?:President|Minister)\b")


def host_statements(
    am: ArticleMentions, gazetteer: Gazetteer, found: list[Found]
) -> tuple[list[Found], dict[Ref, tuple[str, str]]]:
    """(person, affiliatedWith, host state) for each state official met in a meeting set in that state,
    and the host states the article names only by a place in them (class and label), which the facts need."""
    rx = pattern_regex(am.language, "met_host")
    if rx is None:
        return [], {}
    placed = {f.subject for f in found if f.predicate == "cas:affiliatedWith"}
    offices: dict[int, list[Person]] = {}  # by sentence: the people whose title is a bare state office
    for index, person in am.people:
        if person.first is not None and person.affiliation is None and _STATE_OFFICE.search(person.role):
            offices.setdefault(index, []).append(person)
    out: list[Found] = []
    states: dict[Ref, tuple[str, str]] = {}
    for index, people in offices.items():
        tokens = am.tokens[index]
        folded, base = folded_sentence(tokens), tokens[0].start
        for match in rx.finditer(folded):
            verb = next((k for k, t in enumerate(tokens) if t.start - base >= match.start()), len(tokens))
            if negated(folded, match.start(), match.end(), am.language) or any(p.first < verb for p in people):
                continue
            if _host_speaks(tokens, am.by_sentence[index], verb, am.language):
                continue
            host = _host(tokens, am.by_sentence[index], verb, am.language, gazetteer.located)
            if host is not None and host not in am.classes and host in gazetteer.entities:
                states[host] = ("State", gazetteer.entities[host].label)
            out += [
                Found(p.ref, "cas:affiliatedWith", host, index, 0.5, "frame.host")
                for p in people
                if host is not None and p.ref is not None and p.ref not in placed and p.first >= verb
            ]
    return out, states


def _host(
    tokens: list[Token], mentions: list[Mention], verb: int, language: str, located: dict[Ref, Ref]
) -> Ref | None:
    """The one state the sentence sets the meeting in before its verb (a state after a locative, a place
    for its state), or None when it puts anything in another state too ("in Tashkent and Astana")."""
    locative = lang_lexicon(language)["locative"]
    states = set()
    for m in mentions:
        if m.cls == "Place":
            state = located.get(m.ref)
        elif m.cls == "State" and (after_locative(tokens, m, language) or tokens[m.first].key in locative):
            state = m.ref  # ("В Душанбе" may be read with its preposition)
        else:
            continue
        states.add(state if m.last <= verb and state is not None and state.path == "state" else None)
    return states.pop() if len(states) == 1 else None


def _host_speaks(tokens: list[Token], mentions: list[Mention], verb: int, language: str) -> bool:
    """Whether the one who meets is named by a bare state office ("In Bishkek, the President met the
    Defence Minister X"): then the host meets its own officials or a guest, and the sentence does not
    say which. An office with its state beside it ("the French minister") is the visitor's."""
    states = {k for m in mentions if m.cls == "State" for k in range(m.first - 2, m.last + 2)}
    for i in range(verb):
        found = title_at(tokens, i, language)
        if found and _STATE_OFFICE.search(found[2]) and not states & set(range(i, i + found[0] + 1)):
            return True
    return False
