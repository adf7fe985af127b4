"""`casckg explore`: the interactive network page."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from casckg.ingest.contract import SUPPORTED_LANGUAGES

from .common import OK, Formatter, open_from, out, store_args

if TYPE_CHECKING:
    from ..store.embedded import Store


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explore",
        formatter_class=Formatter,
        help="write the interactive network page",
        description="Write the explorer: one self-contained HTML page (no network access needed) "
        "showing the graph as a network, with search, filters, neighbourhoods and, for every "
        "relation, its sources and evidence sentences. 'casckg build' writes it too.",
        epilog="examples:\n  casckg explore\n  casckg explore --out build/explorer-fr.html --lang fr",
    )
    p.add_argument("--out", default="build/explorer.html", metavar="FILE", help="where to write the page")
    p.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="en", help="the labels' language at first")
    store_args(p)
    p.set_defaults(func=run)


def write_page(store: Store, page: Path, lang: str) -> int:
    """Write the explorer of `store` to `page` and say where to open it."""
    from ..network.explorer import write_explorer

    written = write_explorer(store, page, lang)
    out().print(f"explorer: open {written.resolve().as_uri()}")
    return OK


def run(args: argparse.Namespace) -> int:
    with open_from(args) as store:
        return write_page(store, Path(args.out), args.lang)
