"""One fact, one row: on the corpus build, where many articles restate the same facts and labels,
every library query answers with each row once, and the README's examples say what they show."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from casckg.graph.query import resolve, rows, run
from casckg.graph.stats import stats
from casckg.graph.store import open_store
from casckg.queries import library


@pytest.fixture(scope="module")
def opened(corpus_store: Path):
    with open_store(corpus_store) as store:
        yield store


@pytest.mark.parametrize("name", sorted(library()))
def test_no_library_query_repeats_a_row(opened, name: str) -> None:
    _, data = rows(run(opened, resolve(name)))
    repeated = [row for row, n in Counter(map(tuple, data)).items() if n > 1]
    assert not repeated, f"{name} repeats {len(repeated)} row(s), e.g. {repeated[0]}"


def test_readme_csto_example_gives_six_members(opened) -> None:
    # CSTO members at the start of 2013: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia,
    # Tajikistan (Uzbekistan had suspended its membership in December 2012: tass.com/russia/687141).
    columns, data = rows(run(opened, resolve("members-as-of"), {"org": "institution/csto", "date": "2013-01-01"}))
    members = [row[columns.index("member")] for row in data]
    assert sorted(members) == [f"state/{c}" for c in ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")]
    assert all("source/reference/" in row[columns.index("sources")] for row in data)


def test_a_membership_many_articles_restate_is_listed_once(opened) -> None:
    columns, data = rows(run(opened, resolve("memberships-of"), {"member": "state/KAZ"}))
    orgs = Counter(row[columns.index("org")] for row in data)
    assert orgs["institution/un"] == 1


def test_stats_count_a_fact_once(opened) -> None:
    # The label of Kazakhstan is restated by many articles; as a fact it is one triple.
    report = stats(opened)
    distinct = int(
        next(
            iter(
                opened.query(
                    "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
                )
            )
        )["n"].value
    )
    assert report.facts < report.quads
    assert report.facts <= distinct
