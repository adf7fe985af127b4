"""One query worker: a process with the store open read-only that answers queries sent down a pipe
until told to stop, and the server's handle on it. A process, so that a query past its limit can be
abandoned by killing it (Oxigraph evaluates a query in native code, out of reach of the thread that
asked); the lanes and the warm spare that use these workers are `query_pool`'s.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import multiprocessing
import os
from multiprocessing.connection import Connection

import anyio

from casckg.ingest.contract import CasckgError, StoreError

from .answer import Answer, Limits, StoreOptions, answer

_START_TIMEOUT = 60.0


def _work(conn: Connection, options: StoreOptions, limits: Limits, nice: int) -> None:
    """A worker's life: open the store, say so, then answer queries until told to stop."""
    if nice and hasattr(os, "nice"):
        os.nice(nice)  # a long-query worker yields the CPU to the short queries' workers
    try:
        store = options.open()
    except CasckgError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", None))
    with contextlib.suppress(EOFError, KeyboardInterrupt):
        while (request := conn.recv()) is not None:
            sparql, accept = request
            done = answer(store, sparql, accept, limits)
            conn.send((done.status, done.media_type, done.truncated))
            conn.send_bytes(done.body)
    store.close()


async def readable(conn: Connection, timeout: float) -> bool:
    """Whether `conn` has something to read within `timeout` seconds, waited for on the event loop."""
    if conn.poll(0):
        return True
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = conn.fileno()
    try:
        loop.add_reader(fd, lambda: ready.done() or ready.set_result(True))
    except NotImplementedError:  # an event loop without file-descriptor watching (Windows)
        return await anyio.to_thread.run_sync(conn.poll, max(timeout, 0.0))
    try:
        await asyncio.wait_for(ready, max(timeout, 0.0))
        return True
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)


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


FAST, SLOW, SPARE = "fast", "slow", "spare"
NICENESS = {FAST: 0, SLOW: 10, SPARE: 0}


class Worker:
    """A worker process of one lane with the store open, and the pipe the server talks to it by."""

    def __init__(self, options: StoreOptions, limits: Limits, generation: int, lane: str):
        self.generation = generation  # the store version it opened (QueryPool.generation then)
        self.lane = lane
        context = _context()
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, options, limits, NICENESS[lane]), daemon=True)
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

    def receive(self) -> Answer:
        status, media_type, truncated = self.conn.recv()
        return Answer(status, media_type, self.conn.recv_bytes(), truncated)

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


def dispose(worker: Worker) -> None:
    """Kill a worker now and reap it in a thread: a process freeing a runaway query's memory
    takes a while to exit, and the event loop must not wait for it."""
    worker.process.kill()
    asyncio.get_running_loop().run_in_executor(None, worker.kill)
