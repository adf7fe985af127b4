"""Text from sources reaches HTML pages escaped, and links never run script."""

from __future__ import annotations

import pyoxigraph as ox

from casckg.graph.build.job import ontology_quads
from casckg.graph.store.embedded import EmbeddedStore
from casckg.graph.web.describe import describe
from casckg.graph.web.entity import build_page, mark
from casckg.graph.web.pages import render
from casckg.ontology import PREFIXES

HOSTILE = '<script>alert("x")</script>'
ID = "https://w3id.org/casckg/id/"


def n(curie: str) -> ox.NamedNode:
    prefix, _, local = curie.partition(":")
    return ox.NamedNode(PREFIXES[prefix] + local)


def test_resource_page_escapes_every_text_from_the_graph() -> None:
    this, forum = ox.NamedNode(ID + "person/x"), ox.NamedNode(ID + "forum/y")
    graph = ox.NamedNode("https://w3id.org/casckg/source/article/x")
    assertion = ox.NamedNode(graph.value + "#a1")
    quads = [
        (this, n("rdfs:label"), ox.Literal(HOSTILE, language="en")),
        (this, n("skos:altLabel"), ox.Literal("<i>alias</i>", language="fr")),
        (this, n("rdfs:seeAlso"), ox.NamedNode("javascript:alert(1)")),
        (this, n("rdfs:seeAlso"), ox.NamedNode("https://example.org/'onmouseover='alert(1)")),
        (forum, n("cas:participant"), this),
        (graph, n("rdf:type"), n("cas:Article")),
        (graph, n("dcterms:title"), ox.Literal("<b>Article</b>")),
        (assertion, n("rdf:type"), n("cas:Assertion")),
        (assertion, n("rdf:subject"), forum),
        (assertion, n("rdf:predicate"), n("cas:participant")),
        (assertion, n("rdf:object"), this),
        (assertion, n("cas:evidence"), ox.Literal(f"{HOSTILE} took part in <img src=x onerror=alert(2)>")),
        (assertion, n("prov:wasDerivedFrom"), graph),
    ]
    store = EmbeddedStore()
    store.bulk_add(ontology_quads())
    store.bulk_add([ox.Quad(s, p, o, graph) for s, p, o in quads])
    for iri in (this.value, graph.value):
        description = describe(store, iri)
        page = build_page(store, description, ("en", "fr", "ru"))
        html = render("resource.html", title=HOSTILE, description=description, page=page, path="/x", formats=[])
        assert "<script>" not in html and "<b>Article</b>" not in html and "<img" not in html
        assert "<i>alias</i>" not in html
        assert "&lt;script&gt;" in html and "&lt;b&gt;Article&lt;/b&gt;" in html
        assert 'href="javascript:' not in html
        assert "'onmouseover='" not in html
        assert 'href="/source/article/x"' in html
    assert "took part in &lt;img" in html  # the article's page lists the evidence, as text


def test_names_are_marked_in_the_evidence_and_the_rest_stays_text() -> None:
    marked = mark("Le Kazakhstan a accueilli <b>le forum</b>", ["Kazakhstan", "forum"])
    assert str(marked) == "Le <mark>Kazakhstan</mark> a accueilli &lt;b&gt;le <mark>forum</mark>&lt;/b&gt;"
