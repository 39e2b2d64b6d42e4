"""Storylines: events linked over a longer span."""

from __future__ import annotations

from fastapi import APIRouter

from sujet.api.deps import LiveStorylineId, PagingDep, StoreDep
from sujet.api.schemas import ListPublic, StorylineDetailPublic, StorylinePublic
from sujet.services import storylines as service

router = APIRouter(prefix="/storylines", tags=["storylines"])


@router.get("", response_model=ListPublic[StorylinePublic])
def list_storylines(store: StoreDep, paging: PagingDep) -> ListPublic[StorylinePublic]:
    return service.list_storylines(store, limit=paging.limit, offset=paging.offset)


@router.get("/{storyline_id}", response_model=StorylineDetailPublic,
            responses={308: {"description": "merged into another storyline: redirects there"}})
def get_storyline(storyline_id: LiveStorylineId, store: StoreDep) -> StorylineDetailPublic:
    """One storyline with its events, oldest first. The id of a storyline merged into another
    redirects (308) to the surviving storyline."""
    return service.storyline_detail(store, storyline_id)
