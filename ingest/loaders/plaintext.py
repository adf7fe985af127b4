"""Plain-text articles: the whole file is the body; metadata comes from the file name.

A name may start with the publication date (`2024-05-31-kazcent-roundtable.txt`); the rest of
the stem is the article's key and, humanised, its title. The language is detected.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..parsed import Parsed

_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})[-_ ](.+)$")


def parse(path: Path, text: str) -> Parsed:
    stem = path.stem
    published = None
    match = _DATED.match(stem)
    if match:
        published, rest = match.groups()
    else:
        rest = stem
    title = re.sub(r"[-_]+", " ", rest).strip() or stem
    return Parsed(text, 0, len(text), {"id": stem, "title": title, "published": published})
