"""Sources: feeds, sitemaps and list pages polled on a schedule by the monitor, with their last
fetch, next fetch, new articles, and the errors that back them off."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from sujet.api.deps import CachesDep, PagingDep, SettingsDep, StoreDep, WriteAccess
from sujet.api.poller import FeedPoller
from sujet.api.schemas import ListPublic, SourceCreate, SourcePublic
from sujet.errors import NotFound
from sujet.monitor.sources import register_source
from sujet.store.base import Store

router = APIRouter(prefix="/sources", tags=["sources"])


def source_public(raw: dict[str, Any]) -> SourcePublic:
    fields = SourcePublic.model_fields
    return SourcePublic.model_validate({k: v for k, v in raw.items() if k in fields})


def add_source(store: Store, body: SourceCreate, *, allow_private: bool = False) -> SourcePublic:
    """Registers (or reschedules) a feed, sitemap or list page; it becomes due at once. A source
    on a loopback or private address is refused here (FetchRefused, E201) unless
    ``fetch.allow_private``."""
    return source_public(register_source(
        store, str(body.url), kind=body.kind, interval_minutes=body.interval_minutes,
        name=body.name, allow_private=allow_private))


@router.get("", response_model=ListPublic[SourcePublic])
def list_sources(store: StoreDep, paging: PagingDep) -> ListPublic[SourcePublic]:
    sources = sorted(store.list_sources(), key=lambda s: str(s.get("url", "")))
    page = sources[paging.offset:paging.offset + paging.limit]
    return ListPublic[SourcePublic](items=[source_public(s) for s in page], total=len(sources),
                                    limit=paging.limit, offset=paging.offset)


@router.post("", response_model=SourcePublic, status_code=201, dependencies=[WriteAccess])
def create_source(body: SourceCreate, store: StoreDep, settings: SettingsDep) -> SourcePublic:
    """Adds a feed, sitemap or list page to poll every ``interval_minutes``."""
    return add_source(store, body, allow_private=settings.fetch.allow_private)


@router.delete("", status_code=204, dependencies=[WriteAccess])
def delete_source(
    store: StoreDep, caches: CachesDep,
    url: Annotated[str, Query(min_length=1, max_length=2000, description="the feed's URL")],
) -> Response:
    """Stops polling a feed and forgets it; the articles already taken from it stay."""
    if not store.delete_source(url):
        raise NotFound(f"no source with url {url}")
    caches.clear()
    return Response(status_code=204)


@router.post("/poll", response_model=list[SourcePublic], dependencies=[WriteAccess])
async def poll_sources(
    request: Request, store: StoreDep,
    url: Annotated[str | None, Query(max_length=2000, description="one source; all due when absent")] = None,
) -> list[SourcePublic]:
    """Polls one source now, or every source that is due."""
    poller: FeedPoller = request.app.state.poller
    if url is None:
        return [source_public(s) for s in await poller.poll_now()]
    source = next((s for s in store.list_sources() if s.get("url") == url), None)
    if source is None:
        raise NotFound(f"no source with url {url}")
    return [source_public(await poller.poll_one(source))]
