"""The server's pages for people, in process: the query page, the query library, entity search.

The app runs in this process: httpx's ASGI transport on the app, inside the app's lifespan (the
store and the query workers), driven from the tests through an anyio portal. Answers are checked
against public facts the reference records cite (the CSTO's members; Uzbekistan suspended its
membership in December 2012) and against what the same endpoint answers a SPARQL client.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import html
import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import anyio.from_thread
import httpx
import pytest
import rdflib

from casckg import ontology
from casckg.graph.web.app import ServerConfig, create_app
from casckg.queries import library

pytestmark = pytest.mark.slow

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}  # a browser's
JSON = {"Accept": "application/sparql-results+json"}
ID = "https://w3id.org/casckg/id/"
STATES = "SELECT ?state ?code WHERE { ?state a cas:State ; cas:isoCode ?code }"


class Table(HTMLParser):
    """The results table of a page as a reader sees it: header cells, then rows of (text, href)."""

    def __init__(self, page: str):
        super().__init__()
        self.head: list[str] = []
        self.rows: list[list[tuple[str, str | None]]] = []
        self._in, self._cell, self._href, self._th = False, None, None, False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "results" in (attrs.get("class") or ""):
            self._in = True
        elif self._in and tag == "tr":
            self.rows.append([])
        elif self._in and tag in ("td", "th"):
            self._cell, self._href, self._th = "", None, tag == "th"
        elif self._in and tag == "a" and self._cell is not None:
            self._href = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "table":
            self._in = False
        elif self._in and tag in ("td", "th") and self._cell is not None:
            if self._th:
                self.head.append(self._cell.strip())
            else:
                self.rows[-1].append((self._cell.strip(), self._href))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    @property
    def body(self) -> list[list[tuple[str, str | None]]]:
        return [row for row in self.rows if row]


class Client:
    """Synchronous GETs on the app through httpx's ASGI transport (no port, no thread of its own)."""

    def __init__(self, portal: anyio.from_thread.BlockingPortal, app):
        self.portal = portal
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://casckg.test")

    def get(self, url: str, **options) -> httpx.Response:
        return self.portal.call(functools.partial(self.http.get, url, **options))


@contextlib.contextmanager
def serving(store: Path) -> Iterator[Client]:
    """The app on `store`, its lifespan running, and a client on it."""
    app = create_app(ServerConfig(store=str(store), workers=1, timeout=10, max_rows=500))
    with (
        anyio.from_thread.start_blocking_portal() as portal,
        portal.wrap_async_context_manager(app.router.lifespan_context(app)),
    ):
        yield Client(portal, app)


@pytest.fixture(scope="module")
def client(built_store: Path):
    with serving(built_store) as opened:
        yield opened


