"""Articles: writes, reads by id and by filters, the keyset walk, and full-text search."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Connection, bindparam, func, select, update

from sujet.model import Article
from sujet.store import schema as t
from sujet.store.base import ArticleQuery, SearchHit
from sujet.store.database import Database, by_id_and_date, chunks, unique_by_id
from sujet.store.filters import article_conditions, entity_only, newest_of_entity
from sujet.store.rows import ARTICLE_FIELDS, article_from_row, article_row
from sujet.store.search_terms import build_terms
from sujet.store.snippets import Matcher, make_snippet

# How long the set of stored languages (which stemmers a query needs) is trusted.
LANGUAGES_TTL_S = 30.0


class ArticleRepository:
    """The ``articles`` table (its full-text index is the backend's)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._languages: set[str | None] | None = None
        self._languages_at = 0.0
        self._articles = 0
        self._stats_due: int | None = None

    def track_size(self, conn: Connection, *, force: bool = False) -> None:
        """Count the stored articles and refresh the planner's statistics when due (``force``:
        after a migration, which may add indexes the planner only weighs with statistics)."""
        self._articles = count_all_articles(conn)
        self._stats_due = self.db.backend.refresh_statistics(conn, self._articles, force=force)

    def add_articles(self, articles: Sequence[Article]) -> int:
        new = 0
        unique = unique_by_id(articles, first_wins=True)
        if not unique:
            return 0
        stmt = (
            self.db.backend.insert(t.articles)
            .on_conflict_do_nothing(index_elements=["id"])
            .returning(t.articles.c.id)
        )
        with self.db.write() as conn:
            for batch in chunks(unique):
                rows = [article_row(a) for a in batch]
                new += len(conn.execute(stmt, rows).all())
        if self._languages is not None:
            self._languages.update(a.language for a in unique)
        # Counted from this process's writes between refreshes; recounted at each.
        self._articles += new
        if self._stats_due is not None and self._articles >= self._stats_due:
            with self.db.write() as conn:
                self._articles = count_all_articles(conn)
                self._stats_due = self.db.backend.refresh_statistics(conn, self._articles)
        return new

    def update_articles(self, articles: Sequence[Article]) -> None:
        unique = unique_by_id(articles)
        if not unique:
            return
        columns = [*ARTICLE_FIELDS[1:], "metadata", "search_stems"]
        stmt = (
            update(t.articles)
            .where(t.articles.c.id == bindparam("b_id"))
            .values({name: bindparam(name) for name in columns})
        )
        with self.db.write() as conn:
            for batch in chunks(unique):
                rows = []
                for article in batch:
                    row = article_row(article)
                    row["b_id"] = row.pop("id")
                    rows.append(row)
                conn.execute(stmt, rows)
        if self._languages is not None:
            self._languages.update(a.language for a in unique)

    def get_article(self, article_id: str) -> Article | None:
        with self.db.read() as conn:
            row = conn.execute(
                select(t.articles).where(t.articles.c.id == article_id)
            ).mappings().first()
        return article_from_row(row) if row else None

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        wanted = list(dict.fromkeys(article_ids))
        found: dict[str, Article] = {}
        if not wanted:
            return []
        with self.db.read() as conn:
            for batch in chunks(wanted):
                for row in conn.execute(
                    select(t.articles).where(t.articles.c.id.in_(batch))
                ).mappings():
                    found[row["id"]] = article_from_row(row)
        return [found[i] for i in wanted if i in found]

    def has_article(self, article_id: str) -> bool:
        with self.db.read() as conn:
            return conn.execute(
                select(t.articles.c.seq).where(t.articles.c.id == article_id)
            ).first() is not None

    def find_by_hash(self, content_hash: str) -> str | None:
        if not content_hash:
            return None
        with self.db.read() as conn:
            return conn.execute(
                select(t.articles.c.id)
                .where(t.articles.c.content_hash == content_hash)
                .order_by(t.articles.c.seq)
                .limit(1)
            ).scalar()

    def list_articles(self, query: ArticleQuery | None = None) -> list[Article]:
        q = query or ArticleQuery()
        newest = (t.articles.c.date.desc().nulls_last(), t.articles.c.id)
        # The page is chosen on (seq, date, id) alone, which indexes cover; only its rows (with
        # their texts) are read. An entity's own list is chosen from its mentions' (entity,
        # date) index.
        if (entity_id := entity_only(q)) is not None:
            ids = newest_of_entity(entity_id).limit(max(0, q.limit)).offset(max(0, q.offset))
            page = ids.subquery("page")
            on = page.c.article_id == t.articles.c.id
        else:
            chosen = (
                select(t.articles.c.seq)
                .where(*article_conditions(q))
                .order_by(*newest)
                .limit(max(0, q.limit))
                .offset(max(0, q.offset))
            )
            page = (by_id_and_date(chosen) if q.entity_id else chosen).subquery("page")
            on = page.c.seq == t.articles.c.seq
        stmt = select(t.articles).join(page, on).order_by(*newest)
        with self.db.read() as conn:
            return [article_from_row(r) for r in conn.execute(stmt).mappings()]

    def count_articles(self, query: ArticleQuery | None = None) -> int:
        q = query or ArticleQuery()
        if (entity_id := entity_only(q)) is not None:
            # One row per article of the entity, from its (entity, date) index.
            stmt = select(func.count()).select_from(newest_of_entity(entity_id)
                                                    .order_by(None).subquery())
        else:
            stmt = select(func.count()).select_from(t.articles).where(*article_conditions(q))
            if q.entity_id:
                stmt = by_id_and_date(stmt)
        with self.db.read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        last = 0
        size = max(1, batch)
        while True:
            # Keyset pagination on the insertion sequence: each batch is its own short read.
            with self.db.read() as conn:
                rows = conn.execute(
                    select(t.articles)
                    .where(t.articles.c.seq > last)
                    .order_by(t.articles.c.seq)
                    .limit(size)
                ).mappings().all()
            if not rows:
                return
            last = rows[-1]["seq"]
            for row in rows:
                yield article_from_row(row)

    def search(
        self, text: str, query: ArticleQuery | None = None, *, extra_terms: Iterable[str] = ()
    ) -> list[SearchHit]:
        q = query or ArticleQuery()
        languages: list[str | None] = [q.language] if q.language else self._stored_languages()
        terms = build_terms(text, extra_terms, languages)
        if not terms or q.limit <= 0:
            return []
        with self.db.read() as conn:
            found = self.db.backend.search_rows(
                conn, terms, languages, article_conditions(q), q.limit, max(0, q.offset)
            )
        matcher = Matcher(terms)
        hits = []
        for row, score in found:
            article = article_from_row(row)
            snippet = make_snippet(article.text, article.language, terms, matcher=matcher)
            hits.append(SearchHit(article, score, snippet))
        return hits

    def _stored_languages(self) -> list[str | None]:
        now = time.monotonic()
        if self._languages is None or now - self._languages_at > LANGUAGES_TTL_S:
            with self.db.read() as conn:
                self._languages = set(
                    conn.execute(select(t.articles.c.language).distinct()).scalars()
                )
            self._languages_at = now
        return sorted(self._languages, key=lambda lang: lang or "")


def count_all_articles(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(t.articles)).scalar_one())
