"""How important an event is: independent sources × languages × velocity × recency.

- independent sources: distinct publishers (agency, site or host) among the event's reports that
  are not copies of another report; a rewrite of one wire story counts once. Each further source
  adds less (log scale): the tenth outlet says less than the second.
- languages: reports in several languages mean the news crossed a border; each further language
  multiplies by ``1 + LANGUAGE_WEIGHT``.
- velocity: reports per hour in the last ``VELOCITY_WINDOW_H`` hours of the event (before its
  newest report) against its rate over its whole history; an event that is speeding up weighs
  more (``1 + VELOCITY_WEIGHT * log`` of the ratio, never below 1). A report's time is when it
  was fetched, else its date.
- recency: halves every ``HALF_LIFE_DAYS`` before the newest event compared (not before today: an
  archive read months later keeps its order).

The store writes this key with every event it stores (from the event's stored reports): the
score is kept as an order key, ``log(weight) + day × ln 2 / half-life``
(:func:`order_key`): since recency is a power of two of the day, ordering by the key is ordering
by the score against any newest day, so the store sorts the whole list by importance through one
index without rescoring old events when new ones arrive. Undated events have no key (last).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sujet.model import Article, Event
from sujet.provenance import source_label

HALF_LIFE_DAYS = 3.0
LANGUAGE_WEIGHT = 0.5
VELOCITY_WEIGHT = 0.5
VELOCITY_WINDOW_H = 24.0


@dataclass(slots=True, frozen=True)
class Importance:
    score: float
    sources: int  # independent sources
    languages: int
    age_days: float  # before the newest event compared
    velocity: float = 1.0  # recent reports per hour over the event's own rate (1: steady)


def independent_sources(reports: Iterable[Article]) -> set[str]:
    """Publishers of the reports that are not copies of another report."""
    return {source_label(a) for a in reports if a.duplicate_of is None}


def _day(value: str | None) -> date | None:
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                    int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def event_day(event: Event) -> date | None:
    """The event's latest day (a month or a year counts as its first day)."""
    return _day(event.date_to or event.date_from)


def report_time(article: Article) -> datetime | None:
    """When a report appeared: its fetch time, else noon of its date."""
    if article.fetched_at:
        try:
            t = datetime.fromisoformat(article.fetched_at)
            return t if t.tzinfo else t.replace(tzinfo=UTC)
        except ValueError:
            pass
    day = _day(article.date)
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC) if day else None


def velocity(reports: Sequence[Article]) -> float:
    """Reports per hour in the last window against the event's rate over its history."""
    times = sorted(t for a in reports if (t := report_time(a)) is not None)
    if len(times) < 2:
        return 1.0
    newest = times[-1]
    # the history spans one window past its first report: one report a day is steady (1.0)
    history_h = (newest - times[0]).total_seconds() / 3600 + VELOCITY_WINDOW_H
    recent = sum(1 for t in times if (newest - t).total_seconds() / 3600 < VELOCITY_WINDOW_H)
    return (recent / VELOCITY_WINDOW_H) / (len(times) / history_h)


@dataclass(slots=True, frozen=True)
class Weight:
    """The part of the score that does not depend on the day compared against."""

    value: float
    sources: int
    languages: int
    velocity: float


def weight(event: Event, reports: Sequence[Article]) -> Weight:
    sources = len(independent_sources(reports)) or 1
    languages = len(set(event.languages) or {a.language for a in reports if a.language}) or 1
    speed = velocity(reports)
    value = ((1.0 + math.log(sources)) * (1.0 + LANGUAGE_WEIGHT * (languages - 1))
             * (1.0 + VELOCITY_WEIGHT * math.log(max(1.0, speed))))
    return Weight(value, sources, languages, speed)


def importance(event: Event, reports: Sequence[Article], newest: date | None) -> Importance:
    w = weight(event, reports)
    day = event_day(event)
    age = max(0.0, float((newest - day).days)) if newest and day else 0.0
    recency = 0.5 ** (age / HALF_LIFE_DAYS) if day else 0.5 ** (30 / HALF_LIFE_DAYS)
    return Importance(score=w.value * recency, sources=w.sources, languages=w.languages,
                      age_days=age, velocity=w.velocity)


def order_key(event: Event, reports: Sequence[Article]) -> float | None:
    """The stored order key: sorting by it is sorting by :func:`importance` (None: undated)."""
    day = event_day(event)
    if day is None:
        return None
    return math.log(weight(event, reports).value) + day.toordinal() * math.log(2) / HALF_LIFE_DAYS


def most_important_first(events: Sequence[Event],
                         reports: dict[str, list[Article]]) -> list[tuple[Event, Importance]]:
    """``events`` with their importance, most important first (newer first on a tie)."""
    days = [d for e in events if (d := event_day(e)) is not None]
    newest = max(days) if days else None
    scored = [(e, importance(e, reports.get(e.id, []), newest)) for e in events]
    order = {e.id: i for i, e in enumerate(events)}
    return sorted(scored, key=lambda pair: (-pair[1].score, order[pair[0].id]))


def score_events(events: Sequence[Event], known: Mapping[str, Article],
                 fetch: Callable[[Sequence[str]], list[Article]]) -> None:
    """Set each event's stored order key from its reports (``known`` first, else ``fetch``)."""
    wanted = {m.article_id for e in events for m in e.members}
    reports = {i: a for i in wanted if (a := known.get(i)) is not None}
    reports.update((a.id, a) for a in fetch(sorted(wanted - reports.keys())))
    for e in events:
        e.importance = order_key(e, [r for m in e.members if (r := reports.get(m.article_id))])
