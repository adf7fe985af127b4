"""`casckg serve` under attack and under change: what an attacker or a busy analyst would try.

Each test starts its own server on a loopback port over a small store built from the test
records, so it may move, rebuild or ingest into that store while the server runs.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import free_port, start_server, stop_server

from casckg.graph.build.job import build
from casckg.graph.store import open_store
from casckg.graph.web.answer import StoreOptions
from casckg.graph.web.query_pool import FAST, SLOW, SPARE, QueryPool

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"
BASE = "https://w3id.org/casckg/"
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources" / "reference"
    folder.mkdir(parents=True)
    shutil.copy(DATA / "good-records.yaml", folder)
    return tmp_path / "sources"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    target = tmp_path / "build" / "store"
    build(sources(tmp_path), target, reason=False)
    return target


def serve(store: Path, tmp_path: Path, *extra: str) -> tuple[str, subprocess.Popen]:
    port = free_port()
    command = [sys.executable, "-m", "casckg.graph.cli", "serve", "--store", str(store), "--port", str(port)]
    command += ["--timeout", "1", *extra]
    url = f"http://127.0.0.1:{port}"
    return url, start_server(command, url + "/", tmp_path / f"server-{port}.log", timeout=60)


@pytest.fixture
def server(store: Path, tmp_path: Path) -> Iterator[str]:
    url, process = serve(store, tmp_path)
    yield url
    stop_server(process)


def count(url: str, query: str = COUNT) -> int:
    response = httpx.post(url + "/sparql", data={"query": query}, headers={"Accept": "application/json"}, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def eventually(check, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return check()
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


class _Listener(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self._answer()

    def do_POST(self) -> None:  # noqa: N802
        self._answer()

    def _answer(self) -> None:
        type(self).hits.append(self.path)
        body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"leaked"}}]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * {{SERVICE<{target}>{{?s ?p ?o}}}}",
        "SELECT * {{ sErViCe\tSILENT\n# why not\n<{target}> {{ ?s ?p ?o }} }}",
        "SELECT * {{ OPTIONAL {{ {{ SELECT * {{ SERVICE <{target}> {{ ?s ?p ?o }} }} }} }} }}",
    ],
    ids=["no-space", "spaced-cased-commented", "nested"],
)
def test_service_to_a_local_address_never_leaves_the_server(server: str, template: str) -> None:
    listener = http.server.HTTPServer(("127.0.0.1", 0), _Listener)
    _Listener.hits = []
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    try:
        target = f"http://127.0.0.1:{listener.server_address[1]}/x"
        response = httpx.post(server + "/sparql", data={"query": template.format(target=target)}, timeout=30)
        assert response.status_code == 403 and "SERVICE" in response.text
        assert "leaked" not in response.text
        time.sleep(0.5)
        assert _Listener.hits == []
    finally:
        listener.shutdown()


def test_deep_nesting_is_refused_and_the_workers_survive(server: str) -> None:
    query = "SELECT * WHERE " + "{" * 50_000 + "?s ?p ?o" + "}" * 50_000  # 100 KB
    headers = {"Content-Type": "application/sparql-query"}
    response = httpx.post(server + "/sparql", content=query.encode(), headers=headers, timeout=30)
    assert response.status_code == 400 and "nest" in response.text
    assert count(server) > 0


def test_a_query_moved_to_the_slow_workers_answers_whole(store: Path, tmp_path: Path) -> None:
    # Past a fast limit of a millisecond every query moves to the slow workers mid-run (and is
    # then remembered as long): each answer must still be the whole count, the same every time.
    url, process = serve(store, tmp_path, "--timeout", "30", "--fast-limit", "0.001")
    try:
        with open_store(store) as opened:
            quads = len(list(opened.quads()))
        assert [count(url) for _ in range(3)] == [quads] * 3
    finally:
        stop_server(process)


def test_pool_recovers_after_workers_fail_to_start(store: Path, server: str) -> None:
    before = count(server)
    away = store.with_name("away")
    store.rename(away)  # the store is gone: replacement workers cannot open it
    try:
        for _ in range(2):  # two runaway queries: the workers are killed, none can come back yet
            assert httpx.post(server + "/sparql", data={"query": FOREVER}, timeout=30).status_code in (502, 503)
        time.sleep(1)
    finally:
        away.rename(store)
    assert eventually(lambda: count(server)) == before


def test_after_an_ingest_every_answer_comes_from_the_new_store(store: Path, server: str, tmp_path: Path) -> None:
    from casckg.graph.cli import main as cli

    before = count(server)
    article = tmp_path / "new-article.md"
    article.write_text(
        "---\nid: new-article\npublisher: Example News\ntitle: Talks in Astana\n"
        "url: https://example.org/news/talks-in-astana\nlanguage: en\n"
        "published: '2024-05-01'\n---\n\nKazakhstan hosted talks with Kyrgyzstan in Astana on 1 May 2024.\n",
        encoding="utf-8",
    )
    assert cli.main(["ingest", str(article), "--store", str(store)]) == 0
    answers = [count(server)]

    def switched() -> None:
        answers.append(count(server))
        assert answers[-1] != before

    eventually(switched)  # the old store answers until workers on the new one are ready
    answers += [count(server) for _ in range(8)]
    changed = answers.index(answers[-1])
    assert set(answers[:changed]) <= {before} and set(answers[changed:]) == {answers[-1]} and answers[-1] > before
    page = httpx.get(server + "/source/article/new-article", headers={"Accept": "text/turtle"}, timeout=30)
    assert page.status_code == 200, page.text
    build(sources(tmp_path / "again"), store, reason=False)  # a new build: back to the records alone
    answers = []

    def rebuilt() -> None:
        answers.append(count(server))
        assert answers[-1] == before

    eventually(rebuilt)
    assert [count(server) for _ in range(8)] == [before] * 8
    assert answers[: answers.index(before)] == [answers[0]] * answers.index(before)  # no flip-flopping


def test_from_names_the_dataset(server: str) -> None:
    graph = BASE + "source/reference/good-records"
    in_graph = count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert count(server, f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}") == in_graph
    assert in_graph < count(server)
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert count(server, named) == in_graph


def test_answers_are_cut_at_the_byte_limit(store: Path, tmp_path: Path) -> None:
    url, process = serve(store, tmp_path, "--max-response", "20000")
    try:
        query = (
            "SELECT ?x WHERE { ?a ?b ?c . ?d ?e ?f "
            'BIND(CONCAT(STR(?a), STR(?c), STR(?d), STR(?f), "padding padding padding padding") AS ?x) }'
        )
        response = httpx.post(url + "/sparql", data={"query": query}, headers={"Accept": "text/csv"}, timeout=30)
        assert response.status_code == 200
        assert 0 < len(response.content) <= 20000
        assert "X-Result-Truncated" in response.headers
    finally:
        stop_server(process)


def test_a_client_sending_headers_slowly_is_disconnected(store: Path, tmp_path: Path) -> None:
    from bench.attack import slow_client_is_dropped

    url, process = serve(store, tmp_path, "--request-timeout", "1")
    try:
        started = time.monotonic()
        assert slow_client_is_dropped(int(url.rsplit(":", 1)[1]), seconds=8)
        assert time.monotonic() - started < 5
        assert count(url) > 0
    finally:
        stop_server(process)


def test_a_failing_store_is_not_named_to_the_client() -> None:
    from casckg.graph.web.answer import Limits, answer
    from casckg.ingest.errors import StoreError

    class Unreachable:
        def query(self, sparql: str):
            raise StoreError("cannot reach the SPARQL endpoint http://10.9.8.7:7878/query: refused")

    said = answer(Unreachable(), "ASK {}", None, Limits())
    assert said.status == 502 and b"10.9.8.7" not in said.body


def test_ingested_files_publish_no_local_path_and_odd_names_get_pages(store: Path, server: str, tmp_path: Path) -> None:
    from casckg.graph.cli import main as cli

    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "talks in astana.txt").write_text(
        "Kazakhstan hosted talks with Kyrgyzstan in Astana on 1 May 2024.\n", encoding="utf-8"
    )
    (folder / "summit.md").write_text(
        "---\nid: summit-2024\npublisher: Example News\ntitle: Summit\nurl: https://example.org/news/summit\n"
        "language: en\npublished: 2024-05-02\n---\n\nKazakhstan hosted a summit with Tajikistan in Astana.\n",
        encoding="utf-8",
    )
    assert cli.main(["ingest", str(folder), "--store", str(store)]) == 0

    def page_works() -> None:
        page = httpx.get(server + "/source/article/talks%20in%20astana", headers={"Accept": "text/turtle"}, timeout=30)
        assert page.status_code == 200, page.text

    eventually(page_works)  # the server has switched to the store with the new articles
    query = f"SELECT ?g ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(CONTAINS(STR(?o), '{tmp_path.parent}')) }}"
    response = httpx.post(server + "/sparql", data={"query": query}, headers={"Accept": "text/csv"}, timeout=30)
    assert response.status_code == 200 and response.text.strip().splitlines()[1:] == []
    sources = "SELECT ?g ?src WHERE { GRAPH ?g { ?g dcterms:source ?src } } ORDER BY ?g"
    rows = httpx.post(server + "/sparql", data={"query": sources}, headers={"Accept": "text/csv"}, timeout=30).text
    assert "talks in astana.txt" in rows and "https://example.org/news/summit" in rows
    void = httpx.get(server + "/void.ttl", timeout=30).text
    assert str(tmp_path.parent) not in void and "talks in astana.txt" in void


def test_a_simple_ask_is_answered_while_runaway_queries_run(store: Path, tmp_path: Path) -> None:
    url, process = serve(store, tmp_path, "--timeout", "3", "--workers", "2")
    stop = threading.Event()

    def runaway() -> None:
        with httpx.Client(timeout=30) as client:
            while not stop.is_set():
                client.post(url + "/sparql", data={"query": FOREVER})

    runaways = [threading.Thread(target=runaway, daemon=True) for _ in range(6)]
    try:
        for thread in runaways:
            thread.start()
        time.sleep(1.5)  # six runaway clients, three times as many as there are workers
        asks = [httpx.post(url + "/sparql", data={"query": "ASK { ?s ?p ?o }"}, timeout=30) for _ in range(5)]
        assert [r.status_code for r in asks] == [200] * 5, [r.text for r in asks]
        assert all(r.json()["boolean"] is True for r in asks)
    finally:
        stop.set()
        for thread in runaways:
            thread.join(30)
        stop_server(process)


def _workers_niceness(server_pid: int) -> list[int]:
    """The niceness of each query worker of a server: the processes its worker-starting process
    (its one child that has children) forked, as `ps -o ni` would show them."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    workers = [pid for child in parents.get(server_pid, []) for pid in parents.get(child, [])]
    return sorted(os.getpriority(os.PRIO_PROCESS, pid) - os.getpriority(os.PRIO_PROCESS, server_pid) for pid in workers)


