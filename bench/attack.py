"""Attacks and load against `casckg serve`, beside Oxigraph's own server on the same data.

First the attacks, one at a time, each with what a safe server answers (loopback only):

    ssrf          SERVICE<http://127.0.0.1:PORT/> (no space) to a listener the script runs: 403, no hit
    update        INSERT DATA through the query parameter: 403
    nesting       100 KB of nested braces: 400, and the workers still answer
    runaway       a four-way cross product: 503 at the time limit, and the workers come back
    big answer    a query whose answer is far over --max-response: cut to it, and said so
    slow headers  a client sending one header line every 0.3 s: disconnected at --request-timeout
    void storm    30 /void requests at once while a simple ASK is timed

Then the load: N clients each sending the library's queries, all of them (`--passes` times) in an
order fixed by `--seed`, to casckg serve and to Oxigraph's server (`serve-read-only
--union-default-graph`, with the same time limit); both servers get exactly the same requests, so
what is compared is the time to finish the same work (requests/s over the same set: the queries
differ a hundredfold in cost). The servers take `--rounds` turns in alternation (casckg, Oxigraph,
casckg, Oxigraph), so a slow spell of a shared machine hits both alike, first alone and then with R
runaway clients mixed in (each sending the cross product again and again until the work is done);
meanwhile a simple ASK is timed four times a second. Every turn is a row: its seconds, requests/s,
p50, p99, errors, the ASK's p50, p99 and worst latency, the server's memory (resident, the server and
its workers) and the CPU time it spent per answered request (all its processes: on a shared machine
the rates also say how much CPU each server was given; this says what it did with it); then the
median over the turns of casckg's rate over Oxigraph's. `--seconds` bounds a turn: what is unsent
by then counts as failed.

    python -m bench.attack --clients 8 --runaways 4
    python -m bench.attack --clients 1 --runaways 20 --no-attacks   # the load only

Bounded: at most 64 clients, 32 runaways, 10 rounds and 60 s per turn; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.server
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from bench.load import Tally, cpu_seconds, free_port, mix, queries, ratio, run_mix, start, start_oxigraph, table
from casckg.graph.store import DEFAULT_STORE

MAX_CLIENTS, MAX_RUNAWAYS, MAX_SECONDS = 64, 32, 60
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
BIG = "SELECT ?a ?b ?c ?d WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 100000"
ASK = "ASK { ?s ?p ?o }"
TIMEOUT = 2.0
MAX_RESPONSE = 1_000_000
REQUEST_TIMEOUT = 2.0
PROBE_EVERY = 0.25


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (from /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


# --- the attacks ------------------------------------------------------------------------------


class _Listener(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


def _post(url: str, query: str, **kwargs: object) -> tuple[httpx.Response, float]:
    began = time.monotonic()
    response = httpx.post(url, data={"query": query}, timeout=30, **kwargs)
    return response, (time.monotonic() - began) * 1000


def attacks(sparql: str, base: str) -> list[list[str]]:
    """Run each attack on a casckg server; one row each: attack, status, ms, verdict."""
    rows: list[list[str]] = []

    def row(name: str, status: object, ms: float, ok: bool, note: str = "") -> None:
        rows.append([name, str(status), f"{ms:.0f}", ("held" if ok else "FAILED") + (f" ({note})" if note else "")])

    listener = http.server.HTTPServer(("127.0.0.1", 0), _Listener)
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    target = f"http://127.0.0.1:{listener.server_address[1]}/x"
    response, ms = _post(sparql, f"SELECT * {{SERVICE<{target}>{{?s ?p ?o}}}}")
    time.sleep(0.3)
    row("ssrf", response.status_code, ms, response.status_code == 403 and _Listener.hits == 0, f"{_Listener.hits} hits")
    listener.shutdown()

    response, ms = _post(sparql, "INSERT DATA { <http://e/s> <http://e/p> 1 }")
    row("update", response.status_code, ms, response.status_code == 403)

    began = time.monotonic()
    nested = "SELECT * WHERE " + "{" * 50_000 + "?s ?p ?o" + "}" * 50_000
    response = httpx.post(
        sparql, content=nested.encode(), headers={"Content-Type": "application/sparql-query"}, timeout=30
    )
    alive, _ = _post(sparql, ASK)
    ms = (time.monotonic() - began) * 1000
    row("nesting", response.status_code, ms, response.status_code == 400 and alive.status_code == 200)

    response, ms = _post(sparql, RUNAWAY)
    back = wait_answers(sparql)
    row("runaway", response.status_code, ms, response.status_code == 503 and back, "workers back" if back else "")

    response, ms = _post(sparql, BIG, headers={"Accept": "text/csv"})
    cut = len(response.content) <= MAX_RESPONSE and "X-Result-Truncated" in response.headers
    row("big answer", response.status_code, ms, response.status_code == 200 and cut, f"{len(response.content)} bytes")

    port = int(base.rsplit(":", 1)[1])
    began = time.monotonic()
    closed = slow_client_is_dropped(port, REQUEST_TIMEOUT + 5)
    row("slow headers", "closed" if closed else "open", (time.monotonic() - began) * 1000, closed)

    async def storm() -> tuple[list[int], float]:
        async with httpx.AsyncClient(timeout=60) as client:
            pages = [client.get(base + "/void.ttl") for _ in range(30)]
            await asyncio.sleep(0)
            began = time.monotonic()
            ask = asyncio.ensure_future(client.post(sparql, data={"query": ASK}))
            answered = await ask
            ask_ms = (time.monotonic() - began) * 1000
            statuses = [r.status_code for r in await asyncio.gather(*pages)] + [answered.status_code]
            return statuses, ask_ms

    statuses, ask_ms = asyncio.run(storm())
    row("void storm", f"{statuses.count(200)}/31 ok", ask_ms, set(statuses) == {200}, "ms = the ASK meanwhile")
    return rows


def slow_client_is_dropped(port: int, seconds: float) -> bool:
    """Whether the server on `port` drops a client that sends a header line every 0.3 s, within `seconds`."""
    began = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n")
        while time.monotonic() - began < seconds:
            try:
                sock.sendall(b"X-Slow: 1\r\n")
                if sock.recv(1024, socket.MSG_DONTWAIT) == b"":
                    return True
            except BlockingIOError:
                pass
            except OSError:
                return True
            time.sleep(0.3)
    return False


def wait_answers(sparql: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _post(sparql, ASK)[0].status_code == 200:
            return True
        time.sleep(0.2)
    return False


# --- the load ---------------------------------------------------------------------------------


async def runaway_clients(url: str, count: int, done: asyncio.Event) -> None:
    async with httpx.AsyncClient(timeout=30) as client:

        async def one() -> None:
            while not done.is_set():
                try:
                    await client.post(url, data={"query": RUNAWAY})
                except httpx.HTTPError:
                    await asyncio.sleep(0.1)

        await asyncio.gather(*(one() for _ in range(count)))


async def probe(url: str, done: asyncio.Event) -> list[float]:
    """A simple ASK every PROBE_EVERY seconds until `done`: its latencies in ms (a failure counts as 30 s)."""
    out: list[float] = []
    async with httpx.AsyncClient(timeout=30) as client:
        while not done.is_set():
            began = time.monotonic()
            try:
                ok = (await client.post(url, data={"query": ASK})).status_code == 200
            except httpx.HTTPError:
                ok = False
            out.append((time.monotonic() - began) * 1000 if ok else 30_000.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), PROBE_EVERY)
    return out


def load(
    url: str, work: list[list[tuple[str, str]]], runaways: int, seconds: float, pid: int, tally: Tally
) -> list[str]:
    """One turn against `url`: the clients' fixed `work`, with `runaways` mixed in; its row of the table.

    The turn lasts until the work is done (at most `seconds`); the rate is over that same work on
    every server. What failed is added to `tally`. Beside the rates it gives the server's CPU time
    per answered request: on a machine shared with other work the rates say how much CPU each
    server was given as much as what it does with it."""
    peak = [rss_mb(pid)]
    cpu_before = cpu_seconds(pid)

    async def run() -> list[float]:
        done = asyncio.Event()

        async def work_then_stop() -> None:
            try:
                await run_mix(url, work, tally, seconds)
            finally:
                done.set()

        async def watch() -> None:
            while not done.is_set():
                peak.append(rss_mb(pid))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(done.wait(), 0.5)

        jobs = [work_then_stop(), watch()]
        if runaways:
            jobs.append(runaway_clients(url, runaways, done))
        asks, *_ = await asyncio.gather(probe(url, done), *jobs)
        return asks

    asks = sorted(asyncio.run(run()))
    cpu = cpu_seconds(pid) - cpu_before
    lat = sorted(ms * 1000 for ms in tally.latencies)

    def pct(values: list[float], p: float) -> str:
        return f"{values[min(len(values) - 1, int(p * len(values)))]:.0f}" if values else "-"

    rate = len(lat) / tally.elapsed if tally.elapsed else 0.0
    return [
        f"{tally.elapsed:.1f}",
        f"{rate:.1f}",
        pct(lat, 0.5),
        pct(lat, 0.99),
        str(tally.errors),
        *(pct(asks, p) for p in (0.5, 0.99, 1.0)),
        f"{max(peak):.0f}",
        f"{1000 * cpu / len(lat):.0f}" if lat else "-",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(DEFAULT_STORE), help="a built store folder (default: build/store)")
    parser.add_argument("--clients", type=int, default=8, help=f"library-query clients (at most {MAX_CLIENTS})")
    parser.add_argument("--runaways", type=int, default=4, help=f"runaway clients mixed in (at most {MAX_RUNAWAYS})")
    parser.add_argument(
        "--seconds",
        type=float,
        default=30,
        help=f"time limit of each turn; what is unsent then fails (at most {MAX_SECONDS})",
    )
    parser.add_argument(
        "--rounds", type=int, default=2, help="turns per server and phase, taken in alternation (at most 10)"
    )
    parser.add_argument("--passes", type=int, default=1, help="times each client sends the whole library per turn")
    parser.add_argument("--seed", type=int, default=0, help="seed of the clients' query orders")
    parser.add_argument("--workers", type=int, default=2, help="casckg serve's query workers")
    parser.add_argument("--slow-workers", type=int, default=2, help="casckg serve's long queries at once")
    parser.add_argument("--no-attacks", action="store_true", help="run the load only")
    args = parser.parse_args()
    clients = min(max(args.clients, 1), MAX_CLIENTS)
    runaways = min(max(args.runaways, 0), MAX_RUNAWAYS)
    seconds = min(max(args.seconds, 1), MAX_SECONDS)
    rounds, passes = min(max(args.rounds, 1), 10), min(max(args.passes, 1), 20)
    texts = queries()
    work = mix(texts, clients, passes, args.seed)
    processes: list[subprocess.Popen] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            oxigraph, ox_port = start_oxigraph(args.store, folder, "--timeout-s", f"{TIMEOUT:g}")
            processes.append(oxigraph)
            ours_port = free_port()
            serve = [sys.executable, "-m", "casckg.graph.cli", "serve", "--store", args.store]
            serve += ["--port", str(ours_port), "--workers", str(args.workers), "--timeout", f"{TIMEOUT:g}"]
            serve += ["--slow-workers", str(args.slow_workers)]
            serve += ["--max-response", str(MAX_RESPONSE), "--request-timeout", f"{REQUEST_TIMEOUT:g}"]
            processes.append(start(serve, f"http://127.0.0.1:{ours_port}/", folder / "ours.log"))
            base = f"http://127.0.0.1:{ours_port}"
            print(
                f"attacks on casckg serve (time limit {TIMEOUT:g} s, {args.workers} workers"
                f", {args.slow_workers} long queries at once), loopback"
            )
            if not args.no_attacks:
                table(["attack", "status", "ms", "verdict"], attacks(base + "/sparql", base))
                print()
            targets = [
                ("casckg serve", base + "/sparql", processes[1].pid),
                ("oxigraph server (baseline)", f"http://127.0.0.1:{ox_port}/query", processes[0].pid),
            ]
            rows, failures, ratios = [], [], []
            for mixed in (0, runaways) if runaways else (0,):
                rates: dict[str, list[float]] = {name: [] for name, *_ in targets}
                for turn in range(1, rounds + 1):  # alternately, so a slow spell of the machine hits both alike
                    for name, url, pid in targets:
                        wait_answers(url)
                        label = f"{name}, {mixed} runaways" if mixed else name
                        tally = Tally()
                        rows.append([label, str(turn), *load(url, work, mixed, seconds, pid, tally)])
                        rates[name].append(len(tally.latencies) / tally.elapsed if tally.elapsed else 0.0)
                        failures += tally.report(f"turn {turn}, {label}")
                        print(f"turn {turn}: {label}: {rows[-1][3]} req/s", flush=True)
                ours, baseline = (rates[name] for name, *_ in targets)
                ratios.append(f"{mixed} runaways: {ratio(ours, baseline)}")
        finally:
            for process in processes:
                process.terminate()
                process.wait(10)
    print()
    print(
        f"{len(texts)} library queries; {clients} clients, each sending all of them {passes} time(s) per turn"
        f" in a seeded order (seed {args.seed}), the same requests to both servers; time limit {TIMEOUT:g} s, loopback"
    )
    header = ["server", "turn", "seconds", "req/s", "p50 ms", "p99 ms", "errors"]
    header += ["ASK p50", "ASK p99", "ASK max", "peak MB", "CPU ms/req"]
    table(header, rows)
    print("casckg serve / oxigraph server, median over the turns of req/s:", "; ".join(ratios))
    if failures:
        print("failed requests (query, status and first line of the answer):", *failures, sep="\n  ")


if __name__ == "__main__":
    main()
