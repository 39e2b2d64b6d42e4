"""What articles state: facts and quotes, kept per article."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, delete, select, update

from sujet.model import Fact, Quote
from sujet.store import schema as t
from sujet.store.database import Database, chunks
from sujet.store.rows import fact_from_row, fact_rows, quote_from_row, quote_rows

R = TypeVar("R")


class StatementRepository:
    """The ``facts`` and ``quotes`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def replace_facts(self, article_id: str, facts: Sequence[Fact]) -> None:
        with self.db.write() as conn:
            conn.execute(delete(t.facts).where(t.facts.c.article_id == article_id))
            for batch in chunks(fact_rows(article_id, facts)):
                conn.execute(t.facts.insert(), batch)

    def facts_of_article(self, article_id: str) -> list[Fact]:
        with self.db.read() as conn:
            rows = conn.execute(
                select(t.facts).where(t.facts.c.article_id == article_id).order_by(t.facts.c.ord)
            ).mappings()
            return [fact_from_row(r) for r in rows]

    def facts_of_articles(self, article_ids: Sequence[str]) -> dict[str, list[Fact]]:
        return self._per_article(t.facts, article_ids, fact_from_row)

    def _per_article(self, table: Table, article_ids: Sequence[str],
                     from_row: Callable[[Mapping[Any, Any]], R]) -> dict[str, list[R]]:
        """The rows of a per-article table (facts, quotes) for ``article_ids``, in their order."""
        found: dict[str, list[R]] = {}
        with self.db.read() as conn:
            for batch in chunks(list(dict.fromkeys(article_ids))):
                rows = conn.execute(
                    select(table)
                    .where(table.c.article_id.in_(batch))
                    .order_by(table.c.article_id, table.c.ord)
                ).mappings()
                for row in rows:
                    found.setdefault(row["article_id"], []).append(from_row(row))
        return found

    # -- quotes ------------------------------------------------------------------------------
    def replace_quotes(self, article_id: str, quotes: Sequence[Quote]) -> None:
        with self.db.write() as conn:
            conn.execute(delete(t.quotes).where(t.quotes.c.article_id == article_id))
            for batch in chunks(quote_rows(article_id, quotes)):
                conn.execute(t.quotes.insert(), batch)

    def quotes_of_articles(self, article_ids: Sequence[str]) -> dict[str, list[Quote]]:
        return self._per_article(t.quotes, article_ids, quote_from_row)

    def quotes_of_entity(self, entity_id: str, limit: int = 50) -> list[Quote]:
        stmt = (
            select(t.quotes)
            .join(t.articles, t.articles.c.id == t.quotes.c.article_id)
            .where(t.quotes.c.entity_id == entity_id)
            .order_by(t.articles.c.date.desc(), t.quotes.c.article_id, t.quotes.c.ord)
            .limit(max(0, limit))
        )
        with self.db.read() as conn:
            return [quote_from_row(r) for r in conn.execute(stmt).mappings()]

    def repoint_quotes(self, merged: Mapping[str, str]) -> None:
        with self.db.write() as conn:
            for old, new in merged.items():
                conn.execute(
                    update(t.quotes).where(t.quotes.c.entity_id == old).values(entity_id=new)
                )

