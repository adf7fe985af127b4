"""What a worker sends back for one query: the answer in the client's format, within the caps.

Answers are written where the query runs (in the worker), so only finished bytes cross the pipe;
the row cap and the byte cap are applied while the answer is written.
"""

from __future__ import annotations

import io
import json
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


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _json_term(getattr(term, p)) for p in parts}}
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def solutions_json(variables: list[str], rows: list[ox.QuerySolution]) -> bytes:
    """SPARQL 1.1 JSON results for some rows of a SELECT (the row cap needs a partial result)."""
    bindings = [{v: _json_term(row[v]) for v in variables if row[v] is not None} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode("utf-8")


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
        result.serialize(out, ox.QueryResultsFormat.JSON if fmt == "json" else _OX_RESULTS[fmt])
        return Answer(200, content_type(fmt), out.getvalue())
    variables = [v.value for v in result.variables]
    rows, truncated = _capped(iter(result), lambda row: sum(len(str(t)) + 24 for t in row if t is not None), limits)

    def solutions_body(kept: list[ox.QuerySolution]) -> bytes:
        body = solutions_json(variables, kept)
        if fmt == "json":
            return body
        out = io.BytesIO()
        ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(out, _OX_RESULTS[fmt])
        return out.getvalue()

    body, kept = _within(solutions_body, rows, limits.max_bytes)
    return Answer(200, content_type(fmt), body, truncated or len(kept) < len(rows))
