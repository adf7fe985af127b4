"""Names the gazetteer does not know: spans around cue words (heads), typed by the ontology.

A head ("ministry", "roundtable", "treaty", "учение") makes a name with the words around it:
capitalised words and modifiers before it ("first regional", "Kazakh", "UN Security Council"),
connectors and complements after it ("of the Ministry of Defence of Tajikistan"; in Russian the
genitive chain "министерства обороны Узбекистана"). Which words are heads, modifiers,
connectors and stops is data (`lexicons/discovery.yaml`), per language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .kinds import kind_words
from .lexicon import lexicon
from .tokens import Token, fold

if TYPE_CHECKING:
    from .gazetteer import Match

_ORDINAL = re.compile(
    r"^(\d+(st|nd|rd|th|e|er|re|eme|-?й|-?я|-?е)|\w+-(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|\w*th))$"
)
# English has no tagger here: a lower-case word in -ed after a name is a verb or a participle clause
_CLAUSE = re.compile(r"^[a-z][a-z-]{2,}ed$")
_NUMBER = re.compile(r"^\d[\d.,/-]*$")
_RU_STOP_POS = ("VERB", "INFN", "PRTS", "GRND", "CONJ", "PRCL", "NPRO", "ADVB")
OPENING, CLOSING = '«“"„(', '»”")'
MAX_RIGHT = 18


@dataclass
class Candidate:
    """A discovered name: tokens [first, last), the head's tokens, its class, and how it refers."""

    first: int
    last: int
    head: tuple[int, int]
    cls: str
    anaphor: bool = False  # a bare definite head ("the summit") that refers back
    definite: bool = False
    acronym: str | None = None  # "(KAZCENT)" right after the name
    quoted: str | None = None  # «Содружество-2022» right after the head


@cache
def lang_lexicon(language: str) -> dict:
    data = lexicon("discovery")[language]
    heads, accented = {}, {}
    for phrase, cls in data["heads"].items():
        key = tuple(fold(phrase).split())
        heads[key] = cls
        if fold(phrase) != phrase.lower():  # written with its accents: they tell it from another word
            accented[key] = tuple(unicodedata.normalize("NFC", phrase.lower()).split())
    return {
        **data,
        "heads": heads,
        "accented": accented,
        "head_len": max(len(k) for k in heads),
        "modifiers": {fold(w) for w in data.get("modifiers") or []},
        "connectors": {fold(w) for w in data.get("connectors") or []},
        "stop": {fold(w) for w in data.get("stop") or []},
        "definite": {fold(w) for w in data.get("definite") or []},
        "kind_heads": {fold(w) for w in data.get("kind_heads") or []},
        "determiners": {fold(w) for w in data.get("determiners") or []},
        "counterparts": {fold(w) for w in data.get("counterparts") or []},
        # as token keys compare; the raw "coordinators" stay for the regular expressions of lists
        "coordinator_keys": {fold(w) for w in data.get("coordinators") or []},
        # the first word of every title, and the words that may stand before one ("ancien ministre")
        "title_starts": {fold(w).split()[0] for w in data.get("titles") or []},
        "qualifier_keys": {w for q in data.get("qualifiers") or [] for w in fold(q).split()},
        "honorific_keys": {fold(w) for w in data.get("honorifics") or []},
    }


@cache
def rank_words(language: str) -> frozenset[str]:
    """Single words of the lexicon's ranks, titles and honorifics: words before a person's name
    that are not part of it ("General Sergei Shoigu" is Sergei Shoigu)."""
    lex = lang_lexicon(language)
    phrases = [p for key in ("ranks", "titles", "honorifics") for p in lex.get(key) or ()]
    small = {fold(w) for key in ("determiners", "connectors", "stop", "title_of") for w in lex.get(key) or ()}
    return frozenset(w for phrase in phrases for w in fold(phrase).split() if w not in small)


def head_at(tokens: list[Token], i: int, lex: dict) -> tuple[int, str] | None:
    """The longest head starting at token i: (length, class)."""
    for n in range(min(lex["head_len"], len(tokens) - i), 0, -1):
        key = tuple(t.key for t in tokens[i : i + n])
        if key in lex["heads"] and _accents_agree(tokens, i, n, lex["accented"].get(key)):
            return n, lex["heads"][key]
    return None


