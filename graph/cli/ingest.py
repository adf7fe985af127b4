"""`casckg ingest`: articles (files, folders, URLs) into the store, one graph each."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .common import BAD_INPUT, OK, VIOLATIONS, Formatter, err, open_from, out, progress_bar, store_args

if TYPE_CHECKING:
    from ..build.articles import IngestReport


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        formatter_class=Formatter,
        help="add articles (files, folders or URLs) to the store",
        description="Read each article (.md with front matter, .txt, .html, or a web page by URL), "
        "extract its entities and statements with their evidence, merge the events it reports "
        "into those the store already knows, and write it as its own named graph, replacing the "
        "graph of an earlier ingest of the same article. An article that cannot be read is "
        "skipped with one line saying why; the others are ingested. Each article is written in "
        "one transaction: the store never holds half of one.\n\n"
        "exit status: 0 all ingested, 1 some skipped, 2 nothing could be ingested.\n"
        "The store keeps them until the next 'casckg build', which reads sources/articles/ "
        "and --articles folders: put articles to keep there.",
        epilog="examples:\n  casckg ingest clippings/\n  casckg ingest article.md other.html\n"
        "  casckg ingest https://example.org/news/kazcent-roundtable --store build/store",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders of articles, or http(s) URLs")
    store_args(p)
    p.set_defaults(func=run)


def print_skipped(report: IngestReport) -> None:
    """The notes and the skipped articles of an ingest, one line each, on stderr."""
    for note in report.notes:
        err().print(f"note: {note}", markup=False)
    for problem in report.skipped:
        err().print(f"skipped {problem}", markup=False)


def run(args: argparse.Namespace) -> int:
    from ..build.articles import ingest_articles, now

    with open_from(args, read_only=False) as store, progress_bar("ingesting") as progress:
        report = ingest_articles(store, args.paths, recorded_at=now(), progress=progress)
    print_skipped(report)
    for item in report.ingested:
        merged = "".join(f"; merged into {m.into.path}/{m.into.key} (score {m.score:.2f})" for m in item.merges)
        out().print(f"{item.path}: {item.entities} entities, {item.statements} statements{merged}", markup=False)
    out().print(f"ingested {len(report.ingested)} article(s), skipped {len(report.skipped)}; {report.quads} quads")
    if not report.skipped:
        return OK if report.ingested else BAD_INPUT
    return VIOLATIONS if report.ingested else BAD_INPUT
