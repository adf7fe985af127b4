"""The endpoint refuses updates and foreign SERVICE calls, and only those."""

from __future__ import annotations

import pytest

from casckg.graph.web.sparql_guard import Refused, check_query

ALLOWED = ("https://query.wikidata.org/sparql",)


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <a:s> <a:p> 1 }",
        "PREFIX ex: <http://example.org/>\ndelete where { ?s ?p ?o }",
        "DROP ALL",
        "CLEAR DEFAULT",
        "LOAD <http://example.org/data.ttl>",
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <a:s> <a:p> 1 }",
    ],
)
def test_updates_are_refused(text: str) -> None:
    with pytest.raises(Refused, match="read-only") as caught:
        check_query(text)
    assert caught.value.status == 403


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://127.0.0.1:7878/query> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        "PREFIX wd: <http://x/> SELECT * WHERE { SERVICE wd:sparql { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql.evil.example/> { ?s ?p ?o } }",
    ],
)
def test_service_calls_are_refused_unless_allowed(text: str) -> None:
    with pytest.raises(Refused, match="SERVICE .* is not allowed") as caught:
        check_query(text, ALLOWED)
    assert caught.value.status == 403


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { ?s rdfs:label 'insert, delete or drop' }",
        "SELECT * WHERE { ?s <http://example.org/service#load> ?o }  # no SERVICE here, nor DROP",
        "SELECT ?service ?load WHERE { ?service ex:drop ?load }",
        '''SELECT * WHERE { ?s rdfs:comment """SERVICE <http://example.org/>
        multi-line""" }''',
        "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1",
        "DESCRIBE <https://w3id.org/casckg/id/state/KAZ>",
    ],
)
def test_ordinary_queries_pass(text: str) -> None:
    check_query(text, ALLOWED)
