"""casckg ingest: each article its own named graph with metadata and provenance, evidence that
leads back to the sentence, re-ingesting replaces, bad input is skipped with one line, a failed
write leaves nothing of that article, and a page served on loopback is ingested like a file."""

from __future__ import annotations

import http.server
import shutil
import threading
import time
from pathlib import Path

import pytest
import yaml
from conftest import SOURCES

import casckg.graph.build.articles as articles_module
from casckg.graph.build.articles import ArticleWriter, ingest_articles
from casckg.graph.build.descriptions import context_facts
from casckg.graph.build.forum_evidence import StoreForums, places_within
from casckg.graph.build.job import build
from casckg.graph.build.names import Pool, StoreNames, load_name_rule
from casckg.graph.cli import main as cli
from casckg.graph.store import StoreError, open_store
from casckg.ingest.errors import SourceError

SEEDS = ("lapresseturquoise-kazcent-forum-fr", "turkishnewsworld-kazcent-roundtable-en")
BASE = "https://w3id.org/casckg/"


def graph_of(key: str) -> str:
    return f"{BASE}source/article/{key}"


def quads_in(store, graph: str) -> int:
    return int(
        next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")))["n"].value
    )


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


@pytest.fixture
def fresh(built_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(built_store.resolve(), copy)
    return copy


@pytest.fixture(scope="module")
def ingested(built_store: Path, tmp_path_factory: pytest.TempPathFactory, corpus: Path):
    """Both seeds ingested with `casckg ingest` into a copy of the reference store."""
    copy = tmp_path_factory.mktemp("ingested") / "store"
    shutil.copytree(built_store.resolve(), copy)
    assert cli.main(["ingest", str(corpus / "seeds"), "--store", str(copy)]) == 0
    with open_store(copy) as store:
        yield store


@pytest.mark.parametrize("key", SEEDS)
def test_each_article_is_a_named_graph_with_its_metadata(ingested, corpus: Path, key: str) -> None:
    meta = front_matter(corpus / "seeds" / f"{key}.md")
    graph = graph_of(key)
    row = next(
        iter(
            ingested.query(
                f"SELECT * WHERE {{ GRAPH <{graph}> {{ <{graph}> a cas:Article ; dcterms:title ?title ;"
                " prov:hadPrimarySource ?url ; dcterms:publisher ?publisher ; dcterms:language ?lang } }"
            )
        )
    )
    assert row["title"].value == meta["title"] and row["url"].value == meta["url"]
    assert row["publisher"].value == meta["publisher"] and row["lang"].value == meta["language"]


def test_ingest_run_provenance_names_the_software_and_the_time(ingested) -> None:
    rows = list(
        ingested.query(
            "SELECT ?g ?time ?agent WHERE { GRAPH ?g { ?g a cas:Article ; prov:wasGeneratedBy ?run ."
            " ?run a prov:Activity ; prov:endedAtTime ?time ; prov:wasAssociatedWith ?agent ."
            " ?agent a prov:SoftwareAgent } }"
        )
    )
    assert {r["g"].value for r in rows} == {graph_of(k) for k in SEEDS}
    assert all(r["time"].datatype.value.endswith("#dateTime") for r in rows)


@pytest.mark.parametrize("key", SEEDS)
def test_every_extracted_statement_leads_back_to_its_sentence(ingested, corpus: Path, key: str) -> None:
    text = (corpus / "seeds" / f"{key}.md").read_text(encoding="utf-8")
    rows = list(
        ingested.query(
            f"SELECT ?ev ?start ?end WHERE {{ GRAPH <{graph_of(key)}> {{ ?a a cas:Assertion ; cas:evidence ?ev ;"
            " cas:startOffset ?start ; cas:endOffset ?end ; prov:wasDerivedFrom ?src ; cas:confidence ?c } }"
        )
    )
    assert len(rows) >= 10
    for r in rows:
        assert text[int(r["start"].value) : int(r["end"].value)] == r["ev"].value


def test_reingesting_replaces_the_graph_nothing_doubles(fresh: Path, corpus: Path) -> None:
    article = corpus / "seeds" / f"{SEEDS[1]}.md"
    with open_store(fresh, read_only=False) as store:
        first = ingest_articles(store, [article]).quads
        assert quads_in(store, graph_of(SEEDS[1])) == first
        total = len(store.ox)
        # the second run's gazetteer knows the names the first run added, so its graph may differ:
        # what must hold is that the graph is exactly the second run's, with nothing left of the first
        second = ingest_articles(store, [article]).quads
        assert quads_in(store, graph_of(SEEDS[1])) == second
        assert len(store.ox) == total - first + second


def test_the_names_a_writer_keeps_are_the_stores(fresh: Path, corpus: Path) -> None:
    # identity resolution reads the store's names from the writer's copy: after writing and
    # replacing graphs, that copy must hold exactly what the store holds
    with open_store(fresh, read_only=False) as store:
        writer = ArticleWriter(store)
        ingest_articles(store, [corpus / "seeds", corpus / "seeds" / f"{SEEDS[1]}.md"], writer=writer)
        kept = {g: names for g, names in writer.names.by_graph.items() if names}
        assert kept == dict(StoreNames(store).by_graph)
        assert any(g.value == graph_of(SEEDS[0]) for g in kept)
        # and so must the names' index and what identifies each forum, whichever graph is left out
        rule = load_name_rule()
        for left_out in (graph_of(SEEDS[1]), "https://example.org/no-graph"):
            assert _pool_as_sets(writer.names.pool(rule, left_out)) == _pool_as_sets(
                StoreNames(store).pool(rule, left_out)
            )
            kept_forums = writer.forums.profiles(left_out)
            assert kept_forums == StoreForums(store).profiles(left_out)
            assert any(p.participants for p in kept_forums.values())
        assert writer.forums.within(store) == places_within(store)
        kept_contexts = {g: facts for g, facts in writer.names.contexts.by_graph.items() if facts}
        assert kept_contexts == dict(context_facts(store).by_graph) and kept_contexts


def test_where_places_lie_as_a_writer_keeps_it_follows_each_write() -> None:
    # the writer extends the places-within-places it read once as graphs add cas:locatedIn facts,
    # and reads them again when a fact goes: after each write it must be what the store says
    import pyoxigraph as ox

    from casckg.graph.store.embedded import EmbeddedStore
    from casckg.ontology import expand

    cas = expand("cas:locatedIn")
    place = {name: ox.NamedNode(f"{BASE}id/place/{name}") for name in ("medeu", "almaty", "kaz", "asia")}

    def located(graph: str, *pairs: tuple[str, str]) -> list[ox.Quad]:
        return [ox.Quad(place[a], ox.NamedNode(cas), place[b], ox.NamedNode(graph)) for a, b in pairs]

    writes = [
        ("https://example.org/a", [("almaty", "kaz")]),
        ("https://example.org/b", [("medeu", "almaty"), ("kaz", "asia")]),  # joins what lies below and above
        ("https://example.org/c", [("almaty", "kaz")]),  # stated twice: nothing new
        ("https://example.org/a", []),  # still stated by c
        ("https://example.org/c", [("medeu", "kaz")]),  # almaty in kaz is stated no more
    ]
    with EmbeddedStore() as store:
        forums = StoreForums(store)
        assert forums.within(store) == set()
        for graph, pairs in writes:
            quads = located(graph, *pairs)
            store.replace_graph(graph, quads)
            forums.replaced(graph, quads)
            assert forums.within(store) == places_within(store)
        assert (place["medeu"].value, place["asia"].value) in forums.within(store)
        assert (place["almaty"].value, place["kaz"].value) not in forums.within(store)


def test_a_new_graph_and_a_replaced_one_hold_exactly_their_quads() -> None:
    # a graph the store does not hold yet is written another way than one it replaces: both must
    # leave the graph holding the quads given, each once, and no other graph touched
    import pyoxigraph as ox

    from casckg.graph.store.embedded import EmbeddedStore

    p = ox.NamedNode("https://example.org/p")
    a, b, other = (ox.NamedNode(f"https://example.org/{g}") for g in ("a", "b", "other"))

    def said(graph: ox.NamedNode, *objects: str) -> list[ox.Quad]:
        return [ox.Quad(graph, p, ox.Literal(o), graph) for o in objects]

    def held(store: EmbeddedStore, graph: ox.NamedNode) -> set[str]:
        return {q.object.value for q in store.quads(graph.value)}

    with EmbeddedStore() as store:
        store.replace_graph(other.value, said(other, "kept"))
        assert store.replace_graph(a.value, said(a, "one", "two", "two")) == 2  # new: the same quad once
        # a quad handed over without its graph (or with another) goes into the graph written
        assert store.replace_graph(b.value, [ox.Quad(b, p, ox.Literal("x")), ox.Quad(b, p, ox.Literal("y"), other)])
        assert held(store, a) == {"one", "two"} and held(store, b) == {"x", "y"}
        assert store.replace_graph(a.value, said(a, "three")) == 1  # replaced: the old quads are gone
        assert held(store, a) == {"three"} and held(store, other) == {"kept"}


def _pool_as_sets(pool: Pool) -> tuple:
    """A name pool's content, whatever order its names were added in."""
    return (
        pool.tops,
        {key: set(iris) for key, iris in pool.by_key.items()},
        {iri: sorted(map(str, names)) for iri, names in pool.names.items()},
    )


def bad_articles(folder: Path, corpus: Path) -> dict[str, str]:
    """One good article and one of each kind of bad input; file name -> what the line must say."""
    folder.mkdir()
    shutil.copy(corpus / "seeds" / f"{SEEDS[1]}.md", folder / "good.md")
    front = (
        "---\nid: {id}\nurl: https://example.org/{id}\ntitle: T\npublisher: P\nlanguage: {lang}\npublished: null\n---\n"
    )
    (folder / "empty.md").write_text("")
    (folder / "latin1.md").write_bytes(front.format(id="l", lang="fr").encode() + "Le ministère".encode("latin-1"))
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "huge.txt").write_text("Kazakhstan hosted a forum. " * 200_000)
    (folder / "no-url.md").write_text("---\nid: x\ntitle: T\npublisher: P\nlanguage: en\npublished: null\n---\nText.\n")
    (folder / "german.md").write_text(front.format(id="de", lang="de") + "Kasachstan war Gastgeber eines Forums.\n")
    return {
        "empty.md": "empty",
        "latin1.md": "UTF-8",
        "binary.txt": "binary",
        "huge.txt": "too large",
        "no-url.md": "url",
        "german.md": "language",
    }


