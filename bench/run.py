"""The benchmark: how build, reasoning and the query library scale, next to their baselines.

For each scale (quads of a synthetic graph, see generate.py) it prints, side by side from the
same run: the project's build (documents -> quads -> store, with reasoning) and quads per
second, the materialisation time (wall, and CPU, which a shared machine does not inflate), and
each library query's median latency on four engines:

    project   casckg's own path: EmbeddedStore on disk + graph.query (VALUES-bound parameters)
    ox-disk   raw pyoxigraph bulk-loading the same quads into a folder, parameters as `substitutions`: the floor
    ox-mem    raw pyoxigraph in memory, loaded from the same quads
    rdflib    an rdflib in-memory Dataset, loaded from the same quads (default graph = union)

with ratios to ox-disk, the rows each query returns (the run fails, exit status 1, when a
library query finds nothing at its defaults: its timing would measure nothing), and each
engine's peak memory. Every engine runs in its own process (so peak memory is its own and a
time limit can stop it); a cell past the limit says so. Both on-disk stores are compacted
(`optimize()`) after loading, as a build leaves its store.

From 10^7 quads on a scale runs in the large mode, printed after the others: the project (no
trace) and ox-disk only, one timed run per query.

    python -m bench.run                         # 10^5 and 10^6 quads: a few minutes
    python -m bench.run --scales 1e4            # a quick look
    python -m bench.run --scales 1e5 1e6 1e7    # and the large mode (rdflib is left out above --rdflib-max)
    python -m bench.run --no-trace              # reasoning without the proof records
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENGINES = ("project", "ox-disk", "ox-mem", "rdflib")
#: Library queries left out (--skip): one that runs away inside the store cannot be stopped by
#: the time limit, which only acts between rows.
SKIP: set[str] = set()
#: From this many quads on, a scale runs in the large mode (see the module docstring).
LARGE = 10_000_000


class TimeLimit(Exception):
    pass


def _alarm(seconds: float) -> None:
    def stop(*_: object) -> None:
        raise TimeLimit

    signal.signal(signal.SIGALRM, stop)
    # Repeats every half second after the limit: a library that swallows the first one (rdflib
    # catches broad exceptions in places) is stopped by the next.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)


def _timed_queries(run_one, reps: int, limit: float, rows: dict[str, int] | None = None) -> dict[str, float | str]:
    """Median seconds per library query (after one warm-up run), or 'timeout'; `rows` gets
    how many rows each query returned."""
    from casckg.queries import library

    out: dict[str, float | str] = {}
    for name, query in library().items():
        if name in SKIP:
            out[name] = "skipped"
            continue
        times = []
        try:
            for _ in range(reps + 1):
                _alarm(limit)
                started = time.perf_counter()
                found = run_one(query)
                times.append(time.perf_counter() - started)
                signal.setitimer(signal.ITIMER_REAL, 0)
            if rows is not None:
                rows[name] = len(found) if isinstance(found, list) else int(bool(found))
            out[name] = statistics.median(times[1:])
        except TimeLimit:
            out[name] = "timeout"
        except Exception as exc:  # an engine that cannot run a query: say so in its cell
            out[name] = f"error ({type(exc).__name__})"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return out


def _listed(run_one):
    """Run a query and keep what it gives: rows as a list, an ASK's answer as it is."""

    def run(query):
        import pyoxigraph as ox

        result = run_one(query)
        return bool(result) if isinstance(result, ox.QueryBoolean) else list(result)

    return run


def _terms(query):
    from casckg.graph.query import bindings

    return bindings(query, {})


