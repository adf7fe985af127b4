"""Which language an article is in, and its sentences with offsets.

Detection uses lingua (its models ship inside the wheel; no download). Sentences: pysbd for
English and French, razdel for Russian; each sentence keeps its offsets into the original text.

Both splitters take time that grows faster than the text, and extraction compares the names of
a sentence with each other, so a file of one endless "sentence" could hold an ingest for hours.
Text goes to a splitter at most `MAX_SEGMENT` characters at a time and a sentence is at most
`MAX_SENTENCE` characters (news sentences are a few hundred), both cut at a line break or a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

#: Characters a sentence splitter is given at once.
MAX_SEGMENT = 20_000
#: Characters a sentence may have; a longer one is cut into pieces this long.
MAX_SENTENCE = 2_000


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
    for sent, start in _located(_segmenter(language if language in ("en", "fr") else "en"), text):
        piece = sent.strip()
        if not piece:
            continue
        found = text.find(piece, pos)
        if found == -1:  # pysbd changed the text; fall back to its own offsets
            found = start
        spans.append((found, found + len(piece)))
        pos = found + len(piece)
    return spans


def _located(segmenter, text: str) -> list[tuple[str, int]]:
    """pysbd's sentences, each with the white space after it and where it starts, found as its
    `char_span` mode finds them (the first occurrence ending after the previous sentence) but by
    plain search: pysbd compiles a pattern per sentence for this, which evicts every other
    pattern from the regular-expression cache."""
    sents = segmenter.processor(text).process() if text else []
    if not all(sents):
        return [(s.sent, s.start) for s in segmenter.segment(text)]
    out, prior = [], 0
    for sent in sents:
        at = text.find(sent)
        while at != -1:
            end = at + len(sent)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > prior:
                out.append((text[at:end], at))
                prior = end
                break
            at = text.find(sent, end)
    return out


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """[start, end) cut into spans of at most `limit` characters, at a line break or a space if any."""
    out = []
    while end - start > limit:
        cut = text.rfind("\n", start + limit // 2, start + limit)
        if cut == -1:
            cut = max(text.rfind(" ", start + limit // 2, start + limit), -1)
        cut = cut + 1 if cut != -1 else start + limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def sentences(text: str, regions: list[tuple[int, int]], language: str) -> list[Sentence]:
    """The sentences of each region (a region never spans two sentences' boundary rules)."""
    return list(_sentences(text, tuple(map(tuple, regions)), language))


@lru_cache(maxsize=8)
def _sentences(text: str, regions: tuple[tuple[int, int], ...], language: str) -> tuple[Sentence, ...]:
    """`sentences`, split once per text: extraction and the forum kinds both read an article's
    sentences, and splitting is the costliest step of reading one without the models."""
    out = []
    for start, end in regions:
        for piece_start, piece_end in _pieces(text, start, end, MAX_SEGMENT):
            chunk = text[piece_start:piece_end]
            for found_start, found_end in _spans(chunk, language):
                for s, e in _pieces(chunk, found_start, found_end, MAX_SENTENCE):
                    while s < e and chunk[s].isspace():
                        s += 1
                    while e > s and chunk[e - 1].isspace():
                        e -= 1
                    if e > s:
                        out.append(Sentence(chunk[s:e], piece_start + s, piece_start + e))
    return tuple(out)
