"""Run endpoint queries in worker processes that can be abandoned, so no query outlives its limit.

A SPARQL query cannot be interrupted from inside the process that runs it (Oxigraph evaluates it
in native code). So each query goes to one of a few worker processes, each with the store open
read-only; the server waits for the answer up to the time limit, and past it kills that worker,
answers 503, and starts a fresh one. Workers also apply the row cap and write the answer in the
format the client asked for, so only finished bytes cross the pipe.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import itertools
import json
import multiprocessing
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import anyio
import pyoxigraph as ox

from casckg.ingest.contract import CasckgError, QueryError, StoreError

from ..publish.export import serialize
from ..store import open_store
from ..store.embedded import QueryResult, Store
from .negotiate import choose, content_type

RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("ttl", "nt", "jsonld", "rdfxml")
_OX_RESULTS = {
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_EXPORT_NAME = {"rdfxml": "xml"}
_START_TIMEOUT = 60.0


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


def answer(store: Store, sparql: str, accept: str | None, max_rows: int) -> Answer:
    """Run one query and write its result in the format `accept` prefers, capped at `max_rows`."""
    try:
        return _answer(store.query(sparql), accept, max_rows)
    except QueryError as exc:
        return Answer.message(400, str(exc))
    except StoreError as exc:
        return Answer.message(502, str(exc))


def _answer(result: QueryResult, accept: str | None, max_rows: int) -> Answer:
    out = io.BytesIO()
    if isinstance(result, ox.QueryTriples):
        fmt = choose(accept, GRAPH_FORMATS) or GRAPH_FORMATS[0]
        triples = list(itertools.islice(result, max_rows + 1))
        quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples[:max_rows]]
        serialize(quads, _EXPORT_NAME.get(fmt, fmt), out)
        return Answer(200, content_type(fmt), out.getvalue(), len(triples) > max_rows)
    fmt = choose(accept, RESULT_FORMATS) or RESULT_FORMATS[0]
    if isinstance(result, ox.QueryBoolean):
        result.serialize(out, ox.QueryResultsFormat.JSON if fmt == "json" else _OX_RESULTS[fmt])
        return Answer(200, content_type(fmt), out.getvalue())
    variables = [v.value for v in result.variables]
    rows = list(itertools.islice(result, max_rows + 1))
    body = solutions_json(variables, rows[:max_rows])
    if fmt != "json":
        ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(out, _OX_RESULTS[fmt])
        body = out.getvalue()
    return Answer(200, content_type(fmt), body, len(rows) > max_rows)


def _work(conn: Connection, options: StoreOptions, max_rows: int) -> None:
    """A worker's life: open the store, say so, then answer queries until told to stop."""
    try:
        store = options.open()
    except CasckgError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", None))
    with contextlib.suppress(EOFError, KeyboardInterrupt):
        while (request := conn.recv()) is not None:
            sparql, accept = request
            conn.send(answer(store, sparql, accept, max_rows))
    store.close()


# --- in the server ----------------------------------------------------------------------------


class _Worker:
    def __init__(self, options: StoreOptions, max_rows: int):
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, options, max_rows), daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(_START_TIMEOUT):
            self.kill()
            raise StoreError(f"a query worker did not start within {_START_TIMEOUT:.0f} s")
        status, detail = self.conn.recv()
        if status != "ready":
            self.kill()
            raise StoreError(detail)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


class QueryPool:
    """A few worker processes answering queries, each query within `timeout` seconds."""

    def __init__(self, options: StoreOptions, *, workers: int = 2, timeout: float = 5.0, max_rows: int = 10_000):
        self.options, self.size, self.timeout, self.max_rows = options, workers, timeout, max_rows
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._starting: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        for _ in range(self.size):
            await self._add()

    async def _add(self) -> None:
        worker = await anyio.to_thread.run_sync(_Worker, self.options, self.max_rows)
        self._all.add(worker)
        self._idle.put_nowait(worker)

    async def run(self, sparql: str, accept: str | None) -> Answer:
        """The answer to one query, or 503 when it ran over the time limit (its worker is replaced)."""
        deadline = time.monotonic() + self.timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError:
            return Answer.message(503, f"the server is busy: no query worker was free within {self.timeout:g} s")
        try:
            worker.conn.send((sparql, accept))
            remaining = max(deadline - time.monotonic(), 0.01)
            if await anyio.to_thread.run_sync(worker.conn.poll, remaining):
                result = await anyio.to_thread.run_sync(worker.conn.recv)
                self._idle.put_nowait(worker)
                return result
        except (EOFError, OSError):
            self._replace(worker)
            return Answer.message(500, "the query worker failed while answering; it was restarted")
        self._replace(worker)
        return Answer.message(
            503, f"the query was stopped: it ran over the time limit of {self.timeout:g} s; narrow it or add a LIMIT"
        )

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start another in the background."""
        self._all.discard(worker)
        worker.kill()
        task = asyncio.get_running_loop().create_task(self._add())
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def close(self) -> None:
        workers, self._all = self._all, set()
        for worker in workers:
            await anyio.to_thread.run_sync(worker.stop)