def own_head(tokens: list[Token], inner: Match, lex: dict) -> bool:
    """Whether the known name `inner` found inside the longer name `tokens` is that name's own head
    with its modifiers left out, not a second name: "Security Council" in "Collective Security Council"
    or in "Kazakhstan Security Council" (modifiers before the head), "Conseil de sécurité" in "Conseil
    de sécurité collective" (an adjective after it). A name after a connector ("Council of | the
    European Union") or before one ("Security Council | of Tajikistan") is a complement, a name of its own.
    """
    n, first, last = len(tokens), inner.first, inner.last
    if last == n and first > 0:
        return tokens[first - 1].key not in lex["connectors"] and any(
            (found := head_at(tokens, i, lex)) is not None and i + found[0] == n for i in range(first, n)
        )
    if first == 0 and last < n:
        after = tokens[last]
        return (
            after.is_word
            and not after.is_cap
            and after.key not in lex["connectors"]
            and head_at(tokens, 0, lex) is not None
        )
    return False


def _accents_agree(tokens: list[Token], i: int, n: int, accented: tuple[str, ...] | None) -> bool:
    """Whether a head the lexicon writes with its accents is written so here: "traité" (treaty) is not
    "traite" (trafficking), though both fold alike. Capitals ("TRAITE") and a sentence typed with no
    accents at all say nothing of accents, so there the folded match stands."""
    if accented is None:
        return True
    words = tokens[i : i + n]
    if all(unicodedata.normalize("NFC", t.text.lower()) == a for t, a in zip(words, accented, strict=True)):
        return True
    return all(t.is_upper for t in words) or all(t.text.isascii() for t in tokens)


def _is_name_word(tok: Token) -> bool:
    return tok.is_word and (tok.is_cap or tok.text[:1].isdigit())


def _ru_ok(tok: Token) -> bool:
    return not any(pos in tok.tag for pos in _RU_STOP_POS)


def _another_name(tokens: list[Token], k: int, cls: str, lex: dict, known: set[int]) -> bool:
    """Whether a second name begins at token k, after a coordinator: a known name or a head word of the
    same class, past determiners. "and" inside a name joins words ("Organization for Security and
    Co-operation"); before such a start it joins two names ("the Ministry of Defence and the Ministry of
    Foreign Affairs", "le gouvernement du Kazakhstan et l'ONU"), and a title in lower case starts what
    follows ("… de la CEI et ancien ministre de la Défense"). (A coordinator inside a known name is
    that name's own: "Conference on Interaction and Confidence-Building Measures".)"""
    while k < len(tokens) and (tokens[k].key in lex["determiners"] or tokens[k].text in "’'"):
        k += 1
    if k >= len(tokens) or not tokens[k].is_word:
        return False
    t = k
    while t < len(tokens) - 1 and tokens[t].key in lex["qualifier_keys"]:
        t += 1
    if not tokens[t].is_cap and tokens[t].key in lex["title_starts"]:
        return True  # "… Centre antiterroriste de la CEI | et ancien ministre de la Défense": a person's next title
    found = head_at(tokens, k, lex)
    return k in known or bool(found) and (found[1].split("/")[0] == cls or {found[1], cls} <= _DOCUMENTS)


# kinds of document: a head of one after a coordinator starts a second document ("подписали протокол о … | и
# программу …", "the treaty on … | and the programme of …"), whichever of these kinds each is
_DOCUMENTS = frozenset({"Agreement", "Initiative", "Resolution"})


def discover(
    tokens: list[Token], language: str, known: set[int], stops: frozenset[int] = frozenset()
) -> list[Candidate]:
    """Candidates around every head in a sentence. `known`: token indexes inside gazetteer names;
    `stops`: indexes of words a name does not run on into (verbs, pronouns: from the tagger)."""
    lex = lang_lexicon(language)
    out = []
    i = 0
    while i < len(tokens):
        found = head_at(tokens, i, lex) if tokens[i].is_word else None
        if not found:
            i += 1
            continue
        n, cls = found
        cls, _, mark = cls.partition("/")
        cand = _clause_cut(_extend(tokens, i, i + n, cls, language, lex, known), tokens, language, lex, stops)
        if mark == "anaphor":
            cand.anaphor = True
        elif mark == "part":
            cand.head = _inner_head(tokens, cand, lex)
        out.append(cand)
        i += n
    return out


