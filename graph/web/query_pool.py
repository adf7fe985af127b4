"""Run endpoint queries in worker processes that can be abandoned, so no query outlives its limit.

A SPARQL query cannot be interrupted from inside the process that runs it (Oxigraph evaluates it
in native code). So each query goes to one of a few worker processes, each with the store open
read-only; the server waits for the answer up to the time limit, and past it kills that worker,
answers 503, and starts a fresh one. Workers also judge the query (`sparql_guard`: parsing is
work a client controls, so it runs under the same time limit), apply the row and byte caps and
write the answer in the format the client asked for, so only finished bytes cross the pipe.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import multiprocessing
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

import anyio

from casckg.ingest.contract import CasckgError, StoreError

from ..store import store_version
from .answer import Answer, Limits, StoreOptions, answer

_START_TIMEOUT = 60.0


def _work(conn: Connection, options: StoreOptions, limits: Limits) -> None:
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
            conn.send(answer(store, sparql, accept, limits))
    store.close()


# --- in the server ----------------------------------------------------------------------------


@functools.cache
def _context() -> multiprocessing.context.BaseContext:
    """Workers are forked from a server process that has imported this module once, so a
    replacement (after every query stopped at the time limit) starts in a fraction of the time a
    fresh interpreter takes; that process holds no store, no thread and no socket of the server.
    Where there is no fork (Windows), each worker is a fresh interpreter."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