def _in_background(url: str, query: str) -> threading.Thread:
    """A client posting `query` once, in a thread (its answer, or the server stopping, ignored)."""

    def post() -> None:
        with contextlib.suppress(httpx.HTTPError):
            httpx.post(url + "/sparql", data={"query": query}, timeout=90)

    return threading.Thread(target=post, daemon=True)


def _check_len(values: list[int], length: int) -> list[int]:
    assert len(values) == length, values
    return values


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_the_fast_lane_runs_at_the_servers_priority_and_long_queries_below_it(store: Path, tmp_path: Path) -> None:
    options = ["--workers", "2", "--slow-workers", "2", "--fast-limit", "0.5"]
    url, process = serve(store, tmp_path, *options, "--timeout", "60")
    runaway = _in_background(url, FOREVER)
    try:
        niceness = eventually(lambda: _check_len(_workers_niceness(process.pid), 5))  # one a spare
        assert niceness[:3] == [0, 0, 0] and min(niceness[3:]) > 0, niceness
        # a runaway moves to the slow lane, worker and all: that worker yields too, and the fast
        # lane gets a fresh spare at the server's own priority
        runaway.start()
        niceness = eventually(lambda: _check_len(_workers_niceness(process.pid), 6))
        assert niceness[:3] == [0, 0, 0] and min(niceness[3:]) > 0, niceness
    finally:
        stop_server(process)


