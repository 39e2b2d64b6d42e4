"""Outgoing feeds (RSS 2.0 or Atom) of the events, of a search, of an entity's articles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from sujet.api.deps import StoreDep
from sujet.api.syndication import FeedItem, FeedMeta, atom, rss
from sujet.errors import NotFound
from sujet.model import Article
from sujet.pipeline.search import expansion_terms
from sujet.provenance import source_label
from sujet.store.base import ArticleQuery

router = APIRouter(prefix="/feeds", tags=["feeds"])

Format = Literal["rss", "atom"]
FEED_SIZE = 50
_MEDIA = {"rss": "application/rss+xml; charset=utf-8", "atom": "application/atom+xml; charset=utf-8"}


def _render(fmt: Format, meta: FeedMeta, items: Sequence[FeedItem]) -> Response:
    body = rss(meta, items) if fmt == "rss" else atom(meta, items)
    return Response(body, media_type=_MEDIA[fmt])


def _article_item(request: Request, article: Article, summary: str = "") -> FeedItem:
    title = article.title or (article.text[:80] + "…" if len(article.text) > 80 else article.text)
    return FeedItem(id=article.id, title=title,
                    link=str(request.url_for("article_page", article_id=article.id)),
                    date=article.date, summary=summary or article.text[:400])


@router.get("/events.{fmt}")
def events_feed(fmt: Format, request: Request, store: StoreDep,
                language: Annotated[str | None, Query(max_length=8)] = None) -> Response:
    events = store.list_events(limit=FEED_SIZE, language=language or None)
    items = [FeedItem(id=e.id, title=e.title,
                      link=str(request.url_for("event_page", event_id=e.id)),
                      date=e.date_to or e.date_from,
                      summary=next(iter(e.summary.values()), "")
                      or f"{len(e.members)} reports in {', '.join(e.languages) or '?'}")
             for e in events]
    meta = FeedMeta(title="Sujet — events", link=str(request.url_for("feed_page")),
                    self_link=str(request.url), description="Latest events, most reported first",
                    language=language or None)
    return _render(fmt, meta, items)


@router.get("/search.{fmt}")
def search_feed(fmt: Format, request: Request, store: StoreDep,
                q: Annotated[str, Query(min_length=1, max_length=500)],
                language: Annotated[str | None, Query(max_length=8)] = None) -> Response:
    hits = store.search(q, ArticleQuery(language=language or None, limit=FEED_SIZE),
                        extra_terms=expansion_terms(store, q))
    items = [_article_item(request, h.article, h.snippet.replace("«", "").replace("»", ""))
             for h in hits]
    meta = FeedMeta(title=f"Sujet — search: {q}",
                    link=str(request.url_for("search_page").include_query_params(q=q)),
                    self_link=str(request.url), description=f"Articles matching {q}")
    return _render(fmt, meta, items)


@router.get("/entities/{entity_id}.{fmt}")
def entity_feed(entity_id: str, fmt: Format, request: Request, store: StoreDep) -> Response:
    entity = store.get_entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity with id {entity_id}")
    articles = store.list_articles(ArticleQuery(entity_id=entity_id, limit=FEED_SIZE))
    items = [_article_item(request, a, f"{source_label(a)}: {a.text[:400]}") for a in articles]
    meta = FeedMeta(title=f"Sujet — {entity.name}",
                    link=str(request.url_for("entity_page", entity_id=entity_id)),
                    self_link=str(request.url), description=f"Articles mentioning {entity.name}")
    return _render(fmt, meta, items)
