"""Pages of what is rising: top stories of a period, the people and organisations on the rise
(the same rankings as ``/api/v1/top`` and ``/api/v1/rising``) and the digest of a period."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from sujet.api.deps import CachesDep, StoreDep
from sujet.api.rankings import PERIODS_BEFORE, Period, period_of, rising_entities, top_events
from sujet.errors import InputError
from sujet.web.pages import event_cards
from sujet.web.templating import render

router = APIRouter()
DayQuery = Annotated[str | None, Query(max_length=10)]
TOP_SIZE = 20
RISING_SIZE = 30


def _period(date_from: str | None, date_to: str | None, problems: list[str]) -> Period:
    """The period asked for; the last seven days (and a note why) when it cannot be read."""
    try:
        return period_of((date_from or "").strip() or None, (date_to or "").strip() or None)
    except InputError as err:
        problems.append(err.message)
        return period_of(None, None)


@router.get("/top", response_class=HTMLResponse, name="top_page")
def top_page(request: Request, store: StoreDep, caches: CachesDep,
             date_from: DayQuery = None, date_to: DayQuery = None) -> Response:
    """The most important events of a period (default: the last seven days)."""
    problems: list[str] = []
    period = _period(date_from, date_to, problems)
    events = [t.event for t in top_events(store, period, limit=TOP_SIZE)]
    cards = event_cards(store, events, caches,
                        preferred_language=request.app.state.settings.stories.preferred_language)
    return render(request, "top.html", {"cards": cards, "period": period, "problems": problems})


@router.get("/rising", response_class=HTMLResponse, name="rising_page")
def rising_page(request: Request, store: StoreDep,
                date_from: DayQuery = None, date_to: DayQuery = None) -> Response:
    """The most mentioned people and organisations of a period, with the change."""
    problems: list[str] = []
    period = _period(date_from, date_to, problems)
    return render(request, "rising.html", {
        "items": rising_entities(store, period, limit=RISING_SIZE), "period": period,
        "before": period.before(PERIODS_BEFORE), "periods_before": PERIODS_BEFORE,
        "problems": problems})


@router.get("/digest", response_class=HTMLResponse, name="digest_page")
def digest_page(request: Request, store: StoreDep,
                date_from: DayQuery = None, date_to: DayQuery = None) -> Response:
    """The digest of a period, with its PDF and HTML to send on."""
    from sujet.digest import build_digest

    problems: list[str] = []
    period = _period(date_from, date_to, problems)
    return render(request, "digest_page.html", {"d": build_digest(store, period),
                                                "problems": problems})
