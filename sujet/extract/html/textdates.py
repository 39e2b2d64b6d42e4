"""Dates a page states in words next to a publication label ("Veröffentlicht am 16.08.2019")."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from sujet import lang
from sujet.extract.dateparse import month_number, month_pattern

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@lru_cache(maxsize=4)
def _word_dates(generation: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"12. März 2019" and "March 12, 2019" over the month names of every language profile."""
    month = month_pattern()
    return (
        re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s+({month}),?\s+(\d{{4}})", re.I),
        re.compile(rf"\b({month})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I),
    )


@lru_cache(maxsize=4)
def _labelled(generation: int) -> tuple[re.Pattern[str], ...]:
    """A publication label of any language profile ("Veröffentlicht am", "published on") and
    the text after it; then the profiles' patterns where the label follows the date."""
    after = tuple(re.compile(p, re.I) for p in lang.page_labels("date_labels_after"))
    labels = lang.page_labels("date_labels")
    if not labels:
        return after
    # The first letters of the labels, tested before the labels themselves: a position whose
    # letter starts no label is passed over at once (the search over a page's text costs a third).
    initials = "".join(sorted({alt[0].lower() for alt in labels}))
    alts = "|".join(labels)
    before = re.compile(rf"(?=[{initials}])(?:{alts})\s*:?\s*(?:\w+,\s*)?(.{{6,40}})", re.I)
    return (before, *after)


MIN_YEAR = 1995


def _make(y: int, m: int, d: int) -> str | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return day.isoformat() if day.year >= MIN_YEAR and day <= date.today() else None


def parse_text_day(text: str) -> str | None:
    """The first full date at the start of ``text`` in a common written form."""
    best: tuple[int, str] | None = None
    day_month, month_day = _word_dates(lang.generation())
    for rx, conv in (
        (_NUMERIC, lambda g: (int(g[2]), int(g[1]), int(g[0]))),
        (_ISO, lambda g: (int(g[0]), int(g[1]), int(g[2]))),
        (day_month, lambda g: (int(g[2]), month_number(g[1]) or 0, int(g[0]))),
        (month_day, lambda g: (int(g[2]), month_number(g[0]) or 0, int(g[1]))),
    ):
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            day = _make(*conv(m.groups()))
            if day:
                best = (m.start(), day)
    return best[1] if best and best[0] <= 12 else None


def labelled_day(visible: str) -> str | None:
    """The day after the first publication label in the page text that is followed by a date."""
    found = [
        (m.start(), day)
        for rx in _labelled(lang.generation())
        for m in rx.finditer(visible)
        if (day := parse_text_day(m.group(1)))
    ]
    return min(found)[1] if found else None


# A date line is short: a date with at most a weekday, a time or a separator around it.
MAX_DATE_LINE_CHARS = 40
# How far from the headline, in lines of visible text, the byline's date may sit.
HEADLINE_WINDOW = 12


def day_near_headline(visible: str, headline: str | None) -> str | None:
    """The date of a short date-only line close to the headline (a byline), if any."""
    if not headline:
        return None
    lines = visible.split("\n")
    key = " ".join(headline.lower().split())
    at = next((i for i, line in enumerate(lines) if key and key in line.lower()), None)
    if at is None:
        return None
    order = sorted(
        range(max(0, at - HEADLINE_WINDOW), min(len(lines), at + HEADLINE_WINDOW + 1)),
        key=lambda i: (abs(i - at), i < at),
    )
    for i in order:
        line = lines[i]
        if len(line) <= MAX_DATE_LINE_CHARS:
            day = parse_text_day(line)
            if day:
                return day
    return None
