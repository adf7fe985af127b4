"""Run endpoint queries in worker processes that can be abandoned, so no query outlives its limit.

A SPARQL query cannot be interrupted from inside the process that runs it (Oxigraph evaluates it
in native code). So each query goes to one of a few worker processes, each with the store open
read-only; the server waits for the answer up to the time limit, and past it kills that worker,
answers 503, and starts a fresh one. Workers also judge the query (`sparql_guard`: parsing is
work a client controls, so it runs under the same time limit), apply the row and byte caps and
write the answer in the format the client asked for, so only finished bytes cross the pipe
(the body as raw bytes, not pickled). The server waits for an answer on the event loop (the
pipe's file descriptor), so a query costs no thread hand-off.

The pool has lanes: a few workers for every query (`FAST`) and a few for queries known to run
long (`SLOW`, run at a lower CPU priority), so that long queries wait for each other, never
short ones (`lanes.Lanes` decides which lane a query takes). A fast worker taken from the
lane (moved to the slow lane, or killed at the time limit) is replaced at once by a warm spare
(`SPARE`: started, store open, answering nothing), and the next spare starts in the background,
so a short query never waits for a process to start. All lanes, spare included, switch to a new
store version in one step.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

import anyio

from casckg.ingest.contract import CasckgError

from ..store import store_version
from .answer import Answer, Limits, StoreOptions
from .query_worker import FAST, NICENESS, SLOW, SPARE, Worker, dispose, readable

__all__ = ["FAST", "SLOW", "SPARE", "QueryPool"]


class QueryPool:
    """Worker processes in lanes answering queries, each query within `timeout` seconds.

    The pool keeps `workers` processes alive in the `FAST` lane, `slow_workers` in the `SLOW`
    one and `spares` ready to join the fast lane the moment it loses one: one that is killed
    (over time) or fails to start (the store moved away for a moment) is started again in the
    background, with a growing pause between tries, until it opens. When
    the store's version changes (a build or an ingest, `store.store_version`), `refresh` starts a
    full set of workers on the new version in the background while the old ones go on answering,
    then switches in one step: answers come from the old version until then and from the new
    one after, never alternately from both.
    """

    def __init__(
        self,
        options: StoreOptions,
        *,
        workers: int = 2,
        slow_workers: int = 0,
        spares: int = 1,
        timeout: float = 5.0,
        limits: Limits | None = None,
    ):
        self.options, self.timeout = options, timeout
        self.sizes = {FAST: workers, SLOW: slow_workers, SPARE: spares}
        self.limits = limits or Limits()
        self.version = store_version(options.location)  # the version the answering workers opened
        self._generations = itertools.count(1)
        self.generation = 0
        self._next: str | None = None  # a version workers are being started on
        self._idle: dict[str, asyncio.Queue[Worker]] = {lane: asyncio.Queue() for lane in self.sizes}
        self._all: set[Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._replacing = dict.fromkeys(self.sizes, 0)
        self._fast_waiters = 0  # queries waiting for a fast worker now
        self._fast_wanted = asyncio.Event()  # set while there are any
        self._closed = False

    def _wanted(self) -> list[str]:
        """One lane name per worker the pool keeps."""
        return [lane for lane, size in self.sizes.items() for _ in range(size)]

    async def start(self) -> None:
        """Start the workers; the first must open the store (its error is the store's own)."""
        for lane in self._wanted():
            self._keep(await anyio.to_thread.run_sync(Worker, self.options, self.limits, self.generation, lane))

    def _keep(self, worker: Worker) -> None:
        if self._closed or worker.generation != self.generation:
            dispose(worker)
            return
        self._all.add(worker)
        self._idle[worker.lane].put_nowait(worker)

    def _background(self, work: Any) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _started(self, generation: int, lane: str, wanted: Callable[[], bool]) -> Worker | None:
        """A worker on the store as it is now, tried again (0.5 s, 1 s, ... 5 s apart) while `wanted()`."""
        pause = 0.5
        while not self._closed and wanted():
            try:
                return await anyio.to_thread.run_sync(Worker, self.options, self.limits, generation, lane)
            except CasckgError:
                await asyncio.sleep(pause)
                pause = min(pause * 2, 5.0)
        return None

    async def _add(self, lane: str) -> None:
        """Start one worker for a lane of the answering set, until it opens the store."""
        generation = self.generation
        try:
            worker = await self._started(generation, lane, lambda: generation == self.generation)
        finally:
            self._replacing[lane] -= 1
        if worker is not None:
            self._keep(worker)
        self._fill()

    def _promote(self) -> bool:
        """Move a warm spare on the current store version into the fast lane; False when none."""
        while not self._idle[SPARE].empty():
            worker = self._idle[SPARE].get_nowait()
            if worker.generation == self.generation and worker.process.is_alive():
                worker.lane = FAST
                self._idle[FAST].put_nowait(worker)
                return True
            self._all.discard(worker)
            dispose(worker)
        return False

    def _fill(self) -> None:
        """Bring each lane to its number alive or starting: the fast lane from the spares first,
        then by starting workers in the background (spares last, so they replace those taken)."""
        for lane, size in self.sizes.items():
            alive = sum(1 for worker in self._all if worker.lane == lane)
            while lane == FAST and not self._closed and alive + self._replacing[lane] < size and self._promote():
                alive += 1
            while not self._closed and alive + self._replacing[lane] < size:
                self._replacing[lane] += 1
                self._background(self._add(lane))

    async def _switch(self, version: str | None) -> None:
        """Start a full set of workers on `version`, then let them answer instead of the old ones."""
        generation = next(self._generations)
        ready: list[Worker] = []
        for lane in self._wanted():
            if self._next != version:
                break
            worker = await self._started(generation, lane, lambda: self._next == version)
            if worker is not None:
                ready.append(worker)
        if self._next != version or self._closed or len(ready) < len(self._wanted()):
            for worker in ready:
                worker.kill()
            return
        self.version, self.generation, self._next = version, generation, None
        for idle in self._idle.values():
            while not idle.empty():
                self._retire(idle.get_nowait())
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

    def _retire(self, worker: Worker) -> None:
        self._all.discard(worker)
        dispose(worker)

    async def run(self, sparql: str, accept: str | None, lane: str = FAST) -> Answer:
        """The answer to one query, or 503 when it ran over the time limit (its worker is replaced)."""
        answer, _ = await self.attempt(sparql, accept, time.monotonic() + self.timeout, lane=lane)
        return answer

    async def _take(self, lane: str, deadline: float, known: bool = True) -> Worker | None:
        """An idle worker of `lane` on the current store version, waited for until `deadline`.
        While a query of `known` cost waits for a fast worker, queries of unknown cost running on
        that lane move to the slow lane (`attempt`'s `give_way_after`)."""
        while True:
            waits = lane == FAST and known and self._idle[lane].empty()
            if waits:
                self._fast_waiters += 1
                self._fast_wanted.set()
            try:
                worker = await asyncio.wait_for(self._idle[lane].get(), max(deadline - time.monotonic(), 0.01))
            except TimeoutError:
                self._fill()
                return None
            finally:
                if waits:
                    self._fast_waiters -= 1
                    if not self._fast_waiters:
                        self._fast_wanted.clear()
            if worker.generation == self.generation and worker.process.is_alive():
                return worker
            self._replace(worker)  # opened an older version of the store, or died idle

    async def _readable_unless_wanted(self, conn: Connection, timeout: float) -> bool:
        """Whether `conn` has something to read within `timeout` seconds; False at once when
        another query starts waiting for a fast worker."""
        reading = asyncio.ensure_future(readable(conn, timeout))
        wanted = asyncio.ensure_future(self._fast_wanted.wait())
        await asyncio.wait({reading, wanted}, return_when=asyncio.FIRST_COMPLETED)
        wanted.cancel()
        if not reading.done():
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reading
            return conn.poll(0)
        return reading.result()

    def idle(self, lane: str) -> int:
        """How many workers of `lane` wait for a query now."""
        return self._idle[lane].qsize()

    def pids(self, lane: str) -> set[int]:
        """The process ids of `lane`'s workers (as `ps` shows them), busy or idle."""
        return {worker.process.pid for worker in self._all if worker.lane == lane}

    def _count(self, lane: str) -> int:
        return sum(1 for worker in self._all if worker.lane == lane)

    def _demote(self, worker: Worker) -> bool:
        """Move a fast worker running long to the slow lane (another fast one is started in its
        place); False when the slow lane already holds twice its number (the worker is killed)."""
        if self._count(SLOW) >= 2 * self.sizes[SLOW]:
            return False
        with contextlib.suppress(OSError, AttributeError):  # no priorities (Windows): it only moves
            os.setpriority(os.PRIO_PROCESS, worker.process.pid, NICENESS[SLOW])
        worker.lane = SLOW
        self._fill()
        return True

    async def attempt(
        self,
        sparql: str,
        accept: str | None,
        wait_until: float,
        budget: float | None = None,
        lane: str = FAST,
        overrun: Callable[[], object] | None = None,
        give_way_after: float | None = None,
    ) -> tuple[Answer, float]:
        """The answer to one query from a worker of `lane`, or 503 when none is free by `wait_until`
        (a `time.monotonic()` value) or the query runs past the time limit; and how long it ran.

        The time limit counts from when a worker takes the query. A fast query still running after
        `budget` seconds (when given) moves to the slow lane and runs on, so its work is not lost
        and the fast lane gets a fresh worker at once (`overrun()` is called then); when the slow
        lane is full it is stopped. With `give_way_after` (for a query of unknown cost), it moves
        earlier, once it has run that long, as soon as another query waits for a fast worker: a
        short query then waits for a fresh worker, not for one running a query that may run long.
        A stopped query's worker is killed and another started in its place. The caller reads the
        store version first (`refresh`), once per request.
        """
        asked = time.monotonic()
        self._fill()
        worker = await self._take(lane, wait_until, known=give_way_after is None)
        if worker is None:
            return Answer.busy(wait_until - asked), 0.0
        began = time.monotonic()
        deadline = began + self.timeout
        cut = deadline if budget is None else min(deadline, began + max(budget, 0.0))
        try:
            worker.conn.send((sparql, accept))
            early = cut if give_way_after is None else min(cut, began + max(give_way_after, 0.0))
            answered = await readable(worker.conn, early - time.monotonic())
            if not answered and early < cut:
                answered = await self._readable_unless_wanted(worker.conn, cut - time.monotonic())
                if not answered and time.monotonic() < cut:  # a query waits for a fast worker: give way
                    self._demote(worker)  # (stays when the slow lane is full)
                    answered = await readable(worker.conn, cut - time.monotonic())
            if not answered and cut < deadline and overrun is not None:
                overrun()
            if not answered and cut < deadline and (worker.lane == SLOW or self._demote(worker)):
                answered = await readable(worker.conn, deadline - time.monotonic())
            if answered:
                answer = worker.receive()
                if worker.generation == self.generation and self._count(worker.lane) <= self.sizes[worker.lane]:
                    self._idle[worker.lane].put_nowait(worker)
                else:  # an older store version, or one more slow worker than the lane keeps
                    self._replace(worker)
                return answer, time.monotonic() - began
        except (EOFError, OSError):
            self._replace(worker)
            return Answer.message(500, "the query worker failed while answering; it was restarted"), 0.0
        self._replace(worker)
        if worker.lane == FAST and cut < deadline:  # past the budget, and the slow lane was full
            text = f"the query was stopped after {budget:g} s: {2 * self.sizes[SLOW]} long queries are running;"
            return Answer.message(503, text + " try again later, narrow it or add a LIMIT"), time.monotonic() - began
        text = f"the query was stopped: it ran over the time limit of {self.timeout:g} s;"
        return Answer.message(503, text + " narrow it or add a LIMIT"), time.monotonic() - began

    def _replace(self, worker: Worker) -> None:
        """Kill a worker and start another in the background."""
        self._all.discard(worker)
        dispose(worker)
        self._fill()

    async def close(self) -> None:
        self._closed = True
        workers, self._all = self._all, set()
        for worker in workers:
            await anyio.to_thread.run_sync(worker.stop)
