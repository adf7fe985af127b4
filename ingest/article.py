"""An article as ingest sees it: the original text, its metadata, and the regions worth reading.

`load_article` reads one file with the loader registered for its suffix, checks what every
article must satisfy (readable, UTF-8 text, not empty, not too large, a supported language) and
strips boilerplate. Offsets everywhere (regions, sentences, mentions, evidence) point into
`Article.text`, the text exactly as read, so a reader can always find the sentence again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .parsed import fail
from .records import Source

MAX_BYTES = 5 * 1024 * 1024
SUPPORTED_LANGUAGES = ("en", "fr", "ru")


@dataclass
class Article:
    """One article, ready for extraction."""

    path: Path
    text: str
    source: Source
    regions: list[tuple[int, int]]  # the cleaned article text, as spans of `text`

    @property
    def language(self) -> str:
        return self.source.language or ""

    def region_texts(self) -> list[tuple[int, str]]:
        """Each kept region as (start offset, text)."""
        return [(start, self.text[start:end]) for start, end in self.regions]


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and its SHA-256, after the checks every article format shares."""
    if not path.is_file():
        raise fail(path, "no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise fail(path, f"too large ({size} bytes; the limit is {MAX_BYTES})")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise fail(path, "binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if not text.strip():
        raise fail(path, "empty article")
    return text, hashlib.sha256(raw).hexdigest()


def load_article(path: Path | str) -> Article:
    """Read, check and clean one article file (.md, .txt, .html). Raises SourceError."""
    from .clean import clean_regions
    from .language import detect_language
    from .loaders import article_loader

    path = Path(path)
    loader = article_loader(path)
    text, digest = read_text(path)
    parsed = loader(path, text)
    meta = parsed.metadata
    regions = clean_regions(parsed.text, parsed.body_start, parsed.body_end)
    body = "\n".join(parsed.text[s:e] for s, e in regions)
    if not body.strip():
        raise fail(path, "no article text left after removing boilerplate")
    language = meta.get("language") or detect_language(body)
    if language not in SUPPORTED_LANGUAGES:
        shown = language or "unknown"
        raise fail(path, f"unsupported language '{shown}' (supported: {', '.join(SUPPORTED_LANGUAGES)})")
    source = Source(
        kind="article",
        key=str(meta.get("id") or path.stem),
        path=str(path),
        sha256=digest,
        title=meta.get("title"),
        url=meta.get("url"),
        publisher=meta.get("publisher"),
        language=language,
        published=meta.get("published"),
    )
    return Article(path, parsed.text, source, regions)
