"""Case restored in text that has none: all lower case (a chat, a careless clipping) or all
capitals (a wire headline, a telegram).

Every later step reads case: the gazetteer wants "Turkmenistan" capitalised and "CSTO" in
capitals, the recognisers find names by their capitals. So a caseless article gets its case back
first, without changing a character's position (offsets into the original text stay true):
sentences begin with a capital; known names take the case they are written with in the
gazetteer ("turkmenistan" -> "Turkmenistan", "одкб" -> "ОДКБ", inflected forms too); in Russian,
morphology tells proper names and abbreviations (pymorphy3's Name, Surn, Patr, Geox, Orgn and
Abbr grammemes: "шойгу" -> "Шойгу", "мид" -> "МИД"); in English and French, which have no such
morphology here, a word rare in the language (wordfreq's Zipf scale below `RARE`: "japarov",
"tasmagambetov", "nigmetullin") is a name's, so that the recognisers see "Sadyr Japarov".
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Gazetteer
from .tokens import Token, russian, tokenize

_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn"}
# Zipf frequency under which a word of an English or French text is taken for a name's: 3 is about
# once in a million words (surnames, small places), while the rarest words of news prose
# ("peacekeepers", "interoperability") lie above it or are no name-like run anyway
RARE = 3.0
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*)([^\W\d_])", re.M)


def caseless(text: str) -> bool:
    """Whether the text's case says nothing: (almost) no capitals, or (almost) no small letters."""
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    if len(letters) < 40:
        return False
    upper = sum(c.isupper() for c in letters)
    return upper <= len(letters) * 0.005 or upper >= len(letters) * 0.995


def _one(c: str, upper: bool) -> str:
    changed = c.upper() if upper else c.lower()
    return changed if len(changed) == 1 else c


def truecase(
    text: str, language: str, gazetteer: Gazetteer, regions: list[tuple[int, int]] | None = None
) -> str | None:
    """The text with its case restored, same length; None when the text has case of its own.
    `regions`: the spans of the article's body, whose case alone is judged (a file's metadata,
    its title written by whoever filed it, keep their capitals above a caseless body)."""
    body = "\n".join(text[s:e] for s, e in regions) if regions else text
    if not caseless(body):
        return None
    chars = [_one(c, False) for c in text]
    for m in _SENTENCE_START.finditer(text):
        chars[m.start(1)] = _one(chars[m.start(1)], True)
    tokens = tokenize("".join(chars))
    if language == "ru":
        for tok in tokens:
            if tok.tag and tok.is_word:
                grammemes = set(re.split(r"[ ,]", russian(tok.text.lower())[1]))
                _apply(chars, tok, "upper" if "Abbr" in grammemes else "cap" if grammemes & _PROPER else None)
    if language in ("en", "fr"):
        for tok in tokens:
            if _rare(tok.text.lower(), language):
                _apply(chars, tok, "cap")
    for match in gazetteer.match(tokens, caseless=True):
        span = tokens[match.first : match.last]
        form = gazetteer.forms.get(tuple(t.key for t in span))
        written = [t for t in tokenize(form)] if form else []
        if len(written) != len(span):
            continue
        for tok, model in zip(span, written, strict=True):
            _apply(chars, tok, "upper" if model.is_upper else "cap" if model.is_cap else None)
    return "".join(chars)


def _apply(chars: list[str], tok: Token, how: str | None) -> None:
    if how == "upper":
        for i in range(tok.start, tok.end):
            chars[i] = _one(chars[i], True)
    elif how == "cap":
        chars[tok.start] = _one(chars[tok.start], True)


@lru_cache(maxsize=50_000)
def _rare(word: str, language: str) -> bool:
    """Whether a word is rare enough in its language to be a name's (letters only, three or more)."""
    if len(word) < 3 or not word.replace("-", "").isalpha():
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language) < RARE
