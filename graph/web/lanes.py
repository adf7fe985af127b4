"""Long queries run beside the query workers, so a short query never waits behind them.

With one pool, a few clients sending queries that run to the time limit hold every worker, and a
simple ASK waits for one of them and is answered 503 "busy". Which query is long cannot be known
before it runs, so every query starts in the pool with a short budget; one still running past it
leaves the pool and runs on (another worker is started in its place), at most `slow_workers` at
once: past that it is stopped. The query's text is remembered (a bounded memory), so the same
query sent again first waits for a long query's place, holding no worker; it is forgotten once it
answers within the budget again. Long queries thus wait for each other, never short ones.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict

from .answer import Answer, Limits, StoreOptions
from .query_pool import QueryPool

_REMEMBERED = 4096


def _key(sparql: str) -> bytes:
    """The same query however it is spaced, in 16 bytes."""
    return hashlib.blake2b(" ".join(sparql.split()).encode("utf-8"), digest_size=16).digest()


class Lanes:
    """A pool of workers for every query, and a bounded number of long queries running beside it."""

    def __init__(
        self,
        options: StoreOptions,
        *,
        workers: int = 2,
        slow_workers: int = 2,
        timeout: float = 5.0,
        fast_limit: float = 1.0,
        limits: Limits | None = None,
    ):
        self.timeout, self.slow_workers = timeout, slow_workers
        self.budget = min(fast_limit, timeout)
        self.pool = QueryPool(options, workers=workers, timeout=timeout, limits=limits)
        self._long: OrderedDict[bytes, None] = OrderedDict()
        self._running = 0  # long queries running outside the pool
        self._freed = asyncio.Condition()

    @property
    def version(self) -> str | None:
        """The store version the workers answer from."""
        return self.pool.version

    async def start(self) -> None:
        await self.pool.start()

    def refresh(self) -> None:
        self.pool.refresh()

    def _remember(self, key: bytes) -> None:
        self._long[key] = None
        self._long.move_to_end(key)
        while len(self._long) > _REMEMBERED:
            self._long.popitem(last=False)

    async def run(self, sparql: str, accept: str | None) -> Answer:
        """The answer to one query within the time limit; a long one runs outside the pool."""
        began = time.monotonic()
        deadline = began + self.timeout
        key = _key(sparql)
        held = key in self._long
        if held:  # known to run long: wait for a long query's place first, holding no worker
            try:
                async with self._freed:
                    await asyncio.wait_for(
                        self._freed.wait_for(lambda: self._running < self.slow_workers), deadline - began
                    )
                    self._running += 1
            except TimeoutError:
                return Answer.message(
                    503, f"the server is busy: {self.slow_workers} long queries ran for all of {self.timeout:g} s"
                )

        def overrun() -> bool:
            nonlocal held
            self._remember(key)
            if not held and self._running < self.slow_workers:
                self._running += 1
                held = True
            return held

        try:
            answer = await self.pool.attempt(sparql, accept, deadline, 0.0 if held else self.budget, overrun)
        finally:
            if held:
                async with self._freed:
                    self._running -= 1
                    self._freed.notify()
        if answer is None:
            return Answer.message(
                503,
                f"the query was stopped after {self.budget:g} s: {self.slow_workers} long queries are running;"
                " try again later, narrow it or add a LIMIT",
            )
        if answer.status == 200 and time.monotonic() - began < self.budget:
            self._long.pop(key, None)  # quick again (the store changed, or the machine is less busy)
        return answer

    async def close(self) -> None:
        await self.pool.close()
