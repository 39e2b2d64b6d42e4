"""What is rising: the top stories of a period, the people and organisations on the rise, and
the digest of a period."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from sujet.api.deps import StoreDep
from sujet.api.rankings import period_of
from sujet.api.schemas import RisingPublic, TopPublic
from sujet.services import rankings as service

router = APIRouter(tags=["rankings"])
DayQuery = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")]


@router.get("/top", response_model=TopPublic)
def top(store: StoreDep, date_from: DayQuery = None, date_to: DayQuery = None,
        language: Annotated[str | None, Query(max_length=8)] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 10) -> TopPublic:
    """Top stories: the most important events of the period (default: the last seven days)."""
    return service.top_stories(store, period_of(date_from, date_to), limit=limit,
                               language=language or None)


@router.get("/rising", response_model=RisingPublic)
def rising(store: StoreDep, date_from: DayQuery = None, date_to: DayQuery = None,
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> RisingPublic:
    """The most mentioned people and organisations of the period, with the change against the
    mean of the four periods of the same length before it (PERIODS_BEFORE)."""
    return service.rising(store, period_of(date_from, date_to), limit=limit)


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