def test_bad_articles_are_skipped_with_one_line_each_and_the_good_one_is_ingested(
    fresh: Path, tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = bad_articles(tmp_path / "in", corpus)
    assert cli.main(["ingest", str(tmp_path / "in"), "--store", str(fresh)]) == 1  # some skipped
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("skipped")]
    assert len(lines) == len(expected)
    for name, reason in expected.items():
        assert any(name in line and reason in line for line in lines), f"{name}: {reason}"
    with open_store(fresh) as store:
        assert quads_in(store, graph_of(SEEDS[1])) > 0


def test_nothing_readable_exits_2(fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.md").write_text("  \n")
    assert cli.main(["ingest", str(tmp_path / "empty.md"), "--store", str(fresh)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_write_failing_midway_leaves_none_of_that_article(
    fresh: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fr, en = (corpus / "seeds" / f"{k}.md" for k in SEEDS)
    with open_store(fresh, read_only=False) as store:
        ingest_articles(store, [en])  # an earlier version of the article that will fail
        before = quads_in(store, graph_of(SEEDS[1]))
        real = articles_module.document_quads

        def failing(doc, *args, **kwargs):
            for n, quad in enumerate(real(doc, *args, **kwargs)):
                if doc.source.key == SEEDS[1] and n == 50:
                    raise StoreError("disk full")
                yield quad

        monkeypatch.setattr(articles_module, "document_quads", failing)
        report = ingest_articles(store, [en, fr])
    assert [p.file for p in report.skipped] == [str(en)] and "disk full" in report.skipped[0].message
    with open_store(fresh) as store:
        assert quads_in(store, graph_of(SEEDS[1])) == before  # the old graph, whole, not half a new one
        assert quads_in(store, graph_of(SEEDS[0])) > 0  # the other article went in


@pytest.mark.slow
def test_build_ingests_article_folders_and_stays_identical(tmp_path: Path, corpus: Path) -> None:
    target = tmp_path / "store"
    first = build(SOURCES, target, articles=[corpus / "seeds"])
    assert {graph_of(k) for k in SEEDS} <= set(first.graphs)
    dumps = []
    for name in ("1.nq", "2.nq"):
        if dumps:
            build(SOURCES, target, articles=[corpus / "seeds"])
        with open_store(target) as store:
            store.dump(tmp_path / name)
        dumps.append(sorted((tmp_path / name).read_bytes().splitlines()))
    assert dumps[0] == dumps[1]
    assert not any(b"endedAtTime" in line for line in dumps[0])  # no clock in a build


def test_a_build_records_source_date_epoch_as_the_ingest_time(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717113600")
    build(SOURCES, tmp_path / "store", articles=[corpus / "seeds" / f"{SEEDS[1]}.md"])
    with open_store(tmp_path / "store") as store:
        times = {r["t"].value for r in store.query("SELECT ?t WHERE { ?run prov:endedAtTime ?t }")}
    assert times == {"2024-05-31T00:00:00Z"}


PAGE = """<!doctype html><html lang="en"><head><title>KAZCENT hosts a regional roundtable</title>
<meta property="og:site_name" content="Loopback News"></head><body>
<nav>Home | World | Sport</nav>
<article><h1>KAZCENT hosts a regional roundtable</h1>
<p>The Center for Peacekeeping Operations of the Ministry of Defense (KAZCENT) organized a regional roundtable
on peacekeeping in Almaty. It brought together representatives from Tajikistan, the UN and the International
Committee of the Red Cross.</p>
<p>Participants discussed international humanitarian law and UN Security Council Resolution 1325.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


@pytest.fixture
def served():
    """A small page (and a few bad answers) served on 127.0.0.1 by the test itself."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, kind, status = PAGE.encode(), "text/html; charset=utf-8", 200
            if self.path == "/image":
                body, kind = b"\x89PNG....", "image/png"
            elif self.path == "/missing":
                body, status = b"not here", 404
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_page_fetched_by_url_is_ingested_like_a_file(fresh: Path, served: str) -> None:
    url = f"{served}/news/kazcent-roundtable"
    with open_store(fresh, read_only=False) as store:
        report = ingest_articles(store, [url])
    assert not report.skipped and len(report.ingested) == 1
    graph = report.ingested[0].graph
    with open_store(fresh) as store:
        row = next(
            iter(
                store.query(
                    f"SELECT * WHERE {{ GRAPH <{graph}> {{ <{graph}> prov:hadPrimarySource ?u ; dcterms:title ?t }} }}"
                )
            )
        )
        assert row["u"].value == url and "roundtable" in row["t"].value
        evidence = [
            r["e"].value for r in store.query(f"SELECT ?e WHERE {{ GRAPH <{graph}> {{ ?a cas:evidence ?e }} }}")
        ]
    assert evidence and not any("newsletter" in e or "Sport" in e for e in evidence)


def test_bad_urls_are_one_clear_line(fresh: Path, served: str, capsys: pytest.CaptureFixture[str]) -> None:
    closed = "http://127.0.0.1:9/nothing"
    args = ["ingest", f"{served}/image", f"{served}/missing", closed, "--store", str(fresh)]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "content type 'image/png'" in err and "HTTP 404" in err and "cannot fetch" in err


@pytest.fixture
def dripping():
    """A page served one byte at a time, 0.3 s apart: headers first, then body (each read is quick)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/body":
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
                drip = PAGE.encode()
            else:
                drip = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 1000
            try:
                for byte in drip:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.3)
            except OSError:
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("path", ["/headers", "/body"])
def test_a_page_dripping_bytes_is_cut_off_at_the_total_time(dripping: str, path: str) -> None:
    from casckg.ingest.fetch import download

    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        download(dripping + path, timeout=2.0)
    assert time.monotonic() - started < 5
    (problem,) = caught.value.problems
    assert "did not arrive whole within 2 s" in problem.message
