"""Dates in article text (en, fr, ru), normalised to ISO; a missing year comes from context.

"May 31", "31 mai 2024", "15 июля" -> (year or None, month, day); a span of days ("du 10 au 14
octobre") gives its first day. `iso` gives xsd:date "2024-05-31" when the year is known
(written, or from the article's publication date) and xsd:gMonthDay "--05-31" when it is not.
A month of a year after its preposition ("in September 2017", "en janvier 2011", "в июне 1998 г.")
is what many articles give of an event told in passing: xsd:gYearMonth "2017-09". A month without
its year names no date (in English "may" is also a verb, and the year is too often a guess).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from .lexicon import lexicon
from .tokens import fold


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets in the searched text
    end: int
    year: int | None
    month: int
    day: int | None  # None: a month of a year

    def iso(self, published: date | None = None, ahead: bool = False) -> tuple[str, str]:
        """(lexical form, xsd datatype local name).

        A day without its year takes the year of the article's publication, or the year before
        when that day would come after the publication ("on 20 December" in an article of
        5 January); a day the article looks `ahead` to (a planned event: "пройдет 14 октября")
        comes on or after the publication, in the year after when it would come before it.
        Without a publication date it stays partial.

        >>> day = DateMention(0, 0, None, 10, 14)
        >>> day.iso(date(2022, 10, 5)), day.iso(date(2022, 10, 5), ahead=True)
        (('2021-10-14', 'date'), ('2022-10-14', 'date'))
        """
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}", "gYearMonth"
        year = self.year
        if year is None and published is not None:
            day, pub = (self.month, self.day), (published.month, published.day)
            if ahead:
                year = published.year + 1 if day < pub else published.year
            else:
                year = published.year - 1 if day > pub else published.year
        if year:
            return f"{year:04d}-{self.month:02d}-{self.day:02d}", "date"
        return f"--{self.month:02d}-{self.day:02d}", "gMonthDay"


@cache
def _patterns(language: str) -> tuple[dict[str, int], list[re.Pattern[str]]]:
    months = {fold(name): number for number, names in lexicon("months")[language].items() for name in names}
    alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    day_first = re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<month>{alt})\b(?:,?\s+(?P<year>\d{{4}}))?", re.I
    )
    month_first = re.compile(
        rf"\b(?P<month>{alt})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.I
    )
    # "du 10 au 14 octobre", "10-14 October", "с 10 по 14 октября": a span of days starts on the first
    day_range = re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\s*(?:-|–|—|au|to|a|по|до|and|et|и)\s*\d{{1,2}}(?:er|st|nd|rd|th)?"
        rf"\s+(?P<month>{alt})\b(?:,?\s+(?P<year>\d{{4}}))?",
        re.I,
    )
    # "in September 2017", "en janvier 2011", "в июне 1998 г.": a month of a year right after its
    # preposition ("в конце апреля 1999 г." is a time around it), read after the day dates so that the
    # month of "12 March 2024" is no month of its own
    month_year = re.compile(rf"\b(?:in|en|в|во)\s+(?P<month>{alt})\s+(?P<year>\d{{4}})\b", re.I)
    return months, [day_range, day_first, month_first, month_year]


# "since 11 September", "depuis le 11 septembre": the day something began long before, not an event's day
_SINCE = re.compile(r"\b(since|ever since|depuis(?: le)?)\s*$")


def find_dates(text: str, language: str) -> list[DateMention]:
    """Every day-and-month date in `text`, with its year when written, and every month of a year not
    inside one (none that follows "since")."""
    months, regexes = _patterns(language)
    folded = fold(text)
    out: dict[int, DateMention] = {}
    for regex in regexes:
        for m in regex.finditer(folded):
            day = int(m.group("day")) if "day" in regex.groupindex else None
            if day is not None and not 1 <= day <= 31 or _SINCE.search(folded[: m.start()]):
                continue
            if any(d.start <= m.start() < d.end or m.start() <= d.start < m.end() for d in out.values()):
                continue
            year = int(m.group("year")) if m.group("year") else None
            out[m.start()] = DateMention(m.start(), m.end(), year, months[m.group("month").lower()], day)
    return [out[k] for k in sorted(out)]


_NEW_ITEM = re.compile(r"(?:[,;]|\s(?:and|et|и))\s*(?:[-–—]\s*)?$", re.I)


def dated_events(
    text: str, dates: list[DateMention], events: list[tuple[int, int, object]]
) -> list[tuple[object, DateMention]]:
    """Which event each date of a sentence is the day of, by the clause or list item both are in:
    "13 октября пройдет саммит СВМДА, 14 октября – заседание Совета СНГ" dates each meeting by its
    own item, "the summit, held on 7 October" the summit. `events` are (start, end, event) in the
    sentence's offsets; a date whose item names no event comes with None (the sentence's event, or
    the one in focus, is then its event). Dates are given in the order of the sentence.

    >>> ds = find_dates("13 октября пройдет саммит, 14 октября – заседание", "ru")
    >>> [(e, d.day) for e, d in dated_events("13 октября пройдет саммит, 14 октября – заседание", ds,
    ...                                     [(19, 25, "summit"), (40, 49, "meeting")])]
    [('summit', 13), ('meeting', 14)]
    """
    cuts = [0] + [d.start for d in dates[1:] if _NEW_ITEM.search(text[: d.start])]
    cuts += [i + 1 for i, c in enumerate(text) if c == ";"]
    cuts = sorted(set(cuts)) + [len(text) + 1]
    out = []
    for d in dates:
        a = max(c for c in cuts if c <= d.start)
        b = min(c for c in cuts if c > d.start)
        inside = [e for s, _, e in sorted(events, key=lambda x: x[0]) if a <= s < b]
        out.append((inside[0] if inside else None, d))
    return out
