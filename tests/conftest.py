"""Shared fixtures: where the shared corpus is, and one store built per test run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASCKG_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
SOURCES = REPO / "sources"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of articles with gold annotations (read, never copied)."""
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing: expected it at {CORPUS} (or set CASCKG_SHARED)")
    return CORPUS


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own sources built once into a temporary store."""
    from casckg.graph.build.job import build

    target = tmp_path_factory.mktemp("build") / "store"
    build(SOURCES, target)
    return target


@pytest.fixture
def store(built_store: Path):
    """The built store, opened read-only for one test."""
    from casckg.graph.store import open_store

    with open_store(built_store) as opened:
        yield opened


NETWORK_DATA = REPO / "tests" / "data" / "network.trig"


@pytest.fixture(scope="session")
def network_store():
    """A small hand-made store (tests/data/network.trig) beside the ontology, in memory."""
    import pyoxigraph as ox

    from casckg.graph.build.job import ontology_quads
    from casckg.graph.store.embedded import EmbeddedStore

    store = EmbeddedStore()
    store.bulk_add(ontology_quads())
    store.bulk_add(ox.parse(path=str(NETWORK_DATA), format=ox.RdfFormat.TRIG))
    yield store
    store.close()


@pytest.fixture(scope="session")
def network_graph(network_store):
    """The projection of the hand-made store."""
    from casckg.graph.network.projection import project

    return project(network_store)


@pytest.fixture(scope="session")
def scorer_path() -> Path:
    """The shared extraction scorer (read from the shared folder, never copied)."""
    path = SHARED / "tools" / "score_extraction.py"
    if not path.is_file():
        pytest.fail(f"the shared scorer is missing: expected it at {path} (or set CASCKG_SHARED)")
    return path


@pytest.fixture(scope="session")
def gazetteer():
    """The gazetteer of the project's reference records."""
    from casckg.ingest.extraction import reference_gazetteer

    return reference_gazetteer(SOURCES)


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    """The project's reference sources with the two seed articles ingested, built once per run."""
    from casckg.graph.build.job import build

    target = tmp_path_factory.mktemp("seeds") / "store"
    report = build(SOURCES, target, articles=[corpus / "seeds"])
    assert len(report.articles.ingested) == 2 and not report.articles.skipped
    return target


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless, driven by Playwright (flags from the explorer benchmark)."""
    import shutil

    from playwright.sync_api import sync_playwright

    from bench.explorer import ARGS, CHROMIUM

    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"chromium is missing: expected {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    """The reference sources with the seed and dev articles ingested (the corpus build), built once per run."""
    from casckg.graph.build.job import build

    target = tmp_path_factory.mktemp("corpus") / "store"
    report = build(SOURCES, target, articles=[corpus / "seeds", corpus / "dev"])
    assert report.articles.ingested and not report.articles.skipped
    return target


# --- servers on the loopback ------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(command: list[str], url: str, log: Path, timeout: float = 30.0):
    """Start a server process, wait until `url` answers, and return the process."""
    import subprocess
    import time
    import urllib.error
    import urllib.request

    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{command[0]} exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return process
        except urllib.error.HTTPError:
            return process  # it answers, even if not 200
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"{command[0]} did not answer at {url} within {timeout} s")


def stop_server(process) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except Exception:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory):
    """Start Oxigraph's own SPARQL server (the `oxigraph` package) on a loopback port.

    Call it with union=True for `--union-default-graph`; yields the query URL. Every server
    started is stopped at the end of the session.
    """
    import shutil
    import sys

    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).exists():
        pytest.fail("the oxigraph server is missing: pip install oxigraph (it is in the test extras)")
    started = []

    def start(union: bool) -> str:
        folder = tmp_path_factory.mktemp("oxigraph")
        port = free_port()
        command = [binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"]
        if union:
            command.append("--union-default-graph")
        started.append(start_server(command, f"http://127.0.0.1:{port}/", folder / "server.log"))
        return f"http://127.0.0.1:{port}/query"

    yield start
    for process in started:
        stop_server(process)


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""

#: What the SPARQL user needs to update (the README's Virtuoso row says the same).
VIRTUOSO_GRANTS = """GRANT SPARQL_UPDATE TO "SPARQL";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);
"""


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory):
    """Start Virtuoso (Debian's virtuoso-opensource-7-bin, installed by .ci/run) on loopback ports.

    Yields its SPARQL URL, which also takes updates once the grants are given.
    """
    import shutil
    import subprocess

    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not binary or not isql:
        pytest.fail("Virtuoso is missing: apt-get install virtuoso-opensource-7-bin (bash .ci/run does)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    url = f"http://127.0.0.1:{http_port}/sparql"
    process = start_server([binary, "-f", "-c", str(ini)], url, folder / "server.log", timeout=120)
    grants = folder / "grants.sql"
    grants.write_text(VIRTUOSO_GRANTS, encoding="utf-8")
    subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", str(grants)], check=True, capture_output=True)
    yield url
    stop_server(process)


@pytest.fixture
def facts(tmp_path: Path, gazetteer):
    """Extract a hand-written article in one language: its statements as (subject key, predicate, object key
    or literal value), labels left out."""
    from casckg.ingest.extract import extract

    def read(language: str, text: str) -> set[tuple[str, str, str]]:
        path = tmp_path / f"{language}.md"
        front = (
            f"---\nid: t-{language}\ntitle: T\npublisher: P\nlanguage: {language}\npublished: 2024-01-01\n"
            f"url: https://example.org/{language}\n---\n"
        )
        path.write_text(front + text + "\n", encoding="utf-8")
        return {
            (s.subject.key, s.predicate, getattr(s.object, "key", None) or s.object.value)
            for s in extract(path, gazetteer).statements
            if s.predicate != "rdfs:label"
        }

    return read


def rdf11_counts(built_store: Path) -> dict[str, int]:
    """How many quads and distinct triples an RDF 1.1 export of the store holds, from the store
    itself: each statement node's one quad `n rdf:reifies <<( s p o )>>` is written as three
    (n rdf:subject s ; rdf:predicate p ; rdf:object o), each link `n rule <<( s p o )>>` of a
    proof record as four (the link to a blank node b, and b rdf:subject s ; ...)."""
    from casckg.graph.store.embedded import EmbeddedStore

    def count(query: str) -> int:
        return int(next(iter(store.query(query)))["n"].value)

    store = EmbeddedStore(built_store, read_only=True)
    try:
        distinct = "SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT {} WHERE {{ GRAPH ?g {{ {} }} }} }}"
        reifiers = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s rdf:reifies ?t } }")
        assert reifiers > 0  # the build's trace: what the RDF 1.1 form is checked on
        triples = count(distinct.format("?s ?p ?o", "?s ?p ?o"))
        reified = count(distinct.format("?s ?t", "?s rdf:reifies ?t"))
        link = "?s ?l ?t FILTER(isTRIPLE(?t) && ?l != rdf:reifies)"
        links = count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ {link} }} }}")
        linked = count(distinct.format("?s ?l ?t", link))
        return {"quads": len(store.ox) + 2 * reifiers + 3 * links, "triples": triples + 2 * reified + 3 * linked}
    finally:
        store.close()
