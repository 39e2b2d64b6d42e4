"""Articles: filtered, paginated lists and one article with its mentions and persons panel."""

from __future__ import annotations

from fastapi import APIRouter

from sujet.api.deps import ArticleFiltersDep, PagingDep, StoreDep
from sujet.api.schemas import ArticlePublic, ArticleSummaryPublic, ListPublic
from sujet.services import articles as service

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("", response_model=ListPublic[ArticleSummaryPublic])
def list_articles(store: StoreDep, paging: PagingDep,
                  filters: ArticleFiltersDep) -> ListPublic[ArticleSummaryPublic]:
    """Articles, newest first, with the total number matching the filters."""
    return service.list_articles(store, filters.query(paging.limit, paging.offset))


@router.get("/{article_id}", response_model=ArticlePublic)
def get_article(article_id: str, store: StoreDep) -> ArticlePublic:
    """One article: clean text, metadata, entity mentions, facts and the persons panel."""
    return service.article_detail(store, article_id)
