"""Content negotiation picks what the client prefers among what a resource offers."""

from __future__ import annotations

import pytest

from casckg.graph.web.negotiate import choose

PAGE = ("html", "ttl", "jsonld", "rdfxml", "nt")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "html"),
        ("*/*", "html"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),  # a browser
        ("text/turtle", "ttl"),
        ("application/ld+json", "jsonld"),
        ("application/rdf+xml, text/turtle;q=0.5", "rdfxml"),
        ("text/turtle;q=0.4, application/n-triples;q=0.9", "nt"),
        ("text/html;q=0, text/turtle", "ttl"),
        ("application/*", "jsonld"),
        ("image/png", None),
    ],
)
def test_choose(accept: str | None, expected: str | None) -> None:
    assert choose(accept, PAGE) == expected
