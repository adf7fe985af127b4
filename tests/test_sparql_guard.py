"""The endpoint refuses updates and foreign SERVICE calls, and only those."""

from __future__ import annotations

import pytest

from casckg.graph.web.sparql_guard import Refused, check_query, may_name_dataset, needs_judging, parse, query_form

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
        # however it is spaced, cased, commented or nested:
        "SELECT * {SERVICE<http://127.0.0.1:18092/x>{?s ?p ?o}}",
        "SELECT * {\tsErViCe\n# a comment\n<http://127.0.0.1:18092/x>{?s ?p ?o}}",
        "SELECT * { OPTIONAL { { SELECT * { SERVICE<http://10.0.0.1/> { ?s ?p ?o } } } } }",
        "ASK { FILTER EXISTS { SERVICE SILENT<http://169.254.169.254/latest/> { ?s ?p ?o } } }",
        "PREFIX q: <https://query.wikidata.org/> SELECT * { SERVICE q:sparql.evil { ?s ?p ?o } }",
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


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <a:s> <a:p> 1 }",
        "SELECT * WHERE { ?s ?p ?o . SERVICE ",
        "SERVICE <http://127.0.0.1/> { ?s ?p ?o }",
    ],
)
def test_text_that_is_not_one_query_is_refused(text: str) -> None:
    with pytest.raises(Refused) as caught:
        check_query(text, ALLOWED)
    assert caught.value.status in (400, 403)


def test_a_prefixed_service_on_the_allow_list_passes() -> None:
    check_query("PREFIX wd: <https://query.wikidata.org/> SELECT * { SERVICE wd:sparql { ?s ?p ?o } }", ALLOWED)


@pytest.mark.parametrize("opener, closer", [("{", "}"), ("(", ")")])
def test_deep_nesting_is_refused_before_parsing(opener: str, closer: str) -> None:
    inner = "?s ?p ?o" if opener == "{" else "1"
    body = opener * 5000 + inner + closer * 5000
    text = f"SELECT * WHERE {body}" if opener == "{" else f"SELECT * WHERE {{ FILTER {body} }}"
    with pytest.raises(Refused, match="nests") as caught:
        check_query(text)
    assert caught.value.status == 400


def test_the_dataset_of_a_query_is_read_from_its_tree() -> None:
    parsed = parse("SELECT * FROM <http://g/1> FROM NAMED <http://g/2> WHERE { ?s ?p ?o }")
    assert (parsed.default_graphs, parsed.named_graphs) == (("http://g/1",), ("http://g/2",))
    assert query_form("# CONSTRUCT in a comment, and the word address\nASK { ?s ?p ?o }") == "ASK"


def test_a_service_spelled_with_escapes_is_judged() -> None:
    with pytest.raises(Refused):
        check_query("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1/> { ?s ?p ?o } }")


def test_a_library_header_is_no_reason_to_parse() -> None:
    # Words such as "with" or "load" in a query's comment header say nothing about what it runs.
    header = "# title: Forums with a state\n# description: loaded from the SERVICE records\n"
    assert not needs_judging(header + "SELECT ?f WHERE { ?f cas:participant ?s }")
    assert not may_name_dataset(header + "SELECT ?from WHERE { ?x cas:validFrom ?from }")
    assert may_name_dataset(header + "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }")


@pytest.mark.parametrize(
    "text",
    [
        # an escape is read before comments, so it can end a comment's line
        "# note \\u000A SERVICE <http://127.0.0.1/> { ?s ?p ?o }\nSELECT * WHERE { ?s ?p ?o }",
        # U+2028 ends a line for Python, not for SPARQL: the '#' after it is inside a string
        'SELECT * WHERE { ?s ?p "a\u2028# " . SERVICE <http://127.0.0.1/> { ?s ?p ?o } }',
        # a long string may span lines, so a line starting with '#' may be inside it
        'SELECT * WHERE { ?s ?p """a\n# """ . SERVICE <http://127.0.0.1/> { ?s ?p ?o } }',
    ],
    ids=["escape-in-comment", "line-separator-in-string", "long-string"],
)
def test_a_service_behind_what_looks_like_a_comment_is_judged(text: str) -> None:
    assert needs_judging(text)
    with pytest.raises(Refused):
        check_query(text)
