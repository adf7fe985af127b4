"""What `casckg serve` is told (ServerConfig) and what the running app holds (AppState).

The app follows the store: `AppState.follow` reopens the pages' store once the query pool has
switched to a new store version, and `once` computes what is computed per version (the summary,
/void, the dumps) once, however many requests ask for it at the same time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import anyio

from casckg.ingest.contract import CasckgError

from ..build.mint import base_iri
from ..store.embedded import Store
from .answer import Limits, StoreOptions
from .describe import labels
from .lanes import Lanes

_EXAMPLE_QUERY = """SELECT ?forum ?date WHERE {
  ?forum cas:participant <%sid/state/KAZ> ; cas:date ?date .
} ORDER BY DESC(?date) LIMIT 20"""


@dataclass
class ServerConfig:
    """What `casckg serve` is told: the store, the limits, and where the explorer page is."""

    store: str
    update_url: str | None = None
    graph_store_url: str | None = None
    timeout: float = 5.0
    max_rows: int = 10_000
    max_body: int = 256 * 1024
    max_response: int = 16 * 1024 * 1024
    workers: int = 2
    slow_workers: int = 2
    fast_limit: float = 1.0
    queue_timeout: float = 10.0
    request_timeout: float = 10.0
    idle_timeout: float = 5.0
    max_connections: int = 256
    allow_service: tuple[str, ...] = ()
    explorer: Path = field(default_factory=lambda: Path("build") / "explorer.html")

    def __post_init__(self) -> None:
        limits = {"--timeout": self.timeout, "--max-rows": self.max_rows, "--max-body": self.max_body}
        limits |= {"--max-response": self.max_response, "--workers": self.workers}
        limits |= {"--slow-workers": self.slow_workers, "--fast-limit": self.fast_limit}
        limits |= {"--queue-timeout": self.queue_timeout}
        limits |= {"--request-timeout": self.request_timeout, "--idle-timeout": self.idle_timeout}
        for flag, value in limits.items():
            if value <= 0:
                raise CasckgError(f"{flag} must be more than 0, not {value:g}")

    @property
    def store_options(self) -> StoreOptions:
        return StoreOptions(self.store, self.update_url, self.graph_store_url)


class AppState:
    """What the running app holds: the store for pages, the query workers, and what is computed
    once per store version (the summary, /void, the dumps)."""

    def __init__(self, config: ServerConfig):
        self.config = config
        self.store: Store | None = None
        limits = Limits(config.max_rows, config.max_response, config.allow_service)
        self.pool = Lanes(
            config.store_options,
            workers=config.workers,
            slow_workers=config.slow_workers,
            timeout=config.timeout,
            fast_limit=config.fast_limit,
            queue_timeout=config.queue_timeout,
            limits=limits,
        )
        self.version = self.pool.version
        self.computed: dict[str, object] = {}
        self.compute_lock = asyncio.Lock()
        self.summary: dict[str, object] = {}

    async def follow(self) -> None:
        """Reopen the store (and forget what was computed from it) once the workers switched versions."""
        self.pool.refresh()
        if self.pool.version == self.version:
            return
        async with self.compute_lock:
            if self.pool.version == self.version:
                return
            # The old store object is not closed: pages still reading it finish on it.
            self.store = await anyio.to_thread.run_sync(self.config.store_options.open)
            self.computed = {}
            self.summary = await anyio.to_thread.run_sync(summary, self.store, self.config)
            self.version = self.pool.version

    async def once(self, key: str, compute: Callable[[Store], object]) -> object:
        """`compute(store)`, run once per store version however many requests ask at once."""
        await self.follow()
        async with self.compute_lock:
            if key not in self.computed:
                self.computed[key] = await anyio.to_thread.run_sync(compute, self.store)
            return self.computed[key]


def summary(store: Store, config: ServerConfig) -> dict[str, object]:
    """What the index page says of the store: its size, examples and limits."""
    count = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value
    examples = [f"{base_iri()}id/state/KAZ", f"{base_iri()}id/institution/csto", f"{base_iri()}id/institution/sco"]
    return {
        "quads": int(count),
        "graphs": len(store.named_graphs()),
        "examples": examples,
        "labels": labels(store, set(examples)),
        "timeout": f"{config.timeout:g}",
        "max_rows": config.max_rows,
        "example_query": _EXAMPLE_QUERY % base_iri(),
    }
