"""Where the quads live: the Store interface, the embedded Oxigraph store and its atomic publish
(embedded), SPARQL 1.1 endpoints (remote); `open_store` opens either from a --store value.

Opening lives here, above both kinds, so that neither imports the other for it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from casckg.ingest.contract import StoreError

from .embedded import DEFAULT_STORE, MARKER, EmbeddedStore, Store, write_lock


def is_remote(location: str | Path) -> bool:
    """Whether a --store value names a SPARQL endpoint rather than a folder."""
    return str(location).startswith(("http://", "https://"))


def open_store(
    location: str | Path = DEFAULT_STORE,
    *,
    read_only: bool = True,
    update_url: str | None = None,
    graph_store_url: str | None = None,
) -> Store:
    """Open the store at a folder, which must exist, or at a SPARQL endpoint's query URL.

    `update_url` and `graph_store_url` name a remote store's other endpoints when they cannot be
    derived from the query URL (see `casckg.graph.store.remote`).
    """
    if is_remote(location):
        from .remote import RemoteStore

        return RemoteStore(str(location), update_url=update_url, graph_store_url=graph_store_url)
    path = Path(location)
    if not path.exists():
        raise StoreError(f"no store at {path}: run 'casckg build' first (or give --store PATH)")
    if read_only:
        return EmbeddedStore(path.resolve(), read_only=True)
    lock = contextlib.ExitStack()
    lock.enter_context(write_lock(path))  # one writer at a time: see embedded.write_lock
    try:
        return EmbeddedStore(path.resolve(), lock=lock)
    except BaseException:
        lock.close()
        raise


def store_version(location: str | Path) -> str | None:
    """Which build (and which write since) a store folder holds now; None for a remote store."""
    if is_remote(location):
        return None
    folder = Path(location).resolve()
    try:
        return f"{folder}#{(folder / MARKER).read_text(encoding='utf-8').strip()}"
    except OSError:
        return f"{folder}#"
