"""Events: newest and most reported first; one event with its articles and entities."""

from __future__ import annotations

from fastapi import APIRouter

from sujet.api.deps import EventFiltersDep, LiveEventId, PagingDep, StoreDep
from sujet.api.schemas import EventDetailPublic, EventPublic, ListPublic
from sujet.services import events as service

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=ListPublic[EventPublic])
def list_events(store: StoreDep, paging: PagingDep,
                filters: EventFiltersDep) -> ListPublic[EventPublic]:
    """Events, newest and most reported first, with the exact total matching the filters."""
    return service.list_events(store, limit=paging.limit, offset=paging.offset,
                               language=filters.language, date_from=filters.date_from,
                               date_to=filters.date_to, entity_id=filters.entity)


@router.get("/{event_id}", response_model=EventDetailPublic,
            responses={308: {"description": "merged into another event: redirects there"}})
def get_event(event_id: LiveEventId, store: StoreDep) -> EventDetailPublic:
    """One event with its articles and key entities. The id of an event merged into another
    redirects (308) to the surviving event."""
    return service.event_detail(store, event_id)
