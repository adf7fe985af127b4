"""What a person's title is made of: the title and rank words of the lexicon (`lexicons/discovery.yaml`)
with their English form, and the ways articles write them: in the plural over a list of people
("les présidents"), with a state's adjective inside ("le ministre ouzbek des Affaires étrangères"),
coordinated ("Deputy Prime Minister and Minister of Foreign Affairs"), and with a word that says
when the title was held ("former", "alors", "бывший").
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from .discover import lang_lexicon
from .records import Ref
from .tokens import Token, fold

if TYPE_CHECKING:
    from .mentions import Mention


# how French writes a title held by a woman: every word that agrees takes its feminine ending
# ("secrétaire générale adjointe", "directrice exécutive", "vice-présidente")
_FEMININE = (("teur", "trice"), ("eur", "rice"), ("ien", "ienne"), ("el", "elle"), ("if", "ive"))


def _feminine(words: tuple[str, ...]) -> tuple[str, ...]:
    def one(word: str) -> str:
        if word.endswith("e") or len(word) < 3:
            return word
        return next((word[: -len(m)] + f for m, f in _FEMININE if word.endswith(m)), word + "e")

    return tuple(one(w) for w in words)


@cache
def titles(language: str) -> tuple[dict[tuple[str, ...], tuple[str, str]], int]:
    lex = lang_lexicon(language)
    out = {}
    for kind in ("titles", "ranks"):
        for phrase, english in (lex.get(kind) or {}).items():
            key = tuple(fold(phrase).split())
            out[key] = (kind, english)
    for key, english in _modified(lex).items():
        out.setdefault(key, ("titles", english))  # the lexicon's own "deputy minister" stands
    if language == "fr":
        for key, (kind, english) in list(out.items()):
            if kind == "titles":
                out.setdefault(_feminine(key), (kind, english))
    return out, max(len(k) for k in out)


def _modified(lex: dict) -> dict[tuple[str, ...], str]:
    """Every title with each of the language's modifiers ("deputy head", "заместитель директора",
    "directeur adjoint"), in English with the modifier first ("Deputy Head")."""
    modifiers = lex.get("title_modifiers") or {}
    out = {}
    for phrase, english in (lex.get("titles") or {}).items():
        key = tuple(fold(phrase).split())
        for place, words in modifiers.items():
            for word, first in words.items():
                extra = tuple(fold(word).split())
                out[extra + key if place == "before" else key + extra] = f"{first} {english}"
    return out


@cache
def _title_starts(language: str) -> frozenset[tuple[str, ...]]:
    """Every beginning of a title's key ("deputy", "deputy prime", ...): a title is read on only as
    long as its words can still begin one, since it is tried at every word of an article."""
    return frozenset(key[:n] for key in titles(language)[0] for n in range(1, len(key) + 1))


def title_at(tokens: list[Token], i: int, language: str) -> tuple[int, str, str] | None:
    """The longest title at token `i`: (tokens it takes, "titles" or "ranks", English), or None."""
    table, longest = titles(language)
    starts = _title_starts(language)
    found, key = None, ()
    for n in range(1, min(longest, len(tokens) - i) + 1):
        key = (*key, tokens[i + n - 1].key)
        if key not in starts:
            break
        if key in table:
            found = (n, *table[key])
    return found


def title_through_state(
    tokens: list[Token], i: int, n: int, taken: dict[int, Mention], language: str
) -> tuple[int, str, str, Ref] | None:
    """A title with a state's adjective inside it, as French writes it ("le ministre ouzbek des Affaires
    étrangères", "vice-Premier ministre kazakh"): (tokens, kind, English, state) when the words after
    the adjective make the title longer."""
    state = taken.get(i + n)
    if state is None or state.cls != "State" or state.first != i + n or tokens[i + n].is_cap:
        return None
    _, longest = titles(language)
    found = title_at(tokens[i : i + n] + tokens[state.last : state.last + longest], 0, language)
    if found is None or found[0] <= n:
        return None
    size, kind, english = found
    return state.last - i + size - n, kind, english, state.ref


def more_titles(tokens: list[Token], j: int, language: str, ranks: list[str], titles: list[str]) -> int:
    """Ranks and titles right after a title ("Lieutenant Colonel", "генерал-майор"), and a title
    coordinated with it ("Deputy Prime Minister and Minister of Foreign Affairs"), written as one title
    joined by "and"; the token after them."""
    coordinators = lang_lexicon(language)["coordinator_keys"]
    while j < len(tokens):
        more = title_at(tokens, j, language)
        joined = False
        if more is None and tokens[j].key in coordinators and titles:
            more = title_at(tokens, j + 1, language)
            joined = more is not None and more[1] == "titles"
            if not joined:
                break
            j += 1
        if more is None:
            break
        if joined:
            titles[-1] = f"{titles[-1]} and {more[2]}"
        else:
            (ranks if more[1] == "ranks" else titles).append(more[2])
        j += more[0]
    return j


@cache
def qualifiers(language: str) -> tuple[dict[tuple[str, ...], str], int]:
    table = {tuple(fold(k).split()): v for k, v in (lang_lexicon(language).get("qualifiers") or {}).items()}
    return table, max((len(k) for k in table), default=0)


def qualifier(tokens: list[Token], t0: int, taken: dict[int, Mention], language: str) -> tuple[str | None, int]:
    """The word before a title that says when it was held ("former", "alors", "бывший"), in English, and
    where it starts (t0 when there is none); a state's adjective may stand between ("Former Kyrgyz
    Vice-President")."""
    k = t0
    state = taken.get(k - 1)
    if state is not None and state.cls == "State" and state.last == t0:
        k = state.first
    table, longest = qualifiers(language)
    for n in range(min(longest, k), 0, -1):
        if (found := table.get(tuple(t.key for t in tokens[k - n : k]))) is not None:
            return found, k - n
    return None, t0


def plural_title_at(tokens: list[Token], i: int, language: str) -> tuple[int, str, str] | None:
    """A title written in the plural ("les présidents", "foreign ministers", "президентов"): (tokens, kind,
    English) of the singular title."""
    if language == "ru":
        found = title_at(tokens, i, language)
        return found if found and "plur" in tokens[i].tag else None
    _, longest = titles(language)
    window = tokens[i : i + longest]
    best = None
    for p, tok in enumerate(window):
        if len(tok.key) > 3 and tok.key.endswith(("s", "x")):
            singular = [*window[:p], replace(tok, key=tok.key[:-1]), *window[p + 1 :]]
            found = title_at(singular, 0, language)
            if found and found[0] > p and (best is None or found[0] > best[0]):
                best = found
    return best