def test_a_short_query_does_not_wait_for_a_query_of_unknown_cost(store: Path, tmp_path: Path) -> None:
    # One fast worker, taken by a query never seen before that would hold it for 20 s (the fast
    # limit); a simple ASK, known to be short, may wait 8 s: the unknown query moves on to the
    # slow lane and the ASK is answered by a fresh fast worker.
    options = ["--workers", "1", "--slow-workers", "1", "--timeout", "60", "--fast-limit", "20"]
    url, process = serve(store, tmp_path, *options, "--queue-timeout", "8")
    ask = "ASK { ?s ?p ?o }"
    try:
        assert httpx.post(url + "/sparql", data={"query": ask}, timeout=30).status_code == 200  # now known
        _in_background(url, FOREVER).start()
        time.sleep(1)
        response = httpx.post(url + "/sparql", data={"query": ask}, timeout=30)
        assert response.status_code == 200, response.text
        assert response.json()["boolean"] is True
    finally:
        stop_server(process)


def test_a_worker_moved_to_the_slow_lane_is_replaced_by_a_spare_already_started(store: Path) -> None:
    # One fast worker, taken by a query of unknown cost; a known short ASK waiting for a fast
    # worker makes that query move, worker and all, to the slow lane. The ASK must be answered by
    # the spare started with the pool (store open), not by a process started after the move; a
    # new spare then starts in the background.
    async def scenario() -> None:
        pool = QueryPool(StoreOptions(str(store)), workers=1, slow_workers=1, timeout=60)
        await pool.start()
        try:
            fast, spare = pool.pids(FAST), pool.pids(SPARE)
            assert len(fast) == len(spare) == 1
            unknown = pool.attempt(FOREVER, None, time.monotonic() + 30, 20, FAST, give_way_after=0.01)
            runaway = asyncio.ensure_future(unknown)
            while pool.idle(FAST):  # until the unknown query holds the one fast worker
                await asyncio.sleep(0.01)
            answer, _ = await pool.attempt("ASK { ?s ?p ?o }", None, time.monotonic() + 30, 20, FAST)
            assert answer.status == 200 and json.loads(answer.body)["boolean"] is True
            assert pool.pids(FAST) == spare and fast <= pool.pids(SLOW)
            while not pool.pids(SPARE):
                await asyncio.sleep(0.05)
            assert pool.pids(SPARE).isdisjoint(fast | spare)
            runaway.cancel()
        finally:
            await pool.close()

    with concurrent.futures.ThreadPoolExecutor(1) as thread:  # a loop of its own, whatever earlier tests left running
        thread.submit(lambda: asyncio.run(scenario())).result(timeout=120)
