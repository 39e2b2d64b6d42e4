"""Events: newest and most reported first; one event with its articles and entities."""

from __future__ import annotations

from fastapi import APIRouter

from sujet.api.assemble import event_view
from sujet.api.deps import EventFiltersDep, LiveEventId, PagingDep, StoreDep
from sujet.api.schemas import (
    ArticleSummaryPublic,
    EntityPublic,
    EventDetailPublic,
    EventPublic,
    ListPublic,
)

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=ListPublic[EventPublic])
def list_events(store: StoreDep, paging: PagingDep,
                filters: EventFiltersDep) -> ListPublic[EventPublic]:
    """Events, newest and most reported first, with the exact total matching the filters."""
    wanted = {"language": filters.language, "date_from": filters.date_from,
              "date_to": filters.date_to, "entity_id": filters.entity}
    items = store.list_events(limit=paging.limit, offset=paging.offset, **wanted)
    total = store.count_events(**wanted)
    return ListPublic[EventPublic](items=[EventPublic.of(e) for e in items], total=total,
                                   limit=paging.limit, offset=paging.offset)


@router.get("/{event_id}", response_model=EventDetailPublic,
            responses={308: {"description": "merged into another event: redirects there"}})
def get_event(event_id: LiveEventId, store: StoreDep) -> EventDetailPublic:
    """One event with its articles and key entities. The id of an event merged into another
    redirects (308) to the surviving event."""
    view = event_view(store, event_id)
    base = EventPublic.of(view.event).model_dump()
    return EventDetailPublic(
        **base, articles=[ArticleSummaryPublic.of(a.article) for a in view.articles],
        entities=[EntityPublic.of(e) for e in view.entities])
