"""Articles as Markdown with YAML front matter (id, url, title, publisher, language, published, note)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from ..parsed import Parsed, fail
from .yaml_limits import load_front_matter

REQUIRED = ("id", "url", "title", "publisher", "language", "published")
NON_EMPTY = ("id", "url", "language")
_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.S | re.M)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANG = re.compile(r"^[a-z]{2,3}$")
_URL = re.compile(r"^https?://\S+$")
#: An id is the last segment of the article's IRI and of its page's path: one segment, nothing to escape.
_ID = re.compile(r"^(?!\.{1,2}$)[^\s/\\?#%<>\"{}|^`\x00-\x1f]+$")


def _real_date(text: str) -> bool:
    """Whether `text` is YYYY-MM-DD and a day the calendar has (not 2024-02-30, not year 0)."""
    if not _DATE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def parse(path: Path, text: str) -> Parsed:
    """Split front matter from body; check the fields. Offsets stay those of the whole file."""
    match = _FENCE.match(text)
    if not match:
        raise fail(path, "no YAML front matter (the file must start with a '---' block)", 1)
    try:
        meta = load_front_matter(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise fail(
            path, f"malformed front matter: {getattr(exc, 'problem', exc)}", mark.line + 2 if mark else 1
        ) from None
    if not isinstance(meta, dict):
        raise fail(path, "front matter must be a mapping of fields", 1)
    missing = [key for key in REQUIRED if key not in meta]
    if missing:
        raise fail(path, f"front matter is missing field(s): {', '.join(missing)}", 1, missing[0])
    empty = [key for key in NON_EMPTY if meta.get(key) in (None, "")]
    if empty:
        raise fail(path, f"front matter field(s) must not be empty: {', '.join(empty)}", 1, empty[0])
    published = meta.get("published")
    if published is not None and not _real_date(str(published)):
        raise fail(path, f"'published' must be a real date YYYY-MM-DD or null, not '{published}'", 1, "published")
    if not _ID.match(str(meta["id"])):
        raise fail(path, f"'id' must be one word without spaces, '/', '?', '#' or '%', not '{meta['id']}'", 1, "id")
    language = str(meta["language"]).lower()
    if not _LANG.match(language):
        raise fail(path, f"'language' must be a language code such as en, fr, ru, not '{language}'", 1, "language")
    if not _URL.match(str(meta["url"])):
        raise fail(path, f"'url' must be an http(s) URL, not '{meta['url']}'", 1, "url")
    metadata = {key: (None if meta.get(key) is None else str(meta[key])) for key in REQUIRED}
    metadata["published"] = None if published is None else str(published)
    metadata["language"] = language
    return Parsed(text, match.end(), len(text), metadata)
