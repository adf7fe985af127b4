"""The query library is data: every file has a header, and parameters are bound, not pasted."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from casckg.graph.query import bindings, resolve, run, to_term
from casckg.graph.store import open_store
from casckg.graph.store.embedded import EmbeddedStore
from casckg.ingest.errors import QueryError
from casckg.queries import checks, library, with_values

LIBRARY = library()
HEADER_TITLE = re.compile(r"^# title: \S", re.MULTILINE)  # titles default to the file name; the library writes one


README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
README_ROW = re.compile(r"^\| `(?P<name>[a-z-]+)` \| (?P<title>[^|]+) \| (?P<params>[^|]+) \|$", re.MULTILINE)


def test_readme_table_is_the_library() -> None:
    """README's query table names the queries `casckg query --list` shows, with their titles and defaults."""
    rows = {m["name"]: m for m in README_ROW.finditer(README)}
    assert set(rows) == set(LIBRARY)
    for name, row in rows.items():
        query = LIBRARY[name]
        assert row["title"].strip() == query.title, name
        listed = dict(re.findall(r"`(\w+)` \(([^)]*)\)", row["params"]))
        assert listed == {p.name: p.default for p in query.params}, name


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_query_is_documented(name: str) -> None:
    query = LIBRARY[name]
    assert HEADER_TITLE.search(query.text) and query.description, f"{name}: '# title:' and '# description:' headers"
    for param in query.params:
        assert param.default and param.description, f"{name}: parameter {param.name} needs a default and a text"
        assert f"?{param.name}" in query.text, f"{name}: parameter {param.name} is not used"


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_query_answers_with_its_defaults(name: str, seeds_store: Path) -> None:
    """What an analyst sees first: `casckg query NAME` without --param answers on the project's own graph."""
    with open_store(seeds_store) as store:
        answer = list(run(store, LIBRARY[name]))
    assert answer, f"{name}: no answer with its defaults (reference records and the seed articles)"


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