def _inner_head(tokens: list[Token], cand: Candidate, lex: dict) -> tuple[int, int]:
    """The head of the event a moment of it is named after ("ceremony of the opening of the joint
    exercises" is the exercise): the last head of the candidate's class in its complement."""
    k = cand.last - 1
    while k >= cand.head[1]:
        found = head_at(tokens, k, lex)
        if found and found[1].split("/")[0] == cand.cls and k + found[0] <= cand.last:
            return k, k + found[0]
        k -= 1
    return cand.head


def _names_other(tokens: list[Token], start: int, end: int, cls: str, lex: dict) -> bool:
    """Quoted words that open with a head of another class name that other thing, not this one
    ("la cérémonie de signature de «l'accord de confiance…»" is no ceremony named «accord…»)."""
    for k in range(start, min(start + 3, end)):
        found = head_at(tokens, k, lex)
        if found:
            return found[1].split("/")[0] != cls
    return False


def _clause_cut(cand: Candidate, tokens: list[Token], language: str, lex: dict, stops: frozenset[int]) -> Candidate:
    """A name ends where a clause begins: at a verb, pronoun or adverb after its head (the tagger's
    `stops`; in English, which has no tagger here, a lower-case word in -ed), and the connectors
    left hanging before it go too ("accord | contribuera", "treaty | reaffirmed the desire")."""
    h1 = cand.head[1]
    cut = next(
        (k for k in range(h1, cand.last) if k in stops or (language == "en" and _CLAUSE.match(tokens[k].text))), None
    )
    if cut is None:
        return cand
    while cut > h1 and (tokens[cut - 1].key in lex["connectors"] or tokens[cut - 1].key in lex["determiners"]):
        cut -= 1
    cand.last, cand.acronym, cand.quoted = cut, None, None
    return cand


def _extend_left(tokens: list[Token], h0: int, language: str, lex: dict, known: set[int]) -> tuple[int, int]:
    """Where a name begins left of its head word, and the word before it: capitalised words,
    modifiers, ordinals and known names (en), adjectives (ru), modifiers (fr)."""
    first = h0
    j = h0 - 1
    while j >= 0:
        tok = tokens[j]
        if not tok.is_word:
            break
        if tok.key in lex["determiners"] and not (tok.is_cap and j in known):
            break
        if language == "ru":
            ok = ("ADJF" in tok.tag or "PRTF" in tok.tag or "NUMR" in tok.tag) or _ORDINAL.match(tok.text)
        elif language == "fr":
            ok = tok.key in lex["modifiers"] or bool(_ORDINAL.match(tok.key))
        else:
            ok = (
                tok.is_cap
                or tok.key in lex["modifiers"]
                or bool(_ORDINAL.match(tok.key))
                or j in known
                or bool(_NUMBER.match(tok.text) and len(tok.text) == 4)
            )
        if not ok or tok.key in lex["stop"]:
            break
        first = j
        j -= 1
    return first, j


def _quoted_name(inner: list[Token], cls: str, linked: bool) -> bool:
    """Whether quoted words after a head of class `cls` are its name. A name opens with a capital or
    a digit («Рубеж-2014», « Kazbat », "Scorpion"), or is linked to the head by a preposition
    ("un accord de «transparence militaire»"). Lower-case words quoted right after the head are the
    writer's or a speaker's word on the thing ("cet accord « historique »", "соглашение «века»"); a
    body is named in quotes only by a capitalised name ("бригада «Скорпион»")."""
    if cls not in ("Forum", "Resolution", "Agreement", "Mission", "Initiative", "Institution") or not inner:
        return False
    first = inner[0]
    return first.is_cap or first.is_upper or first.text[:1].isdigit() or (linked and cls != "Institution")


