"""The watchlists pages: every watchlist with what is new since the last visit, and one
watchlist's alerts (visiting it marks them seen)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from sujet.alerts.evaluate import now_iso
from sujet.alerts.records import AlertRecords
from sujet.alerts.service import find_watchlist
from sujet.api.deps import StoreDep
from sujet.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


@router.get("/watchlists", response_class=HTMLResponse, name="watchlists_page")
def watchlists_page(request: Request, store: StoreDep) -> Response:
    records = AlertRecords(store)
    rows = [(w, records.count_alerts(w.id), records.count_alerts(w.id, after=w.seen_at or ""))
            for w in records.list_watchlists()]
    return render(request, "watchlists.html", {"rows": rows})


@router.get("/watchlists/{watchlist_id}", response_class=HTMLResponse, name="watchlist_page")
def watchlist_page(watchlist_id: str, request: Request, store: StoreDep,
                   page: Annotated[int | None, Query(ge=1, le=10_000)] = None) -> Response:
    w = find_watchlist(store, watchlist_id)
    records = AlertRecords(store)
    number = page or 1
    alerts = records.list_alerts(w.id, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    total = records.count_alerts(w.id)
    last_visit = w.seen_at
    records.mark_seen(w.id, now_iso())
    return render(request, "watchlist.html", {
        "w": w, "alerts": alerts, "total": total, "last_visit": last_visit,
        "page": number, "has_next": number * PAGE_SIZE < total})
