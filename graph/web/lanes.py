"""Which workers a query runs on, so a short query never waits behind long ones.

With one set of workers, a few clients sending queries that run to the time limit hold every
worker, and a simple ASK waits for one of them. Which query is long cannot be known before it
first runs, so the server remembers what each query text did last time (a bounded memory):

- a query known to be short runs at once on the fast lane's workers;
- a query never seen runs there too, with a short budget (`fast_limit`), but never on the last
  free fast worker: queries of unknown cost use at most all but one of them, so one is always
  left for the short ones; and once it has run a tenth of the budget, it moves on to the slow
  lane as soon as a query known to be short waits for a fast worker (a query known to be long
  but to answer in time may take such a place too, when every slow worker is busy; an unknown
  one finding those places taken may take an idle slow worker);
- a query still running past the budget moves, worker and all, to the slow lane (its work is
  not lost; the fast lane gets a fresh worker) and runs on to the time limit; from that moment
  it is remembered as long, and next time it goes to the slow lane's workers (`slow_workers`,
  at a lower CPU priority) at once, holding no fast worker, and waits there for one to be free;
  one that ran to the time limit never takes the last free slow worker, so long queries that
  do answer are not held up by runaways.

Long queries thus wait for each other, never short ones. A long query that answers well within
the budget again (the store changed, or the machine is less busy) is remembered as short.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import time
from collections import OrderedDict
from collections.abc import AsyncIterator

from .answer import Answer, Limits, StoreOptions
from .query_pool import FAST, SLOW, QueryPool

_REMEMBERED = 4096
SHORT, LONG, RUNAWAY = "short", "long", "runaway"  # within the budget, past it, or past the time limit


def _key(sparql: str) -> bytes:
    """The same query however it is spaced, in 16 bytes."""
    return hashlib.blake2b(" ".join(sparql.split()).encode("utf-8"), digest_size=16).digest()


class Lanes:
    """Fast workers for short queries and queries of unknown cost, slow workers for long ones."""

    def __init__(
        self,
        options: StoreOptions,
        *,
        workers: int = 2,
        slow_workers: int = 2,
        timeout: float = 5.0,
        fast_limit: float = 1.0,
        queue_timeout: float = 10.0,
        limits: Limits | None = None,
    ):
        self.timeout, self.queue_timeout = timeout, queue_timeout
        self.budget = min(fast_limit, timeout)
        self.pool = QueryPool(options, workers=workers, slow_workers=slow_workers, timeout=timeout, limits=limits)
        self._kinds: OrderedDict[bytes, str] = OrderedDict()  # query -> SHORT, LONG or RUNAWAY, as it ran last
        self._unproven = asyncio.Semaphore(max(workers - 1, 1))  # fast places for queries of unknown cost
        self._runaways = asyncio.Semaphore(max(slow_workers - 1, 1))  # slow places for queries that ran away

    @property
    def version(self) -> str | None:
        """The store version the workers answer from."""
        return self.pool.version

    async def start(self) -> None:
        await self.pool.start()

    def refresh(self) -> None:
        self.pool.refresh()

    def _remember(self, key: bytes, kind: str) -> None:
        self._kinds[key] = kind
        self._kinds.move_to_end(key)
        while len(self._kinds) > _REMEMBERED:
            self._kinds.popitem(last=False)

    @staticmethod
    @contextlib.asynccontextmanager
    async def _place(places: asyncio.Semaphore, deadline: float) -> AsyncIterator[bool]:
        """Hold one of `places`; False when none came free by `deadline`."""
        try:
            await asyncio.wait_for(places.acquire(), max(deadline - time.monotonic(), 0.01))
        except TimeoutError:
            yield False
            return
        try:
            yield True
        finally:
            places.release()

    async def run(self, sparql: str, accept: str | None) -> Answer:
        """The answer to one query within the time limit, from the lane its cost calls for."""
        deadline = time.monotonic() + self.queue_timeout  # for a worker to take it; then the time limit runs
        key = _key(sparql)
        answer: Answer | None = None
        ran = 0.0
        kind = self._kinds.get(key)

        def overrun() -> None:  # until it answers, a query past the budget counts as a runaway
            self._remember(key, RUNAWAY)

        if kind == LONG and not self.pool.idle(SLOW) and not self._unproven.locked():
            kind = None  # long but answered in time, the slow lane busy and a fast place free: it may take that
        elif kind is None and self._unproven.locked() and self.pool.idle(SLOW):
            kind = LONG  # unknown, every fast place for such queries taken, a slow worker free: it may take that
        if kind is None:
            async with self._place(self._unproven, deadline) as placed:
                if not placed:
                    return Answer.busy(self.queue_timeout)
                if self._kinds.get(key) != RUNAWAY:  # the same text may have run away meanwhile
                    answer, ran = await self.pool.attempt(
                        sparql, accept, deadline, self.budget, FAST, overrun, give_way_after=self.budget / 10
                    )
        elif kind == SHORT:
            answer, ran = await self.pool.attempt(sparql, accept, deadline, self.budget, FAST, overrun)
        if answer is None and self._kinds.get(key) == RUNAWAY:  # never on the last free slow worker either
            async with self._place(self._runaways, deadline) as placed:
                if not placed:
                    return Answer.busy(self.queue_timeout)
                answer, ran = await self.pool.attempt(sparql, accept, deadline, None, SLOW)
        elif answer is None:  # known to run long: straight to the slow lane, holding no fast worker
            answer, ran = await self.pool.attempt(sparql, accept, deadline, None, SLOW)
        if answer.status == 503 and ran >= self.budget:
            self._remember(key, RUNAWAY)  # stopped at the time limit
        elif ran >= self.budget:
            self._remember(key, LONG)
        elif answer.status != 503 and (ran < self.budget / 2 or key not in self._kinds):
            self._remember(key, SHORT)  # a long query is short again when well within the budget
        return answer

    async def close(self) -> None:
        await self.pool.close()