def _extend(tokens: list[Token], h0: int, h1: int, cls: str, language: str, lex: dict, known: set[int]) -> Candidate:
    first, j = _extend_left(tokens, h0, language, lex, known)
    definite = j >= 0 and tokens[j].key in lex["definite"]
    # right
    last = h1
    k = h1
    lower_ok = cls in lex["lowercase_after"]
    pending = None  # index after which connectors were taken provisionally
    acronym = quoted = None
    while k < len(tokens) and k - h1 < MAX_RIGHT:
        tok = tokens[k]
        if tok.text in OPENING:
            close = next((m for m in range(k + 1, min(k + 14, len(tokens))) if tokens[m].text in CLOSING), None)
            if close is None:
                break
            inner = tokens[k + 1 : close]
            text = " ".join(t.text for t in inner)
            if tok.text == "(" and len(inner) >= 1 and inner[0].is_upper and (len(inner) == 1 or inner[1].text == ","):
                acronym = inner[0].text
                last = k if inner[1:2] else close + 1
                break
            if tok.text == "(" and len(inner) == 1 and _NUMBER.match(inner[0].text):
                last = close + 1
                k = close + 1
                continue
            if (
                tok.text != "("
                and k - last <= 1
                and _quoted_name(inner, cls, pending is not None)
                and not _names_other(tokens, k + 1, close, cls, lex)
            ):
                quoted = text
                last = close + 1
            break
        if not tok.is_word:
            if tok.text in "’'" and k + 1 < len(tokens) and tokens[k + 1].is_word and pending is not None:
                k += 1
                continue
            break
        coordinated = k >= h1 and k not in known and tok.key in lex["coordinator_keys"]
        if coordinated and _another_name(tokens, k + 1, cls, lex, known):
            break  # "Совета министров иностранных дел | и Совета министров обороны", "… | and the UN": two names
        if tok.key in lex["stop"] and not (tok.is_cap and k in known):
            break
        inside = _inside_known(tokens, k, h1, cls, known)
        other = head_at(tokens, k, lex) if pending is None and k >= h1 and not inside else None
        if other and other[1].split("/")[0] != cls and not _body_of_event(tokens, h0, h1, k, cls, other[1], language):
            break
        if language == "ru":
            if not _ru_ok(tok) and tok.key not in lex["connectors"]:
                break
            if tok.key in lex["connectors"]:
                pending = pending if pending is not None else last
                k += 1
                continue
            if (
                tok.is_cap
                or tok.is_upper
                or "gent" in tok.tag
                or (lower_ok and pending is not None and cls != "Institution")
            ):
                last = k + 1
                pending = None
                k += 1
                continue
            break
        if tok.key in lex["connectors"] and not tok.is_cap:
            pending = pending if pending is not None else last
            k += 1
            continue
        if _is_name_word(tok) or lower_ok or k in known:
            last = k + 1
            pending = None
            k += 1
            continue
        break
    bare = last == h1 and first == h0 and not acronym and not quoted
    head_cap = tokens[h0].is_cap and h0 > 0 and not (h0 == 0 or tokens[h0 - 1].text in ".:")
    anaphor = bare and not head_cap
    return Candidate(first, last, (h0, h1), cls, anaphor, definite, acronym, quoted)


def _inside_known(tokens: list[Token], k: int, h1: int, cls: str, known: set[int]) -> bool:
    """Whether the word at `k`, past an event's head, goes on a known name the event's name has run into
    ("session of the UN General Assembly", "Meeting of … the Shanghai Cooperation Organisation"): a head
    word there ("Assembly", "Organisation") is that name's, not the start of a name of its own."""
    return cls == "Forum" and k > h1 and {k - 1, k} <= known and tokens[k - 1].is_cap and tokens[k].is_cap


def _body_of_event(tokens: list[Token], h0: int, h1: int, k: int, cls: str, other: str, language: str) -> bool:
    """Whether a body's head at `k`, right after an event's head, is the body whose meeting it is: Russian
    puts it in the genitive with no preposition ("заседание Совета министров обороны", "сессия Генеральной
    Ассамблеи"), where other languages join it with one ("meeting of the Council"). Not after an exercise,
    whose genitive is the troops taking part ("учения Коллективных сил"), nor after a plural head, which
    speaks of such meetings in general ("заседаниями Совета министров … каждый год")."""
    if language != "ru" or cls != "Forum" or other != "Institution" or "gent" not in tokens[k].tag:
        return False
    head = tuple(t.key for t in tokens[h0:h1])
    kind = next((c for word, c in kind_words(language) if word == head), None)
    return kind != "Exercise" and "plur" not in tokens[h1 - 1].tag
