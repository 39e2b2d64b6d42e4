"""Articles: lists, one article with its mentions, facts and persons panel, and one
extracted page (nothing stored) in the same public shape."""

from __future__ import annotations

from collections import Counter

from sujet.api.schemas import (
    ArticlePublic,
    ArticleSummaryPublic,
    FactPublic,
    ListPublic,
    MentionPublic,
    PersonInArticlePublic,
    PositionPublic,
)
from sujet.errors import NotFound
from sujet.model import Article, Entity, Mention, Position
from sujet.services.entity_cache import EntityCache
from sujet.store.base import ArticleQuery, Store


def list_articles(store: Store, query: ArticleQuery, *, total: bool = True
                  ) -> ListPublic[ArticleSummaryPublic]:
    """One page of articles, newest first, with the number matching the filters (or the
    page's length when ``total`` is off)."""
    items = store.list_articles(query)
    count = store.count_articles(query) if total else len(items)
    return ListPublic[ArticleSummaryPublic](
        items=[ArticleSummaryPublic.of(a) for a in items], total=count, limit=query.limit,
        offset=query.offset)


def require_article(store: Store, article_id: str) -> Article:
    article = store.get_article(article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article


def persons_in_article(mentions: list[Mention], entities: EntityCache,
                       article_id: str) -> list[PersonInArticlePublic]:
    """The "persons in this article — last position — mentions" panel, most mentioned first."""
    here: Counter[str] = Counter()
    names: dict[str, str] = {}
    for m in mentions:
        if m.type != "PER":
            continue
        key = m.entity_id or f"~{m.normal}"
        here[key] += 1
        names.setdefault(key, m.normal)
    rows = []
    for key, count in here.most_common():
        entity = entities.get(key) if not key.startswith("~") else None
        if entity is not None:
            here_position = _position_in(entity, article_id)
            last = entity.last_position or here_position
            rows.append(PersonInArticlePublic(
                entity_id=entity.id, name=entity.name,
                last_position=PositionPublic.of(last) if last else None,
                mentions=max(entity.mentions, count), mentions_here=count,
                position_here=PositionPublic.of(here_position) if here_position else None))
        else:
            rows.append(PersonInArticlePublic(entity_id=None, name=names[key],
                                              last_position=None, mentions=count,
                                              mentions_here=count))
    return rows


def _position_in(entity: Entity, article_id: str) -> Position | None:
    for p in entity.positions:
        if p.article_id == article_id:
            return p
    return None


def article_detail(store: Store, article_id: str) -> ArticlePublic:
    article = require_article(store, article_id)
    mentions = store.mentions_of_article(article_id)
    persons = persons_in_article(mentions, EntityCache(store), article_id)
    facts = store.facts_of_article(article_id)
    return ArticlePublic.full(article, [MentionPublic.of(m) for m in mentions], persons,
                              [FactPublic.of(f) for f in facts])


def page_article(article: Article) -> ArticlePublic:
    """An extracted page that is not stored, in the shape of a stored article (no mentions,
    persons or facts: those come with enrichment)."""
    return ArticlePublic.full(article, [], [], [])
