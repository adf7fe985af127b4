"""`casckg query`: a library query, a .rq file or SPARQL text, with parameters bound as terms."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from casckg.ingest.contract import CasckgError

from .common import OK, Formatter, open_from, out, store_args

if TYPE_CHECKING:
    from casckg.queries import NamedQuery


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "query",
        formatter_class=Formatter,
        help="run a library query or your own SPARQL",
        description="Run a named query of the library, a .rq file, or SPARQL text. "
        "Parameters are bound as RDF terms; IRIs may be written relative "
        "to the entity base (state/KAZ).",
        epilog="examples:\n  casckg query --list\n"
        "  casckg query members-as-of --param org=institution/csto --param date=2010-01-01\n"
        "  casckg query my-query.rq --format csv\n"
        "  casckg query --sparql 'SELECT ?s WHERE { ?s a cas:State }'",
    )
    p.add_argument("name", nargs="?", help="a library query name or a .rq file")
    p.add_argument("--sparql", metavar="TEXT", help="SPARQL text to run instead of a named query")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="bind a parameter")
    p.add_argument("--format", choices=["table", "json", "xml", "csv", "tsv"], default="table")
    p.add_argument(
        "--list", action="store_true", help="list the library's queries (--format json|csv|tsv for programs)"
    )
    store_args(p)
    p.set_defaults(func=run)


def key_value(text: str) -> tuple[str, str]:
    """One --param KEY=VALUE as a pair (CasckgError when it is not one).

    >>> key_value("org=institution/csto")
    ('org', 'institution/csto')
    """
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise CasckgError(f"--param takes key=value, not '{text}'")
    return key, value


def list_queries(fmt: str = "table") -> int:
    """The library's queries with their titles and parameters: a table, or JSON, CSV or TSV for programs."""
    from rich.table import Table

    from casckg.queries import library

    if fmt != "table":
        sys.stdout.write(library_listing(library().values(), fmt))
        return OK
    table = Table("name", "title", "parameters", box=None)
    for q in library().values():
        params = ", ".join(f"{p.name} ({p.type}{'=' + p.default if p.default else ''})" for p in q.params)
        table.add_row(q.name, q.title, params)
    out().print(table)
    return OK


def library_listing(queries: Iterable[NamedQuery], fmt: str) -> str:
    """The library for programs: JSON (every field, parameters as objects) or CSV/TSV rows."""
    import csv
    import io
    import json

    items = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "params": [
                {"name": p.name, "type": p.type, "default": p.default, "description": p.description} for p in q.params
            ],
        }
        for q in queries
    ]
    if fmt == "json":
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if fmt not in ("csv", "tsv"):
        raise CasckgError("--list prints as table, json, csv or tsv")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(["name", "title", "description", "parameters"])
    for item in items:
        params = " ".join(
            f"{p['name']}:{p['type']}" + (f"={p['default']}" if p["default"] else "") for p in item["params"]
        )
        writer.writerow([item["name"], item["title"], item["description"], params])
    return buffer.getvalue()


def run(args: argparse.Namespace) -> int:
    if args.list:
        return list_queries(args.format)
    from rich.table import Table

    from casckg.queries import NamedQuery

    from ..query import resolve, rows, serialize
    from ..query import run as run_query

    if args.sparql:
        query = NamedQuery("sparql", "ad-hoc query", "", args.sparql, Path("-"))
    elif args.name:
        query = resolve(args.name)
    else:
        raise CasckgError("give a query name, a .rq file, --sparql TEXT or --list")
    values = dict(key_value(p) for p in args.param)
    with open_from(args) as store:
        result = run_query(store, query, values)
        if args.format != "table":
            text = serialize(result, args.format)
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            return OK
        if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
            out().print(str(bool(result)).lower())
            return OK
        if not hasattr(result, "variables"):
            sys.stdout.write(serialize(result, "ttl"))
            return OK
        columns, data = rows(result)
    table = Table(*columns, title=query.title, title_justify="left")
    for row in data:
        table.add_row(*row)
    out().print(table)
    out().print(f"{len(data)} row{'s' if len(data) != 1 else ''}")
    return OK
