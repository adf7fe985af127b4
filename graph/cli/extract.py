"""`casckg extract`: one article read as `casckg ingest` reads it, shown instead of written.

The same road as ingest: the store's gazetteer (reference records and the articles ingested
before), the forum kinds, the events merged with those the store holds. So the JSON the
extraction scorer reads is the Document ingest would write.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import OK, Formatter, open_from, out, store_args


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        formatter_class=Formatter,
        help="extract entities and statements from one article",
        description="Read one article (.md with front matter, .txt, .html), find its entities and the "
        "statements it makes, each with its evidence sentence and offsets, exactly as 'casckg ingest' "
        "would: the names it knows are the store's. Nothing is written to the store.",
        epilog="examples:\n  casckg extract article.md\n  casckg extract article.md --json > article.json\n"
        "  casckg extract article.md --store build/store",
    )
    p.add_argument("file", metavar="FILE", help="the article file")
    p.add_argument("--json", action="store_true", help="print JSON (the extraction scorer's format)")
    store_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from casckg.ingest.contract import load, scorer_json

    from ..build.articles import ArticleWriter
    from ..build.mint import entity_iri

    article = load(Path(args.file))
    with open_from(args) as store:
        doc, _ = ArticleWriter(store).document(article)
    data = scorer_json(doc, entity_iri)
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return OK
    show(data, f"{doc.source.key} ({doc.source.language})")
    return OK


def show(data: dict, title: str) -> None:
    """The entities and the statements of the scorer's JSON as two tables, each statement with
    its evidence sentence and its place in the file."""
    from rich.table import Table

    table = Table("type", "label", "mentions", title=title, title_justify="left")
    for e in data["entities"]:
        table.add_row(e["type"].rsplit("#", 1)[-1], e["label"], str(len(e["mentions"])))
    out().print(table)
    facts = Table("subject", "predicate", "object", "evidence", box=None)
    labels = {e["id"]: e["label"] for e in data["entities"]}
    for st in data["statements"]:
        obj = st["object"]
        shown = obj["value"] if isinstance(obj, dict) else labels.get(obj, obj)
        evidence = st.get("evidence") or {}
        said = f"{evidence.get('text', '')} [{evidence['start']}–{evidence['end']}]" if evidence else ""
        facts.add_row(labels.get(st["subject"], st["subject"]), st["predicate"].rsplit("#", 1)[-1], shown, said)
    out().print(facts, markup=False)
