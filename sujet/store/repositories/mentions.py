"""Mentions of entities in articles, and the counts the database derives from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, delete, desc, distinct, func, select

from sujet.model import Mention
from sujet.store import schema as t
from sujet.store.base import ArticleQuery
from sujet.store.database import Database, chunks
from sujet.store.filters import article_conditions, articles_of_entity, newest_of_entity
from sujet.store.rows import mention_from_row, mention_rows


class MentionRepository:
    """The ``mentions`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def replace_mentions(self, article_id: str, mentions: Sequence[Mention]) -> None:
        with self.db.write() as conn:
            conn.execute(delete(t.mentions).where(t.mentions.c.article_id == article_id))
            rows = mention_rows(article_id, mentions)
            for batch in chunks(rows):
                conn.execute(t.mentions.insert(), batch)

    def mentions_of_article(self, article_id: str) -> list[Mention]:
        with self.db.read() as conn:
            rows = conn.execute(
                select(t.mentions)
                .where(t.mentions.c.article_id == article_id)
                .order_by(t.mentions.c.ord)
            ).mappings()
            return [mention_from_row(r) for r in rows]

    def mentions_of_entity(self, entity_id: str) -> list[Mention]:
        with self.db.read() as conn:
            rows = conn.execute(
                select(t.mentions)
                .where(t.mentions.c.entity_id == entity_id)
                .order_by(t.mentions.c.article_id, t.mentions.c.ord)
            ).mappings()
            return [mention_from_row(r) for r in rows]

    def mention_timeline(self, entity_id: str) -> list[tuple[str, int]]:
        # Mentions per article date, from the (entity, date) index alone.
        m = t.mentions.c
        stmt = (
            select(m.date, func.count())
            .where(m.entity_id == entity_id, m.date.is_not(None), m.date != "")
            .group_by(m.date)
            .order_by(m.date)
        )
        with self.db.read() as conn:
            return [(str(d), int(n)) for d, n in conn.execute(stmt)]

    def mention_counts(self, date_from: str, date_to: str,
                       types: Sequence[str] = ("PER", "ORG")) -> dict[str, int]:
        m = t.mentions.c
        dated = ArticleQuery(date_from=date_from, date_to=date_to, include_duplicates=False)
        stmt = (
            select(m.entity_id, func.count(distinct(m.article_id)))
            .select_from(t.mentions.join(t.articles, t.articles.c.id == m.article_id))
            .where(*article_conditions(dated), m.entity_id.is_not(None), m.type.in_(list(types)))
            .group_by(m.entity_id)
        )
        with self.db.read() as conn:
            return {str(e): int(n) for e, n in conn.execute(stmt)}

    def co_mentions(self, entity_id: str, limit: int = 12,
                    recent: int | None = None) -> list[tuple[str, int]]:
        scope: Select[Any] = articles_of_entity(entity_id)
        if recent is not None:
            # The newest articles from the (entity, date) index; no article row is read.
            newest = newest_of_entity(entity_id).limit(max(0, recent)).subquery("newest")
            scope = select(newest.c.article_id)
        m = t.mentions.c
        shared = func.count(distinct(m.article_id)).label("shared")
        stmt = (
            select(m.entity_id, shared)
            # Only entities still stored count (a mention may name a merged-away id).
            .join(t.entities, t.entities.c.id == m.entity_id)
            .where(m.article_id.in_(scope), m.entity_id != entity_id)
            .group_by(m.entity_id)
            .order_by(desc("shared"), m.entity_id)
            .limit(max(0, limit))
        )
        with self.db.read() as conn:
            return [(str(e), int(n)) for e, n in conn.execute(stmt)]

