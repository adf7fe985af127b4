"""`casckg serve` as its users meet it: real SPARQL clients, browsers' and crawlers' requests, and abuse.

The app runs over the store built from the project's sources: in this process through httpx's
ASGI transport for what is about HTTP and its answers, and as `casckg serve` in a subprocess on
a loopback port (slow tests) where a real port is the point: real SPARQL clients and raw paths.
Answers are checked against public facts the reference records cite (the five Central Asian
states and their ISO 3166 codes; Kazakhstan's names) and against the store's own counts.
"""

from __future__ import annotations

import asyncio
import csv
import http.client
import io
import json
import sys
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from conftest import free_port, start_server, stop_server
from pyld import jsonld
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from casckg import ontology

BASE = "https://w3id.org/casckg/"
KAZ = BASE + "id/state/KAZ"
CENTRAL_ASIA = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
STATES = "SELECT ?state ?code WHERE { ?state a cas:State ; cas:isoCode ?code }"
LABELS_OF_KAZ = f"CONSTRUCT {{ <{KAZ}> rdfs:label ?l }} WHERE {{ <{KAZ}> rdfs:label ?l }}"
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TIMEOUT = 1.0
MAX_ROWS = 500


@pytest.fixture(scope="module")
def explorer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("explorer") / "explorer.html"
    path.write_text("<!DOCTYPE html><title>explorer</title><p>network</p>")
    return path


