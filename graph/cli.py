"""`casckg`: the front door. Each command calls one library function and turns the library's
exceptions into a message and an exit code: 0 fine, 1 the data has violations, 2 the input or
configuration could not be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from casckg.ingest.errors import CasckgError, SourceError

from .store import DEFAULT_STORE

OK, VIOLATIONS, BAD_INPUT = 0, 1, 2

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store", default=str(DEFAULT_STORE), metavar="PATH", help=f"the store folder (default: {DEFAULT_STORE})"
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

        report = build(Path(args.sources), Path(args.store), progress)
    out.print(f"built {report.store}: {report.quads} quads in {len(report.graphs)} graphs")
    return _explore(report.store, report.store.parent / "explorer.html", "en")


def _explore(store_path: str | Path, page: Path, lang: str) -> int:
    from .explorer import write_explorer
    from .store import open_store

    with open_store(store_path) as store:
        written = write_explorer(store, page, lang)
    out.print(f"explorer: open {written.resolve().as_uri()}")
    return OK


def cmd_explore(args: argparse.Namespace) -> int:
    return _explore(args.store, Path(args.out), args.lang)


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export
    from .store import open_store

    with open_store(args.store) as store:
        written = export(store, args.format, Path(args.out))
    out.print(f"wrote {written} ({args.format})")
    return OK


def cmd_network(args: argparse.Namespace) -> int:
    from .analysis import ACTOR_CLASSES, central
    from .network import project
    from .store import open_store

    classes = () if "all" in args.cls else tuple(args.cls or ACTOR_CLASSES)
    with open_store(args.store) as store:
        graph = project(store)
    ranked = central(graph, args.metric, args.top, classes, args.since, args.until, args.lang)
    window = f" from {args.since or '…'} to {args.until or '…'}" if args.since or args.until else ""
    table = Table(
        "#", "entity", "class", args.metric, title=f"most central by {args.metric}{window}", title_justify="left"
    )
    for i, r in enumerate(ranked, start=1):
        table.add_row(str(i), r.label, r.cls, f"{r.score:.4f}")
    out.print(table)
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


def cmd_extract(args: argparse.Namespace) -> int:
    import json

    from casckg.ingest.extract import extract

    from .extraction import extraction_json, reference_gazetteer

    gazetteer = reference_gazetteer(Path(args.sources))
    doc = extract(Path(args.file), gazetteer)
    data = extraction_json(doc)
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return OK
    table = Table("type", "label", "mentions", title=f"{doc.source.key} ({doc.source.language})", title_justify="left")
    for e in data["entities"]:
        table.add_row(e["type"].rsplit("#", 1)[-1], e["label"], str(len(e["mentions"])))
    out.print(table)
    facts = Table("subject", "predicate", "object", "extractor", box=None)
    labels = {e["id"]: e["label"] for e in data["entities"]}
    for st in data["statements"]:
        obj = st["object"]
        shown = obj["value"] if isinstance(obj, dict) else labels.get(obj, obj)
        facts.add_row(
            labels.get(st["subject"], st["subject"]), st["predicate"].rsplit("#", 1)[-1], shown, st.get("extractor", "")
        )
    out.print(facts)
    return OK


# --- parser -----------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="casckg",
        formatter_class=_Formatter,
        description="casckg: a knowledge graph of security cooperation in Central Asia.",
        epilog="examples:\n  casckg build\n  casckg query --list\n"
        "  casckg query members-as-of --param org=institution/csto\n  casckg network --metric betweenness --top 20",
    )
    sub = main.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "build",
        formatter_class=_Formatter,
        help="build the store from the sources",
        description="Load the ontology and every source into a fresh store, then publish it "
        "atomically: a failed build leaves the previous store as it was.",
        epilog="example:\n  casckg build --sources sources --store build/store",
    )
    p.add_argument("--sources", default="sources", metavar="DIR", help="the sources folder (default: sources)")
    _store_arg(p)
    p.set_defaults(func=cmd_build)

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

    p = sub.add_parser(
        "extract",
        formatter_class=_Formatter,
        help="extract entities and statements from one article",
        description="Read one article (.md with front matter, .txt, .html), find its entities and the "
        "statements it makes, each with its evidence sentence and offsets. Nothing is written to "
        "the store; the gazetteer comes from the reference records.",
        epilog="examples:\n  casckg extract article.md\n  casckg extract article.md --json > article.json",
    )
    p.add_argument("file", metavar="FILE", help="the article file")
    p.add_argument("--json", action="store_true", help="print JSON (the extraction scorer's format)")
    p.add_argument("--sources", default="sources", metavar="DIR", help="the sources folder (default: sources)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "explore",
        formatter_class=_Formatter,
        help="write the interactive network page",
        description="Write the explorer: one self-contained HTML page (no network access needed) "
        "showing the graph as a network, with search, filters, neighbourhoods and, for every "
        "relation, its sources and evidence sentences. 'casckg build' writes it too.",
        epilog="examples:\n  casckg explore\n  casckg explore --out build/explorer-fr.html --lang fr",
    )
    p.add_argument("--out", default="build/explorer.html", metavar="FILE", help="where to write the page")
    p.add_argument("--lang", choices=["en", "fr", "ru"], default="en", help="the labels' language at first")
    _store_arg(p)
    p.set_defaults(func=cmd_explore)

    from .export import FORMATS

    p = sub.add_parser(
        "export",
        formatter_class=_Formatter,
        help="write the graph in another format",
        description="Write the graph to a file: the network for Gephi (gexf) or Cytoscape (graphml).",
        epilog="examples:\n  casckg export --format gexf --out build/casckg.gexf\n"
        "  casckg export --format graphml --out build/casckg.graphml",
    )
    p.add_argument("--format", required=True, choices=sorted(FORMATS), help="the output format")
    p.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    _store_arg(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "network",
        formatter_class=_Formatter,
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
    p.add_argument("--lang", choices=["en", "fr", "ru"], default="en", help="the labels' language")
    _store_arg(p)
    p.set_defaults(func=cmd_network)

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
