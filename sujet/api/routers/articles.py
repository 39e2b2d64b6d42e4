"""Articles: filtered, paginated lists and one article with its mentions and persons panel."""

from __future__ import annotations

from fastapi import APIRouter

from sujet.api.assemble import article_detail
from sujet.api.deps import ArticleFiltersDep, PagingDep, StoreDep
from sujet.api.schemas import ArticlePublic, ArticleSummaryPublic, ListPublic

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("", response_model=ListPublic[ArticleSummaryPublic])
def list_articles(store: StoreDep, paging: PagingDep,
                  filters: ArticleFiltersDep) -> ListPublic[ArticleSummaryPublic]:
    """Articles, newest first, with the total number matching the filters."""
    items = store.list_articles(filters.query(paging.limit, paging.offset))
    total = store.count_articles(filters.query())
    return ListPublic[ArticleSummaryPublic](
        items=[ArticleSummaryPublic.of(a) for a in items], total=total, limit=paging.limit,
        offset=paging.offset)


@router.get("/{article_id}", response_model=ArticlePublic)
def get_article(article_id: str, store: StoreDep) -> ArticlePublic:
    """One article: clean text, metadata, entity mentions, facts and the persons panel."""
    return article_detail(store, article_id)
