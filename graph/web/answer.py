"""What a worker sends back for one query: the answer in the client's format, within the caps.

Answers are written where the query runs (in the worker), so only finished bytes cross the pipe;
the row cap and the byte cap are applied while the answer is written, by Oxigraph's own writers
for SELECT and ASK results.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from casckg.ingest.contract import QueryError, StoreError

from ..publish.export import serialize
from ..store import open_store
from ..store.embedded import QueryResult, Store
from .negotiate import choose, content_type
from .sparql_guard import Refused, check_query

RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("ttl", "nt", "jsonld", "rdfxml")
_OX_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
EXPORT_NAME = {"rdfxml": "xml"}  # the export writers' name of a graph format


@dataclass(frozen=True)
class Answer:
    """A finished HTTP answer to one query."""

    status: int
    media_type: str
    body: bytes
    truncated: bool = False

    @classmethod
    def message(cls, status: int, text: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (text + "\n").encode("utf-8"))

    @classmethod
    def busy(cls, timeout: float) -> Answer:
        return cls.message(503, f"the server is busy: no query worker was free within {timeout:g} s")


@dataclass(frozen=True)
class StoreOptions:
    """How a worker opens the store: the --store value and a remote store's other URLs."""

    location: str
    update_url: str | None = None
    graph_store_url: str | None = None

    def open(self) -> Store:
        return open_store(self.location, update_url=self.update_url, graph_store_url=self.graph_store_url)


# --- in the worker ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """What one answer may cost: rows, bytes, and which SERVICE endpoints a query may call."""

    max_rows: int = 10_000
    max_bytes: int = 16 * 1024 * 1024
    allow_service: tuple[str, ...] = ()


def answer(store: Store, sparql: str, accept: str | None, limits: Limits) -> Answer:
    """Judge one query (`sparql_guard`), run it and write its result in the format `accept` prefers, capped."""
    try:
        check_query(sparql, limits.allow_service)
        return _answer(store.query(sparql), accept, limits)
    except Refused as refused:
        return Answer.message(refused.status, str(refused))
    except QueryError as exc:
        return Answer.message(400, str(exc))
    except StoreError:
        return Answer.message(502, "the store behind this endpoint could not answer; try again later")
    except RecursionError:
        return Answer.message(400, "the query nests too deeply to be run")


def _capped(rows: Iterator[Any], size: Callable[[Any], int], limits: Limits) -> tuple[list[Any], bool]:
    """The first rows within the row cap and about the byte cap, and whether any were left out."""
    kept: list[Any] = []
    total = 0
    for row in rows:
        total += size(row)
        if len(kept) == limits.max_rows or total > limits.max_bytes:
            return kept, True
        kept.append(row)
    return kept, False


def _within(body: Callable[[list[Any]], bytes], rows: list[Any], max_bytes: int) -> tuple[bytes, list[Any]]:
    """The body of the most rows whose serialisation fits `max_bytes` (formats differ in overhead)."""
    written = body(rows)
    while len(written) > max_bytes and rows:
        rows = rows[: max(int(len(rows) * max_bytes / len(written) * 0.9), 0)]
        written = body(rows)
    return written, rows


def _answer(result: QueryResult, accept: str | None, limits: Limits) -> Answer:
    if isinstance(result, ox.QueryTriples):
        fmt = choose(accept, GRAPH_FORMATS) or GRAPH_FORMATS[0]
        triples, truncated = _capped(iter(result), lambda t: len(str(t)) + 2, limits)

        def graph_body(kept: list[ox.Triple]) -> bytes:
            out = io.BytesIO()
            serialize([ox.Quad(t.subject, t.predicate, t.object) for t in kept], EXPORT_NAME.get(fmt, fmt), out)
            return out.getvalue()

        body, kept = _within(graph_body, triples, limits.max_bytes)
        return Answer(200, content_type(fmt), body, truncated or len(kept) < len(triples))
    fmt = choose(accept, RESULT_FORMATS) or RESULT_FORMATS[0]
    if isinstance(result, ox.QueryBoolean):
        out = io.BytesIO()
        result.serialize(out, _OX_RESULTS[fmt])
        return Answer(200, content_type(fmt), out.getvalue())
    return _solutions(result, fmt, limits)


class _Full(Exception):
    """The answer being written has grown past what the caps let through."""


class _Bounded:
    """A binary output holding at most `max_lines` lines and `max_bytes` bytes; `_Full` past them."""

    def __init__(self, max_lines: int, max_bytes: int):
        self.max_lines, self.max_bytes = max_lines, max_bytes
        self.parts: list[bytes] = []
        self.lines = self.size = 0

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.lines += data.count(b"\n")
        self.size += len(data)
        if self.lines > self.max_lines or self.size > self.max_bytes:
            raise _Full
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _solutions(result: ox.QuerySolutions, fmt: str, limits: Limits) -> Answer:
    """A SELECT's answer written by Oxigraph's own writers, not term by term in Python.

    It is first written as TSV, which holds one solution a line (line breaks inside terms are
    escaped), so the row cap is a count of lines and the writing stops as soon as the caps are
    passed; the rows kept are then read back and written in the format asked for. The TSV is
    allowed twice the byte cap, since CSV says the same in fewer bytes; the final body is cut to
    the cap (`_within`).
    """
    out = _Bounded(limits.max_rows + 1, 2 * limits.max_bytes)  # the header line, then the rows
    truncated = False
    try:
        result.serialize(out, ox.QueryResultsFormat.TSV)
    except _Full:
        truncated = True
    header, *rows = out.getvalue().split(b"\n")
    rows = rows[:-1]  # what follows the last line break: nothing, or a row cut off by the caps
    if len(rows) > limits.max_rows:
        rows, truncated = rows[: limits.max_rows], True

    def body(kept: list[bytes]) -> bytes:
        tsv = b"\n".join([header, *kept, b""])
        if fmt == "tsv":
            return tsv
        parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
        return parsed.serialize(format=_OX_RESULTS[fmt])

    written, kept = _within(body, rows, limits.max_bytes)
    return Answer(200, content_type(fmt), written, truncated or len(kept) < len(rows))