@pytest.fixture(scope="module")
def server(built_store: Path, explorer: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("serve")
    port = free_port()
    command = [sys.executable, "-m", "casckg.graph.cli", "serve", "--store", str(built_store), "--port", str(port)]
    command += ["--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), "--explorer", str(explorer)]
    url = f"http://127.0.0.1:{port}"
    process = start_server(command, url + "/", folder / "server.log", timeout=60)
    yield url
    stop_server(process)


class InProcess:
    """The web app in this process, reached through httpx's ASGI transport (no port, no server process).

    Its lifespan (store, query workers) runs on an event loop of its own thread, so the tests
    stay plain functions: `web.get("/id/state/KAZ")`.
    """

    def __init__(self, app) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.app = app
        self.lifespan = app.router.lifespan_context(app)
        self._run(self.lifespan.__aenter__())
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")

    def _run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=120)

    def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        return self._run(self.client.request(method, path, **kwargs))

    def get(self, path: str, **kwargs) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def close(self) -> None:
        self._run(self.client.aclose())
        self._run(self.lifespan.__aexit__(None, None, None))
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def web(built_store: Path, explorer: Path):
    """The app as `casckg serve` runs it, with the same limits as the server above, in process."""
    from casckg.graph.web.app import ServerConfig, create_app

    config = ServerConfig(store=str(built_store), timeout=TIMEOUT, max_rows=MAX_ROWS, explorer=explorer)
    client = InProcess(create_app(config))
    yield client
    client.close()


@pytest.fixture(scope="module")
def counts(built_store: Path) -> dict[str, int]:
    """What the dumps hold: RDF 1.1, each statement node's triple term written as a reification."""
    from conftest import rdf11_counts

    return rdf11_counts(built_store)


def wrapper(server: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def assert_still_answers(client) -> None:
    response = client.post("/sparql", data={"query": "ASK { ?s a cas:State }"}, timeout=10)
    assert response.status_code == 200 and json.loads(response.text)["boolean"] is True


# --- real SPARQL clients ----------------------------------------------------------------------


@pytest.mark.slow  # a real port is the point
def test_sparqlwrapper_json(server: str) -> None:
    result = wrapper(server, STATES, JSON).query().convert()
    codes = {b["code"]["value"] for b in result["results"]["bindings"]}
    assert codes >= CENTRAL_ASIA


@pytest.mark.slow  # a real port is the point
def test_sparqlwrapper_xml(server: str) -> None:
    document = wrapper(server, STATES, XML).query().convert()
    codes = {node.firstChild.data for node in document.getElementsByTagName("literal")}
    assert codes >= CENTRAL_ASIA


@pytest.mark.slow  # a real port is the point
def test_sparqlwrapper_csv(server: str) -> None:
    text = wrapper(server, STATES, CSV).query().convert().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["code"] for row in rows} >= CENTRAL_ASIA


@pytest.mark.slow  # a real port is the point
def test_sparqlwrapper_construct(server: str) -> None:
    graph = wrapper(server, LABELS_OF_KAZ, TURTLE).query().convert()
    parsed = rdflib.Graph().parse(data=graph, format="turtle") if isinstance(graph, bytes) else graph
    labels = set(parsed.objects(rdflib.URIRef(KAZ), rdflib.RDFS.label))
    assert {rdflib.Literal("Kazakhstan", lang="en"), rdflib.Literal("Казахстан", lang="ru")} <= labels


@pytest.mark.slow  # a real port is the point
def test_rdflib_sparqlstore(server: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    rows = graph.query(
        "PREFIX cas: <https://w3id.org/casckg/ontology#> SELECT ?code WHERE { ?s a cas:State ; cas:isoCode ?code }"
    )
    assert {str(row.code) for row in rows} >= CENTRAL_ASIA
    assert rdflib.Literal("Kazakhstan", lang="en") in set(graph.objects(rdflib.URIRef(KAZ), rdflib.RDFS.label))


# --- plain HTTP with each Accept --------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "parse"),
    [
        ("application/sparql-results+json", lambda b: ox.parse_query_results(b, ox.QueryResultsFormat.JSON)),
        ("application/sparql-results+xml", lambda b: ox.parse_query_results(b, ox.QueryResultsFormat.XML)),
        ("text/tab-separated-values", lambda b: ox.parse_query_results(b, ox.QueryResultsFormat.TSV)),
        ("text/csv", lambda b: [{"code": ox.Literal(r["code"])} for r in csv.DictReader(io.StringIO(b.decode()))]),
    ],
)
def test_select_results_by_accept(web, accept: str, parse) -> None:
    response = web.get("/sparql", params={"query": STATES}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    assert response.headers["vary"] == "Accept"
    assert {row["code"].value for row in parse(response.content)} >= CENTRAL_ASIA


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_results_by_accept(web, accept: str, rdflib_format: str) -> None:
    response = web.post(
        "/sparql",
        content=LABELS_OF_KAZ,
        headers={"Accept": accept, "Content-Type": "application/sparql-query"},
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert rdflib.Literal("Kazakhstan", lang="en") in set(graph.objects(rdflib.URIRef(KAZ), rdflib.RDFS.label))


def test_row_cap_truncates_and_says_so(web) -> None:
    response = web.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert len(json.loads(response.text)["results"]["bindings"]) == MAX_ROWS
    assert str(MAX_ROWS) in response.headers["x-result-truncated"]


# --- linked data ------------------------------------------------------------------------------


def test_entity_page_for_browsers_lists_statements_with_sources(web) -> None:
    response = web.get("/id/state/KAZ", headers={"Accept": "text/html,application/xhtml+xml;q=0.9"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert response.headers["vary"] == "Accept"
    page = response.text
    assert "<h1>Kazakhstan</h1>" in page and "Казахстан" in page
    assert 'href="/source/reference/states"' in page  # each statement links to the source graph holding it
    assert 'href="/id/forum/cica-summit-2022"' in page  # Kazakhstan hosted the CICA summit in Astana, 2022


@pytest.mark.parametrize(
    ("accept", "suffix", "parse"),
    [
        ("text/turtle", ".ttl", "turtle"),
        ("application/n-triples", ".nt", "nt"),
        ("application/rdf+xml", ".rdf", "xml"),
        ("application/ld+json", ".jsonld", "json-ld"),
        ("application/trig", ".trig", "trig"),
        ("application/n-quads", ".nq", "nquads"),
    ],
)
def test_entity_for_machines_by_accept_and_suffix(web, accept: str, suffix: str, parse: str) -> None:
    by_accept = web.get("/id/state/KAZ", headers={"Accept": accept})
    by_suffix = web.get("/id/state/KAZ" + suffix)
    for response in (by_accept, by_suffix):
        assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
        dataset = rdflib.Dataset()
        dataset.parse(data=response.content, format=parse)
        objects = {o for _, _, o, _ in dataset.quads((rdflib.URIRef(KAZ), rdflib.RDFS.label, None, None))}
        assert rdflib.Literal("Kazakhstan", lang="en") in objects
    assert by_accept.content == by_suffix.content


def test_entity_jsonld_expands_with_pyld(web) -> None:
    document = web.get("/id/state/KAZ.jsonld").json()
    expanded = json.dumps(jsonld.expand(document), ensure_ascii=False)
    assert KAZ in expanded and "Казахстан" in expanded


def test_source_graph_has_a_page(web) -> None:
    response = web.get("/source/reference/states", headers={"Accept": "text/html"})
    assert response.status_code == 200 and "Reference" in response.text


def test_unknown_entity_is_404(web) -> None:
    response = web.get("/id/state/ATLANTIS")
    assert response.status_code == 404 and "nothing is known about" in response.text


# --- ontology, VoID, dumps, explorer ----------------------------------------------------------


def test_ontology_as_turtle_and_html(web) -> None:
    turtle = web.get("/ontology", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200
    served = rdflib.Graph().parse(data=turtle.text, format="turtle")
    assert rdflib.compare.isomorphic(served, ontology.load())
    html = web.get("/ontology", headers={"Accept": "text/html"}).text
    assert 'id="State"' in html and "государство" in html and 'id="participant"' in html


def test_context_is_published(web) -> None:
    response = web.get("/context.jsonld")
    assert response.status_code == 200 and response.json() == ontology.context()


def test_void_describes_the_dataset(web, counts: dict[str, int]) -> None:
    response = web.get("/void", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    dataset = rdflib.URIRef(BASE + "void#dataset")
    assert int(graph.value(dataset, void.triples)) == counts["triples"]
    assert graph.value(dataset, rdflib.DCTERMS.license) == rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert rdflib.URIRef(BASE + "source/reference/states") in set(graph.objects(dataset, void.subset))
    examples = list(graph.objects(dataset, void.exampleResource))
    assert examples
    for example in examples:
        assert web.get("/" + str(example)[len(BASE) :]).status_code == 200
    dumps = set(graph.objects(dataset, void.dataDump))
    assert rdflib.URIRef(BASE + "dump/casckg.trig") in dumps


@pytest.mark.parametrize(
    ("file", "parse", "unit"),
    [
        ("casckg.ttl", lambda b: ox.parse(b, ox.RdfFormat.TURTLE), "triples"),
        ("casckg.trig", lambda b: ox.parse(b, ox.RdfFormat.TRIG), "quads"),
        ("casckg.nq", lambda b: ox.parse(b, ox.RdfFormat.N_QUADS), "quads"),
        ("casckg.nt", lambda b: ox.parse(b, ox.RdfFormat.N_TRIPLES), "triples"),
        ("casckg.rdf", lambda b: ox.parse(b, ox.RdfFormat.RDF_XML), "triples"),
        ("casckg.jsonld", lambda b: ox.parse(b, ox.RdfFormat.JSON_LD), "quads"),
    ],
)
def test_dump_in_each_format(web, counts: dict[str, int], file: str, parse, unit: str) -> None:
    response = web.get("/dump/" + file, timeout=60)
    assert response.status_code == 200
    assert len(set(parse(response.content))) == counts[unit]


def test_dump_index_links_every_file(web) -> None:
    page = web.get("/dump").text
    for file in ("casckg.ttl", "casckg.trig", "casckg.nq", "casckg.nt", "casckg.rdf", "casckg.jsonld"):
        assert f'href="/dump/{file}"' in page


def test_explorer_is_served_when_it_exists(web, explorer: Path) -> None:
    response = web.get("/explorer")
    assert response.status_code == 200 and "<p>network</p>" in response.text
    saved = explorer.read_text()
    explorer.unlink()
    try:
        missing = web.get("/explorer", headers={"Accept": "text/html"})
        assert missing.status_code == 404 and "has not been built" in missing.text
    finally:
        explorer.write_text(saved)


# --- hostile requests -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_args", "status", "message"),
    [
        ({"method": "GET", "params": {"update": "INSERT DATA { <a:s> <a:p> 1 }"}}, 403, "read-only"),
        (
            {"method": "POST", "content": "DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
            403,
            "read-only",
        ),
        ({"method": "POST", "data": {"query": "DELETE WHERE { ?s ?p ?o }"}}, 403, "read-only"),
        (
            {
                "method": "POST",
                "data": {"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"},
            },
            403,
            "SERVICE http://example.org/sparql is not allowed",
        ),
        ({"method": "GET", "params": {"query": "SELECT ?s WHERE { ?s ?p }"}}, 400, "not valid SPARQL"),
        ({"method": "GET", "params": {}}, 400, "give a SPARQL query"),
        (
            {
                "method": "POST",
                "content": b"SELECT " + b" " * (10 * 1024 * 1024),
                "headers": {"Content-Type": "application/sparql-query"},
            },
            413,
            "over the limit",
        ),
    ],
    ids=["update-get", "update-post", "update-as-query", "service", "malformed", "no-query", "10MB-body"],
)
def test_hostile_sparql_is_refused_clearly(web, request_args: dict, status: int, message: str) -> None:
    args = dict(request_args)
    response = web.request(args.pop("method"), "/sparql", timeout=30, **args)
    assert response.status_code == status
    assert message in response.text and len(response.text.strip().splitlines()) == 1
    assert_still_answers(web)


def test_query_that_runs_forever_is_stopped_and_server_stays_healthy(web) -> None:
    started = time.monotonic()
    response = web.post("/sparql", data={"query": FOREVER}, timeout=30)
    assert response.status_code == 503
    assert "time limit" in response.text
    assert time.monotonic() - started < TIMEOUT + 5
    assert_still_answers(web)
    # both workers stopped one after the other: the pool refills itself
    for _ in range(2):
        assert web.post("/sparql", data={"query": FOREVER}, timeout=30).status_code == 503
    assert_still_answers(web)


@pytest.mark.slow  # a real port is the point
@pytest.mark.parametrize(
    ("path", "statuses"),
    [
        ("/id/../../etc/passwd", {400}),
        ("/id/state/%2e%2e/%2e%2e/ontology", {400}),
        ("/id/<script>alert(1)</script>", {400}),
        ("/id/%3Cscript%3Ealert(1)%3C%2Fscript%3E", {400, 404}),
        ("/id/state/KAZ%22onmouseover=alert(1)", {400, 404}),
    ],
)
def test_hostile_resource_paths_are_refused_cleanly(server: str, path: str, statuses: set[int]) -> None:
    host, port = server.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path, headers={"Accept": "text/html"})  # sent as is, not normalised
    response = connection.getresponse()
    body = response.read().decode("utf-8")
    connection.close()
    assert response.status in statuses
    assert "<script>" not in body and '"onmouseover' not in body
    with httpx.Client(base_url=server) as client:
        assert_still_answers(client)


def test_serve_without_a_store_says_so_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from casckg.graph.cli import main as cli

    assert cli.main(["serve", "--store", str(tmp_path / "missing"), "--port", str(free_port())]) == 2
    message = capsys.readouterr().err.strip()
    assert message.startswith("error: no store at") and "\n" not in message


def test_serve_on_a_busy_port_says_so_in_one_line(built_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    from casckg.graph.cli import main as cli

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        assert cli.main(["serve", "--store", str(built_store), "--port", port]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


@pytest.mark.parametrize("flag", ["--timeout", "--workers", "--max-rows", "--max-body", "--queue-timeout"])
def test_serve_refuses_limits_that_are_not_positive(
    built_store: Path, flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from casckg.graph.cli import main as cli

    assert cli.main(["serve", "--store", str(built_store), flag, "0"]) == 2
    assert f"{flag} must be more than 0" in capsys.readouterr().err
