"""`casckg`: the front door. Each command calls one library function and turns the library's
exceptions into a message and an exit code: 0 fine, 1 the data has violations, 2 the input or
configuration could not be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from casckg.ingest.errors import CasckgError, SourceError

from .store import DEFAULT_STORE, is_remote

if TYPE_CHECKING:
    from .articles import IngestReport
    from .reason import ReasonReport
    from .store import Store

OK, VIOLATIONS, BAD_INPUT = 0, 1, 2

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _store_arg(p: argparse.ArgumentParser) -> None:
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


def _open(args: argparse.Namespace, *, read_only: bool = True):
    from .store import open_store

    return open_store(args.store, read_only=read_only, update_url=args.update_url, graph_store_url=args.graph_store_url)


# --- build ------------------------------------------------------------------------------------


@contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[str, int, int], None]]:
    """A progress callback drawing a bar on stderr (only when it is a terminal)."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task(label, total=None)

        def progress(description: str, done: int, total: int) -> None:
            bar.update(task, description=description, completed=done, total=total)

        yield progress


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    with _progress_bar("building") as progress:
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
    _print_skipped(report.articles)
    out.print(
        f"built {report.store}: {report.quads} quads in {len(report.graphs)} graphs"
        f" ({len(report.articles.ingested)} articles, {len(report.articles.skipped)} skipped)"
    )
    if report.reasoning:
        out.print(_reasoned(report.reasoning))
    page = Path("build" if is_remote(args.store) else Path(args.store).parent) / "explorer.html"
    with _open(args) as opened:
        _explore(opened, page, "en")
    return VIOLATIONS if report.articles.skipped else OK


def _trace_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-trace", action="store_true", help="infer the facts without the statement nodes that say why (faster)"
    )


def _reasoned(report: ReasonReport) -> str:
    rules = ", ".join(f"{rule} {n}" for rule, n in sorted(report.per_rule.items()))
    return (
        f"inferred {report.triples} triples ({rules}) and {report.trace_quads} trace quads "
        f"in {report.rounds} rounds, {report.seconds:.1f} s"
    )


def cmd_reason(args: argparse.Namespace) -> int:
    from .reason import materialise

    with _open(args, read_only=False) as store:
        report = materialise(store, trace=not args.no_trace)
    out.print(_reasoned(report))
    return OK


# --- ingest -----------------------------------------------------------------------------------


def _print_skipped(report: IngestReport) -> None:
    for note in report.notes:
        err.print(f"note: {note}", markup=False)
    for problem in report.skipped:
        err.print(f"skipped {problem}", markup=False)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .articles import ingest_articles, now

    with _open(args, read_only=False) as store, _progress_bar("ingesting") as progress:
        report = ingest_articles(store, args.paths, recorded_at=now(), progress=progress)
    _print_skipped(report)
    for item in report.ingested:
        merged = "".join(f"; merged into {m.into.path}/{m.into.key} (score {m.score:.2f})" for m in item.merges)
        out.print(f"{item.path}: {item.entities} entities, {item.statements} statements{merged}", markup=False)
    out.print(f"ingested {len(report.ingested)} article(s), skipped {len(report.skipped)}; {report.quads} quads")
    if not report.skipped:
        return OK if report.ingested else BAD_INPUT
    return VIOLATIONS if report.ingested else BAD_INPUT


# --- explorer and network ----------------------------------------------------------------


def _explore(store: Store, page: Path, lang: str) -> int:
    from .explorer import write_explorer

    written = write_explorer(store, page, lang)
    out.print(f"explorer: open {written.resolve().as_uri()}")
    return OK


def cmd_explore(args: argparse.Namespace) -> int:
    with _open(args) as store:
        return _explore(store, Path(args.out), args.lang)


def cmd_network(args: argparse.Namespace) -> int:
    from .analysis import ACTOR_CLASSES, central
    from .network import project

    classes = () if "all" in args.cls else tuple(args.cls or ACTOR_CLASSES)
    with _open(args) as store:
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
    with _open(args) as store:
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

    with _open(args) as store:
        report = stats(store)
    for title, counts in (("class", report.classes), ("property", report.properties), ("source", report.sources)):
        table = Table(title, "count", title=f"per {title}", title_justify="left", box=None)
        for name, n in counts:
            table.add_row(name, str(n))
        out.print(table)
    facts = f"{report.facts} distinct facts (triples outside the ontology)"
    out.print(f"{report.quads} quads, {facts}, {report.graphs} named graphs")
    return OK


