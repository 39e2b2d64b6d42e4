"""Rankings of a period: the top stories and the people and organisations on the rise."""

from __future__ import annotations

from sujet.api.rankings import (
    PERIODS_BEFORE,
    Period,
    RisingEntity,
    TopEvent,
    rising_entities,
    top_events,
)
from sujet.api.schemas import (
    EntityPublic,
    EventPublic,
    RisingEntityPublic,
    RisingPublic,
    TopEventPublic,
    TopPublic,
)
from sujet.store.base import Store


def top_public(item: TopEvent) -> TopEventPublic:
    return TopEventPublic(event=EventPublic.of(item.event), score=round(item.importance.score, 4),
                          sources=item.sources, languages=item.importance.languages,
                          velocity=round(item.importance.velocity, 3))


def rising_public(item: RisingEntity) -> RisingEntityPublic:
    return RisingEntityPublic(entity=EntityPublic.of(item.entity), mentions=item.mentions,
                              before=item.before, change=item.change,
                              ratio=round(item.ratio, 3) if item.ratio is not None else None)


def top_stories(store: Store, period: Period, *, limit: int = 10,
                language: str | None = None) -> TopPublic:
    """The most important events of ``period``, most important first."""
    items = top_events(store, period, limit=limit, language=language)
    return TopPublic(date_from=period.date_from.isoformat(), date_to=period.date_to.isoformat(),
                     items=[top_public(i) for i in items])


def rising(store: Store, period: Period, *, limit: int = 20) -> RisingPublic:
    """The most mentioned people and organisations of ``period``, with the change against the
    mean of the PERIODS_BEFORE periods of the same length before it."""
    before = period.before(PERIODS_BEFORE)
    items = rising_entities(store, period, limit=limit)
    return RisingPublic(date_from=period.date_from.isoformat(),
                        date_to=period.date_to.isoformat(),
                        before_from=before.date_from.isoformat(),
                        before_to=before.date_to.isoformat(),
                        items=[rising_public(i) for i in items])
