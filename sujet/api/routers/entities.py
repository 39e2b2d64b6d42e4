"""Entities (people, organisations, places) and their dossiers."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from sujet.api.deps import MAX_LIMIT, CachesDep, PagingDep, SettingsDep, StoreDep
from sujet.api.schemas import DossierPublic, EntityPublic, ListPublic
from sujet.errors import NotFound
from sujet.services.dossier import build_dossier
from sujet.store.base import EntityQuery

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=ListPublic[EntityPublic])
def list_entities(
    store: StoreDep, paging: PagingDep,
    type: Annotated[Literal["PER", "ORG", "LOC"] | None, Query()] = None,
    name: Annotated[str | None, Query(max_length=200, description="substring of a name")] = None,
) -> ListPublic[EntityPublic]:
    query = EntityQuery(type=type, name=name or None, limit=paging.limit, offset=paging.offset)
    items = store.list_entities(query)
    total = store.count_entities(query)
    return ListPublic[EntityPublic](items=[EntityPublic.of(e) for e in items], total=total,
                                    limit=paging.limit, offset=paging.offset)


@router.get("/{entity_id}", response_model=EntityPublic)
def get_entity(entity_id: str, store: StoreDep) -> EntityPublic:
    entity = store.get_entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity with id {entity_id}")
    return EntityPublic.of(entity)


@router.get("/{entity_id}/dossier", response_model=DossierPublic)
def get_dossier(entity_id: str, store: StoreDep, caches: CachesDep, settings: SettingsDep,
                limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
                offset: Annotated[int, Query(ge=0)] = 0) -> DossierPublic:
    """Variants by script, position history, mentions per month, co-mentions, articles."""
    return build_dossier(store, entity_id, limit=limit, offset=offset, shared=caches.entities,
                         language=settings.stories.preferred_language)