def worker(engine: str, quads: int, seed: int, folder: Path, reps: int, limit: float, trace: bool) -> dict:
    """Run one engine at one scale in this process; return its measurements."""
    import pyoxigraph as ox

    from casckg.ontology import PREFIXES
    from casckg.queries import with_values

    nquads = folder / "graph.nq"
    result: dict = {"engine": engine}
    if engine == "project":
        from bench.generate import generate
        from casckg.graph.build.job import build_documents
        from casckg.graph.query import run
        from casckg.graph.store import open_store

        started = time.perf_counter()
        documents = generate(quads, seed)
        result["generate_s"] = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        report = build_documents(documents, folder / "store", trace=trace)
        result["load_s"] = time.perf_counter() - started
        result["load_cpu_s"] = time.process_time() - cpu
        result["parts_cpu_s"] = report.cpu
        result["quads"] = report.quads
        result["asserted"] = report.quads - report.reasoning.quads
        result["reason_s"] = report.reasoning.seconds
        result["reason_cpu_s"] = report.reasoning.cpu_seconds
        result["inferred"] = report.reasoning.triples
        del documents
        with open_store(folder / "store") as store:
            store.dump(nquads)  # the same quads, for the other engines
            result["rows"] = {}
            result["queries"] = _timed_queries(_listed(lambda q: run(store, q)), reps, limit, result["rows"])
    elif engine.startswith("ox-"):
        started, cpu = time.perf_counter(), time.process_time()
        if engine == "ox-disk":
            store = ox.Store(str(folder / "raw"))
            store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
            store.flush()
            store.optimize()  # compacted, as the build leaves its store: the ratio measures queries alone
        else:
            store = ox.Store()
            store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        result["load_s"] = time.perf_counter() - started
        result["load_cpu_s"] = time.process_time() - cpu

        def run_raw(q):
            # Parameters as pyoxigraph's own substitutions; a query that projects a parameter
            # cannot take them (SEP-0007), so it gets the same VALUES block as the project.
            terms = _terms(q)
            try:
                subs = {ox.Variable(k): v for k, v in terms.items()}
                solutions = store.query(q.text, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=subs)
            except RuntimeError:
                text = with_values(q.text, {k: str(v) for k, v in terms.items()})
                solutions = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
            return list(solutions)

        result["queries"] = _timed_queries(run_raw, reps, limit)
    else:
        import rdflib

        started = time.perf_counter()
        dataset = rdflib.Dataset(default_union=True)
        try:
            _alarm(limit * 10)
            from casckg.graph.publish.export import rdf11  # rdflib reads no RDF 1.2 triple terms

            quads = rdf11(ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS))
            dataset.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")
            signal.setitimer(signal.ITIMER_REAL, 0)
        except TimeLimit:
            result["load_s"] = "timeout"
            return result
        result["load_s"] = time.perf_counter() - started
        header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

        def to_rdflib(term):
            if isinstance(term, ox.NamedNode):
                return rdflib.URIRef(term.value)
            return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))

        def run_rdflib(q):
            binds = {k: to_rdflib(v) for k, v in _terms(q).items()}
            return list(dataset.query(header + q.text, initBindings=binds))

        result["queries"] = _timed_queries(run_rdflib, reps, limit)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _spawn(engine: str, args: argparse.Namespace, quads: int, folder: Path) -> dict:
    command = [
        sys.executable, "-m", "bench.run", "--worker", engine, "--scales", str(quads), "--seed", str(args.seed),
        "--folder", str(folder), "--reps", str(args.reps), "--limit", str(args.limit), "--skip", *args.skip,
    ] + (["--no-trace"] if args.no_trace else [])  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=args.limit * 100 + quads / 100)
    except subprocess.TimeoutExpired:
        return {"engine": engine, "load_s": "timeout"}
    if done.returncode != 0:  # the error's last line; a worker killed by a signal (out of memory) writes none
        last = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        return {"engine": engine, "load_s": "failed: " + last[0]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cell(value: float | str | None, unit: str = "s") -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return f"{value * 1000:.1f} ms" if unit == "s" and value < 1 else f"{value:.2f} {unit}"


def table(quads: int, results: dict[str, dict]) -> str:
    """One scale's results as a plain-text table."""
    project = results["project"]
    engines = [e for e in ENGINES if e in results]
    rows = [["", *engines, "rows", "project/ox-disk", "project/ox-mem", "rdflib/ox-disk"]]
    blank = [""] * 4

    def ratio(a: object, b: object) -> str:
        return f"{a / b:.2f}x" if isinstance(a, float) and isinstance(b, float) and b > 0 else "-"

    loads = [results[e].get("load_s") for e in engines]
    rows.append(["build / load", *(_cell(v) for v in loads), *blank])
    per_s = [project["quads"] / v if isinstance(v, float) else None for v in loads]
    rows.append(["quads/s", *(f"{v:,.0f}" if v else "-" for v in per_s), *blank])
    cpu = [results[e].get("load_cpu_s") for e in engines]
    rows.append(
        ["build / load CPU", *(_cell(v) for v in cpu), "", ratio(cpu[0], cpu[1] if len(cpu) > 1 else None), "", ""]
    )
    rows.append(["materialise", _cell(project.get("reason_s")), *[""] * (len(engines) - 1), *blank])
    parts = project.get("parts_cpu_s", {})
    for label, value in (
        ("  documents -> quads CPU", parts.get("quads")),
        ("  bulk loads CPU", parts.get("load")),
        ("  materialise CPU", project.get("reason_cpu_s")),
        ("  optimize CPU", parts.get("optimize")),
    ):
        rows.append([label, _cell(value), *[""] * (len(engines) - 1), *blank])
    rows.append(["peak memory", *(_cell(results[e].get("peak_mb"), "MB") for e in engines), *blank])
    for name in project.get("queries", {}):
        cells = [results[e].get("queries", {}).get(name) for e in engines]
        if results.get("rdflib", {}).get("skipped"):
            cells[engines.index("rdflib")] = "skipped"
        by = dict(zip(engines, cells, strict=True))
        found = project.get("rows", {}).get(name)
        rows.append(
            [name, *(_cell(v) for v in cells), "-" if found is None else f"{found:,}",
             ratio(by.get("project"), by.get("ox-disk")), ratio(by.get("project"), by.get("ox-mem")),
             ratio(by.get("rdflib"), by.get("ox-disk"))]
        )  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    head = (
        f"== {project['quads']:,} quads ({project['asserted']:,} asserted + {project['inferred']:,} inferred "
        f"triples and their trace), target {quads:,}, generated in {project['generate_s']:.1f} s"
    )
    lines = [head] + [
        "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))) for r in rows
    ]
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scales", nargs="+", type=float, default=[1e5, 1e6], help="quads per run (default 1e5 1e6)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--reps", type=int, default=5, help="timed runs per query (after one warm-up)")
    p.add_argument("--limit", type=float, default=10.0, help="seconds a query may take before its cell is skipped")
    p.add_argument("--rdflib-max", type=float, default=1e5, help="largest scale to load into rdflib")
    p.add_argument("--no-trace", action="store_true", help="materialise without the trace of each inference")
    p.add_argument("--skip", nargs="*", default=[], metavar="QUERY", help="library queries to leave out")
    p.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    p.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args()
    SKIP.update(args.skip)
    if args.worker:
        print(json.dumps(worker(args.worker, int(args.scales[0]), args.seed, args.folder, args.reps, args.limit,
                                not args.no_trace)))  # fmt: skip
        return
    empty: list[str] = []
    for scale in sorted(args.scales, key=lambda q: q >= LARGE):  # the large mode last, apart
        quads = int(scale)
        large = quads >= LARGE
        run = argparse.Namespace(**{**vars(args), **({"reps": 1, "no_trace": True} if large else {})})
        if large:
            print(f"== large mode: {quads:,} quads, project and ox-disk only, no trace, one timed run per query")
        with tempfile.TemporaryDirectory(prefix="casckg-bench-") as tmp:
            folder = Path(tmp)
            results = {"project": _spawn("project", run, quads, folder)}
            if "quads" not in results["project"]:
                print(f"== {quads:,} quads: project build {results['project'].get('load_s')}")
                empty.append(f"{quads:,}: the build did not finish")
                continue
            for engine in ENGINES[1:]:
                if large and engine != "ox-disk":
                    continue
                if engine == "rdflib" and quads > args.rdflib_max:
                    results[engine] = {"skipped": True, "load_s": f"skipped (> {args.rdflib_max:.0e})"}
                    continue
                results[engine] = _spawn(engine, run, quads, folder)
        print(table(quads, results), flush=True)
        zero = sorted(name for name, n in results["project"].get("rows", {}).items() if n == 0)
        if zero:
            print(f"!! {len(zero)} library queries return no rows at their defaults: {', '.join(zero)}")
            empty += [f"{quads:,}: {name}" for name in zero]
        print()
    if empty:  # a timing of a query that finds nothing measures nothing: fail loudly
        sys.exit("benchmark FAILED, queries with no rows at their defaults:\n  " + "\n  ".join(empty))


if __name__ == "__main__":
    main()
