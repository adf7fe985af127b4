"""Which language an article is in, and its sentences with offsets.

Detection uses lingua (its models ship inside the wheel; no download). Sentences: pysbd for
English and French, razdel for Russian; each sentence keeps its offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it is in the article's original text."""

    text: str
    start: int
    end: int


@cache
def _detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:4000]
    if len(re.findall(r"\w", sample)) < 3:
        return None
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


@cache
def _segmenter(language: str):
    import pysbd

    return pysbd.Segmenter(language=language, clean=False, char_span=True)


def _spans(text: str, language: str) -> list[tuple[int, int]]:
    if language == "ru":
        from razdel import sentenize

        return [(s.start, s.stop) for s in sentenize(text)]
    spans, pos = [], 0
    for span in _segmenter(language if language in ("en", "fr") else "en").segment(text):
        piece = span.sent.strip()
        if not piece:
            continue
        found = text.find(piece, pos)
        if found == -1:  # pysbd changed the text; fall back to its own offsets
            found = span.start
        spans.append((found, found + len(piece)))
        pos = found + len(piece)
    return spans


def sentences(text: str, regions: list[tuple[int, int]], language: str) -> list[Sentence]:
    """The sentences of each region (a region never spans two sentences' boundary rules)."""
    out = []
    for start, end in regions:
        chunk = text[start:end]
        for s, e in _spans(chunk, language):
            while s < e and chunk[s].isspace():
                s += 1
            while e > s and chunk[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(chunk[s:e], start + s, start + e))
    return out
