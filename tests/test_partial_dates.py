"""Dates as an analyst reads them: a day written without its year takes the year of the article
that writes it (the year before when that day would come after the publication); without a
publication date it stays partial, and queries sort and filter it by what it says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from casckg.graph.query import resolve, rows, run
from casckg.graph.store import open_store
from casckg.ingest.dates import find_dates


def test_a_day_without_its_year_takes_the_year_of_publication() -> None:
    (mention,) = find_dates("The roundtable took place on May 31.", "en")
    assert mention.iso(date(2024, 6, 6)) == ("2024-05-31", "date")
    (december,) = find_dates("Le sommet s'est tenu le 20 décembre.", "fr")
    assert december.iso(date(2025, 1, 5)) == ("2024-12-20", "date")  # written in January: last year
    assert december.iso(None) == ("--12-20", "gMonthDay")
    (written,) = find_dates("15 июля 2014 года", "ru")
    assert written.iso(date(2020, 1, 1)) == ("2014-07-15", "date")


@pytest.fixture(scope="module")
def built(corpus_store: Path):
    with open_store(corpus_store) as store:
        yield store


def test_forums_of_a_state_are_in_date_order_with_partial_days_last(built) -> None:
    columns, data = rows(run(built, resolve("forums-of-state"), {"state": "state/KAZ"}))
    dates = [row[columns.index("date")] for row in data if row[columns.index("date")]]
    full = [d for d in dates if not d.startswith("--")]
    assert full and full == sorted(full) and dates[: len(full)] == full
