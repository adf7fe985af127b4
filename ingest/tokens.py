"""Tokens with offsets, and the normal form names are compared by.

A token's `key` is case- and accent-folded; for Russian it is the lemma (pymorphy3), so
"Ташкенте" and "Ташкент" compare equal; French elided articles ("l’", "d’") are their own tokens,
so "l’ONU" holds the token "ONU". Apostrophes are unified; soft hyphens and zero-width marks inside
a word are part of it and fold away; a code typed with Cyrillic look-alikes ("С5+1") folds to Latin.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

_W = r"(?:\w|[\u00ad\u200b-\u200d](?=\w))+"  # a word; soft hyphens and zero-width marks inside it belong to it
_TOKEN = re.compile(rf"{_W}(?:[-‐‑]{_W})*\.?(?<=\b[A-ZА-Я]\.)|{_W}(?:[-‐‑]{_W})*|[’'`]|[^\w\s]")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d"))
# Cyrillic letters drawn like Latin ones, in a code such as "С5+1" typed on a Russian keyboard
_HOMOGLYPHS = str.maketrans("АВСЕНКМОРТХасеорху", "ABCEHKMOPTXaceopxy")
_CODE = re.compile(r"\w*\d\w*")
_CYRILLIC = re.compile(r"[а-яё]", re.I)
APOSTROPHES = "’'`"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # folded (lemma for Russian words)
    fold: str  # folded surface, no lemma
    lemma: str  # lemma for Russian words, else the folded surface
    tag: str  # pymorphy tag for Russian words ("" otherwise)

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=50_000)
def fold(text: str) -> str:
    """Lowercase, without accents (Cyrillic letters such as й stay whole), apostrophes unified.
    Kept for the texts most folded: a sentence is folded by several readers of an article, a word
    by every rule that tests it."""
    text = unicodedata.normalize("NFC", text)
    if not text.isascii():  # ASCII has no accents to strip
        text = "".join(map(_fold_char, text))
    return _CODE.sub(_latin_code, text.translate(_UNIFIED)).lower()


# invisible marks dropped, apostrophes and hyphens unified: none is a word character, so doing it
# before reading codes (`_CODE`) gives what doing it after would
_UNIFIED = {**_INVISIBLE, **dict.fromkeys(map(ord, APOSTROPHES), "'"), ord("‑"): "-", ord("‐"): "-"}


@cache
def _fold_char(c: str) -> str:
    """One character without its accents (Cyrillic letters stay whole, ё is е); computed once per character."""
    if "\u0400" <= c <= "\u04ff":
        return "е" if c in "ёЁ" else c
    return "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))


def _latin_code(m: re.Match) -> str:
    """A code mixing digits with letters drawn alike in both scripts is read in Latin ("С5" = "C5")."""
    word = m.group()
    latin = word.translate(_HOMOGLYPHS)
    return latin if not _CYRILLIC.search(latin) else word


@cache
def morphology():
    """pymorphy3's Russian analyser, built once per process (loading its dictionaries takes a while)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def russian(word: str) -> tuple[str, str]:
    """(lemma, tag) of a Russian word; hyphenated words are lemmatised part by part."""
    parses = morphology().parse(word)
    if not parses:
        return word.lower(), ""
    best = parses[0]
    lemma = best.normal_form.replace("ё", "е")
    if "-" in word and "-" not in lemma:
        parts = [russian(p)[0] for p in word.split("-") if p]
        lemma = "-".join(parts)
    return lemma, str(best.tag)


#: pymorphy3's grammemes of a personal name: given name, surname, patronymic.
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=20_000)
def maybe_genitive(word: str) -> bool:
    """Whether some reading of a Russian word is in the genitive (the best one may not be: "области")."""
    return any("gent" in parse.tag for parse in morphology().parse(word.lower()))


@lru_cache(maxsize=20_000)
def name_lemma(word: str, grammeme: str) -> str:
    """A word of a person's name in its dictionary form: a Russian word the analyser can read as
    a surname (`grammeme` "Surn"), given name ("Name") or patronymic ("Patr"), in that reading
    ("Токаева" -> "токаев", not the woman's name Tokaeva; "Рахмонова" -> "рахмонов"); any other
    word folded as written (a name the analyser does not know is no common noun: "Токаев" stays,
    not "токай")."""
    if not _CYRILLIC.search(word):
        return fold(word)
    lower = word.lower()  # ё kept: it is "yo" in Latin letters (Мирзиёев, Mirziyoyev)
    for parse in morphology().parse(lower):
        if grammeme in parse.tag and ("masc" in parse.tag or "ms-f" in parse.tag):
            return parse.normal_form
    return lower


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of `text`; offsets are shifted by `offset` (a sentence's start)."""
    out = []
    for m in _TOKEN.finditer(text):
        surface = m.group()
        folded, lemma, tag = _keys(surface)
        out.append(Token(surface, offset + m.start(), offset + m.end(), lemma, folded, lemma, tag))
    return out


@lru_cache(maxsize=200_000)
def _keys(surface: str) -> tuple[str, str, str]:
    """(folded, lemma, tag) of one token's text: a word recurs through an article and a corpus, so once each."""
    folded = fold(surface)
    lemma, tag = folded, ""
    if _CYRILLIC.search(folded) and surface[:1].isalnum():
        lemma, tag = russian(surface.translate(_INVISIBLE).lower().replace("ё", "е"))
        lemma = fold(lemma)
    return folded, lemma, tag


@lru_cache(maxsize=200_000)
def key_of(text: str) -> tuple[str, ...]:
    """The comparison key of a name: its token keys, apostrophes and hyphens kept as tokens (the
    keys `tokenize` gives, without making its tokens: writing compares thousands of names). Once
    per name: the gazetteer keys every name of the store, and writing keys the same names again."""
    return tuple(_keys(m.group())[1] for m in _TOKEN.finditer(text))
