"""The explorer page as a file: self-contained, escaped, and faithful to the projection."""

from __future__ import annotations

import json
import re

import pytest

from casckg.graph.network.explorer import page_data, render, script_json, write_page
from casckg.ingest.errors import CasckgError

ID = "https://w3id.org/casckg/id/"


def embedded(html: str) -> dict:
    """The JSON the page carries, read back as the browser's JSON.parse would."""
    found = re.search(r'<script type="application/json" id="casckg-data">(.*?)</script>', html, re.S)
    assert found, "the page has no data element"
    return json.loads(found.group(1))


def test_script_json_cannot_close_its_script_element():
    text = script_json({"label": "</script><script>alert(1)</script>", "amp": "a & b", "sep": "\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"label": "</script><script>alert(1)</script>", "amp": "a & b", "sep": "\u2028"}


def test_page_is_self_contained_and_forbids_requests(network_graph):
    html = render(network_graph)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert html.count("</script>") == 3  # data, vis-network, explorer: no label closes a script early
    assert "vis-network" in html


def test_page_carries_every_node_edge_and_sentence(network_graph):
    data = embedded(render(network_graph))
    assert len(data["nodes"]) == network_graph.number_of_nodes()
    assert len(data["edges"]) == network_graph.number_of_edges()
    names = {n["iri"]: n["l"].get("en") for n in data["nodes"]}
    assert names[ID + "person/img"] == "<img src=x onerror=alert(1)>"
    sentences = [v[0] for e in data["edges"] for v in e.get("v", [])]
    assert "Le Kazakhstan a pris part à la table ronde." in sentences
    assert sum(1 for e in data["edges"] if e.get("i")) == 1


def test_layout_is_the_same_on_every_run(network_graph):
    first = [(n["x"], n["y"]) for n in page_data(network_graph)["nodes"]]
    assert first == [(n["x"], n["y"]) for n in page_data(network_graph)["nodes"]]
    assert len(set(first)) == len(first)


def test_degree_counts_the_others_a_node_is_tied_to_once(network_graph):
    """Several relations between two entities, either way round, are one tie; a loop is none."""
    graph = network_graph.copy()
    s, o, attrs = next(iter(graph.edges(data=True)))
    graph.add_edge(o, s, key="back", **attrs)
    graph.add_edge(s, s, key="loop", **attrs)
    expected = {n: len((set(graph.successors(n)) | set(graph.predecessors(n))) - {n}) for n in graph.nodes}
    assert {n["iri"]: n.get("d", 0) for n in page_data(graph)["nodes"]} == expected


def test_unknown_language_is_a_clear_error(network_graph):
    with pytest.raises(CasckgError, match="unknown language 'de'"):
        page_data(network_graph, lang="de")


def test_write_page_replaces_the_file_whole(network_graph, tmp_path):
    out = tmp_path / "sub" / "explorer.html"
    write_page(network_graph, out, lang="ru")
    assert embedded(out.read_text(encoding="utf-8"))["lang"] == "ru"
    assert [p.name for p in out.parent.iterdir()] == ["explorer.html"]
