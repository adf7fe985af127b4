"""`casckg stats`: counts per class, property and source graph."""

from __future__ import annotations

import argparse

from .common import OK, Formatter, open_from, out, store_args


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "stats",
        formatter_class=Formatter,
        help="count entities, properties and sources",
        description="Counts per class, per property and per source graph.",
        epilog="example:\n  casckg stats",
    )
    store_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.table import Table

    from ..stats import stats

    with open_from(args) as store:
        report = stats(store)
    for title, counts in (("class", report.classes), ("property", report.properties), ("source", report.sources)):
        table = Table(title, "count", title=f"per {title}", title_justify="left", box=None)
        for name, n in counts:
            table.add_row(name, str(n))
        out().print(table)
    facts = f"{report.facts} distinct facts (triples outside the ontology)"
    out().print(f"{report.quads} quads, {facts}, {report.graphs} named graphs")
    return OK
