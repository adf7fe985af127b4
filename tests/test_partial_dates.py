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


@pytest.mark.parametrize(
    ("text", "language", "month"),
    [
        ("at the 72nd session of the UN General Assembly in September 2017, in New York", "en", "2017-09"),
        ("la rencontre au siège de l'OTAN en janvier 2011", "fr", "2011-01"),
        ("Еще в июне 1998 г., выступая на специальной сессии", "ru", "1998-06"),
    ],
)
def test_a_month_of_a_year_is_a_date_of_that_month(text: str, language: str, month: str) -> None:
    (mention,) = find_dates(text, language)
    assert mention.iso(date(2024, 1, 1)) == (month, "gYearMonth")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The exercise began on 12 March 2024.", "en"),  # the month of a day is no month of its own
        ("Les manœuvres ont eu lieu du 10 au 14 octobre 2020.", "fr"),
        ("В конце апреля 1999 г. было подписано соглашение.", "ru"),  # around the month, not in it
        ("The centre has trained officers since May 2011.", "en"),
    ],
)
def test_no_month_of_its_own(text: str, language: str) -> None:
    assert all(d.day is not None for d in find_dates(text, language))


@pytest.fixture(scope="module")
def built(corpus_store: Path):
    with open_store(corpus_store) as store:
        yield store


def test_forums_of_a_state_are_in_date_order_with_partial_days_last(built) -> None:
    columns, data = rows(run(built, resolve("forums-of-state"), {"state": "state/KAZ"}))
    dates = [row[columns.index("date")] for row in data if row[columns.index("date")]]
    full = [d for d in dates if not d.startswith("--")]
    assert full and full == sorted(full) and dates[: len(full)] == full
