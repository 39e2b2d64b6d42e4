"""Watchlists and their alerts: CRUD (writes need the bearer token), the alerts of each, its
RSS/Atom feed, and an alert run on demand."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from sujet.alerts.feed import watchlist_feed
from sujet.alerts.model import Alert, Watchlist
from sujet.alerts.records import AlertRecords
from sujet.alerts.service import WatchSpec, create_watchlist, find_watchlist, run_alerts
from sujet.api.deps import PagingDep, SettingsDep, StoreDep, WriteAccess
from sujet.api.schemas import ListPublic

router = APIRouter(tags=["watchlists"])
_MEDIA = {"rss": "application/rss+xml; charset=utf-8",
          "atom": "application/atom+xml; charset=utf-8"}


class WatchlistCreate(BaseModel):
    kind: Literal["person", "organisation", "query", "event", "storyline"]
    target: str = Field(min_length=1, max_length=2000,
                        description="the name, query, event id or storyline id")
    name: str | None = Field(default=None, max_length=200)
    language: str | None = Field(default=None, max_length=8)
    source: str | None = Field(default=None, max_length=500)
    topic: str | None = Field(default=None, max_length=40)
    webhook: str | None = Field(default=None, max_length=2000)
    email: str | None = Field(default=None, max_length=320)


class WatchlistPublic(BaseModel):
    id: str
    name: str
    kind: str
    target: str
    language: str | None
    source: str | None
    topic: str | None
    webhook: str | None
    email: str | None
    created_at: str
    seen_at: str | None
    alerts: int
    new_alerts: int  # since the last visit of its web page


class DeliveryPublic(BaseModel):
    channel: str
    attempts: int
    delivered_at: str | None
    error: str | None


class AlertPublic(BaseModel):
    id: int
    watchlist_id: str
    subject_kind: str
    subject_id: str
    article_id: str
    title: str
    url: str | None
    date: str | None
    created_at: str
    deliveries: list[DeliveryPublic]


class AlertRunPublic(BaseModel):
    articles: int
    alerts: int
    delivered: int
    undelivered: int
    undelivered_reasons: list[str]


def watchlist_public(records: AlertRecords, w: Watchlist) -> WatchlistPublic:
    f = w.filters
    return WatchlistPublic(
        id=w.id, name=w.name, kind=w.kind, target=w.target, language=f.language,
        source=f.source, topic=f.topic, webhook=w.webhook, email=w.email,
        created_at=w.created_at, seen_at=w.seen_at, alerts=records.count_alerts(w.id),
        new_alerts=records.count_alerts(w.id, after=w.seen_at or ""),
    )


def alert_public(a: Alert) -> AlertPublic:
    return AlertPublic(
        id=a.id, watchlist_id=a.watchlist_id, subject_kind=a.subject_kind,
        subject_id=a.subject_id, article_id=a.article_id, title=a.title, url=a.url, date=a.date,
        created_at=a.created_at,
        deliveries=[DeliveryPublic(channel=d.channel, attempts=d.attempts,
                                   delivered_at=d.delivered_at, error=d.error)
                    for d in a.deliveries.values()],
    )


@router.get("/watchlists", response_model=ListPublic[WatchlistPublic])
def list_watchlists(store: StoreDep, paging: PagingDep) -> ListPublic[WatchlistPublic]:
    records = AlertRecords(store)
    found = records.list_watchlists()
    page = found[paging.offset:paging.offset + paging.limit]
    return ListPublic[WatchlistPublic](items=[watchlist_public(records, w) for w in page],
                                       total=len(found), limit=paging.limit,
                                       offset=paging.offset)


@router.post("/watchlists", response_model=WatchlistPublic, status_code=201,
             dependencies=[WriteAccess])
def create(body: WatchlistCreate, store: StoreDep) -> WatchlistPublic:
    """Watches a person, organisation, query, event or storyline; articles stored from now on
    that match raise alerts."""
    w = create_watchlist(store, WatchSpec(**body.model_dump()))
    return watchlist_public(AlertRecords(store), w)


@router.get("/watchlists/{watchlist_id}", response_model=WatchlistPublic)
def get_watchlist(watchlist_id: str, store: StoreDep) -> WatchlistPublic:
    return watchlist_public(AlertRecords(store), find_watchlist(store, watchlist_id))


@router.delete("/watchlists/{watchlist_id}", status_code=204, dependencies=[WriteAccess])
def delete_watchlist(watchlist_id: str, store: StoreDep) -> Response:
    """Removes the watchlist and its alerts."""
    w = find_watchlist(store, watchlist_id)
    AlertRecords(store).delete_watchlist(w.id)
    return Response(status_code=204)


@router.get("/watchlists/{watchlist_id}/alerts", response_model=ListPublic[AlertPublic])
def watchlist_alerts(watchlist_id: str, store: StoreDep,
                     paging: PagingDep) -> ListPublic[AlertPublic]:
    w = find_watchlist(store, watchlist_id)
    records = AlertRecords(store)
    found = records.list_alerts(w.id, limit=paging.limit, offset=paging.offset)
    return ListPublic[AlertPublic](items=[alert_public(a) for a in found],
                                   total=records.count_alerts(w.id), limit=paging.limit,
                                   offset=paging.offset)


@router.get("/alerts", response_model=ListPublic[AlertPublic])
def all_alerts(store: StoreDep, paging: PagingDep) -> ListPublic[AlertPublic]:
    """The newest alerts of every watchlist."""
    records = AlertRecords(store)
    found = records.list_alerts(limit=paging.limit, offset=paging.offset)
    return ListPublic[AlertPublic](items=[alert_public(a) for a in found],
                                   total=records.count_alerts(), limit=paging.limit,
                                   offset=paging.offset)


@router.post("/alerts/run", response_model=AlertRunPublic, dependencies=[WriteAccess])
def run(store: StoreDep, settings: SettingsDep,
        watchlist: Annotated[str | None, Query(max_length=64)] = None) -> AlertRunPublic:
    """Evaluates the articles stored since the last run and delivers the new alerts."""
    wid = find_watchlist(store, watchlist).id if watchlist else None
    result = run_alerts(store, settings, wid).as_dict()
    return AlertRunPublic.model_validate(result)


@router.get("/watchlists/{watchlist_id}/feed.{fmt}")
def feed(watchlist_id: str, fmt: Literal["rss", "atom"], request: Request, store: StoreDep,
         settings: SettingsDep) -> Response:
    """The watchlist's newest alerts as RSS 2.0 or Atom."""
    w = find_watchlist(store, watchlist_id)
    alerts = AlertRecords(store).list_alerts(w.id, limit=settings.alerts.feed_items)

    def link(a: Alert) -> str:
        return a.url or str(request.url_for("article_page", article_id=a.article_id))

    body = watchlist_feed(fmt, w, alerts, link, str(request.url_for("watchlists_page")),
                          str(request.url))
    return Response(body, media_type=_MEDIA[fmt])
