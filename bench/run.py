"""The benchmark: how build, reasoning and the query library scale, next to their baselines.

For each scale (quads of a synthetic graph, see generate.py) it prints, side by side from the
same run: the project's build (documents -> quads -> store, with reasoning) and quads per
second, the materialisation time (wall, and CPU, which a shared machine does not inflate), and
each library query's median CPU time on four engines:

    project   casckg's own path: the built store opened by a fresh process, as a reader opens it,
              + graph.query (VALUES-bound parameters)
    ox-disk   raw pyoxigraph bulk-loading the same quads into a folder, parameters as `substitutions`: the floor
    ox-mem    raw pyoxigraph in memory, loaded from the same quads
    rdflib    an rdflib in-memory Dataset, loaded from the same quads (default graph = union)

Every engine runs in its own process (so peak memory is its own and a time limit can stop it),
all of them at once: each query runs once per engine for warm-up, then `--reps` rounds in which
every engine runs it once, the order turning round by round, so that a busy spell on a shared
machine falls on both sides of a ratio. The project's ratio to ox-disk is given in CPU (ratio
of the medians, and the range of the round-by-round ratios: a 1.2x whose range reaches below 1
is noise) and in wall time; the queries over 1.1x are listed under the table. The rows column
is the project's count, with raw Oxigraph's beside it when it differs. The run fails
(exit status 1) when a library query finds nothing at its defaults: its timing would measure
nothing. Both on-disk stores are compacted (`optimize()`) after loading, as a build leaves
its store. `--keep DIR` keeps the built stores and reuses them on the next run of the same
scale (a 10^6 build takes minutes): for comparing query paths, not builds.

From 10^7 quads on a scale runs in the large mode, printed after the others: the project (no
trace) and ox-disk only, one timed run per query.

    python -m bench.run                         # 10^5 and 10^6 quads: a few minutes
    python -m bench.run --scales 1e4            # a quick look
    python -m bench.run --scales 1e5 1e6 1e7    # and the large mode (rdflib is left out above --rdflib-max)
    python -m bench.run --no-trace              # reasoning without the proof records
    python -m bench.run --scales 1e5 --keep /tmp/stores --engines ox-disk --only institutions-of-state
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENGINES = ("project", "ox-disk", "ox-mem", "rdflib")
#: From this many quads on, a scale runs in the large mode (see the module docstring).
LARGE = 10_000_000


class TimeLimit(Exception):
    pass


def _alarm(seconds: float) -> None:
    """Raise TimeLimit once this process has used `seconds` more of CPU time (not wall time: on a
    shared machine a query waiting for a core would be stopped before it had done its work)."""

    def stop(*_: object) -> None:
        raise TimeLimit

    signal.signal(signal.SIGPROF, stop)
    # Repeats every half second after the limit: a library that swallows the first one (rdflib
    # catches broad exceptions in places) is stopped by the next.
    signal.setitimer(signal.ITIMER_PROF, seconds, 0.5)


def _clear() -> None:
    signal.setitimer(signal.ITIMER_PROF, 0)


def _serve(run_one, limit: float, out) -> None:
    """Answer the parent until it closes stdin: each line read names a library query, which is
    run once; each line written gives its wall and CPU seconds and rows, or why there are none.

    One query at a time on request lets the parent alternate the engines run by run, so that a
    busy spell on a shared machine falls on both sides of a ratio rather than on one engine's
    whole series."""
    from casckg.queries import library

    queries = library()
    for line in sys.stdin:
        name = line.strip()
        reply: dict = {"name": name}
        try:
            _alarm(limit)
            # the CPU time of this thread, which runs the query: while a process-wide CPU timer
            # (the limit) is armed, Linux updates the process's CPU clock only at scheduler ticks
            wall, cpu = time.perf_counter(), time.thread_time()
            found = run_one(queries[name])
            reply.update(wall=time.perf_counter() - wall, cpu=time.thread_time() - cpu)
            _clear()
            reply["rows"] = len(found) if isinstance(found, list) else int(bool(found))
        except TimeLimit:
            reply["error"] = "timeout"
        except Exception as exc:  # an engine that cannot run a query: say so in its cell
            reply["error"] = f"error ({type(exc).__name__})"
            print(f"{name}: {type(exc).__name__}: {exc}", file=sys.stderr)
        finally:
            _clear()
        print(json.dumps(reply), file=out, flush=True)


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


def _load(engine: str, quads: int, seed: int, folder: Path, trace: bool) -> tuple[dict, object]:
    """Load one engine at one scale in this process: its load measurements and a function that
    runs a library query on it."""
    import pyoxigraph as ox

    from casckg.ontology import PREFIXES
    from casckg.queries import with_values

    nquads = folder / "graph.nq"
    kept = folder / f"{engine}.json"  # what loading measured, kept beside a store that is reused
    result: dict = {"engine": engine}
    if engine == "project":
        from casckg.graph.query import run
        from casckg.graph.store import open_store

        if kept.is_file():
            result = json.loads(kept.read_text()) | {"reused": True}
        else:
            from bench.generate import generate
            from casckg.graph.build.job import build_documents

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
            kept.write_text(json.dumps(result))
        store = open_store(folder / "store")  # as a reader opens it: `casckg query`, the server
        return result, _listed(lambda q: run(store, q))
    if engine.startswith("ox-"):
        started, cpu = time.perf_counter(), time.process_time()
        if engine == "ox-disk" and kept.is_file():
            raw = ox.Store(str(folder / "raw"))
            result = json.loads(kept.read_text()) | {"reused": True}
        elif engine == "ox-disk":
            raw = ox.Store(str(folder / "raw"))
            raw.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
            raw.flush()
            raw.optimize()  # compacted, as the build leaves its store: the ratio measures queries alone
        else:
            raw = ox.Store()
            raw.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        if "reused" not in result:
            result["load_s"] = time.perf_counter() - started
            result["load_cpu_s"] = time.process_time() - cpu
            if engine == "ox-disk":
                kept.write_text(json.dumps(result))

        def run_raw(q):
            # Parameters as pyoxigraph's own substitutions; a query that projects a parameter
            # cannot take them (SEP-0007), so it gets the same VALUES block as the project.
            terms = _terms(q)
            try:
                subs = {ox.Variable(k): v for k, v in terms.items()}
                solutions = raw.query(q.text, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=subs)
            except RuntimeError:
                text = with_values(q.text, {k: str(v) for k, v in terms.items()})
                solutions = raw.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
            return list(solutions)

        return result, run_raw
    import rdflib

    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    from casckg.graph.publish.export import rdf11  # rdflib reads no RDF 1.2 triple terms

    quads_in = rdf11(ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS))
    dataset.parse(data=ox.serialize(quads_in, format=ox.RdfFormat.N_QUADS), format="nquads")
    result["load_s"] = time.perf_counter() - started
    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

    def to_rdflib(term):
        if isinstance(term, ox.NamedNode):
            return rdflib.URIRef(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))

    def run_rdflib(q):
        binds = {k: to_rdflib(v) for k, v in _terms(q).items()}
        return list(dataset.query(header + q.text, initBindings=binds))

    return result, run_rdflib


def worker(engine: str, quads: int, seed: int, folder: Path, limit: float, trace: bool) -> None:
    """Load one engine, say so in one JSON line, answer query requests (`_serve`), then give
    the process's peak memory.

    Anything a library prints goes to stderr: stdout carries only the replies."""
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        if engine == "rdflib":  # the one engine that may not load a large graph in useful time
            _alarm(limit * 10)
        result, run_one = _load(engine, quads, seed, folder, trace)
    except TimeLimit:
        result, run_one = {"engine": engine, "load_s": "timeout"}, None
    finally:
        _clear()
    print(json.dumps(result), file=out, flush=True)
    if run_one is not None:
        _serve(run_one, limit, out)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_mb": peak}), file=out, flush=True)


class Engine:
    """One engine's worker process, asked for one query run at a time."""

    def __init__(self, engine: str, args: argparse.Namespace, quads: int, folder: Path):
        self.name = engine
        self.command = [
            sys.executable, "-m", "bench.run", "--worker", engine, "--scales", str(quads), "--seed", str(args.seed),
            "--folder", str(folder), "--limit", str(args.limit),
        ] + (["--no-trace"] if args.no_trace else [])  # fmt: skip
        self.limit = args.limit
        self.load_timeout = args.limit * 100 + quads / 100
        self.errors = None
        self.result: dict = self._start()
        self.build_peak = None
        if engine == "project" and self.alive and not self.result.get("reused"):
            # Queries run in a fresh worker that opens the built store as `casckg query` and the
            # server's workers do: in the process that has just built it, every query ran
            # 1.0-1.7x slower at 10^5 quads, which no reader of the store pays.
            self.build_peak = self._finish()
            self._start()

    def _start(self) -> dict:
        """Start the worker and wait for it to load its engine; what loading measured."""
        if self.errors is not None:
            self.errors.close()
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the worker (close)
        self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.errors, text=True)  # fmt: skip
        result = self._read(self.load_timeout) or {"engine": self.name, "load_s": self.failure}
        load = result.get("load_s")
        self.alive = self.process.poll() is None and load is not None and not isinstance(load, str)
        return result

    @property
    def failure(self) -> str:
        """Why the worker stopped: its error's last line (one killed by a signal writes none)."""
        self.errors.seek(0)
        last = self.errors.read().decode("utf-8", "replace").strip().splitlines()[-1:]
        return "failed: " + (last[0] if last else f"exit status {self.process.poll()}")

    def _read(self, timeout: float) -> dict | None:
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.stop()
            return None
        return json.loads(line)

    def ask(self, name: str) -> dict:
        """Run one library query once: its wall and CPU seconds and rows, or an error."""
        if not self.alive:
            return {"error": "failed"}
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        # The worker's own limit acts between rows only: a query that runs away inside the store
        # is stopped here, with its worker, and a new worker takes the next queries (the stores
        # it reads are kept in the folder, so it does not build them again).
        reply = self._read(self.limit * 10 + 60)
        if reply is None:
            self._start()
            return {"error": "timeout (stopped)"}
        return reply

    def _finish(self) -> float | None:
        """End the worker; its peak memory in MB."""
        peak = None
        if self.alive:
            self.process.stdin.close()
            peak = (self._read(60) or {}).get("peak_mb")
        self.stop()
        return peak

    def close(self) -> None:
        """End the worker and keep the peak memory of its engine (the build's, when larger)."""
        peaks = [p for p in (self._finish(), self.build_peak) if p is not None]
        self.result["peak_mb"] = max(peaks, default=None)
        self.errors.close()

    def stop(self) -> None:
        self.alive = False
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def _median_ratio(a: list[float], b: list[float]) -> float | None:
    """The ratio of two series' medians, or None when either is empty or b's median is not positive."""
    if not a or not b or statistics.median(b) <= 0:
        return None
    return statistics.median(a) / statistics.median(b)


