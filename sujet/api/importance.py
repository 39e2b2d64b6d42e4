"""How important an event is on the front page: independent sources × languages × recency.

- independent sources: distinct publishers (agency, site or host) among the event's reports that
  are not copies of another report; a rewrite of one wire story counts once. Each further source
  adds less (log scale): the tenth outlet says less than the second.
- languages: reports in several languages mean the news crossed a border; each further language
  multiplies by ``1 + LANGUAGE_WEIGHT``.
- recency: halves every ``HALF_LIFE_DAYS`` before the newest event shown (not before today: an
  archive read months later keeps its order).

The feed's default order sorts a page of the newest events by this score; "newest" order is the
store's own (latest date first).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sujet.api.public import source_label
from sujet.model import Article, Event

HALF_LIFE_DAYS = 3.0
LANGUAGE_WEIGHT = 0.5


@dataclass(slots=True, frozen=True)
class Importance:
    score: float
    sources: int  # independent sources
    languages: int
    age_days: float  # before the newest event compared


def independent_sources(reports: Iterable[Article]) -> set[str]:
    """Publishers of the reports that are not copies of another report."""
    return {source_label(a) for a in reports if a.duplicate_of is None}


def event_day(event: Event) -> date | None:
    """The event's latest day (a month or a year counts as its first day)."""
    value = event.date_to or event.date_from
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                    int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def importance(event: Event, reports: Sequence[Article], newest: date | None) -> Importance:
    sources = len(independent_sources(reports)) or 1
    languages = len(set(event.languages) or {a.language for a in reports if a.language}) or 1
    day = event_day(event)
    age = max(0.0, float((newest - day).days)) if newest and day else 0.0
    recency = 0.5 ** (age / HALF_LIFE_DAYS) if day else 0.5 ** (30 / HALF_LIFE_DAYS)
    score = (1.0 + math.log(sources)) * (1.0 + LANGUAGE_WEIGHT * (languages - 1)) * recency
    return Importance(score=score, sources=sources, languages=languages, age_days=age)


def most_important_first(events: Sequence[Event],
                         reports: dict[str, list[Article]]) -> list[tuple[Event, Importance]]:
    """``events`` with their importance, most important first (newer first on a tie)."""
    days = [d for e in events if (d := event_day(e)) is not None]
    newest = max(days) if days else None
    scored = [(e, importance(e, reports.get(e.id, []), newest)) for e in events]
    order = {e.id: i for i, e in enumerate(events)}
    return sorted(scored, key=lambda pair: (-pair[1].score, order[pair[0].id]))
