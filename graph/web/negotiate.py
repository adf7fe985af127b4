"""Content negotiation: which of the formats a resource offers does the client's `Accept` prefer?

Formats are named by the project's short names (json, ttl, html, ...); each has its media types,
the first being the one the server answers with.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Short format name -> media types, the first being what the server sends.
MEDIA: dict[str, tuple[str, ...]] = {
    "json": ("application/sparql-results+json", "application/json"),
    "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
    "ttl": ("text/turtle",),
    "nt": ("application/n-triples", "text/plain"),
    "jsonld": ("application/ld+json",),
    "rdfxml": ("application/rdf+xml",),
    "trig": ("application/trig",),
    "nq": ("application/n-quads",),
    "html": ("text/html",),
}

#: Suffixes of linked-data URLs (…/id/state/KAZ.ttl) -> format name.
SUFFIXES = {
    ".html": "html",
    ".ttl": "ttl",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".rdf": "rdfxml",
    ".trig": "trig",
    ".nq": "nq",
}


def content_type(fmt: str) -> str:
    """The Content-Type header for a format (text types in UTF-8)."""
    media = MEDIA[fmt][0]
    return f"{media}; charset=utf-8" if media.startswith("text/") or fmt in ("json", "jsonld") else media


def _accepted(header: str) -> list[tuple[float, int, str]]:
    """(q, order, media range) of each entry of an Accept header, best first."""
    out = []
    for order, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            out.append((-q, order, media))
    return [(-q, order, media) for q, order, media in sorted(out)]


def choose(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered format the client prefers; the first offered when it says nothing or `*/*`.

    None when the client accepts none of them (the caller answers 406, or a default).
    """
    if not accept or not accept.strip():
        return offered[0]
    for _, _, media in _accepted(accept):
        for fmt in offered:
            for candidate in MEDIA[fmt]:
                if (
                    media in ("*/*", "*")
                    or media == candidate
                    or (media.endswith("/*") and candidate.startswith(media[:-1]))
                ):
                    return fmt
    return None
