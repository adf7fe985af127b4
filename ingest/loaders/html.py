"""Saved HTML pages: trafilatura finds the main text and the page's metadata.

The original HTML has no useful character offsets for a reader, so the text offsets refer to
is the main text trafilatura extracts (paragraphs on their own lines); it is what the article
says, without menus and scripts.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..parsed import Parsed, fail

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse(path: Path, text: str) -> Parsed:
    import trafilatura

    found = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    body = getattr(found, "text", None) if found is not None else None
    if not body or not body.strip():
        raise fail(path, "no article text found in the HTML page")
    published = getattr(found, "date", None)
    metadata = {
        "id": path.stem,
        "url": getattr(found, "url", None),
        "title": getattr(found, "title", None),
        "publisher": getattr(found, "sitename", None) or getattr(found, "hostname", None),
        "published": published if published and _DATE.match(published) else None,
        "language": None,
    }
    head = (getattr(found, "title", None) or "").strip()
    main = f"{head}\n\n{body}" if head and not body.startswith(head) else body
    return Parsed(main, 0, len(main), metadata)