def test_a_browser_gets_the_query_page_and_a_client_keeps_the_protocol(client: Client) -> None:
    page = client.get("/sparql", params={"query": STATES}, headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["vary"] == "Accept"
    table = Table(page.text)
    assert table.head == ["state", "code"]
    by_code = {row[1][0]: row[0] for row in table.body}
    assert by_code["KAZ"] == ("Kazakhstan", "/id/state/KAZ")  # a labelled link to the entity's page
    for accept in (JSON, {"Accept": "*/*"}, {}):
        data = client.get("/sparql", params={"query": STATES}, headers=accept)
        assert data.headers["content-type"].startswith("application/sparql-results+json")
        assert len(data.json()["results"]["bindings"]) == len(table.body)


def test_the_query_page_offers_every_results_format_of_the_same_answer(client: Client) -> None:
    page = client.get("/sparql", params={"query": STATES}, headers=HTML).text
    links = dict(re.findall(r'<a href="(/sparql\?[^"]+)" download>(\w+)</a>', page))
    assert sorted(links.values()) == ["CSV", "JSON", "TSV", "XML"]
    media = {"CSV": "text/csv", "JSON": "application/sparql-results+json", "TSV": "text/tab-separated-values"}
    media["XML"] = "application/sparql-results+xml"
    for href, name in links.items():
        answer = client.get(href.replace("&amp;", "&"), headers=HTML)  # a browser following the link
        assert answer.headers["content-type"].startswith(media[name])
    rows = list(csv.DictReader(io.StringIO(client.get("/sparql", params={"query": STATES, "format": "csv"}).text)))
    assert any(r["code"] == "KAZ" for r in rows) and len(rows) == len(Table(page).body)


def test_a_construct_is_shown_as_triples_with_rdf_downloads(client: Client) -> None:
    query = f"CONSTRUCT {{ <{ID}state/KAZ> rdfs:label ?l }} WHERE {{ <{ID}state/KAZ> rdfs:label ?l }}"
    page = client.get("/sparql", params={"query": query}, headers=HTML).text
    table = Table(page)
    assert table.head == ["subject", "predicate", "object"]
    assert {row[2][0] for row in table.body} >= {"Kazakhstan", "Казахстан"}
    assert re.findall(r"download>([\w/-]+)</a>", page) == ["Turtle", "N-Triples", "JSON-LD", "RDF/XML"]


def test_a_syntax_error_is_one_line_with_line_and_column(client: Client) -> None:
    page = client.get("/sparql", params={"query": "SELECT ?s WHERE {\n  ?s a foo:State }"}, headers=HTML)
    assert page.status_code == 400
    error = re.search(r'<p class="error" role="alert">(.*?)</p>', page.text, re.DOTALL).group(1)
    assert "\n" not in error and "line 2, column" in error and "foo:" in error
    assert "u{" not in error  # no list of Unicode ranges
    plain = client.get("/sparql", params={"query": "SELECT ?s WHERE {\n  ?s a foo:State }"}, headers=JSON)
    assert plain.status_code == 400 and plain.text.count("\n") == 1 and "line 2, column" in plain.text


def test_an_update_typed_in_the_editor_is_refused_on_the_page(client: Client) -> None:
    page = client.get("/sparql", params={"query": "DELETE WHERE { ?s ?p ?o }"}, headers=HTML)
    assert page.status_code == 400 and "read-only" in page.text
    assert client.get("/sparql", params={"query": "ASK { ?s a cas:State }"}, headers=JSON).json()["boolean"]


def test_text_from_the_graph_or_the_query_stays_text(client: Client) -> None:
    hostile = "<script>alert(1)</script>"
    query = f'SELECT ?x WHERE {{ BIND("{hostile}" AS ?x) }}'
    page = client.get("/sparql", params={"query": query}, headers=HTML).text
    assert hostile not in page
    assert Table(page).body == [[(hostile, None)]]  # shown, as text


def test_every_library_example_of_the_query_page_runs(client: Client) -> None:
    page = client.get("/sparql", headers=HTML).text
    examples = re.findall(r'<li><a href="(/sparql\?query=[^"]+)"', page)
    assert len(examples) == len(library())
    for href in examples:
        answer = client.get(href.replace("&amp;", "&"), headers=JSON)
        assert answer.status_code == 200, href


def test_the_library_lists_every_query_with_its_page(client: Client) -> None:
    page = client.get("/queries", headers=HTML).text
    assert sorted(re.findall(r'<a href="/queries/([\w-]+)">', page)) == sorted(library())
    for name in library():
        assert client.get(f"/queries/{name}", headers=HTML).status_code == 200, name


def test_a_filled_form_is_a_shareable_url_with_results_and_twins(client: Client) -> None:
    params = {"org": "institution/csto", "date": "2013-01-01"}
    page = client.get("/queries/members-as-of", params=params, headers=HTML)
    assert page.status_code == 200
    table = Table(page.text)
    members = {row[0][1] for row in table.body}
    # the CSTO at the start of 2013: Uzbekistan had suspended its membership in December 2012
    assert {f"/id/state/{c}" for c in ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")} == members
    assert 'value="institution/csto"' in page.text and "Collective Security Treaty Organization" in page.text
    as_csv = client.get("/queries/members-as-of.csv", params=params)
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert {r["member"] for r in csv.DictReader(io.StringIO(as_csv.text))} == {ID + m[4:] for m in members}
    as_json = client.get("/queries/members-as-of", params=params, headers=JSON).json()
    assert len(as_json["results"]["bindings"]) == len(members)
    later = Table(client.get("/queries/members-as-of", params={**params, "date": "2024-01-01"}, headers=HTML).text)
    assert {row[0][1] for row in later.body} == members  # Uzbekistan did not come back


def test_a_bad_parameter_is_one_message_on_the_form(client: Client) -> None:
    page = client.get("/queries/members-as-of", params={"date": "2013-02-30"}, headers=HTML)
    assert page.status_code == 400 and "is not a date" in page.text and "<form" in page.text
    assert client.get("/queries/members-as-of.json", params={"date": "2013-02-30"}).status_code == 400
    assert client.get("/queries/no-such-question", headers=HTML).status_code == 404


def test_entity_search_finds_labels_in_every_language(client: Client) -> None:
    for text in ("Kazakh", "казах", "Kazakhstan"):
        found = client.get("/search", params={"q": text}).json()
        assert "state/KAZ" in [e["id"] for e in found], text
    assert client.get("/search", params={"q": "kazakhstan"}).json()[0]["id"] == "state/KAZ"  # the whole name first
    assert "institution/csto" in [e["id"] for e in client.get("/search", params={"q": "ОДКБ"}).json()]
    assert "state/KGZ" in [e["id"] for e in client.get("/search", params={"q": "kirghizistan"}).json()]
    in_russian = client.get("/search", params={"q": "казах", "lang": "ru"}).json()
    assert {e["label"] for e in in_russian if e["id"] == "state/KAZ"} == {"Казахстан"}
    assert client.get("/search", params={"q": "k"}).json() == []


def test_pages_ask_no_other_host(client: Client) -> None:
    page = client.get("/sparql", headers=HTML).text
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert all(s.startswith(("/", "#", "data:")) for s in sources), [s for s in sources if not s.startswith("/")]
    for asset in ("/static/yasqe/yasqe.min.js", "/static/yasqe/yasqe.min.css", "/static/sparql.js"):
        assert client.get(asset).status_code == 200


# --- entity and article pages, on the store with the two seed articles --------------------------


@pytest.fixture(scope="module")
def seeds_client(seeds_store: Path):
    with serving(seeds_store) as opened:
        yield opened


def ontology_label(curie: str, lang: str) -> str:
    """A property's label as the ontology file states it (the page must show this one)."""
    iri = rdflib.URIRef(ontology.expand(curie))
    return next(str(o) for o in ontology.load().objects(iri, rdflib.RDFS.label) if o.language == lang)


def test_an_entity_page_names_it_in_every_language_and_groups_by_the_ontology_labels(seeds_client: Client) -> None:
    page = seeds_client.get("/id/state/KAZ", params={"lang": "fr"}, headers=HTML).text
    names = re.search(r'<table class="names">(.*?)</table>', page, re.DOTALL).group(1)
    assert "Kazakhstan" in names and "Казахстан" in names and "Republic of Kazakhstan" in names  # an alias
    assert 'href="https://www.wikidata.org/wiki/Q232"' in page  # Kazakhstan's Wikidata item
    found = re.findall(r'<tr class="property"><th colspan="2" id="out-([\w:]+)">\s*(.*?) <small>', page)
    headings = [(curie, html.unescape(text)) for curie, text in found]
    assert headings and ("cas:memberOf", ontology_label("cas:memberOf", "fr")) in headings
    for curie, heading in headings:
        if curie.startswith("cas:"):
            assert heading == ontology_label(curie, "fr"), curie


def test_an_entity_page_leaves_the_bookkeeping_out_and_folds_what_was_inferred(seeds_client: Client) -> None:
    page = seeds_client.get("/id/state/KAZ", headers=HTML).text
    assert "/graph/inferred/statement/" not in page  # the reasoner's statement nodes
    assert "#assertion" not in page.lower() and ">rdf:subject<" not in page
    folded = re.search(r'<details class="inferred">(.*?)</details>', page, re.DOTALL)
    assert folded and "inferred by the reasoner" in folded.group(1)
    stated = page[: folded.start()]
    assert "inferred by the reasoner" not in stated.replace("Inferred by the reasoner", "")
    data = seeds_client.get("/id/state/KAZ.nt").text
    assert "/graph/inferred/statement/" in data  # still in the machine twin


def test_an_entity_page_quotes_the_evidence_of_the_articles(seeds_client: Client, corpus: Path) -> None:
    page = seeds_client.get("/id/state/KAZ", headers=HTML).text
    quoted = [html.unescape(q) for q in re.findall(r'<blockquote class="evidence">“(.*?)”</blockquote>', page)]
    articles = " ".join(p.read_text(encoding="utf-8") for p in (corpus / "seeds").glob("*.md"))
    assert quoted and all(q in articles for q in quoted)  # sentences of the articles, word for word


def test_an_article_page_lists_what_was_extracted_from_it(seeds_client: Client, corpus: Path) -> None:
    path = "/source/article/turkishnewsworld-kazcent-roundtable-en"
    page = seeds_client.get(path, headers=HTML).text
    text = (corpus / "seeds" / "turkishnewsworld-kazcent-roundtable-en.md").read_text(encoding="utf-8")
    assert "turkishnewsworld.com" in page  # its metadata: the page it was read from
    rows = re.findall(r'<td class="evidence">(.*?)</td>', page, re.DOTALL)
    assert len(rows) > 10
    marks = [m for row in rows for m in re.findall(r"<mark>(.*?)</mark>", row)]
    assert marks and all(html.unescape(m) in text for m in marks)
    assert all(html.unescape(re.sub(r"</?mark>", "", row)) in text for row in rows)


def test_void_is_a_page_for_people_and_turtle_for_machines(seeds_client: Client) -> None:
    page = seeds_client.get("/void", headers=HTML)
    assert page.headers["content-type"].startswith("text/html") and "<pre>" not in page.text
    assert "source/article/turkishnewsworld-kazcent-roundtable-en" in page.text
    turtle = seeds_client.get("/void", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle") and "void:Dataset" in turtle.text


def test_an_entity_page_says_each_thing_once_in_its_narrowest_words(seeds_client: Client) -> None:
    """No inferred row repeats a row of the page with a wider property (schema:attendee beside
    cas:participant), either way round; sub-properties and inverses are read from the ontology."""
    onto = ontology.load()

    def iri(curie: str) -> rdflib.URIRef:
        return rdflib.URIRef(curie if "://" in curie else ontology.expand(curie))

    def wider(curie: str) -> set[rdflib.URIRef]:
        return set(onto.transitive_objects(iri(curie), rdflib.RDFS.subPropertyOf))

    def inverse(curie: str) -> set[rdflib.URIRef]:
        term = iri(curie)
        return set(onto.objects(term, rdflib.OWL.inverseOf)) | set(onto.subjects(rdflib.OWL.inverseOf, term))

    for path in ("/id/state/KAZ", "/id/institution/csto", "/id/institution/kazcent"):
        page = seeds_client.get(path, headers=HTML).text
        assert '<details class="inferred">' in page, path  # else no row below would be checked
        folded = page.index('<details class="inferred">')
        rows, heading = [], None
        pattern = r'<tr class="property"><th colspan="2" id="(out|in)-([^"]+)">|<td class="value"><a href="([^"]+)"'
        for m in re.finditer(pattern, page):
            if m.group(1):
                heading = (m.group(1), m.group(2))
            else:
                rows.append((heading[0], heading[1], m.group(3), m.start() > folded))
        stated = [r for r in rows if not r[3]]
        assert len(stated) < len(rows), path  # some rows are inferred: the loop below has work
        assert any(wider(p) - {iri(p)} for _, p, _, _ in stated), path  # the rule has something to do
        for direction, prop, other, inferred in rows:
            if not inferred:
                continue
            for d, q, o, _ in rows:
                if o != other or (d, q) == (direction, prop):
                    continue
                same_way = d == direction and iri(prop) in wider(q)
                other_way = d != direction and any(iri(prop) in wider(str(inv)) for inv in inverse(q))
                assert not (same_way or other_way), (path, direction, prop, other, "repeats", d, q)
