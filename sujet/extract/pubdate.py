"""The date of an article: one precedence over every source that dates a page.

A page can be dated by what its container says of it, by what the page says of itself, by the
agency's dateline, by a date line or header of the page, and by the dates its text mentions.
These disagree: a record dated 2020-05-29 whose text says an agreement "runs until 30 June 2020"
was published in May, not in June. ``decide_date`` is the one place that settles it; every
extractor only proposes claims (``DateClaim``) under the source names of ``SOURCE_RANK``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from enum import IntEnum

from sujet.model import DatePrecision


class Rank(IntEnum):
    """How far a kind of evidence is trusted to give the publication date; lower is better."""

    RECORD = 1  # the record's own date: its container's, or its page's publication metadata
    DATELINE = 2  # written by the agency for this very article
    PAGE = 3  # a date line or header of the page, or a day found by searching the markup
    TEXT = 4  # what the article talks about, which may lie before or after its publication


# Every date source an extractor may report, with its rank. Within a rank, claims are weighed
# in the order they are given.
SOURCE_RANK: dict[str, Rank] = {
    "feed": Rank.RECORD,  # a feed item's published date
    "record": Rank.RECORD,  # the date field of a JSON / JSONL record
    "byline": Rank.RECORD,  # HTML: a date-only line next to the headline
    "label": Rank.RECORD,  # HTML: a date after a publication label ("Veröffentlicht am ...")
    "url": Rank.RECORD,  # HTML: a full date in the page's URL
    "jsonld": Rank.RECORD,  # HTML: JSON-LD datePublished in local time
    "meta": Rank.RECORD,  # HTML: publication meta tags in local time
    "time": Rank.RECORD,  # HTML: a <time> element marked as the publication time
    "dateline": Rank.DATELINE,  # "ТОМСК, 30 авг – РИА Томск.", "MINSK, 30. August (BelTA) -"
    "page": Rank.PAGE,  # text dump: the date line or byline around the headline
    # HTML: htmldate's search, the first <time> of the page, or a timestamp given only in UTC
    # (its calendar day may not be the publisher's): days found, not stated, as the page's date
    "htmldate": Rank.PAGE,
    "header": Rank.PAGE,  # a month or year heading the page ("Август 2024")
    "text": Rank.TEXT,  # a date the body mentions
}

_ISO_RE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_PRECISION: dict[int, DatePrecision] = {4: "year", 7: "month", 10: "day"}
_FINENESS: dict[DatePrecision, int] = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class DateClaim:
    """One source's answer to "when was this published": an ISO date as precise as known."""

    date: str  # "2024-08-30", "2024-08" or "2024"
    source: str  # a key of SOURCE_RANK

    def __post_init__(self) -> None:
        if not _ISO_RE.fullmatch(self.date) or self.source not in SOURCE_RANK:
            raise ValueError(f"not a date claim: {self.date!r} from {self.source!r}")

    @property
    def precision(self) -> DatePrecision:
        return _PRECISION[len(self.date)]

    @property
    def rank(self) -> Rank:
        return SOURCE_RANK[self.source]

    def refined_by(self, other: DateClaim) -> bool:
        """``other`` says more than this claim without contradicting it: a day of this month,
        a month (or day) of this year, from another source (two dates of one text are no
        independent evidence: a later day in it does not date an article its first month did)."""
        return (
            other.source != self.source
            and _FINENESS[other.precision] > _FINENESS[self.precision]
            and other.date.startswith(self.date)
        )


def decide_date(claims: Iterable[DateClaim]) -> DateClaim | None:
    """The article's date: the best-ranked claim, made more precise by the others if they agree.

    The rule, over the ranks of SOURCE_RANK:

    1. the record's own date: a feed item's published date, a JSON record's date field, the
       HTML page's publication metadata (byline, label, URL, JSON-LD, meta tags, marked <time>);
    2. then the dateline that opens the body (when it gives no year, it takes the year of the
       record's date, else of the page's other dates: metadata.enrich);
    3. then a date line or header of the page (a text dump's date line, htmldate's guess,
       "Август 2024");
    4. then a date the running text mentions.

    Claims are taken in rank order, and in the given order within a rank. The first one dates the
    article. A later claim never overrides it; it only refines it, when it is more precise, falls
    inside it (a day of that month, a month of that year) and comes from another source. So a
    date in the text fills in only where nothing better exists, never moves an article away
    from its record's date (a contract "until 30 June" in a report of 29 May leaves it on
    29 May), and can make a coarse date ("2024-08") precise only with a day inside it.
    """
    best: DateClaim | None = None
    for claim in sorted(claims, key=lambda c: c.rank):
        if best is None or best.refined_by(claim):
            best = claim
    return best


_ISO_DAY_RE = re.compile(r"\d{4}-?\d\d-?\d\d(?:[T ].*)?")  # not a week date ("2020-W22")
_YEAR_MONTH_RE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")
_DOTTED_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
MIN_YEAR, MAX_YEAR = 1800, 2999  # bounds of a real publication year in a date field


def record_claim(value: str | None, source: str) -> DateClaim | None:
    """A container's date field as a claim; None when it is empty or not a date.

    Accepts ISO dates and timestamps ("2020-05-29", "2020-05-29T23:10:00+03:00"), a month or a
    year alone ("2020-05", "2020"), "29.05.2020" and RFC 822 ("Fri, 29 May 2020 10:00:00 +0300").
    A timestamp keeps the calendar day as written: the publisher's day, not the UTC one.
    Placeholders outside MIN_YEAR..MAX_YEAR ("0001-01-01") are no date.
    """
    value = (value or "").strip()
    try:
        if _YEAR_MONTH_RE.fullmatch(value):
            iso = value
        elif _ISO_DAY_RE.fullmatch(value):
            iso = datetime.fromisoformat(value).date().isoformat()
        elif m := _DOTTED_RE.fullmatch(value):
            iso = datetime(int(m.group(3)), int(m.group(2)), int(m.group(1))).date().isoformat()
        else:
            iso = parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
    return DateClaim(iso, source) if MIN_YEAR <= int(iso[:4]) <= MAX_YEAR else None
