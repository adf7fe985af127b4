"""Boilerplate removal: keep the lines that are the article, as spans of the original text.

What counts as boilerplate is data (`lexicons/boilerplate.yaml`, en/fr/ru). Lines are judged
whole: a line matching a `drop` pattern goes; a `stop` line ends the article (what follows is
comments and related links); a short paragraph standing alone without sentence punctuation is a
section header or an ad; a credit closing a line ("[Press Service - afp]") is cut off. Nothing is
rewritten: every kept region is a slice of the input.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon

_SENTENCE_PUNCT = re.compile(r"[.!?;:,«»\"“”()–—]")


@cache
def _rules() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    data = lexicon("boilerplate")
    drop = re.compile("|".join(f"(?:{p})" for p in data["drop"]), re.I)
    stop = re.compile("|".join(f"(?:{p})" for p in data["stop"]), re.I)
    return drop, stop, int(data["max_header_words"])


@cache
def _credit() -> re.Pattern[str]:
    """A credit closing a line (`credit` in the lexicon), up to the line's end."""
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in lexicon("boilerplate")["credit"]) + r")\s*$", re.I)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line in text[start:end], without the line break."""
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_boilerplate(line: str) -> bool:
    """Whether one trimmed line is site furniture by the lexicon."""
    drop, stop, _ = _rules()
    return bool(drop.fullmatch(line.strip(" .:|-")) or stop.fullmatch(line.strip(" .:|-")))


def clean_regions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The article's own lines in text[start:end], trimmed, as offsets into `text`."""
    drop, stop, max_words = _rules()
    end = len(text) if end is None else end
    lines = [_trim(text, s, e) for s, e in _lines(text, start, end)]
    kept: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(lines):
        if s == e:
            continue
        line = text[s:e].strip(" .:|-")
        if stop.fullmatch(line):
            break
        if drop.fullmatch(line):
            continue
        alone = (i == 0 or lines[i - 1][0] == lines[i - 1][1]) and (
            i + 1 == len(lines) or lines[i + 1][0] == lines[i + 1][1]
        )
        if alone and len(line.split()) <= max_words and not _SENTENCE_PUNCT.search(line):
            continue
        credit = _credit().search(text, s, e)
        kept.append((s, credit.start() if credit and credit.start() > s else e))
    return kept
