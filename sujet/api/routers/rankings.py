"""What is rising: the top stories of a period, the people and organisations on the rise, and
the digest of a period."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from sujet.api.deps import StoreDep
from sujet.api.rankings import (
    PERIODS_BEFORE,
    RisingEntity,
    TopEvent,
    period_of,
    rising_entities,
    top_events,
)
from sujet.api.schemas import EntityPublic, EventPublic

router = APIRouter(tags=["rankings"])
DayQuery = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")]


class TopEventPublic(BaseModel):
    event: EventPublic
    score: float
    sources: list[str]
    languages: int
    velocity: float


class TopPublic(BaseModel):
    date_from: str
    date_to: str
    items: list[TopEventPublic]


class RisingEntityPublic(BaseModel):
    entity: EntityPublic
    mentions: int
    before: float  # mean articles per period over the periods before
    change: float
    ratio: float | None


class RisingPublic(BaseModel):
    date_from: str
    date_to: str
    before_from: str
    before_to: str
    items: list[RisingEntityPublic]


def top_public(item: TopEvent) -> TopEventPublic:
    return TopEventPublic(event=EventPublic.of(item.event), score=round(item.importance.score, 4),
                          sources=item.sources, languages=item.importance.languages,
                          velocity=round(item.importance.velocity, 3))


def rising_public(item: RisingEntity) -> RisingEntityPublic:
    return RisingEntityPublic(entity=EntityPublic.of(item.entity), mentions=item.mentions,
                              before=item.before, change=item.change,
                              ratio=round(item.ratio, 3) if item.ratio is not None else None)


@router.get("/top", response_model=TopPublic)
def top(store: StoreDep, date_from: DayQuery = None, date_to: DayQuery = None,
        language: Annotated[str | None, Query(max_length=8)] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 10) -> TopPublic:
    """Top stories: the most important events of the period (default: the last seven days)."""
    period = period_of(date_from, date_to)
    items = top_events(store, period, limit=limit, language=language or None)
    return TopPublic(date_from=period.date_from.isoformat(), date_to=period.date_to.isoformat(),
                     items=[top_public(i) for i in items])


@router.get("/rising", response_model=RisingPublic)
def rising(store: StoreDep, date_from: DayQuery = None, date_to: DayQuery = None,
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> RisingPublic:
    """The most mentioned people and organisations of the period, with the change against the
    mean of the four periods of the same length before it (PERIODS_BEFORE)."""
    period = period_of(date_from, date_to)
    before = period.before(PERIODS_BEFORE)
    items = rising_entities(store, period, limit=limit)
    return RisingPublic(date_from=period.date_from.isoformat(),
                        date_to=period.date_to.isoformat(),
                        before_from=before.date_from.isoformat(),
                        before_to=before.date_to.isoformat(),
                        items=[rising_public(i) for i in items])


@router.get("/digest", response_class=Response,
            responses={200: {"content": {"text/html": {}, "application/pdf": {}}}})
def digest(store: StoreDep, date_from: DayQuery = None, date_to: DayQuery = None,
           format: Annotated[Literal["html", "pdf"], Query()] = "html",  # noqa: A002
           language: Annotated[str | None, Query(max_length=8)] = None) -> Response:
    """The digest of a period (default: the last seven days) as HTML or PDF."""
    from sujet.digest import build_digest, render_html, render_pdf

    period = period_of(date_from, date_to)
    made = build_digest(store, period, language=language or None)
    name = f"sujet-digest-{period.date_from.isoformat()}-{period.date_to.isoformat()}"
    if format == "pdf":
        return Response(render_pdf(made), media_type="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="{name}.pdf"'})
    return Response(render_html(made), media_type="text/html; charset=utf-8")
