"""One module per input format; each turns files into `Document`s (reference YAML) or `Parsed`
articles (.md with front matter, plain .txt, saved .html pages). Article loaders are registered
here by suffix; `ingest.article.load_article` picks one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..parsed import Parsed, fail
from . import html, markdown, plaintext

ArticleLoader = Callable[[Path, str], Parsed]

ARTICLE_LOADERS: dict[str, ArticleLoader] = {
    ".md": markdown.parse,
    ".markdown": markdown.parse,
    ".txt": plaintext.parse,
    ".html": html.parse,
    ".htm": html.parse,
}


def article_loader(path: Path) -> ArticleLoader:
    """The loader for a file's suffix; SourceError for a format no loader reads."""
    loader = ARTICLE_LOADERS.get(path.suffix.lower())
    if loader is None:
        known = ", ".join(sorted(ARTICLE_LOADERS))
        raise fail(path, f"unsupported article format '{path.suffix or '(none)'}' (known: {known})")
    return loader
