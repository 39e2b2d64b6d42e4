"""Storylines: lists and one storyline with its events, oldest first."""

from __future__ import annotations

from sujet.api.schemas import EventPublic, ListPublic, StorylineDetailPublic, StorylinePublic
from sujet.errors import NotFound
from sujet.model import Event, Storyline
from sujet.store.base import Store


def list_storylines(store: Store, *, limit: int, offset: int = 0, total: bool = True
                    ) -> ListPublic[StorylinePublic]:
    items = store.list_storylines(limit=limit, offset=offset)
    count = store.count_storylines() if total else len(items)
    return ListPublic[StorylinePublic](items=[StorylinePublic.of(s) for s in items], total=count,
                                       limit=limit, offset=offset)


def require_storyline(store: Store, storyline_id: str) -> Storyline:
    storyline = store.get_storyline(storyline_id)
    if storyline is None:
        raise NotFound(f"no storyline with id {storyline_id}")
    return storyline


def storyline_events(store: Store, storyline: Storyline) -> list[Event]:
    """The storyline's stored events, oldest first."""
    events = [e for e in (store.get_event(i) for i in storyline.event_ids) if e is not None]
    events.sort(key=lambda e: e.date_from or "")
    return events


def storyline_detail(store: Store, storyline_id: str) -> StorylineDetailPublic:
    storyline = require_storyline(store, storyline_id)
    events = storyline_events(store, storyline)
    return StorylineDetailPublic(**StorylinePublic.of(storyline).model_dump(),
                                 events=[EventPublic.of(e) for e in events])