def cmd_check(args: argparse.Namespace) -> int:
    from .validate import check

    with _open(args) as store:
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


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    out_path = Path(args.out or f"build/casckg.{args.format}")
    with _open(args) as store:
        count = export(store, args.format, out_path)
    out.print(f"wrote {out_path}: {count} statements")
    return OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .server import ServerConfig, serve

    config = ServerConfig(
        store=args.store,
        update_url=args.update_url,
        graph_store_url=args.graph_store_url,
        timeout=args.timeout,
        max_rows=args.max_rows,
        max_body=args.max_body,
        workers=args.workers,
        allow_service=tuple(args.allow_service),
        explorer=Path(args.explorer),
    )
    serve(config, args.host, args.port)
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
        "run it after changing the store by other means (such as 'casckg ingest'). Each inference "
        "keeps a trace: 'casckg query why-inferred' shows it.",
        epilog="examples:\n  casckg reason\n  casckg reason --no-trace --store build/store",
    )
    _trace_arg(p)
    _store_arg(p)
    p.set_defaults(func=cmd_reason)

    p = sub.add_parser(
        "ingest",
        formatter_class=_Formatter,
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
    _store_arg(p)
    p.set_defaults(func=cmd_ingest)

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

    from .export import WRITERS

    p = sub.add_parser(
        "export",
        formatter_class=_Formatter,
        help="write the graph as a file (Turtle, TriG, N-Quads, JSON-LD, GEXF, GraphML, ...)",
        description="Write the whole graph in a standard format. TriG, N-Quads and JSON-LD keep the "
        "named graphs (one per source, so the provenance); Turtle, N-Triples and RDF/XML hold "
        "their union. JSON-LD is compacted with the project's context (ontology/context.jsonld). "
        "GEXF (Gephi) and GraphML (Cytoscape) hold the network the explorer draws.",
        epilog="examples:\n  casckg export --format trig --out build/casckg.trig\n"
        "  casckg export --format jsonld --out build/casckg.jsonld\n"
        "  casckg export --format gexf --out build/casckg.gexf",
    )
    p.add_argument("--format", choices=list(WRITERS), default="trig", help="the file format (default: trig)")
    p.add_argument("--out", metavar="FILE", help="where to write (default: build/casckg.FORMAT)")
    _store_arg(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "serve",
        formatter_class=_Formatter,
        help="serve the graph: SPARQL endpoint and linked-data pages",
        description="Serve the graph over HTTP: a read-only SPARQL 1.1 endpoint at /sparql (time limit, "
        "row cap, no updates, no SERVICE unless allowed), a page at every entity IRI (the base IRI "
        "maps to the server root: /id/state/KAZ) as HTML or RDF by Accept or suffix, the ontology "
        "(/ontology), the dataset description (/void), downloads (/dump) and the explorer (/explorer).",
        epilog="examples:\n  casckg serve --host 127.0.0.1 --port 8000\n"
        "  casckg serve --timeout 10 --max-rows 50000\n"
        "  casckg serve --store http://localhost:7878/query",
    )
    p.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    p.add_argument("--timeout", type=float, default=5.0, metavar="SECONDS", help="time limit per query (default: 5)")
    p.add_argument("--max-rows", type=int, default=10_000, metavar="N", help="rows per result at most (default: 10000)")
    p.add_argument(
        "--max-body", type=int, default=256 * 1024, metavar="BYTES", help="request body size limit (default: 262144)"
    )
    p.add_argument("--workers", type=int, default=2, metavar="N", help="query worker processes (default: 2)")
    p.add_argument(
        "--allow-service",
        action="append",
        default=[],
        metavar="URL",
        help="an endpoint SERVICE may call (repeatable; none by default)",
    )
    p.add_argument(
        "--explorer", default="build/explorer.html", metavar="FILE", help="the explorer page to serve at /explorer"
    )
    _store_arg(p)
    p.set_defaults(func=cmd_serve)

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
