"""Phrases that describe rather than name: what "the regional security organization", "the meeting",
"une réunion trilatérale" or "области Казахстана" stand for. A description names nothing of its own;
minted as a new entity it would take the facts of the thing it describes away from it, so each is
read as the entity it restates, the event in focus, a part of a known place, or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .discover import OPENING, Candidate, lang_lexicon
from .gazetteer import Match
from .language import Sentence
from .linker import Linker, Mention
from .linker import choose as _choose
from .records import Ref
from .tokens import Token

EVENT_CLASSES = ("Forum",)  # classes whose unnamed and named mentions are merged within a story
_ORDINAL_WORDS = re.compile(r"^(first|second|third|\w+th|premier|premiere|\w+ieme|перв\w+|втор\w+|трет\w+|\w+ый)$")


def describes(tokens: list[Token], first: int, last: int, language: str, names: Collection[int] = ()) -> bool:
    """Whether the words [first, last) describe rather than name: none of their own is capitalised
    (but a sentence's first word, whose capital says nothing unless it is an acronym's), holds a
    digit or opens a quote. A name is written so ("Security Council", "Centre régional",
    "Rubezh-2014", «Содружество»); "the border treaty", "UN missions", "le bureau de l'OTAN" are
    not. Words of other names inside (`names`: "UN", "l'OTAN") are not the phrase's own. The one
    test of "a description, not a name" for every reader of phrases (what a phrase is part of, what
    a known alias stands for, what an organisation's description refers to, whether a body's
    description is minted). In a language without articles (Russian: `articles` in the discovery
    lexicon) a description opens a sentence as bare as a name does, so there the first capital counts."""
    first_capital = not lang_lexicon(language)["articles"]
    return not any(
        i not in names
        and (t.is_cap and (i > 0 or t.is_upper or first_capital) or t.text in OPENING or any(map(str.isdigit, t.text)))
        for i, t in enumerate(tokens[first:last], first)
    )


def first_of_event(cand: Candidate, head: str, tokens: list[Token], first: int, linker: Linker) -> Ref | None:
    """ "At the conclusion of the meeting": a definite event noun with nothing before it to refer
    to speaks of the event the story told by its verbs ("received a delegation"): a new forum,
    named by the mention. Generic words ("the event") and other classes still refer to nothing."""
    if cand.cls not in EVENT_CLASSES or not cand.definite or linker.lex["heads"].get(tuple(head.split())) != cand.cls:
        return None
    name = " ".join(t.text for t in tokens[first : cand.last])
    ref = linker.mint(cand.cls, name)
    linker.labels.setdefault(ref, name)
    return ref


def described_institution(
    cand: Candidate, first: int, sentence: Sentence, tokens: list[Token], mentions: list[Mention], linker: Linker
) -> Ref | None:
    """The organisation an organisation's description in lower case stands for: the one it is in apposition
    to ("Centrasbat, a security organization formed by ...", "l'OTSC, une alliance militaire"), else, when
    definite, the one the story has named most ("The regional security organization was formed in 1992" after
    "the CSTO"). A description names no organisation of its own; minted, it would take the organisation's
    members, parts and places away from it."""
    if (
        cand.cls != "Institution"
        or cand.acronym
        or cand.quoted
        or not describes(tokens, first, cand.last, linker.language)
    ):
        return None
    if any(m.first < cand.last and first < m.last for m in mentions):
        return None  # a name inside ("the training department of the UN")
    det = next(
        (j for j in range(first - 1, max(first - 2, -1), -1) if tokens[j].key in linker.lex["determiners"]), None
    )
    before = [m for m in mentions if m.cls == "Institution" and det is not None and m.end <= tokens[det].start]
    if before:
        last = max(before, key=lambda m: m.end)
        if re.fullmatch(r"\s*[,(]\s*", sentence.text[last.end - sentence.start : tokens[det].start - sentence.start]):
            return last.ref
    head = " ".join(t.key for t in tokens[cand.head[0] : cand.head[1]])
    kind = head in linker.lex["kind_heads"]  # "the border guard" is no other body the story named
    return linker.refer_back(cand.cls, "") if cand.definite and not kind else None


def describes_event_in_focus(cand: Candidate, tokens: list[Token], first: int, matches: list[Match]) -> bool:
    """A description of an event without a name of its own (no number, no quoted name, no
    organisation's name in it) is the event the story is telling when it is definite ("The Central
    Asian summit") or has no capitalised word at all: a story that has just told "a joint summit"
    restates it as "une réunion trilatérale a eu lieu", and Russian, which has no articles, as
    "пятичасовое совещание" after "экстренный саммит". Measured: reading only definite descriptions
    so left one summit as three forums; the lower-case rule alone in Russian gained nothing elsewhere."""
    if cand.cls not in EVENT_CLASSES or cand.quoted or cand.acronym:
        return False
    words = tokens[first : cand.last]
    described = not any(t.is_cap or t.is_upper for t in words)
    if not (cand.definite or described):
        return False
    if any(any(c.isdigit() for c in t.text) or _ORDINAL_WORDS.match(t.key) for t in words):
        return False
    inside = [m for m in matches if first <= m.first and m.last <= cand.last]
    return not any(_choose(m.candidates).cls in ("Institution", "Forum") for m in inside)


def part_of_a_known_place(tokens: list[Token], first: int, cand: Candidate, matches: list[Match], lex: dict) -> bool:
    """A place head with nothing capitalised before it and only a known state or place after it
    ("области Казахстана", "aéroport d'Almaty", "в различных областях"): a part of that place, or a
    field, not a place's name. A name stands before the head ("Термезский полигон", "Almaty airport");
    a place told as lying in a known one is a place of its own ("полигоне в Термезе")."""
    if any(tokens[i].is_cap for i in range(max(first, 1), cand.head[0])):
        return False
    known = {i for m in matches if _choose(m.candidates).cls in ("State", "Place") for i in range(m.first, m.last)}
    if any(tokens[k - 1].key in lex["locative"] and k in known for k in range(cand.head[1] + 1, cand.last)):
        return False
    return all(i in known for i in range(cand.head[1], cand.last) if tokens[i].is_cap)
