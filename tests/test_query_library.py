"""The query library is data: every file has a header, and parameters are bound, not pasted."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from casckg.graph.query import bindings, resolve, to_term
from casckg.graph.store.embedded import EmbeddedStore
from casckg.ingest.errors import QueryError
from casckg.queries import checks, library, with_values

LIBRARY = library()
HEADER_TITLE = re.compile(r"^# title: \S", re.MULTILINE)  # titles default to the file name; the library writes one


def test_library_has_at_least_twelve_queries() -> None:
    assert len(LIBRARY) >= 12


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_query_is_documented_and_runs_with_its_defaults(name: str) -> None:
    query = LIBRARY[name]
    assert HEADER_TITLE.search(query.text) and query.description, f"{name}: '# title:' and '# description:' headers"
    for param in query.params:
        assert param.default and param.description, f"{name}: parameter {param.name} needs a default and a text"
        assert f"?{param.name}" in query.text, f"{name}: parameter {param.name} is not used"
    result = EmbeddedStore().query(query.text, bindings(query, {}))
    assert list(result) == []  # an empty store answers with no rows, not an error


@pytest.mark.parametrize("name", sorted(checks()))
def test_violation_check_is_documented(name: str) -> None:
    query = checks()[name]
    assert HEADER_TITLE.search(query.text) and query.description, f"{name}: '# title:' and '# description:' headers"


def test_hostile_parameter_value_stays_a_literal() -> None:
    store = EmbeddedStore()
    store.ox.add(
        ox.Quad(
            ox.NamedNode("http://example.org/a"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal("CSTO"),
            ox.NamedNode("http://example.org/g"),
        )
    )
    hostile = '" } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    query = resolve("find-entity")
    assert list(store.query(query.text, bindings(query, {"text": hostile}))) == []
    assert len(list(store.ox.quads_for_pattern(None, None, None))) == 1


def test_values_block_opens_the_where_group_past_comments_strings_and_iris() -> None:
    text = 'PREFIX ex: <http://ex.org/a#b{>\n# a { comment\nCONSTRUCT { ?s ?p "{" } WHERE { ?s ?p ?o }'
    bound = with_values(text, {"o": '"x"'})
    assert bound.endswith('WHERE { VALUES (?o) { ("x") } ?s ?p ?o }')


def test_bad_parameters_are_clear_errors() -> None:
    query = resolve("members-as-of")
    with pytest.raises(QueryError, match="not a date"):
        bindings(query, {"date": "yesterday"})
    with pytest.raises(QueryError, match="has no parameter"):
        bindings(query, {"colour": "red"})
    with pytest.raises(QueryError, match="no query named"):
        resolve("no-such-query")


def test_iri_parameters_accept_curies_and_relative_ids() -> None:
    assert to_term("cas:date", "iri") == ox.NamedNode("https://w3id.org/casckg/ontology#date")
    assert to_term("state/KAZ", "iri") == ox.NamedNode("https://w3id.org/casckg/id/state/KAZ")
    assert to_term("source/article/x", "iri") == ox.NamedNode("https://w3id.org/casckg/source/article/x")


def test_an_analysts_own_file_runs_without_a_header(tmp_path) -> None:
    own = tmp_path / "my-question.rq"
    own.write_text("SELECT ?s WHERE { ?s a cas:State }\n", encoding="utf-8")
    query = resolve(str(own))
    assert query.title == "my-question" and query.params == ()
