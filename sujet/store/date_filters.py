"""Dates given to filters (``--from``, ``date_from=``), parsed strictly.

Accepted: an ISO date of any precision (``2024``, ``2024-08``, ``2024-08-30``; months and days
may drop their leading zero: ``2025-1-1``), ``today``, ``yesterday``, and a span back from today
(``7d``, ``2w``, ``3m``, ``1y``). Anything else (``2024-13-45``, ``01.01.2025``) raises
:class:`~sujet.errors.BadDate` (E108) instead of being compared as a string. The result is the
ISO string the store's filters compare (precision kept: ``2024-08`` stays a month).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sujet.errors import BadDate

_ISO = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")
_SPAN = re.compile(r"^(?P<count>\d{1,4})\s*(?P<unit>[dwmy])$")
_SPAN_DAYS = {"d": 1, "w": 7}
_WORDS = {"today": 0, "yesterday": 1}


def _months_back(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    day = today.day
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def parse_filter_date(value: str, *, today: date | None = None) -> str:
    """The ISO form of a filter date; raises BadDate for anything that is not one."""
    text = value.strip().lower()
    today = today or date.today()
    if text in _WORDS:
        return (today - timedelta(days=_WORDS[text])).isoformat()
    span = _SPAN.match(text)
    if span:
        count, unit = int(span["count"]), span["unit"]
        if unit in _SPAN_DAYS:
            return (today - timedelta(days=count * _SPAN_DAYS[unit])).isoformat()
        return _months_back(today, count * (12 if unit == "y" else 1)).isoformat()
    iso = _ISO.match(text)
    if iso is None:
        raise BadDate(f"{value!r} is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, today, "
                      "yesterday or a span back from today like 7d, 2w, 3m, 1y")
    year, month, day = int(iso["year"]), iso["month"], iso["day"]
    try:
        if month is None:
            return f"{year:04d}"
        if day is None:
            date(year, int(month), 1)
            return f"{year:04d}-{int(month):02d}"
        return date(year, int(month), int(day)).isoformat()
    except ValueError:
        raise BadDate(f"{value!r} is not a date of the calendar") from None


def parse_optional(value: str | None, *, today: date | None = None) -> str | None:
    """``parse_filter_date`` for an optional filter (None or blank: no filter)."""
    if value is None or not value.strip():
        return None
    return parse_filter_date(value, today=today)


def check_range(date_from: str | None, date_to: str | None) -> None:
    """Raises BadDate when the range ends before it starts (compared at the shorter precision)."""
    if date_from and date_to:
        n = min(len(date_from), len(date_to))
        if date_from[:n] > date_to[:n]:
            raise BadDate(f"the range ends ({date_to}) before it starts ({date_from})")
