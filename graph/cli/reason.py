"""`casckg reason`: materialise the OWL 2 RL inferences again."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .common import OK, Formatter, open_from, out, store_args, trace_arg

if TYPE_CHECKING:
    from ..reason import ReasonReport


def add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reason",
        formatter_class=Formatter,
        help="materialise the OWL 2 RL inferences again",
        description="Replace the store's inferred graph (graph/inferred) with what the ontology's "
        "class hierarchy, inverse, transitive and symmetric properties, property chains, domains "
        "and ranges let the graph conclude from its sources. 'casckg build' does this already; "
        "run it after changing the store by other means (such as 'casckg ingest'). Each inference "
        "keeps a trace: 'casckg query why-inferred' shows it.",
        epilog="examples:\n  casckg reason\n  casckg reason --no-trace --store build/store",
    )
    trace_arg(p)
    store_args(p)
    p.set_defaults(func=run)


def reasoned(report: ReasonReport) -> str:
    """One line on what the reasoner inferred, per rule, and how long it took."""
    rules = ", ".join(f"{rule} {n}" for rule, n in sorted(report.per_rule.items()))
    return (
        f"inferred {report.triples} triples ({rules}) and {report.trace_quads} trace quads "
        f"in {report.rounds} rounds, {report.seconds:.1f} s ({report.cpu_seconds:.1f} s CPU)"
    )


def run(args: argparse.Namespace) -> int:
    from ..reason import materialise

    with open_from(args, read_only=False) as store:
        report = materialise(store, trace=not args.no_trace)
    out().print(reasoned(report))
    return OK
