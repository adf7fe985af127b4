"""The reasoner alone: CPU time and peak memory of the materialisation, trace on and off.

The machine a benchmark runs on is often shared, so the time that counts is the CPU time of the
reasoning step (wall time is printed beside it). Each run is its own process, loading the same
synthetic graph (generate.py) into an in-memory store from N-Quads, so its peak memory is the
store's and the reasoner's, not the generator's Python objects. Side by side: the graph loaded
and left alone (the floor a reasoner adds to), reasoning with the trace, and without.

    python -m bench.reason                     # 10^5 quads
    python -m bench.reason --scales 1e5 1e6    # and 10^6 (a few minutes)
    python -m bench.reason --steps             # and where the time goes: each rule in each round
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

MODES = ("load only", "trace", "no trace")


def worker(nquads: Path, mode: str) -> dict:
    """Load the graph in memory and (unless `mode` is "load only") reason over it; measure."""
    import pyoxigraph as ox

    from casckg.graph.build.job import ontology_quads
    from casckg.graph.reason import infer
    from casckg.graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(None)
    store.bulk_add(ontology_quads())
    store.ox.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    result: dict = {"mode": mode, "asserted": len(store.ox)}
    if mode != "load only":
        report = infer(store, trace=mode == "trace")
        result |= {
            "cpu_s": report.cpu_seconds,
            "wall_s": report.seconds,
            "inferred": report.triples,
            "trace_quads": report.trace_quads,
            "steps": [
                [round_, rule, c.runs, c.query_cpu, c.load_cpu, c.triples, c.new]
                for (round_, rule), c in sorted(report.costs.items())
                if c.runs
            ],
        }
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _spawn(nquads: Path, mode: str) -> dict:
    command = [sys.executable, "-m", "bench.reason", "--worker", mode, "--nquads", str(nquads)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:  # a worker killed by a signal (out of memory) writes no error line
        last = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        return {"mode": mode, "failed": last[0]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(target: int, results: list[dict]) -> str:
    """One scale's runs as a plain-text table."""
    rows = [["", "CPU", "wall", "peak memory", "inferred", "trace quads", "trace/inferred"]]
    for r in results:
        if "failed" in r:
            rows.append([r["mode"], r["failed"], "", "", "", "", ""])
            continue
        inferred, trace = r.get("inferred"), r.get("trace_quads")
        seconds = [f"{r[k]:.2f} s" if k in r else "-" for k in ("cpu_s", "wall_s")]
        counts = [f"{n:,}" if n is not None else "-" for n in (inferred, trace)]
        ratio = f"{trace / inferred:.2f}" if trace and inferred else "-"
        rows.append([r["mode"], *seconds, f"{r['peak_mb']:,.0f} MB", *counts, ratio])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    asserted = next((r["asserted"] for r in results if "asserted" in r), 0)
    lines = [f"== reasoning over {asserted:,} asserted quads (target {target:,}), in memory"]
    for r in rows:
        lines.append("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))
    return "\n".join(lines)


def steps_table(result: dict) -> str:
    """Where one run's CPU time went: each rule in each round, the store's query (with the
    serialisation of its triples) apart from the bulk loads, the triples the queries returned
    (conclusions and trace) and the conclusions that were new."""
    rows = [["round", "rule", "runs", "query CPU", "load CPU", "triples returned", "new"]]
    totals: dict[str, float] = {}
    for round_, rule, runs, query, load, triples, new in result["steps"]:
        rows.append([str(round_), rule, str(runs), f"{query:.3f} s", f"{load:.3f} s", f"{triples:,}", f"{new:,}"])
        totals[rule] = totals.get(rule, 0.0) + query + load
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"-- {result['mode']}: each rule in each round (round 0: the workspace of facts and the dated facts)"]
    for r in rows:
        lines.append(
            "  ".join(c.rjust(w) if i > 1 else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        )
    by_rule = ", ".join(f"{rule} {seconds:.2f} s" for rule, seconds in sorted(totals.items(), key=lambda kv: -kv[1]))
    lines.append(f"-- by rule: {by_rule}")
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scales", nargs="+", type=float, default=[1e5], help="asserted quads per run (default 1e5)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES), help="which runs (default all)")
    p.add_argument("--steps", action="store_true", help="print what each rule costs in each round")
    p.add_argument("--worker", choices=MODES, help=argparse.SUPPRESS)
    p.add_argument("--nquads", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        print(json.dumps(worker(args.nquads, args.worker)))
        return
    import pyoxigraph as ox

    from bench.generate import generate, quads_of

    for scale in args.scales:
        with tempfile.TemporaryDirectory(prefix="casckg-reason-") as tmp:
            nquads = Path(tmp) / "graph.nq"
            ox.serialize(quads_of(generate(int(scale), args.seed)), str(nquads), ox.RdfFormat.N_QUADS)
            results = [_spawn(nquads, mode) for mode in args.modes]
            print(table(int(scale), results), flush=True)
            for result in results if args.steps else ():
                if "steps" in result:
                    print(steps_table(result), flush=True)
        print()


if __name__ == "__main__":
    main()
