"""Two lanes of query workers, so a short query never waits behind long ones.

With one pool, a few clients sending queries that run to the time limit hold every worker, and a
simple ASK waits for one of them and is answered 503 "busy". Which query is long cannot be known
before it runs, so every query starts in the fast lane with a short budget; one that runs past it
is stopped there (its worker is killed and replaced) and run again in the slow lane, a separate,
bounded pool, within what is left of the time limit. The query's text is remembered (a bounded
memory), so the same query sent again goes straight to the slow lane and holds no fast worker at
all; it is forgotten once it answers within the budget again. Long queries thus wait for each
other, never for the short ones, and short ones never for them.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict

from .query_pool import Answer, Limits, QueryPool, StoreOptions

_REMEMBERED = 4096


def _key(sparql: str) -> bytes:
    """The same query however it is spaced, in 16 bytes."""
    return hashlib.blake2b(" ".join(sparql.split()).encode("utf-8"), digest_size=16).digest()


class Lanes:
    """A fast pool with a per-query budget and a slow pool for queries known to run longer."""

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
        self.timeout = timeout
        self.budget = min(fast_limit, timeout)
        self.fast = QueryPool(options, workers=workers, timeout=timeout, limits=limits)
        self.slow = QueryPool(options, workers=slow_workers, timeout=timeout, limits=limits)
        self._long: OrderedDict[bytes, None] = OrderedDict()

    @property
    def version(self) -> str | None:
        """The store version the fast lane answers from (the slow lane follows it)."""
        return self.fast.version

    async def start(self) -> None:
        await self.fast.start()
        await self.slow.start()

    def refresh(self) -> None:
        self.fast.refresh()
        self.slow.refresh()

    async def run(self, sparql: str, accept: str | None) -> Answer:
        """The answer to one query within the time limit, from whichever lane suits it."""
        began = time.monotonic()
        deadline = began + self.timeout
        key = _key(sparql)
        if key not in self._long:
            answer = await self.fast.attempt(sparql, accept, deadline, self.budget, lambda: key not in self._long)
            if answer is not None:
                return answer
        self._long[key] = None
        self._long.move_to_end(key)
        while len(self._long) > _REMEMBERED:
            self._long.popitem(last=False)
        began = time.monotonic()
        answer = await self.slow.attempt(sparql, accept, deadline)
        assert answer is not None  # without a budget or a condition, every attempt answers
        if answer.status == 200 and time.monotonic() - began < self.budget:
            self._long.pop(key, None)  # quick again (the store changed, or the machine was busy)
        return answer

    async def close(self) -> None:
        await self.fast.close()
        await self.slow.close()
