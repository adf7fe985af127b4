"""Dates in article text: a span of days is dated by its first day, in each language."""

from __future__ import annotations

import pytest

from casckg.ingest.dates import find_dates


@pytest.mark.parametrize(
    ("language", "text", "first"),
    [
        ("fr", "devait se dérouler au Kirghizstan du 10 au 14 octobre", "--10-10"),
        ("ru", "были запланированы с 10 по 14 октября", "--10-10"),
        ("en", "was scheduled for October 10-14", "--10-10"),
        ("en", "held on 10-14 October 2022", "2022-10-10"),
        ("en", "took place on May 31 in Almaty", "--05-31"),
    ],
)
def test_the_first_day_of_a_span(language, text, first):
    assert find_dates(text, language)[0].iso()[0] == first


@pytest.mark.parametrize(
    ("language", "text", "days"),
    [
        ("fr", "le soutien apporté depuis le 11 septembre, lors du sommet du 4 juin", ["--06-04"]),
        ("en", "the support given since 11 September, at the summit on 4 June", ["--06-04"]),
    ],
)
def test_a_day_since_which_something_lasts_is_no_event_day(language, text, days):
    assert [d.iso()[0] for d in find_dates(text, language)] == days
