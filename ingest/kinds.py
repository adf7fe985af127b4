"""The kind of a forum as each source calls it: a summit, a roundtable, a meeting.

Sources name one event differently ("le premier forum", "Ce sommet", "the roundtable"). Each
word an article uses for one of its forums (`forum-kinds.yaml`, per language) becomes a typed
statement of that article, `forum rdf:type cas:Summit`, with the sentence as evidence; so the
graph keeps who calls the event what, and the source-conflicts query can show where sources
disagree on it.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

from casckg.ingest.article import Article
from casckg.ingest.language import sentences
from casckg.ingest.lexicon import read_data
from casckg.ingest.records import Document, Evidence, Statement
from casckg.ingest.tokens import key_of
from casckg.ontology import expand

KINDS_PATH = Path(__file__).with_name("forum-kinds.yaml")
CONFIDENCE = 0.6


@cache
def kind_words(language: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(word key, class local name) for one language, longest words first."""
    table = read_data(KINDS_PATH).get(language, {})
    return tuple(sorted(((key_of(w), cls) for w, cls in table.items()), key=lambda x: -len(x[0])))


def _position(key: tuple[str, ...], word: tuple[str, ...]) -> int | None:
    """Where `word` first occurs in the name's key, or None."""
    n = len(word)
    return next((i for i in range(len(key) - n + 1) if key[i : i + n] == word), None)


def _head_kind(key: tuple[str, ...], words: tuple[tuple[tuple[str, ...], str], ...]) -> str | None:
    """The kind the name itself gives: its first kind word ("the 6th Summit of the Conference on
    Interaction…" is a summit; the conference is the organisation that holds it)."""
    found = [(at, -len(word), cls) for word, cls in words if (at := _position(key, word)) is not None]
    return min(found)[2] if found else None


def with_kinds(doc: Document, article: Article) -> Document:
    """The document plus one `rdf:type` statement per forum kind its mentions use, with evidence."""
    words = kind_words(article.language)
    forums = {e.ref for e in doc.entities if "Forum" in e.classes}
    if not words or not forums:
        return doc
    spans = sentences(article.text, article.regions, article.language)
    found: dict[tuple, Statement] = {}
    for mention in sorted(doc.mentions, key=lambda m: m.start):
        if mention.ref not in forums:
            continue
        cls = _head_kind(key_of(mention.text), words)
        if cls is not None and (mention.ref, cls) not in found:
            sentence = next((s for s in spans if s.start <= mention.start < s.end), None)
            evidence = Evidence(sentence.text, sentence.start, sentence.end) if sentence else None
            found[(mention.ref, cls)] = Statement(
                mention.ref,
                "rdf:type",
                expand(f"cas:{cls}"),
                evidence=evidence,
                confidence=CONFIDENCE,
                extractor=f"{article.language}.forum-kind",
            )
    return dataclasses.replace(doc, statements=[*doc.statements, *found.values()]) if found else doc
