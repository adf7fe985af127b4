"""Load test of the SPARQL endpoint: N concurrent clients on the loopback, the same work for every server.

Every client sends the library's queries (each with its default parameters, as the same SPARQL
text for every server), all of them `--passes` times, in an order fixed by `--seed`, and POSTs
them to /sparql one after the other. Every server is sent exactly the same requests, so what is
compared is the time to finish the same work (requests/s over the same set): the queries differ
a hundredfold in cost, and clients looping for a fixed time would send each server a different
mix. Three servers answer in the same run, over the same data:

- `casckg serve` on the embedded store (what users run),
- Oxigraph's own server on a copy of the same quads (the baseline: the engine without our layer),
- `casckg serve` in front of that Oxigraph server (`--store URL`: the remote-store path).

The servers take turns (`--rounds`: casckg, Oxigraph, remote, casckg, ...), so a slow spell of a
shared machine hits them alike. Each turn is printed as it ends (requests/s, p50, p99, errors,
CPU time per answered request), then all turns together and the median over the turns of each
server's rate over Oxigraph's. `--seconds` bounds a turn: what is unsent by then counts as
failed. Bounded in count and time, loopback only.

    python bench/load.py --clients 8 --rounds 3
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from casckg.graph.publish.export import export
from casckg.graph.query import bindings
from casckg.graph.store import DEFAULT_STORE, open_store
from casckg.queries import library, with_prefixes, with_values

MAX_CLIENTS = 64
MAX_SECONDS = 120
TURN = "{:>4}  {:<31}  {:>8}  {:>7}  {:>6}  {:>7}  {:>7}  {:>6}  {:>10}"  # one line per server and turn


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    elapsed: float = 0.0
    failures: Counter[str] = field(default_factory=Counter)  # each kind of failed answer, how often

    def failed(self, why: str) -> None:
        """Count one failed request; `why` is its status and the first line of its body, or the error."""
        self.errors += 1
        self.failures[why[:160]] += 1

    def add(self, other: Tally) -> None:
        """Count `other`'s requests, failures and time in this one too."""
        self.latencies += other.latencies
        self.errors += other.errors
        self.elapsed += other.elapsed
        self.failures.update(other.failures)

    def report(self, name: str) -> list[str]:
        """One line per kind of failure `name` met, most frequent first."""
        return [f"{name}: {count} x {why}" for why, count in self.failures.most_common()]

    def row(self, name: str) -> list[str]:
        lat = sorted(self.latencies)

        def pct(p: float) -> str:
            return f"{lat[min(len(lat) - 1, int(p * len(lat)))] * 1000:.1f}" if lat else "-"

        rate = len(lat) / self.elapsed if self.elapsed else 0.0
        mean = f"{statistics.fmean(lat) * 1000:.1f}" if lat else "-"
        return [name, str(len(lat) + self.errors), f"{rate:.1f}", mean, pct(0.5), pct(0.9), pct(0.99), str(self.errors)]


def queries() -> dict[str, str]:
    """Every library query with its defaults bound, as self-contained SPARQL text, by the query's name."""
    out = {}
    for name, query in library().items():
        terms = {variable: str(term) for variable, term in bindings(query, {}).items()}
        out[name] = with_prefixes(with_values(query.text, terms))
    return out


def oxigraph_copy(store: str | Path, location: Path) -> str:
    """Load a copy of the store's quads into a folder for Oxigraph's server; its binary's path."""
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    dump = location.with_suffix(".nq")
    with open_store(store) as opened:
        export(opened, "nq", dump)
    subprocess.run(
        [oxigraph, "load", "--location", str(location), "--file", str(dump)], check=True, capture_output=True
    )
    return oxigraph


