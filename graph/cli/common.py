"""What every command shares: exit codes, the two consoles, the --store options, a progress bar.

Kept light on purpose: `casckg --help` imports this module and every command's options, so
rich, rdflib, networkx and the heavy parts of the graph are imported only by the command that
needs them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from ..store.embedded import DEFAULT_STORE

if TYPE_CHECKING:
    from rich.console import Console

    from ..store.embedded import Store


OK, VIOLATIONS, BAD_INPUT = 0, 1, 2


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Help text as written: descriptions and examples keep their line breaks."""


@cache
def _console(stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def out() -> Console:
    """The console for results (stdout)."""
    return _console(False)


def err() -> Console:
    """The console for problems, notes and progress (stderr)."""
    return _console(True)


def store_args(p: argparse.ArgumentParser) -> None:
    """--store and the two optional endpoint URLs of a remote store."""
    p.add_argument(
        "--store",
        default=str(DEFAULT_STORE),
        metavar="PATH|URL",
        help=f"the store folder, or the query URL of a SPARQL 1.1 endpoint (default: {DEFAULT_STORE})",
    )
    p.add_argument("--update-url", metavar="URL", help="a remote store's SPARQL Update URL, when not derivable")
    p.add_argument(
        "--graph-store-url", metavar="URL", help="a remote store's Graph Store Protocol URL, when not derivable"
    )


def trace_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-trace", action="store_true", help="infer the facts without the statement nodes that say why (faster)"
    )


def open_from(args: argparse.Namespace, *, read_only: bool = True) -> Store:
    """The store the command's --store options name (StoreError when there is none)."""
    from ..store import open_store

    return open_store(args.store, read_only=read_only, update_url=args.update_url, graph_store_url=args.graph_store_url)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[str, int, int], None]]:
    """A progress callback drawing a bar on stderr (only when it is a terminal)."""
    from rich.progress import BarColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=err(),
        transient=True,
        disable=not err().is_terminal,
    ) as bar:
        task = bar.add_task(label, total=None)

        def progress(description: str, done: int, total: int) -> None:
            bar.update(task, description=description, completed=done, total=total)

        yield progress
