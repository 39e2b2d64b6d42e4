"""Dates and date ranges written out in ru/de/en text.

``find_dates`` returns every date expression it recognises, with its span and ISO bounds:
"30 августа 2024 года", "30. August 2024", "August 30, 2024", "30.08.2024", "2024-08-30",
"im Dezember 2023", "8–11 июля 2024 года", "с 27 по 30 августа", "vom 8. bis 11. Juli 2024",
"July 8-11, 2024". Expressions without a year are returned only when a reference year is given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sujet.model import DatePrecision

_MONTHS: dict[int, str] = {
    1: r"january|jan|januar|jänner|jän|январ[ьяе]|янв",
    2: r"february|feb|februar|feber|феврал[ьяе]|фев",
    3: r"march|mar|märz|mär|мар(?:т|та|те)?",
    4: r"april|apr|апрел[ьяе]|апр",
    5: r"may|mai|ма[йяе]",
    6: r"june|jun|juni|июн[ьяе]|июн",
    7: r"july|jul|juli|июл[ьяе]|июл",
    8: r"august|aug|август(?:а|е)?|авг",
    9: r"september|sept|sep|сентябр[ьяе]|сент|сен",
    10: r"october|oct|oktober|okt|октябр[ьяе]|окт",
    11: r"november|nov|ноябр[ьяе]|нояб|ноя",
    12: r"december|dec|dezember|dez|декабр[ьяе]|дек",
}
_MONTH_FULL = {m: re.compile(rf"(?:{alts})\.?", re.I) for m, alts in _MONTHS.items()}
MONTH = r"(?:" + "|".join(_MONTHS.values()) + r")\.?(?![\w])"


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in ru/de/en (any case or inflection), else None."""
    w = word.strip()
    for m, rx in _MONTH_FULL.items():
        if rx.fullmatch(w):
            return m
    return None


@dataclass(frozen=True, slots=True)
class FoundDate:
    """One date or date range in a text; ``date_to`` equals ``date_from`` for a single date."""

    start: int
    end: int
    date_from: str  # ISO, as precise as ``precision``
    date_to: str
    precision: DatePrecision
    has_year: bool = True  # False: the year came from the reference year


_YEAR = r"(?P<year>(?:19|20)\d\d)(?:\s*(?:года|году|г\.|г\b))?"
_D = r"(?P<d1>\d{1,2})"
_D2 = r"(?P<d2>\d{1,2})"
_DASH = r"\s*[-–—]\s*"
_M = rf"(?P<m1>{MONTH})"
_M2 = rf"(?P<m2>{MONTH})"

# Ordered: longer expressions first; a span taken by one is not matched again.
_PATTERNS: list[re.Pattern[str]] = [
    # ranges across months: "с 30 июня по 2 июля 2024", "30. Juni bis 2. Juli 2024"
    re.compile(rf"(?:\b(?:с|со|vom|from)\s+)?\b{_D}\.?\s+{_M}\s*(?:{_DASH}|\s+(?:по|до|bis|to|until)\s+)"
               rf"{_D2}\.?\s+{_M2}(?:,?\s+{_YEAR})?", re.I),
    # ranges in one month: "8–11 июля 2024 года", "с 27 по 30 августа", "vom 8. bis 11. Juli"
    re.compile(rf"(?:\b(?:с|со|vom|from)\s+)?\b{_D}\.?(?:{_DASH}|\s+(?:по|до|bis|to|until)\s+)"
               rf"{_D2}\.?\s+{_M}(?:,?\s+{_YEAR})?", re.I),
    # "July 8-11, 2024", "July 8 to 11"
    re.compile(rf"\b{_M}\s+{_D}(?:st|nd|rd|th)?(?:{_DASH}|\s+(?:to|until|through)\s+)"
               rf"{_D2}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?", re.I),
    # ISO and numeric European dates
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d1>\d\d)\b"),
    re.compile(r"\b(?P<d1>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
    # "30 августа 2024 года", "30. August 2024", "30 Aug"
    re.compile(rf"\b{_D}\.?\s+{_M}(?:,?\s+{_YEAR})?", re.I),
    # "August 30, 2024", "Aug 30"
    re.compile(rf"\b{_M}\s+{_D}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?", re.I),
    # "im Dezember 2023", "в июле 2024 года", "August 2024"
    re.compile(rf"\b{_M}\s+{_YEAR}", re.I),
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
    for rx in _PATTERNS:
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
