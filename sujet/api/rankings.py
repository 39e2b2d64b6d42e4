"""What is rising: the top events of a period and the people and organisations mentioned most
in it, with the change against the periods before.

- top events: the store's importance order (:mod:`sujet.stories.importance`) over the events dated in
  the period, each with its importance, lead reports and independent sources.
- rising entities: articles (duplicates once) mentioning each person or organisation in the
  period, against the mean of the ``periods_before`` periods of the same length just before it
  (the weekly rankings of media monitors: this week against the weeks before).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sujet.errors import InputError
from sujet.model import Article, Entity, Event
from sujet.store.base import Store
from sujet.stories.importance import Importance, independent_sources, most_important_first

TOP_REPORTS = 20  # reports read per event for its sources and lead
PERIODS_BEFORE = 4  # the mean of this many periods before is the baseline


@dataclass(slots=True, frozen=True)
class Period:
    date_from: date
    date_to: date

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def before(self, n: int) -> Period:
        """The ``n`` periods of the same length just before this one, as one period."""
        end = self.date_from - timedelta(days=1)
        return Period(end - timedelta(days=self.days * n - 1), end)


def _first_day(value: str) -> date:
    parts = value.split("-")
    return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                int(parts[2]) if len(parts) > 2 else 1)


def _last_day(value: str) -> date:
    """The last day of an ISO year, month or day."""
    parts = value.split("-")
    if len(parts) == 1:
        return date(int(parts[0]), 12, 31)
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
    return date(int(parts[0]), int(parts[1]), int(parts[2]))


def period_of(date_from: str | None, date_to: str | None, *, today: date | None = None) -> Period:
    """A period from ISO dates of any precision (YYYY, YYYY-MM, YYYY-MM-DD); the last seven
    days up to ``date_to`` (or today) by default."""
    try:
        end = _last_day(date_to) if date_to else (today or date.today())
        start = _first_day(date_from) if date_from else end - timedelta(days=6)
    except ValueError as err:
        raise InputError(f"a period is given by dates, YYYY-MM-DD: {err}") from err
    if start > end:
        raise InputError(f"the period starts ({start}) after it ends ({end})")
    return Period(start, end)


@dataclass(slots=True)
class TopEvent:
    event: Event
    importance: Importance
    sources: list[str]
    reports: list[Article] = field(default_factory=list)


def top_events(store: Store, period: Period, *, limit: int = 10,
               language: str | None = None) -> list[TopEvent]:
    """The most important events dated in the period, most important first."""
    events = store.list_events(limit=limit, date_from=period.date_from.isoformat(),
                               date_to=period.date_to.isoformat(), language=language,
                               order="important")
    wanted = [m.article_id for e in events for m in e.members[:TOP_REPORTS]]
    articles = {a.id: a for a in store.get_articles(wanted)}
    reports = {e.id: [articles[m.article_id] for m in e.members[:TOP_REPORTS]
                      if m.article_id in articles] for e in events}
    scored = dict((e.id, imp) for e, imp in most_important_first(events, reports))
    return [TopEvent(e, scored[e.id], sorted(independent_sources(reports[e.id])), reports[e.id])
            for e in events]


@dataclass(slots=True, frozen=True)
class RisingEntity:
    entity: Entity
    mentions: int  # articles in the period
    before: float  # mean articles per period over the periods before
    change: float  # mentions - before

    @property
    def ratio(self) -> float | None:
        """Mentions over the mean before (None when it was never mentioned before)."""
        return self.mentions / self.before if self.before else None


def rising_entities(store: Store, period: Period, *, limit: int = 20,
                    types: tuple[str, ...] = ("PER", "ORG"),
                    periods_before: int = PERIODS_BEFORE) -> list[RisingEntity]:
    """The most mentioned people and organisations of the period, with their change."""
    now = store.mention_counts(period.date_from.isoformat(), period.date_to.isoformat(), types)
    earlier = period.before(periods_before)
    then = store.mention_counts(earlier.date_from.isoformat(), earlier.date_to.isoformat(),
                                types)
    ranked = sorted(now.items(), key=lambda kv: (-kv[1], -(kv[1] - then.get(kv[0], 0)
                                                            / periods_before), kv[0]))
    entities = {e.id: e for e in store.get_entities([i for i, _ in ranked[: limit * 2]])}
    out: list[RisingEntity] = []
    for entity_id, n in ranked:
        entity = entities.get(entity_id)
        if entity is None or entity.type not in types:
            continue
        before = then.get(entity_id, 0) / periods_before
        out.append(RisingEntity(entity, n, round(before, 2), round(n - before, 2)))
        if len(out) >= limit:
            break
    return out
