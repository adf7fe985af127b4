"""`casckg export`: the whole graph as one file, in an RDF or a network format."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from .common import OK, Formatter, open_from, out, store_args


class _Formats:
    """The export formats, read from the writers only when argparse needs them (not for --help)."""

    def _names(self) -> list[str]:
        from ..publish.export import WRITERS

        return list(WRITERS)

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __str__(self) -> str:
        return ", ".join(self._names())


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        formatter_class=Formatter,
        help="write the graph as a file (Turtle, TriG, N-Quads, JSON-LD, GEXF, GraphML, ...)",
        description="Write the whole graph in a standard format. TriG, N-Quads and JSON-LD keep the "
        "named graphs (one per source, so the provenance); Turtle, N-Triples and RDF/XML hold "
        "their union. JSON-LD is compacted with the project's context (ontology/context.jsonld). "
        "GEXF (Gephi) and GraphML (Cytoscape) hold the network the explorer draws.",
        epilog="examples:\n  casckg export --format trig --out build/casckg.trig\n"
        "  casckg export --format jsonld --out build/casckg.jsonld\n"
        "  casckg export --format gexf --out build/casckg.gexf",
    )
    p.add_argument(
        "--format",
        choices=_Formats(),
        default="trig",
        metavar="FORMAT",
        help="the file format: %(choices)s (default: trig)",
    )
    p.add_argument("--out", metavar="FILE", help="where to write (default: build/casckg.FORMAT)")
    store_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..publish.export import export

    out_path = Path(args.out or f"build/casckg.{args.format}")
    with open_from(args) as store:
        count = export(store, args.format, out_path)
    out().print(f"wrote {out_path}: {count} statements")
    return OK
