"""`casckg extract` reads an article the way `casckg ingest` does: same gazetteer (the store's),
same forum kinds, same merged events; so what the scorer reads is what ingest writes."""

from __future__ import annotations

import json
import shutil

import pyoxigraph as ox

from casckg.graph.build.mint import source_iri
from casckg.graph.cli import main as cli
from casckg.graph.store import open_store
from casckg.ingest.article import load_article

SEED = "seeds/turkishnewsworld-kazcent-roundtable-en.md"


def _extracted(capsys, article, store) -> dict:
    assert cli.main(["extract", str(article), "--json", "--store", str(store)]) == 0
    return json.loads(capsys.readouterr().out)


def test_extract_without_a_store_says_so_in_one_line(tmp_path, corpus, capsys):
    assert cli.main(["extract", str(corpus / SEED), "--store", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no store at" in err and "casckg build" in err


def test_extract_json_is_what_ingest_writes(tmp_path, corpus, built_store, capsys):
    data = _extracted(capsys, corpus / SEED, built_store)
    copy = tmp_path / "store"
    shutil.copytree(built_store, copy)
    assert cli.main(["ingest", str(corpus / SEED), "--store", str(copy)]) == 0
    capsys.readouterr()
    graph = ox.NamedNode(source_iri(load_article(corpus / SEED).source))
    with open_store(copy) as store:
        written = {
            (q.subject.value, q.predicate.value, q.object.value)
            for q in store.ox.quads_for_pattern(None, None, None, graph)
        }
    relations = [st for st in data["statements"] if isinstance(st["object"], str)]
    assert relations
    missing = [st for st in relations if (st["subject"], st["predicate"], st["object"]) not in written]
    assert not missing


def test_extract_names_the_forum_kinds_and_the_stores_events(corpus, built_store, capsys):
    """The English seed calls the KAZCENT event a roundtable; the reference records know that event."""
    data = _extracted(capsys, corpus / SEED, built_store)
    kinds = [st for st in data["statements"] if st.get("extractor", "").endswith(".forum-kind")]
    assert any(st["object"].endswith("#Roundtable") for st in kinds)
    assert any(e["id"].endswith("/forum/kazcent-roundtable-2024") for e in data["entities"])
