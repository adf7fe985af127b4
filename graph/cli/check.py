"""`casckg check`: SHACL shapes, violation queries and OWL DL consistency."""

from __future__ import annotations

import argparse

from .common import OK, VIOLATIONS, Formatter, open_from, out, store_args


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        formatter_class=Formatter,
        help="validate the graph (SHACL, OWL DL)",
        description="Validate the data against the SHACL shapes, run the violation "
        "queries, and check the ontology with its data for consistency "
        "with the HermiT reasoner. Exits 1 when anything is wrong.",
        epilog="example:\n  casckg check\n  casckg check --no-reasoner",
    )
    p.add_argument("--no-reasoner", action="store_true", help="skip the DL consistency check (needs Java)")
    store_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..check import check

    with open_from(args) as store:
        report = check(store, reasoner=not args.no_reasoner)
    for line in report.lines():
        out().print(line)
    return OK if report.conforms else VIOLATIONS
