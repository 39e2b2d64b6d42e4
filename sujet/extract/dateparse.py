"""The one date parser: dates and date ranges written in text, in every language with a profile.

``find_dates`` returns every date expression it recognises, with its span and ISO bounds:
"30 августа 2024 года", "30. August 2024", "August 30, 2024", "30.08.2024", "2024-08-30",
"im Dezember 2023", "8–11 июля 2024 года", "с 27 по 30 августа", "vom 8. bis 11. Juli 2024",
"July 8-11, 2024", "5 maja 2024 r.", "5 травня 2024 року". Month names, the words after a year
and the words of ranges come from the language profiles (:mod:`sujet.lang`); the patterns are
rebuilt when a profile is registered. Expressions without a year are returned only when a
reference year is given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from sujet import lang
from sujet.model import DatePrecision


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=4)
def _months(generation: int) -> dict[str, int]:
    return lang.all_months()


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation of any profile (any case or inflection), else None."""
    w = word.strip().rstrip(".").lower()
    return _months(lang.generation()).get(w)


def month_pattern() -> str:
    """A regular expression of any month word (with an optional dot), not followed by a letter."""
    return _month_pattern(lang.generation())


@lru_cache(maxsize=4)
def _month_pattern(generation: int) -> str:
    return r"(?:" + _alternation(list(_months(generation))) + r")\.?(?![\w])"


@dataclass(frozen=True, slots=True)
class FoundDate:
    """One date or date range in a text; ``date_to`` equals ``date_from`` for a single date."""

    start: int
    end: int
    date_from: str  # ISO, as precise as ``precision``
    date_to: str
    precision: DatePrecision
    has_year: bool = True  # False: the year came from the reference year

    @property
    def is_range(self) -> bool:
        return self.date_to != self.date_from


@lru_cache(maxsize=4)
def _patterns(generation: int) -> list[re.Pattern[str]]:
    """The patterns, ordered: longer expressions first; a span taken by one is not matched
    again."""
    month = _month_pattern(generation)
    year_words = lang.all_words("year_words")
    suffix = rf"(?:\s*(?:{_alternation(year_words)})(?![\w]))?" if year_words else ""
    year = rf"(?P<year>(?:19|20)\d\d){suffix}"
    d1, d2 = r"(?P<d1>\d{1,2})", r"(?P<d2>\d{1,2})"
    dash = r"\s*[-–—]\s*"
    m1, m2 = rf"(?P<m1>{month})", rf"(?P<m2>{month})"
    opener = rf"(?:\b(?:{_alternation(lang.all_words('range_from'))})\s+)?"
    to = rf"(?:{dash}|\s+(?:{_alternation(lang.all_words('range_to'))})\s+)"
    return [
        # ranges across months: "с 30 июня по 2 июля 2024", "30. Juni bis 2. Juli 2024"
        re.compile(rf"{opener}\b{d1}\.?\s+{m1}\s*{to}{d2}\.?\s+{m2}(?:,?\s+{year})?", re.I),
        # ranges in one month: "8–11 июля 2024 года", "с 27 по 30 августа", "vom 8. bis 11. Juli"
        re.compile(rf"{opener}\b{d1}\.?{to}{d2}\.?\s+{m1}(?:,?\s+{year})?", re.I),
        # "July 8-11, 2024", "July 8 to 11"
        re.compile(rf"\b{m1}\s+{d1}(?:st|nd|rd|th)?{to}{d2}(?:st|nd|rd|th)?(?:,?\s+{year})?", re.I),
        # ISO and numeric European dates
        re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d1>\d\d)\b"),
        re.compile(r"\b(?P<d1>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
        # "30 августа 2024 года", "30. August 2024", "30 Aug"
        re.compile(rf"\b{d1}\.?\s+{m1}(?:,?\s+{year})?", re.I),
        # "August 30, 2024", "Aug 30"
        re.compile(rf"\b{m1}\s+{d1}(?:st|nd|rd|th)?\b(?:,?\s+{year})?", re.I),
        # "im Dezember 2023", "в июле 2024 года", "August 2024"
        re.compile(rf"\b{m1}\s+{year}", re.I),
    ]


def _iso(year: int, month: int, day: int | None) -> str | None:
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_of(m: re.Match[str], group: str) -> int | None:
    gd = m.groupdict()
    if gd.get(group):
        return month_number(gd[group])
    if group == "m1" and gd.get("mn"):
        return int(gd["mn"])
    return None


def _from_match(m: re.Match[str], reference_year: int | None) -> FoundDate | None:
    gd = m.groupdict()
    year_s = gd.get("year")
    if year_s is None and reference_year is None:
        return None
    year = int(year_s) if year_s else int(reference_year or 0)
    m1 = _month_of(m, "m1")
    if m1 is None:
        return None
    m2 = _month_of(m, "m2")
    d1 = int(gd["d1"]) if gd.get("d1") else None
    d2 = int(gd["d2"]) if gd.get("d2") else None
    if m2 is not None:  # "30 June to 2 July": first group is day+month, second day+month
        first, last = _iso(year, m1, d1), _iso(year, m2, d2)
    elif d2 is not None:  # "8-11 July"
        first, last = _iso(year, m1, d1), _iso(year, m1, d2)
    else:
        first = last = _iso(year, m1, d1)
    if first is None or last is None or last < first:
        return None
    precision: DatePrecision = "day" if d1 is not None else "month"
    return FoundDate(m.start(), m.end(), first, last, precision, has_year=year_s is not None)


def find_dates(text: str, reference_year: int | None = None) -> list[FoundDate]:
    """Every date and date range in ``text``, in order of position.

    Expressions without a year take ``reference_year``; without one they are skipped.
    """
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for rx in _patterns(lang.generation()):
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            fd = _from_match(m, reference_year)
            if fd is not None:
                found.append(fd)
            if fd is not None or m.groupdict().get("year"):
                # an impossible date ("31.02.2024") still owns its span: no "February 2024"
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)
