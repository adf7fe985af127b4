"""Text from sources reaches HTML pages escaped, and links never run script."""

from __future__ import annotations

import pyoxigraph as ox

from casckg.graph.web.describe import Description, Statement
from casckg.graph.web.pages import render

HOSTILE = '<script>alert("x")</script>'


def test_resource_page_escapes_every_text_from_the_graph() -> None:
    this = ox.NamedNode("https://w3id.org/casckg/id/person/x")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    see = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")
    graph = "https://w3id.org/casckg/source/article/x"
    description = Description(
        iri=this.value,
        outgoing=[
            Statement(this, label, ox.Literal(HOSTILE, language="en"), [graph]),
            Statement(this, see, ox.NamedNode("javascript:alert(1)"), [graph]),
            Statement(this, see, ox.NamedNode("https://example.org/'onmouseover='alert(1)"), [graph]),
        ],
        incoming=[],
        labels={this.value: HOSTILE, graph: "<b>Article</b>"},
    )
    page = render("resource.html", title=HOSTILE, description=description, path="/id/person/x", formats=[])
    assert "<script>" not in page and "<b>Article</b>" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;Article&lt;/b&gt;" in page
    assert 'href="javascript:' not in page
    assert "'onmouseover='" not in page
    assert 'href="/source/article/x"' in page