def start_oxigraph(store: str | Path, folder: Path, *options: str) -> tuple[subprocess.Popen, int]:
    """Oxigraph's own read-only server on a copy of the store, on a loopback port: (process, port)."""
    oxigraph = oxigraph_copy(store, folder / "ox")
    port = free_port()
    command = [oxigraph, "serve-read-only", "--location", str(folder / "ox"), "--bind", f"127.0.0.1:{port}"]
    command += ["--union-default-graph", *options]
    return start(command, f"http://127.0.0.1:{port}/", folder / "ox.log"), port


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list[str], url: str, log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{command[0]} exited: {log.read_text(errors='replace')[-1000:]}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return process
        except urllib.error.HTTPError:
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"{command[0]} did not start")


def mix(texts: dict[str, str], clients: int, passes: int = 1, seed: int = 0) -> list[list[tuple[str, str]]]:
    """Each client's fixed list of (name, query) requests: all of `texts` `passes` times, each pass in a seeded order.

    Every server is sent exactly these lists, so they answer the same work: the library's queries
    differ a hundredfold in cost, and clients looping for a fixed time would send each server a
    different share of cheap and dear ones. The orders differ between clients and passes (so they
    do not all ask the same query at once) but not between servers or runs with the same seed."""
    rng = random.Random(seed)
    lists = []
    for _ in range(clients):
        requests: list[tuple[str, str]] = []
        for _ in range(passes):
            order = sorted(texts.items())
            rng.shuffle(order)
            requests += order
        lists.append(requests)
    return lists


async def run_mix(url: str, lists: list[list[tuple[str, str]]], tally: Tally, seconds: float = MAX_SECONDS) -> None:
    """Send each client's list to `url` in order, the clients at once; add what they get to `tally`.

    `tally.elapsed` grows by the time to finish the whole work, which is what servers are compared
    on (requests/s over the same set). Requests still unsent after `seconds` are counted as failed,
    so a server cut short never looks faster for having answered less."""
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=len(lists), max_keepalive_connections=len(lists))
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:

        async def client(requests: list[tuple[str, str]]) -> None:
            for done, (name, text) in enumerate(requests):
                if time.monotonic() >= deadline:
                    for _ in requests[done:]:
                        tally.failed(f"not sent: the {seconds:g} s limit was reached")
                    return
                began = time.monotonic()
                try:
                    response = await http.post(
                        url, data={"query": text}, headers={"Accept": "application/sparql-results+json"}
                    )
                except httpx.HTTPError as exc:
                    tally.failed(f"{name}: {type(exc).__name__}: {exc}")
                    continue
                if response.status_code == 200:
                    tally.latencies.append(time.monotonic() - began)
                else:
                    first = response.text.strip().splitlines()[0] if response.text.strip() else ""
                    tally.failed(f"{name}: {response.status_code} {first}")

        began = time.monotonic()
        await asyncio.gather(*(client(requests) for requests in lists))
        tally.elapsed += time.monotonic() - began


