"""The query library on the corpus build: time, rows and repeated rows of each query, beside a baseline.

The corpus build (reference records with the seed and dev articles) restates facts and labels
across many source graphs, which is where a query that joins before it takes each fact once
repeats rows and slows down. For each library query (run with its defaults) it prints the
median seconds of three runs, the rows, and the rows that repeat another; with `--baseline REV`
the same for the query's text at that git revision (for instance `main`), side by side. Each run
is its own process, stopped past `--limit` seconds.

    python -m bench.corpus_queries --store build/store                 # a store built with the corpus
    python -m bench.corpus_queries --store build/store --baseline main
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def measure(store: str, query_file: str, reps: int) -> dict:
    """Run one query file `reps` times on the store (in this process): seconds, rows, repeated rows."""
    from casckg.graph.query import resolve, rows, run
    from casckg.graph.store import open_store

    query = resolve(query_file)
    times, data = [], []
    with open_store(store) as opened:
        for _ in range(reps):
            started = time.perf_counter()
            _, data = rows(run(opened, query))
            times.append(time.perf_counter() - started)
    repeated = sum(n - 1 for n in Counter(map(tuple, data)).values())
    return {"seconds": statistics.median(times), "rows": len(data), "repeated": repeated}


def _in_process(store: str, query_file: str, reps: int, limit: float) -> dict | str:
    command = [sys.executable, "-m", "bench.corpus_queries", "--one", query_file, "--store", store, "--reps", str(reps)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit, cwd=REPO, check=True)
    except subprocess.TimeoutExpired:
        return f">{limit:.0f}s"
    except subprocess.CalledProcessError as exc:
        return "error: " + (exc.stderr.strip().splitlines() or ["?"])[-1][:40]
    return json.loads(done.stdout)


def _cell(result: dict | str) -> str:
    if isinstance(result, str):
        return f"{result:>28}"
    return f"{result['seconds']:8.3f}s {result['rows']:6d} {result['repeated']:8d}    "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="a store built with the corpus")
    parser.add_argument("--baseline", help="a git revision whose query texts to run beside")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a run is stopped")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.store, args.one, args.reps)))
        return 0

    from casckg.queries import library

    header = f"{'query':24} {'seconds':>9} {'rows':>6} {'repeated':>8}    "
    print(header + (f"| baseline {args.baseline}" if args.baseline else ""))
    with tempfile.TemporaryDirectory() as tmp:
        for name, query in sorted(library().items()):
            line = f"{name:24} " + _cell(_in_process(args.store, str(query.path), args.reps, args.limit))
            if args.baseline:
                shown = subprocess.run(
                    ["git", "show", f"{args.baseline}:queries/{name}.rq"], capture_output=True, text=True, cwd=REPO
                )
                if shown.returncode:
                    line += "| (no such query)"
                else:
                    old = Path(tmp) / f"{name}.rq"
                    old.write_text(shown.stdout, encoding="utf-8")
                    line += "| " + _cell(_in_process(args.store, str(old), args.reps, args.limit))
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