class _Worker:
    def __init__(self, options: StoreOptions, limits: Limits, generation: int):
        self.generation = generation  # the store version it opened (QueryPool.generation then)
        context = _context()
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, options, limits), daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(_START_TIMEOUT):
            self.kill()
            raise StoreError(f"a query worker did not start within {_START_TIMEOUT:.0f} s")
        try:
            status, detail = self.conn.recv()
        except (EOFError, OSError):
            status, detail = "failed", "a query worker died while opening the store"
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
    """A few worker processes answering queries, each query within `timeout` seconds.

    The pool keeps `workers` processes alive: one that is killed (over time) or fails to start
    (the store moved away for a moment) is started again in the background, with a growing pause
    between tries, until it opens. When the store's version changes (a build or an ingest,
    `store.store_version`), `refresh` starts a full set of workers on the new version in the
    background while the old ones go on answering, then switches in one step: answers come from
    the old version until then and from the new one after, never alternately from both.
    """

    def __init__(
        self,
        options: StoreOptions,
        *,
        workers: int = 2,
        timeout: float = 5.0,
        limits: Limits | None = None,
    ):
        self.options, self.size, self.timeout = options, workers, timeout
        self.limits = limits or Limits()
        self.version = store_version(options.location)  # the version the answering workers opened
        self._generations = itertools.count(1)
        self.generation = 0
        self._next: str | None = None  # a version workers are being started on
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._replacing = 0
        self._closed = False

    async def start(self) -> None:
        """Start the workers; the first must open the store (its error is the store's own)."""
        for _ in range(self.size):
            self._keep(await anyio.to_thread.run_sync(_Worker, self.options, self.limits, self.generation))

    def _keep(self, worker: _Worker) -> None:
        if self._closed or worker.generation != self.generation:
            worker.kill()
            return
        self._all.add(worker)
        self._idle.put_nowait(worker)

    def _background(self, work: Any) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _started(self, generation: int, wanted: Callable[[], bool]) -> _Worker | None:
        """A worker on the store as it is now, tried again (0.5 s, 1 s, ... 5 s apart) while `wanted()`."""
        pause = 0.5
        while not self._closed and wanted():
            try:
                return await anyio.to_thread.run_sync(_Worker, self.options, self.limits, generation)
            except CasckgError:
                await asyncio.sleep(pause)
                pause = min(pause * 2, 5.0)
        return None

    async def _add(self) -> None:
        """Start one worker for the answering set, until it opens the store."""
        generation = self.generation
        try:
            worker = await self._started(generation, lambda: generation == self.generation)
        finally:
            self._replacing -= 1
        if worker is not None:
            self._keep(worker)
        self._fill()

    def _fill(self) -> None:
        """Start workers in the background until `size` are alive or starting."""
        while not self._closed and len(self._all) + self._replacing < self.size:
            self._replacing += 1
            self._background(self._add())

    async def _switch(self, version: str | None) -> None:
        """Start a full set of workers on `version`, then let them answer instead of the old ones."""
        generation = next(self._generations)
        ready: list[_Worker] = []
        while len(ready) < self.size and self._next == version:
            worker = await self._started(generation, lambda: self._next == version)
            if worker is not None:
                ready.append(worker)
        if self._next != version or self._closed:
            for worker in ready:
                worker.kill()
            return
        self.version, self.generation, self._next = version, generation, None
        while not self._idle.empty():
            self._retire(self._idle.get_nowait())
        for worker in ready:
            self._keep(worker)
        self._fill()

    def refresh(self) -> None:
        """Notice a new store version and start switching to it (the old workers answer meanwhile)."""
        current = store_version(self.options.location)
        if current == self.version:
            self._next = None  # back as it was (a store moved away and back): stop any switch
        elif current != self._next:
            self._next = current
            self._background(self._switch(current))

    def _retire(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.kill()

    async def run(self, sparql: str, accept: str | None) -> Answer:
        """The answer to one query, or 503 when it ran over the time limit (its worker is replaced)."""
        answer = await self.attempt(sparql, accept, time.monotonic() + self.timeout)
        assert answer is not None  # without a budget or a condition, every attempt answers
        return answer

    async def attempt(
        self,
        sparql: str,
        accept: str | None,
        deadline: float,
        budget: float | None = None,
        overrun: Callable[[], bool] | None = None,
    ) -> Answer | None:
        """The answer to one query by `deadline` (a `time.monotonic()` value), or None when it ran too long.

        A query still running after `budget` seconds asks `overrun()` whether it may go on: if so,
        its worker leaves the pool (another is started in its place, so the pool's queries never
        wait for this one) and is stopped once it answers or at the deadline; if not, the worker
        is killed and replaced, and the answer is None.
        """
        self.refresh()
        self._fill()
        while True:
            try:
                worker = await asyncio.wait_for(self._idle.get(), max(deadline - time.monotonic(), 0.01))
            except TimeoutError:
                self._fill()
                return Answer.message(503, f"the server is busy: no query worker was free within {self.timeout:g} s")
            if worker.generation == self.generation and worker.process.is_alive():
                break
            self._replace(worker)  # opened an older version of the store, or died idle
        cut = deadline if budget is None else min(deadline, time.monotonic() + max(budget, 0.0))
        pooled = True
        try:
            worker.conn.send((sparql, accept))
            while True:
                if await anyio.to_thread.run_sync(worker.conn.poll, max(cut - time.monotonic(), 0.001)):
                    result = await anyio.to_thread.run_sync(worker.conn.recv)
                    if pooled and worker.generation == self.generation:
                        self._idle.put_nowait(worker)
                    else:
                        self._replace(worker)
                    return result
                if cut >= deadline or overrun is None or not overrun():
                    break
                pooled, cut = False, deadline
                self._replace(worker, kill=False)  # it answers on outside the pool
        except (EOFError, OSError):
            self._replace(worker)
            return Answer.message(500, "the query worker failed while answering; it was restarted")
        self._replace(worker)
        if cut < deadline:
            return None
        return Answer.message(
            503, f"the query was stopped: it ran over the time limit of {self.timeout:g} s; narrow it or add a LIMIT"
        )

    def _replace(self, worker: _Worker, *, kill: bool = True) -> None:
        """Kill a worker (or only let it go) and start another in the background."""
        self._all.discard(worker)
        if kill:
            worker.kill()
        self._fill()

    async def close(self) -> None:
        self._closed = True
        workers, self._all = self._all, set()
        for worker in workers:
            await anyio.to_thread.run_sync(worker.stop)