def _ratio_cells(a: list[float], b: list[float]) -> tuple[str, str]:
    """The ratio of two medians, and the range of the run-by-run ratios (each pair run back to back)."""
    ratio = _median_ratio(a, b)
    if ratio is None or min(b) <= 0:
        return "-", ""
    pairs = [x / y for x, y in zip(a, b, strict=False)]
    return f"{ratio:.2f}x", f"{min(pairs):.2f}-{max(pairs):.2f}"


def measure(engines: dict[str, Engine], names: list[str], reps: int) -> dict[str, dict[str, dict]]:
    """Every library query on every live engine: one warm-up run each, then `reps` rounds in
    which each engine runs it once, the engines' order turning round by round.

    Returns engine -> query -> {"cpu": [...], "wall": [...], "rows": n} or {"error": ...}."""
    out: dict[str, dict[str, dict]] = {e: {} for e in engines}
    for name in names:
        live = [e for e in engines if engines[e].alive]
        for e in live:
            out[e][name] = {"cpu": [], "wall": []}
        for turn in range(reps + 1):
            for e in live[turn % len(live) :] + live[: turn % len(live)] if live else []:
                cell = out[e][name]
                if "error" in cell:
                    continue
                reply = engines[e].ask(name)
                if "error" in reply:
                    out[e][name] = {"error": reply["error"]}
                elif turn == 0:
                    cell["rows"] = reply["rows"]
                else:
                    cell["cpu"].append(reply["cpu"])
                    cell["wall"].append(reply["wall"])
    return out


