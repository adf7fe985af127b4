"""`casckg build`: sources (and article folders) into a fresh store, published atomically, then the explorer."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..store import is_remote
from .common import OK, VIOLATIONS, Formatter, open_from, out, progress_bar, store_args, trace_arg
from .explore import write_page
from .ingest import print_skipped
from .reason import reasoned


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        formatter_class=Formatter,
        help="build the store from the sources",
        description="Load the ontology and every source into a fresh store, materialise the "
        "inferences (see 'casckg reason'), then publish it atomically: a failed build leaves the "
        "previous store as it was.",
        epilog="examples:\n  casckg build --sources sources --store build/store\n  casckg build --no-reason",
    )
    p.add_argument("--sources", default="sources", metavar="DIR", help="the sources folder (default: sources)")
    p.add_argument(
        "--articles",
        action="append",
        default=[],
        metavar="DIR",
        help="also ingest the articles in this folder (repeatable; sources/articles is always read)",
    )
    p.add_argument("--no-reason", action="store_true", help="do not materialise the inferred graph")
    p.add_argument(
        "--explorer",
        default="build/explorer.html",
        metavar="FILE",
        help="where to write the explorer page (default: build/explorer.html)",
    )
    trace_arg(p)
    store_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..build.job import build

    with progress_bar("building") as progress:
        store = args.store if is_remote(args.store) else Path(args.store)
        articles = [Path(a) for a in args.articles]
        report = build(
            Path(args.sources),
            store,
            progress,
            articles,
            update_url=args.update_url,
            graph_store_url=args.graph_store_url,
            reason=not args.no_reason,
            trace=not args.no_trace,
        )
    print_skipped(report.articles)
    out().print(
        f"built {report.store}: {report.quads} quads in {len(report.graphs)} graphs"
        f" ({len(report.articles.ingested)} articles, {len(report.articles.skipped)} skipped)"
    )
    if report.reasoning:
        out().print(reasoned(report.reasoning))
    with open_from(args) as opened:
        write_page(opened, Path(args.explorer), "en")
    return VIOLATIONS if report.articles.skipped else OK
