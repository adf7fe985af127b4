"""Counts of people as articles write them: in digits ("1 200", "1,200 troops", "7 тыс. военнослужащих") or in
words ("about two thousand troops", "deux cents militaires", "около двух тысяч военнослужащих", "пятерых
офицеров"), followed within a couple of words by a noun that says the number counts people.

Number words are data (`lexicons/numbers.yaml`). Words are read left to right: units and tens add up, a
multiplier multiplies what came before it (or one, alone: "une centaine", "тысяча"). A Russian number is
inflected ("двух", "тысяч"), so every form of each dictionary word is listed from the morphology.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .tokens import morphology

_SPACES = re.compile(r"[\s ,]")


@cache
def number_words(language: str) -> dict[str, tuple[float, bool]]:
    """Each number word of the language, every inflected form of it, as (value, is a multiplier)."""
    data = lexicon("numbers")
    out: dict[str, tuple[float, bool]] = {}
    for key, multiplies in (("words", False), ("multipliers", True)):
        for word, value in (data.get(key) or {}).get(language, {}).items():
            for form in _forms(word, language):
                out.setdefault(form, (value, multiplies))
    return out


def _forms(word: str, language: str) -> set[str]:
    if language != "ru":
        return {word}
    parses = [p for p in morphology().parse(word) if p.normal_form == word]
    return {word} | {form.word for p in parses for form in p.lexeme}


@cache
def count_regex(language: str) -> re.Pattern[str]:
    """A count of people: the number (group `n`) and the noun after it."""
    words = "|".join(re.escape(w) for w in sorted(number_words(language), key=len, reverse=True))
    word = rf"(?:{words})\b\.?"
    personnel = lexicon("numbers")["personnel"][language]
    digits = r"\d[\d  ,]*\d|\d"
    spelled = rf"{word}(?:[\s-]+(?:(?:and|et)\s+)?{word})*"  # "two hundred and fifty", "vingt et un"
    return re.compile(rf"\b(?P<n>(?:{digits})(?:\s+{word})*|{spelled})\s+(?:\w+\s+){{0,2}}?{personnel}", re.I)


def count_value(match: re.Match[str], language: str) -> int | None:
    """The number a count gives ("1 200" → 1200, "two thousand" → 2000, "сто двадцать" → 120), None if none."""
    total = current = 0.0
    known = number_words(language)
    for part in re.findall(r"\d[\d  ,]*\d|\d|[^\W\d]+", match.group("n")):
        if part.lower() in ("and", "et"):
            continue
        if part[0].isdigit():
            current += int(_SPACES.sub("", part))
            continue
        value, multiplies = known.get(part.lower(), (None, False))
        if value is None:
            return None
        if not multiplies:
            current += value
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current = (current or 1) * value
    n = int(total + current)
    return n or None