def _cell(value: float | str | None, unit: str = "s") -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return f"{value * 1000:.1f} ms" if unit == "s" and value < 1 else f"{value:.2f} {unit}"


def table(quads: int, results: dict[str, dict], samples: dict[str, dict[str, dict]]) -> str:
    """One scale's results as a plain-text table: each query's median CPU time per engine, and
    the project's ratio to raw Oxigraph on disk in CPU (with the range of the run-by-run ratios)
    and in wall time."""
    project = results["project"]
    engines = [e for e in ENGINES if e in results]
    rows = [["", *engines, "rows", "project/ox-disk CPU", "run by run", "wall", "project/ox-mem CPU",
             "rdflib/ox-disk CPU"]]  # fmt: skip
    blank = [""] * 6

    def ratio(a: object, b: object) -> str:
        return f"{a / b:.2f}x" if isinstance(a, float) and isinstance(b, float) and b > 0 else "-"

    loads = [results[e].get("load_s") for e in engines]
    rows.append(["build / load", *(_cell(v) for v in loads), *blank])
    per_s = [project["quads"] / v if isinstance(v, float) else None for v in loads]
    rows.append(["quads/s", *(f"{v:,.0f}" if v else "-" for v in per_s), *blank])
    cpu = [results[e].get("load_cpu_s") for e in engines]
    rows.append(
        ["build / load CPU", *(_cell(v) for v in cpu), "", ratio(cpu[0], cpu[1] if len(cpu) > 1 else None), *blank[2:]]
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
    rows.append(["queries: median CPU", *[""] * len(engines), *blank])

    def series(engine: str, name: str, kind: str) -> list[float]:
        return samples.get(engine, {}).get(name, {}).get(kind, [])

    def median_cell(engine: str, name: str) -> str:
        if results.get(engine, {}).get("skipped"):
            return "skipped"
        cell = samples.get(engine, {}).get(name)
        if cell is None:
            return "-"
        return cell["error"] if "error" in cell else _cell(statistics.median(cell["cpu"]) if cell["cpu"] else None)

    for name in samples.get("project", {}):
        found = samples["project"][name].get("rows")
        raw_found = samples.get("ox-disk", {}).get(name, {}).get("rows")
        count = "-" if found is None else f"{found:,}"
        if raw_found is not None and found is not None and raw_found != found:  # the same query, another answer
            count += f" (ox-disk {raw_found:,})"
        cpu_ratio, spread = _ratio_cells(series("project", name, "cpu"), series("ox-disk", name, "cpu"))
        wall_ratio, _ = _ratio_cells(series("project", name, "wall"), series("ox-disk", name, "wall"))
        rows.append(
            [name, *(median_cell(e, name) for e in engines), count, cpu_ratio, spread,
             wall_ratio, _ratio_cells(series("project", name, "cpu"), series("ox-mem", name, "cpu"))[0],
             _ratio_cells(series("rdflib", name, "cpu"), series("ox-disk", name, "cpu"))[0]]
        )  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    made = "reused from --keep" if project.get("reused") else f"generated in {project['generate_s']:.1f} s"
    head = (
        f"== {project['quads']:,} quads ({project['asserted']:,} asserted + {project['inferred']:,} inferred "
        f"triples and their trace), target {quads:,}, {made}"
    )
    lines = [head] + [
        "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))) for r in rows
    ]
    return "\n".join(lines)


def over(samples: dict[str, dict[str, dict]], bound: float) -> list[str]:
    """Queries whose median CPU on the project is over `bound` times raw Oxigraph on disk's."""
    out = []
    for name, cell in samples.get("project", {}).items():
        raw = samples.get("ox-disk", {}).get(name, {})
        ratio = _median_ratio(cell.get("cpu") or [], raw.get("cpu") or [])
        if ratio is not None and ratio > bound:
            out.append(f"{name} {ratio:.2f}x")
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scales", nargs="+", type=float, default=[1e5, 1e6], help="quads per run (default 1e5 1e6)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--reps", type=int, default=5, help="timed rounds per query (after one warm-up)")
    p.add_argument("--limit", type=float, default=10.0, help="CPU seconds a query may take before its cell is skipped")
    p.add_argument("--rdflib-max", type=float, default=1e5, help="largest scale to load into rdflib")
    p.add_argument("--no-trace", action="store_true", help="materialise without the trace of each inference")
    p.add_argument("--skip", nargs="*", default=[], metavar="QUERY", help="library queries to leave out")
    p.add_argument("--only", nargs="*", default=[], metavar="QUERY", help="time only these library queries")
    p.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES),
                   help="engines to run (the project always runs)")  # fmt: skip
    p.add_argument("--keep", type=Path, metavar="DIR",
                   help="keep the built stores in DIR and reuse them on the next run of the same scale, seed and "
                        "trace (the build and load figures are then the first run's)")  # fmt: skip
    p.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    p.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        worker(args.worker, int(args.scales[0]), args.seed, args.folder, args.limit, not args.no_trace)
        return
    from casckg.queries import library

    names = [n for n in library() if n not in args.skip and (not args.only or n in args.only)]
    empty: list[str] = []
    for scale in sorted(args.scales, key=lambda q: q >= LARGE):  # the large mode last, apart
        quads = int(scale)
        large = quads >= LARGE
        run = argparse.Namespace(**{**vars(args), **({"reps": 1, "no_trace": True} if large else {})})
        if large:
            print(f"== large mode: {quads:,} quads, project and ox-disk only, no trace, one timed run per query")
        with contextlib.ExitStack() as stack:
            if args.keep:
                folder = args.keep / f"{quads}-seed{args.seed}{'-no-trace' if run.no_trace else ''}"
                folder.mkdir(parents=True, exist_ok=True)
            else:
                folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="casckg-bench-")))
            engines = {"project": stack.enter_context(contextlib.closing(Engine("project", run, quads, folder)))}
            results = {"project": engines["project"].result}
            if "quads" not in results["project"]:
                print(f"== {quads:,} quads: project build {results['project'].get('load_s')}")
                empty.append(f"{quads:,}: the build did not finish")
                continue
            for engine in ENGINES[1:]:
                if engine not in args.engines or (large and engine != "ox-disk"):
                    continue
                if engine == "rdflib" and quads > args.rdflib_max:
                    results[engine] = {"skipped": True, "load_s": f"skipped (> {args.rdflib_max:.0e})"}
                    continue
                engines[engine] = stack.enter_context(contextlib.closing(Engine(engine, run, quads, folder)))
                results[engine] = engines[engine].result
            samples = measure(engines, names, run.reps)
        print(table(quads, results, samples), flush=True)  # the engines are closed: peak memory is known
        high = over(samples, 1.1)
        if high:
            print(f"over 1.1x raw Oxigraph on disk in median CPU: {', '.join(high)}")
        zero = sorted(name for name, cell in samples["project"].items() if cell.get("rows") == 0)
        if zero:
            print(f"!! {len(zero)} library queries return no rows at their defaults: {', '.join(zero)}")
            empty += [f"{quads:,}: {name}" for name in zero]
        print()
    if empty:  # a timing of a query that finds nothing measures nothing: fail loudly
        sys.exit("benchmark FAILED, queries with no rows at their defaults:\n  " + "\n  ".join(empty))


if __name__ == "__main__":
    main()
