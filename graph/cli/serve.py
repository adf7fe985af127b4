"""`casckg serve`: the SPARQL endpoint, linked-data pages, downloads and the explorer over HTTP."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import OK, Formatter, store_args


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        formatter_class=Formatter,
        help="serve the graph: SPARQL endpoint and linked-data pages",
        description="Serve the graph over HTTP: a read-only SPARQL 1.1 endpoint at /sparql (time limit, "
        "row and byte caps, no updates, no SERVICE unless allowed, slow requests cut), a page at every "
        "entity IRI (the base IRI maps to the server root: /id/state/KAZ) as HTML or RDF by Accept or "
        "suffix, the ontology (/ontology), the dataset description (/void), downloads (/dump) and the "
        "explorer (/explorer).",
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
    p.add_argument(
        "--max-response",
        type=int,
        default=16 * 1024 * 1024,
        metavar="BYTES",
        help="size limit of one query's answer; longer answers are cut and say so (default: 16777216)",
    )
    p.add_argument(
        "--request-timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="time a client has to send a whole request (default: 10)",
    )
    p.add_argument(
        "--idle-timeout", type=float, default=5.0, metavar="SECONDS", help="close idle connections after (default: 5)"
    )
    p.add_argument("--workers", type=int, default=2, metavar="N", help="query worker processes (default: 2)")
    p.add_argument(
        "--slow-workers",
        type=int,
        default=2,
        metavar="N",
        help="worker processes for queries that ran past --fast-limit, at a lower CPU priority (default: 2)",
    )
    p.add_argument(
        "--fast-limit",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="a query running longer moves to the slow workers and is remembered as long (default: 1)",
    )
    p.add_argument(
        "--queue-timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="time a query may wait for a free worker before the answer is 503 busy (default: 10)",
    )
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
    store_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..web.app import ServerConfig, serve

    config = ServerConfig(
        store=args.store,
        update_url=args.update_url,
        graph_store_url=args.graph_store_url,
        timeout=args.timeout,
        max_rows=args.max_rows,
        max_body=args.max_body,
        max_response=args.max_response,
        request_timeout=args.request_timeout,
        idle_timeout=args.idle_timeout,
        workers=args.workers,
        slow_workers=args.slow_workers,
        fast_limit=args.fast_limit,
        queue_timeout=args.queue_timeout,
        allow_service=tuple(args.allow_service),
        explorer=Path(args.explorer),
    )
    serve(config, args.host, args.port)
    return OK