def cpu_seconds(pid: int) -> float:
    """CPU time used by a process and all its descendants, those ended and reaped included."""
    total = 0.0
    try:
        root = psutil.Process(pid)
        for process in [root, *root.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                used = process.cpu_times()
                total += used.user + used.system + used.children_user + used.children_system
    except psutil.Error:
        pass
    return total


def ratio(ours: list[float], baseline: list[float]) -> str:
    """The median over the turns of ours / baseline (the turns ran back to back, so machine load hit both alike)."""
    pairs = [a / b for a, b in zip(ours, baseline, strict=True) if b]
    return f"{statistics.median(pairs):.2f}" if pairs else "-"


def table(header: list[str], rows: list[list[str]]) -> None:
    """Print `rows` under `header`, the first column to the left and the figures to the right."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(DEFAULT_STORE), help="a built store folder (default: build/store)")
    parser.add_argument("--clients", type=int, default=8, help=f"concurrent clients (at most {MAX_CLIENTS})")
    parser.add_argument(
        "--seconds",
        type=float,
        default=60,
        help=f"time limit of each turn; what is unsent then fails (at most {MAX_SECONDS})",
    )
    parser.add_argument("--workers", type=int, default=2, help="casckg serve's query workers")
    parser.add_argument("--rounds", type=int, default=3, help="turns per server, taken in alternation (at most 20)")
    parser.add_argument("--passes", type=int, default=1, help="times each client sends the whole library per turn")
    parser.add_argument("--seed", type=int, default=0, help="seed of the clients' query orders")
    args = parser.parse_args()
    clients, seconds = min(max(args.clients, 1), MAX_CLIENTS), min(max(args.seconds, 1), MAX_SECONDS)
    rounds, passes = min(max(args.rounds, 1), 20), min(max(args.passes, 1), 20)
    texts = queries()
    work = mix(texts, clients, passes, args.seed)
    processes: list[subprocess.Popen] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            oxigraph, ox_port = start_oxigraph(args.store, folder)
            processes.append(oxigraph)
            ours_port, remote_port = free_port(), free_port()
            serve = [sys.executable, "-m", "casckg.graph.cli", "serve", "--workers", str(args.workers)]
            processes.append(
                start(
                    serve + ["--store", args.store, "--port", str(ours_port)],
                    f"http://127.0.0.1:{ours_port}/",
                    folder / "ours.log",
                )
            )
            processes.append(
                start(
                    serve + ["--store", f"http://127.0.0.1:{ox_port}/query", "--port", str(remote_port)],
                    f"http://127.0.0.1:{remote_port}/",
                    folder / "remote.log",
                )
            )
            targets = [
                ("casckg serve (embedded store)", f"http://127.0.0.1:{ours_port}/sparql", processes[1].pid),
                ("oxigraph server (baseline)", f"http://127.0.0.1:{ox_port}/query", processes[0].pid),
                ("casckg serve -> oxigraph server", f"http://127.0.0.1:{remote_port}/sparql", processes[2].pid),
            ]
            print(
                f"{len(texts)} library queries, {clients} clients each sending all of them {passes} time(s)"
                f" in a seeded order (seed {args.seed}), the same requests to every server; loopback"
            )
            print(
                TURN.format(
                    "turn", "server", "requests", "seconds", "req/s", "p50 ms", "p99 ms", "errors", "CPU ms/req"
                )
            )
            tallies = {name: Tally() for name, *_ in targets}
            rates: dict[str, list[float]] = {name: [] for name, *_ in targets}
            cpu = dict.fromkeys(rates, 0.0)
            for turn in range(1, rounds + 1):  # servers take turns, so a slow spell of the machine hits them alike
                for name, url, pid in targets:
                    tally, used = Tally(), cpu_seconds(pid)
                    asyncio.run(run_mix(url, work, tally, seconds))
                    used = cpu_seconds(pid) - used
                    cpu[name] += used
                    rates[name].append(len(tally.latencies) / tally.elapsed)
                    row = tally.row(name)
                    per = f"{1000 * used / len(tally.latencies):.0f}" if tally.latencies else "-"
                    print(
                        TURN.format(turn, name, row[1], f"{tally.elapsed:.1f}", row[2], row[4], row[6], row[7], per),
                        flush=True,
                    )
                    tallies[name].add(tally)
            rows = [tallies[name].row(name) for name, *_ in targets]
            failures = [line for name, *_ in targets for line in tallies[name].report(name)]
        finally:
            for process in processes:
                process.terminate()
                process.wait(10)
    print()
    print(f"all {rounds} turns together; CPU is each server's own processes (for the remote path, casckg's only)")
    header = ["server", "requests", "req/s", "mean ms", "p50 ms", "p90 ms", "p99 ms", "errors", "CPU ms/req"]
    for row, (name, *_) in zip(rows, targets, strict=True):
        answered = len(tallies[name].latencies)
        row.append(f"{1000 * cpu[name] / answered:.0f}" if answered else "-")
    table(header, rows)
    baseline = rates["oxigraph server (baseline)"]
    for name in (targets[0][0], targets[2][0]):
        print(f"{name} / oxigraph server, median over the turns of req/s: {ratio(rates[name], baseline)}")
    if failures:
        print("failed requests:", *failures, sep="\n  ")


if __name__ == "__main__":
    main()
