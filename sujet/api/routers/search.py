"""Full-text search across languages, with names expanded through the entity index."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sujet.api.deps import ArticleFilters, ArticleFiltersDep, PagingDep, StoreDep
from sujet.api.schemas import ArticleSummaryPublic, EntityPublic, SearchHitPublic, SearchPublic
from sujet.pipeline.search import expansion_terms, named_entities
from sujet.store.base import Store

router = APIRouter(prefix="/search", tags=["search"])



def run_search(store: Store, q: str, filters: ArticleFilters, limit: int,
               offset: int) -> SearchPublic:
    """One page of hits. The store builds a snippet for every hit it returns, so only one hit
    past the page is asked for: ``total`` is exact on the last page and otherwise a lower bound
    (``total_is_lower_bound``)."""
    terms = expansion_terms(store, q)
    hits = store.search(q, filters.query(limit + 1, offset), extra_terms=terms)
    page = hits[:limit]
    more = len(hits) > limit
    return SearchPublic(
        items=[SearchHitPublic(article=ArticleSummaryPublic.of(h.article), score=h.score,
                               snippet=h.snippet) for h in page],
        total=offset + len(hits), limit=limit, offset=offset, query=q, expanded_terms=terms,
        total_is_lower_bound=more,
        entities=[EntityPublic.of(e) for e in named_entities(store, q)] if offset == 0 else [])


@router.get("", response_model=SearchPublic)
def search(store: StoreDep, paging: PagingDep, filters: ArticleFiltersDep,
           q: Annotated[str, Query(min_length=1, max_length=500)]) -> SearchPublic:
    """Articles matching ``q``; snippets wrap matches in « »; ``expanded_terms`` lists the name
    variants that were searched too."""
    return run_search(store, q, filters, paging.limit, paging.offset)
