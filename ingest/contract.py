"""The border between ingest and graph: everything graph uses of ingest, in one module.

Ingest reads sources and hands on finished Documents; graph turns them into quads and writes
them. Graph imports ingest only through this module, so what crosses the border is listed
here: the records (a Document and its parts), problems and errors, the article road (load or
fetch, then read with a gazetteer), the reference records, the gazetteer of what a store
knows, how it learns and how it compares names (`fold`), and the scorer's JSON. The article
pipeline is imported when first used, so importing the border costs little.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .article import SUPPORTED_LANGUAGES, Article, load_article
from .countries import SOURCE_KEY as COUNTRIES_SOURCE
from .errors import CasckgError, QueryError, SourceError, StoreError
from .gazetteer import Gazetteer
from .known import KnownName, gazetteer_of_names
from .records import Document, Entity, Evidence, Literal, Mention, Ref, Source, Statement
from .report import Problem, Severity
from .slug import slug
from .tokens import fold, key_of, name_lemma

__all__ = [
    "COUNTRIES_SOURCE",
    "SUPPORTED_LANGUAGES",
    "Article",
    "CasckgError",
    "Document",
    "Entity",
    "Evidence",
    "Gazetteer",
    "KnownName",
    "Literal",
    "Mention",
    "Problem",
    "QueryError",
    "Ref",
    "Severity",
    "Source",
    "SourceError",
    "Statement",
    "StoreError",
    "article_suffixes",
    "fold",
    "gazetteer_of_names",
    "identity_decisions",
    "is_url",
    "key_of",
    "name_lemma",
    "load",
    "read",
    "reference_documents",
    "scorer_json",
    "slug",
]


def article_suffixes() -> tuple[str, ...]:
    """The file suffixes an article loader reads (".md", ".txt", ".html", ...)."""
    from .loaders import ARTICLE_LOADERS

    return tuple(ARTICLE_LOADERS)


def is_url(item: str) -> bool:
    """Whether an article is named by an http(s) URL rather than a path."""
    from .fetch import is_url as url

    return url(item)


def load(item: Path | str) -> Article:
    """One article, from a file or fetched from an http(s) URL; SourceError when it cannot be read."""
    if isinstance(item, str) and is_url(item):
        from .fetch import fetch_article

        return fetch_article(item)
    return load_article(item)


def read(article: Article, gazetteer: Gazetteer) -> Document:
    """The article's finished Document: entities, statements with evidence, and its forums' kinds."""
    from .extract import extract
    from .kinds import with_kinds

    return with_kinds(extract(article, gazetteer), article)


def reference_documents(folder: Path, root: Path | None = None) -> list[Document]:
    """The analysts' reference records of a folder, one Document per file; SourceError on a bad record."""
    from .loaders.reference import load_reference_dir

    return load_reference_dir(folder, root=root)


def identity_decisions(path: Path, root: Path | None = None) -> Document | None:
    """The analysts' identity decisions (same-as / different-from) as one Document, or None
    without the file; SourceError on a bad decision."""
    from .loaders.decisions import load_decisions

    return load_decisions(path, root=root)


def scorer_json(doc: Document, entity_iri: Callable[[Ref], str]) -> dict[str, Any]:
    """The extraction scorer's JSON for one Document, entities named by `entity_iri`."""
    from .extraction import extraction_json

    return extraction_json(doc, entity_iri)
