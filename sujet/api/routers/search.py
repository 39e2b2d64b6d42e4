"""Full-text search across languages, with names expanded through the entity index."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sujet.api.deps import ArticleFiltersDep, PagingDep, StoreDep
from sujet.api.schemas import SearchPublic
from sujet.services.search import search as run_search

router = APIRouter(prefix="/search", tags=["search"])



@router.get("", response_model=SearchPublic)
def search(store: StoreDep, paging: PagingDep, filters: ArticleFiltersDep,
           q: Annotated[str, Query(min_length=1, max_length=500)]) -> SearchPublic:
    """Articles matching ``q``; snippets wrap matches in « »; ``expanded_terms`` lists the name
    variants that were searched too."""
    return run_search(store, q, filters.query(paging.limit, paging.offset))
