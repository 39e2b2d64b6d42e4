"""Full-text search across languages, with names expanded through the entity index."""

from __future__ import annotations

from dataclasses import replace

from sujet.api.schemas import ArticleSummaryPublic, EntityPublic, SearchHitPublic, SearchPublic
from sujet.pipeline.search import expansion_terms, named_entities
from sujet.store.base import ArticleQuery, Store


def search(store: Store, q: str, query: ArticleQuery) -> SearchPublic:
    """One page of hits (``query.limit`` from ``query.offset``). The store builds a snippet for
    every hit it returns, so only one hit past the page is asked for: ``total`` is exact on the
    last page and otherwise a lower bound (``total_is_lower_bound``). The known entities the
    query names come with the first page."""
    limit, offset = query.limit, query.offset
    terms = expansion_terms(store, q)
    hits = store.search(q, replace(query, limit=limit + 1), extra_terms=terms)
    page = hits[:limit]
    return SearchPublic(
        items=[SearchHitPublic(article=ArticleSummaryPublic.of(h.article), score=h.score,
                               snippet=h.snippet) for h in page],
        total=offset + len(hits), limit=limit, offset=offset, query=q, expanded_terms=terms,
        total_is_lower_bound=len(hits) > limit,
        entities=[EntityPublic.of(e) for e in named_entities(store, q)] if offset == 0 else [])
