"""Storylines: events linked over a longer span."""

from __future__ import annotations

from fastapi import APIRouter

from sujet.api.deps import LiveStorylineId, PagingDep, StoreDep
from sujet.api.schemas import EventPublic, ListPublic, StorylineDetailPublic, StorylinePublic
from sujet.errors import NotFound

router = APIRouter(prefix="/storylines", tags=["storylines"])


@router.get("", response_model=ListPublic[StorylinePublic])
def list_storylines(store: StoreDep, paging: PagingDep) -> ListPublic[StorylinePublic]:
    items = store.list_storylines(limit=paging.limit, offset=paging.offset)
    total = store.count_storylines()
    return ListPublic[StorylinePublic](items=[StorylinePublic.of(s) for s in items], total=total,
                                       limit=paging.limit, offset=paging.offset)


@router.get("/{storyline_id}", response_model=StorylineDetailPublic,
            responses={308: {"description": "merged into another storyline: redirects there"}})
def get_storyline(storyline_id: LiveStorylineId, store: StoreDep) -> StorylineDetailPublic:
    """One storyline with its events, oldest first. The id of a storyline merged into another
    redirects (308) to the surviving storyline."""
    storyline = store.get_storyline(storyline_id)
    if storyline is None:
        raise NotFound(f"no storyline with id {storyline_id}")
    events = [e for e in (store.get_event(i) for i in storyline.event_ids) if e is not None]
    events.sort(key=lambda e: e.date_from or "")
    return StorylineDetailPublic(**StorylinePublic.of(storyline).model_dump(),
                                 events=[EventPublic.of(e) for e in events])
