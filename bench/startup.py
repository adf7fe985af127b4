"""How long `casckg` takes to start, beside the interpreter starting alone and a bare rdflib import.

    python bench/startup.py [--store build/store] [--runs 5]

Each command runs `--runs` times in a fresh process (`python -m casckg.graph.cli ...`); the
table shows the median wall time and the median CPU time (user + system, of the child), which
is the fairer number on a shared machine. The baselines: `python -c pass` (what no code can go
under) and `python -c "import rdflib"` (what importing one heavy library at start costs). The
aims: `--help` under 0.3 s, `query` under 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `runs` fresh runs of `command`."""
    walls, cpus = [], []
    for _ in range(runs):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", default="build/store", help="a built store for the query rows")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cli = [sys.executable, "-m", "casckg.graph.cli"]
    rows = [
        ("baseline: python -c pass", [sys.executable, "-c", "pass"]),
        ("baseline: import rdflib", [sys.executable, "-c", "import rdflib"]),
        ("casckg --help", [*cli, "--help"]),
        ("casckg query --list", [*cli, "query", "--list"]),
        ("casckg query members-as-of", [*cli, "query", "members-as-of", "--store", args.store]),
        ("casckg query (csv)", [*cli, "query", "members-as-of", "--format", "csv", "--store", args.store]),
    ]
    print(f"{'command':<30} {'wall s':>8} {'cpu s':>8}")
    for name, command in rows:
        wall, cpu = measure(command, args.runs)
        print(f"{name:<30} {wall:>8.3f} {cpu:>8.3f}")


if __name__ == "__main__":
    main()
