"""Load test of the SPARQL endpoint: N concurrent clients on the loopback for a fixed time.

Every client loops over the library's queries (each with its default parameters, as the same
SPARQL text for every server) and POSTs them to /sparql until the time is up. Three servers
answer in the same run, over the same data:

- `casckg serve` on the embedded store (what users run),
- Oxigraph's own server on a copy of the same quads (the baseline: the engine without our layer),
- `casckg serve` in front of that Oxigraph server (`--store URL`: the remote-store path).

The servers take turns (`--rounds`), so a slow spell of a shared machine hits them alike. It
prints requests per second, latency percentiles and error counts side by side. Bounded in count
and time, loopback only.

    python bench/load.py --clients 8 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
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

from casckg.graph.publish.export import export
from casckg.graph.query import bindings
from casckg.graph.store import DEFAULT_STORE, open_store
from casckg.queries import library, with_prefixes, with_values

MAX_CLIENTS = 64
MAX_SECONDS = 120


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


def queries() -> list[str]:
    """Every library query with its defaults bound, as self-contained SPARQL text."""
    out = []
    for query in library().values():
        terms = {name: str(term) for name, term in bindings(query, {}).items()}
        out.append(with_prefixes(with_values(query.text, terms)))
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


async def hammer(url: str, texts: list[str], clients: int, seconds: float, tally: Tally) -> None:
    """Add to `tally` what `clients` concurrent clients get from `url` in `seconds`."""
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:

        async def client(offset: int) -> None:
            i = offset
            while time.monotonic() < deadline:
                text = texts[i % len(texts)]
                i += 1
                began = time.monotonic()
                try:
                    response = await http.post(
                        url, data={"query": text}, headers={"Accept": "application/sparql-results+json"}
                    )
                except httpx.HTTPError as exc:
                    tally.failed(f"{type(exc).__name__}: {exc}")
                    continue
                if response.status_code == 200:
                    tally.latencies.append(time.monotonic() - began)
                else:
                    first = response.text.strip().splitlines()[0] if response.text.strip() else ""
                    tally.failed(f"{response.status_code} {first}")

        began = time.monotonic()
        await asyncio.gather(*(client(n) for n in range(clients)))
        tally.elapsed += time.monotonic() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(DEFAULT_STORE), help="a built store folder (default: build/store)")
    parser.add_argument("--clients", type=int, default=8, help=f"concurrent clients (at most {MAX_CLIENTS})")
    parser.add_argument("--seconds", type=float, default=10, help=f"seconds per server (at most {MAX_SECONDS})")
    parser.add_argument("--workers", type=int, default=2, help="casckg serve's query workers")
    parser.add_argument("--rounds", type=int, default=5, help="turns per server (the seconds are split among them)")
    args = parser.parse_args()
    clients, seconds = min(max(args.clients, 1), MAX_CLIENTS), min(max(args.seconds, 1), MAX_SECONDS)
    rounds = min(max(args.rounds, 1), 20)
    texts = queries()
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
                ("casckg serve (embedded store)", f"http://127.0.0.1:{ours_port}/sparql"),
                ("oxigraph server (baseline)", f"http://127.0.0.1:{ox_port}/query"),
                ("casckg serve -> oxigraph server", f"http://127.0.0.1:{remote_port}/sparql"),
            ]
            tallies = {name: Tally() for name, _ in targets}
            for _ in range(rounds):  # servers take turns, so a slow spell of the machine hits them alike
                for name, url in targets:
                    asyncio.run(hammer(url, texts, clients, seconds / rounds, tallies[name]))
            rows = [tallies[name].row(name) for name, _ in targets]
            failures = [line for name, _ in targets for line in tallies[name].report(name)]
        finally:
            for process in processes:
                process.terminate()
                process.wait(10)
    header = ["server", "requests", "req/s", "mean ms", "p50 ms", "p90 ms", "p99 ms", "errors"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print(f"{len(texts)} library queries, {clients} clients, {seconds:g} s per server in {rounds} turns, loopback")
    for row in [header, ["-" * w for w in widths], *rows]:
        print(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    if failures:
        print("failed requests:", *failures, sep="\n  ")


if __name__ == "__main__":
    main()
