"""`casckg network`: the most central actors, optionally within a time window."""

from __future__ import annotations

import argparse

from casckg.ingest.contract import SUPPORTED_LANGUAGES

from .common import OK, Formatter, open_from, out, store_args


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "network",
        formatter_class=Formatter,
        help="rank the most central actors",
        description="Rank entities by degree or betweenness centrality in the network of "
        "relations, optionally within a time window (relations that hold at some point in it; "
        "undated relations always count). States, institutions and people by default.",
        epilog="examples:\n  casckg network --metric betweenness --top 20\n"
        "  casckg network --metric degree --since 2020-01-01 --until 2024-12-31\n"
        "  casckg network --class Forum --class Agreement",
    )
    p.add_argument("--metric", choices=["degree", "betweenness"], default="degree")
    p.add_argument("--top", type=int, default=20, metavar="N", help="how many to show (default: 20)")
    p.add_argument("--since", metavar="DATE", help="window start, YYYY-MM-DD")
    p.add_argument("--until", metavar="DATE", help="window end, YYYY-MM-DD")
    p.add_argument(
        "--class",
        dest="cls",
        action="append",
        default=[],
        metavar="CLASS",
        help="rank only this class (repeatable; 'all' for every class)",
    )
    p.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="en", help="the labels' language")
    store_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.table import Table

    from ..network.analysis import ACTOR_CLASSES, central
    from ..network.projection import project

    classes = () if "all" in args.cls else tuple(args.cls or ACTOR_CLASSES)
    with open_from(args) as store:
        graph = project(store)
    ranked = central(graph, args.metric, args.top, classes, args.since, args.until, args.lang)
    window = f" from {args.since or '…'} to {args.until or '…'}" if args.since or args.until else ""
    table = Table(
        "#", "entity", "class", args.metric, title=f"most central by {args.metric}{window}", title_justify="left"
    )
    for i, r in enumerate(ranked, start=1):
        table.add_row(str(i), r.label, r.cls, f"{r.score:.4f}")
    out().print(table)
    return OK
