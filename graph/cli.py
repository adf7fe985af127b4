"""`casckg`: the front door. Each command calls one library function and turns the library's
exceptions into a message and an exit code: 0 fine, 1 the data has violations, 2 the input or
configuration could not be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from casckg.ingest.errors import CasckgError, SourceError
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from .store import DEFAULT_STORE

if TYPE_CHECKING:
    from .reason import ReasonReport

OK, VIOLATIONS, BAD_INPUT = 0, 1, 2

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store", default=str(DEFAULT_STORE), metavar="PATH", help=f"the store folder (default: {DEFAULT_STORE})"
    )


def _trace_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-trace", action="store_true", help="infer the facts without the statement nodes that say why (faster)"
    )


# --- build ------------------------------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("building", total=None)

        def progress(description: str, done: int, total: int) -> None:
            bar.update(task, description=description, completed=done, total=total)

        report = build(
            Path(args.sources), Path(args.store), progress, reason=not args.no_reason, trace=not args.no_trace
        )
    out.print(f"built {report.store}: {report.quads} quads in {len(report.graphs)} graphs")
    if report.reasoning:
        out.print(_reasoned(report.reasoning))
    return OK


def _reasoned(report: ReasonReport) -> str:
    rules = ", ".join(f"{rule} {n}" for rule, n in sorted(report.per_rule.items()))
    return (
        f"inferred {report.triples} triples ({rules}) and {report.trace_quads} trace quads "
        f"in {report.rounds} rounds, {report.seconds:.1f} s"
    )


def cmd_reason(args: argparse.Namespace) -> int:
    from .reason import materialise
    from .store import open_store

    with open_store(args.store, read_only=False) as store:
        report = materialise(store, trace=not args.no_trace)
    out.print(_reasoned(report))
    return OK


def cmd_query(args: argparse.Namespace) -> int:
    from casckg.queries import NamedQuery, library

    from .querying import resolve, rows, run, serialize
    from .store import open_store

    if args.list:
        table = Table("name", "title", "parameters", box=None)
        for q in library().values():
            params = ", ".join(f"{p.name} ({p.type}{'=' + p.default if p.default else ''})" for p in q.params)
            table.add_row(q.name, q.title, params)
        out.print(table)
        return OK
    if args.sparql:
        query = NamedQuery("sparql", "ad-hoc query", "", args.sparql, Path("-"))
    elif args.name:
        query = resolve(args.name)
    else:
        raise CasckgError("give a query name, a .rq file, --sparql TEXT or --list")
    values = dict(_key_value(p) for p in args.param)
    with open_store(args.store) as store:
        result = run(store, query, values)
        if args.format != "table":
            text = serialize(result, args.format)
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            return OK
        if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
            out.print(str(bool(result)).lower())
            return OK
        if not hasattr(result, "variables"):
            sys.stdout.write(serialize(result, "ttl"))
            return OK
        columns, data = rows(result)
    table = Table(*columns, title=query.title, title_justify="left")
    for row in data:
        table.add_row(*row)
    out.print(table)
    out.print(f"{len(data)} row{'s' if len(data) != 1 else ''}")
    return OK


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise CasckgError(f"--param takes key=value, not '{text}'")
    return key, value


def cmd_stats(args: argparse.Namespace) -> int:
    from .stats import stats
    from .store import open_store

    with open_store(args.store) as store:
        report = stats(store)
    for title, counts in (("class", report.classes), ("property", report.properties), ("source", report.sources)):
        table = Table(title, "count", title=f"per {title}", title_justify="left", box=None)
        for name, n in counts:
            table.add_row(name, str(n))
        out.print(table)
    out.print(f"{report.quads} quads, {report.graphs} named graphs")
    return OK


def cmd_check(args: argparse.Namespace) -> int:
    from .store import open_store
    from .validate import check

    with open_store(args.store) as store:
        report = check(store, reasoner=not args.no_reasoner)
    for line in report.lines():
        out.print(line)
    return OK if report.conforms else VIOLATIONS


# --- parser -----------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="casckg",
        formatter_class=_Formatter,
        description="casckg: a knowledge graph of security cooperation in Central Asia.",
        epilog="examples:\n  casckg build\n  casckg query --list\n"
        "  casckg query members-as-of --param org=institution/csto",
    )
    sub = main.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "build",
        formatter_class=_Formatter,
        help="build the store from the sources",
        description="Load the ontology and every source into a fresh store, materialise the "
        "inferences (see 'casckg reason'), then publish it atomically: a failed build leaves the "
        "previous store as it was.",
        epilog="examples:\n  casckg build --sources sources --store build/store\n  casckg build --no-reason",
    )
    p.add_argument("--sources", default="sources", metavar="DIR", help="the sources folder (default: sources)")
    p.add_argument("--no-reason", action="store_true", help="do not materialise the inferred graph")
    _trace_arg(p)
    _store_arg(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "reason",
        formatter_class=_Formatter,
        help="materialise the OWL 2 RL inferences again",
        description="Replace the store's inferred graph (graph/inferred) with what the ontology's "
        "class hierarchy, inverse, transitive and symmetric properties, property chains, domains "
        "and ranges let the graph conclude from its sources. 'casckg build' does this already; "
        "run it after changing the store by other means. Each inference keeps a trace: "
        "'casckg query why-inferred' shows it.",
        epilog="examples:\n  casckg reason\n  casckg reason --no-trace --store build/store",
    )
    _trace_arg(p)
    _store_arg(p)
    p.set_defaults(func=cmd_reason)

    p = sub.add_parser(
        "query",
        formatter_class=_Formatter,
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
    p.add_argument("--list", action="store_true", help="list the library's queries")
    _store_arg(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser(
        "stats",
        formatter_class=_Formatter,
        help="count entities, properties and sources",
        description="Counts per class, per property and per source graph.",
        epilog="example:\n  casckg stats",
    )
    _store_arg(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser(
        "check",
        formatter_class=_Formatter,
        help="validate the graph (SHACL, OWL DL)",
        description="Validate the data against the SHACL shapes, run the violation "
        "queries, and check the ontology with its data for consistency "
        "with the HermiT reasoner. Exits 1 when anything is wrong.",
        epilog="example:\n  casckg check\n  casckg check --no-reasoner",
    )
    p.add_argument("--no-reasoner", action="store_true", help="skip the DL consistency check (needs Java)")
    _store_arg(p)
    p.set_defaults(func=cmd_check)

    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "func", None):
        parser().print_help()
        return BAD_INPUT
    try:
        return args.func(args)
    except SourceError as exc:
        for problem in exc.problems:
            err.print(str(problem), markup=False)
        err.print(f"{len(exc.problems)} problem(s); nothing was changed", markup=False)
        return BAD_INPUT
    except CasckgError as exc:
        err.print(f"error: {exc}", markup=False)
        return BAD_INPUT
    except KeyboardInterrupt:
        err.print("interrupted; nothing was changed")
        return 130


if __name__ == "__main__":
    sys.exit(main())
