"""The load benchmark sends every server the same work, so their rates can be compared.

A server is stood in for by a small HTTP listener that records each query it is sent.
"""

from __future__ import annotations

import asyncio
import http.server
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator

import pytest

from bench.load import Tally, mix, run_mix

TEXTS = {
    "any": "ASK { ?s ?p ?o }",
    "one": "SELECT * { ?s ?p ?o } LIMIT 1",
    "all": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
}


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answers 200 to every POST, after `delay` seconds, and keeps the query it was sent."""

    delay = 0.0

    def do_POST(self) -> None:  # noqa: N802 - the standard library's name
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        self.server.received.append(urllib.parse.parse_qs(body)["query"][0])  # type: ignore[attr-defined]
        time.sleep(self.delay)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.received = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_each_client_sends_the_whole_library_once_per_pass() -> None:
    lists = mix(TEXTS, clients=4, passes=3, seed=7)
    assert len(lists) == 4
    for requests in lists:
        for start in range(0, 9, 3):
            assert sorted(requests[start : start + 3]) == sorted(TEXTS.items())


def test_the_same_seed_gives_the_same_work_and_clients_differ_in_order() -> None:
    assert mix(TEXTS, clients=8, passes=2, seed=1) == mix(TEXTS, clients=8, passes=2, seed=1)
    assert len({tuple(requests) for requests in mix(TEXTS, clients=8, passes=2, seed=1)}) > 1


def test_two_servers_receive_exactly_the_same_requests(recorder: http.server.ThreadingHTTPServer) -> None:
    url = f"http://127.0.0.1:{recorder.server_address[1]}/sparql"
    work = mix(TEXTS, clients=3, passes=2, seed=0)
    first, second = Tally(), Tally()
    asyncio.run(run_mix(url, work, first))
    sent_first = list(recorder.received)  # type: ignore[attr-defined]
    recorder.received.clear()  # type: ignore[attr-defined]
    asyncio.run(run_mix(url, work, second))
    assert Counter(sent_first) == Counter(recorder.received) == Counter(list(TEXTS.values()) * 6)  # type: ignore[attr-defined]
    assert len(first.latencies) == len(second.latencies) == 18
    assert first.errors == second.errors == 0
    assert first.elapsed > 0


def test_work_unsent_at_the_time_limit_counts_as_failed(recorder: http.server.ThreadingHTTPServer) -> None:
    Recorder.delay = 0.3
    try:
        url = f"http://127.0.0.1:{recorder.server_address[1]}/sparql"
        tally = Tally()
        asyncio.run(run_mix(url, mix(TEXTS, clients=2, passes=2, seed=0), tally, seconds=0.5))
    finally:
        Recorder.delay = 0.0
    assert len(tally.latencies) + tally.errors == 12
    assert tally.errors > 0
    assert any("limit was reached" in why for why in tally.failures)
