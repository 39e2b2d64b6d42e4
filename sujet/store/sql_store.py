"""The Store on SQL databases: one code path for SQLite and PostgreSQL.

Every write runs in one transaction (SQLite: ``BEGIN IMMEDIATE``, so concurrent writers queue on
the busy timeout instead of failing on lock upgrade). Database errors surface as StoreError
(E300) with a one-line message.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    bindparam,
    delete,
    desc,
    distinct,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from sujet.errors import InputError, StoreError
from sujet.model import Article, Entity, Event, Fact, Mention, Quote, Storyline
from sujet.store import schema as t
from sujet.store.aliases import AliasTable
from sujet.store.backend import Backend
from sujet.store.base import (
    ArticleQuery,
    EntityQuery,
    IngestRecord,
    RejectedDocument,
    SearchHit,
    Store,
)
from sujet.store.filters import (
    article_conditions,
    articles_of_entity,
    event_conditions,
    like_escape,
)
from sujet.store.migrations import migrate, read_version
from sujet.store.rows import (
    ARTICLE_FIELDS,
    article_from_row,
    article_row,
    entity_from_rows,
    entity_row,
    event_child_rows,
    event_from_rows,
    event_row,
    fact_from_row,
    fact_rows,
    mention_from_row,
    mention_rows,
    name_key,
    no_nul,
    position_rows,
    quote_from_row,
    quote_rows,
    storyline_event_rows,
    storyline_from_rows,
    storyline_row,
    variant_rows,
)
from sujet.store.search_terms import build_terms
from sujet.store.snippets import Matcher, make_snippet
from sujet.stories.importance import score_events

T = TypeVar("T")
R = TypeVar("R")

# Rows per executemany / IN list: below SQLite's bound-parameter limits, large enough to be fast.
CHUNK = 500
# How long the set of stored languages (which stemmers a query needs) is trusted.
LANGUAGES_TTL_S = 30.0


def by_id_and_date(stmt: Select[Any]) -> Select[Any]:
    """``stmt`` reading ``articles`` through the (id, date) index on SQLite.

    For ``articles.id IN (...)`` SQLite picks the unique id index and then reads each article row
    (text included) for its date; the covering (id, date) index answers without those reads, two
    to three times faster on a large store. Only for statements whose selective condition is on
    ``articles.id``. Other engines ignore the hint.
    """
    return stmt.with_hint(t.articles, "INDEXED BY ix_articles_id_date", "sqlite")


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _unique_by_id(records: Sequence[T], *, first_wins: bool = False) -> list[T]:
    """The records with distinct ``id``s; the last one of an id wins unless ``first_wins``."""
    unique: dict[str, T] = {}
    for record in records:
        key = record.id  # type: ignore[attr-defined]
        if not (first_wins and key in unique):
            unique[key] = record
    return list(unique.values())


_EVENT_ALIASES = AliasTable(t.event_aliases, t.events)
_STORYLINE_ALIASES = AliasTable(t.storyline_aliases, t.storylines)


def _one_line(err: BaseException) -> str:
    orig = getattr(err, "orig", None) or err
    lines = str(orig).strip().splitlines()
    return f"{type(orig).__name__}: {lines[0] if lines else ''}"


class SqlStore(Store):
    """A store on a SQL database; ``backend`` supplies what differs between engines."""

    def __init__(self, backend: Backend, url: str) -> None:
        self.url = url
        self._backend = backend
        self._languages: set[str | None] | None = None
        self._languages_at = 0.0
        try:
            with self._write() as conn:
                before, self._version = migrate(conn, backend)
                self._articles = self._count_all_articles(conn)
                # A migration may add indexes, which the planner only weighs with statistics.
                self._stats_due = backend.refresh_statistics(
                    conn, self._articles, force=self._version != before)
        except BaseException:
            backend.close()
            raise

    @staticmethod
    def _count_all_articles(conn: Connection) -> int:
        return int(conn.execute(select(func.count()).select_from(t.articles)).scalar_one())

    @property
    def backend(self) -> Backend:
        return self._backend

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._backend.lock(), self._errors(), self._backend.engine.connect() as conn:
            conn.execution_options(**self._backend.write_options)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._backend.lock(), self._errors(), self._backend.engine.connect() as conn:
            yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as err:
            raise StoreError(_one_line(err), source=self.url) from err

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self._backend.close()

    def schema_version(self) -> int:
        with self._read() as conn:
            return read_version(conn)

    # -- articles ----------------------------------------------------------------------------
    def add_articles(self, articles: Sequence[Article]) -> int:
        new = 0
        unique = _unique_by_id(articles, first_wins=True)
        if not unique:
            return 0
        stmt = (
            self._backend.insert(t.articles)
            .on_conflict_do_nothing(index_elements=["id"])
            .returning(t.articles.c.id)
        )
        with self._write() as conn:
            for batch in chunks(unique):
                rows = [article_row(a) for a in batch]
                new += len(conn.execute(stmt, rows).all())
        if self._languages is not None:
            self._languages.update(a.language for a in unique)
        # Counted from this process's writes between refreshes; recounted at each.
        self._articles += new
        if self._stats_due is not None and self._articles >= self._stats_due:
            with self._write() as conn:
                self._articles = self._count_all_articles(conn)
                self._stats_due = self._backend.refresh_statistics(conn, self._articles)
        return new

    def update_articles(self, articles: Sequence[Article]) -> None:
        unique = _unique_by_id(articles)
        if not unique:
            return
        columns = [*ARTICLE_FIELDS[1:], "metadata", "search_stems"]
        stmt = (
            update(t.articles)
            .where(t.articles.c.id == bindparam("b_id"))
            .values({name: bindparam(name) for name in columns})
        )
        with self._write() as conn:
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
        with self._read() as conn:
            row = conn.execute(
                select(t.articles).where(t.articles.c.id == article_id)
            ).mappings().first()
        return article_from_row(row) if row else None

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        wanted = list(dict.fromkeys(article_ids))
        found: dict[str, Article] = {}
        if not wanted:
            return []
        with self._read() as conn:
            for batch in chunks(wanted):
                for row in conn.execute(
                    select(t.articles).where(t.articles.c.id.in_(batch))
                ).mappings():
                    found[row["id"]] = article_from_row(row)
        return [found[i] for i in wanted if i in found]

    def has_article(self, article_id: str) -> bool:
        with self._read() as conn:
            return conn.execute(
                select(t.articles.c.seq).where(t.articles.c.id == article_id)
            ).first() is not None

    def find_by_hash(self, content_hash: str) -> str | None:
        if not content_hash:
            return None
        with self._read() as conn:
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
        # their texts) are read.
        chosen = (
            select(t.articles.c.seq)
            .where(*article_conditions(q))
            .order_by(*newest)
            .limit(max(0, q.limit))
            .offset(max(0, q.offset))
        )
        page = (by_id_and_date(chosen) if q.entity_id else chosen).subquery("page")
        stmt = (
            select(t.articles)
            .join(page, page.c.seq == t.articles.c.seq)
            .order_by(*newest)
        )
        with self._read() as conn:
            return [article_from_row(r) for r in conn.execute(stmt).mappings()]

    def count_articles(self, query: ArticleQuery | None = None) -> int:
        q = query or ArticleQuery()
        stmt = select(func.count()).select_from(t.articles).where(*article_conditions(q))
        if q.entity_id:
            stmt = by_id_and_date(stmt)
        with self._read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        last = 0
        size = max(1, batch)
        while True:
            # Keyset pagination on the insertion sequence: each batch is its own short read.
            with self._read() as conn:
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
        with self._read() as conn:
            found = self._backend.search_rows(
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
            with self._read() as conn:
                self._languages = set(
                    conn.execute(select(t.articles.c.language).distinct()).scalars()
                )
            self._languages_at = now
        return sorted(self._languages, key=lambda lang: lang or "")

    # -- signatures --------------------------------------------------------------------------
    def add_signatures(self, rows: Sequence[tuple[str, bytes]]) -> None:
        unique = {article_id: bytes(sig) for article_id, sig in rows}
        if not unique:
            return
        stmt = self._backend.insert(t.signatures)
        stmt = stmt.on_conflict_do_update(
            index_elements=["article_id"], set_={"signature": stmt.excluded.signature}
        )
        with self._write() as conn:
            for batch in chunks(unique.items()):
                conn.execute(stmt, [{"article_id": a, "signature": s} for a, s in batch])

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        last = ""
        while True:
            with self._read() as conn:
                rows = conn.execute(
                    select(t.signatures.c.article_id, t.signatures.c.signature)
                    .where(t.signatures.c.article_id > last)
                    .order_by(t.signatures.c.article_id)
                    .limit(CHUNK * 4)
                ).all()
            if not rows:
                return
            last = rows[-1][0]
            for article_id, signature in rows:
                yield article_id, bytes(signature)

    # -- mentions and entities ---------------------------------------------------------------
    def replace_mentions(self, article_id: str, mentions: Sequence[Mention]) -> None:
        with self._write() as conn:
            conn.execute(delete(t.mentions).where(t.mentions.c.article_id == article_id))
            rows = mention_rows(article_id, mentions)
            for batch in chunks(rows):
                conn.execute(t.mentions.insert(), batch)

    def mentions_of_article(self, article_id: str) -> list[Mention]:
        with self._read() as conn:
            rows = conn.execute(
                select(t.mentions)
                .where(t.mentions.c.article_id == article_id)
                .order_by(t.mentions.c.ord)
            ).mappings()
            return [mention_from_row(r) for r in rows]

    def mentions_of_entity(self, entity_id: str) -> list[Mention]:
        with self._read() as conn:
            rows = conn.execute(
                select(t.mentions)
                .where(t.mentions.c.entity_id == entity_id)
                .order_by(t.mentions.c.article_id, t.mentions.c.ord)
            ).mappings()
            return [mention_from_row(r) for r in rows]

    def mention_timeline(self, entity_id: str) -> list[tuple[str, int]]:
        date = t.articles.c.date
        stmt = by_id_and_date(
            select(date, func.count())
            .select_from(t.mentions.join(t.articles, t.articles.c.id == t.mentions.c.article_id))
            .where(t.mentions.c.entity_id == entity_id, date.is_not(None), date != "")
            .group_by(date)
            .order_by(date)
        )
        with self._read() as conn:
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
        with self._read() as conn:
            return {str(e): int(n) for e, n in conn.execute(stmt)}

    def co_mentions(self, entity_id: str, limit: int = 12,
                    recent: int | None = None) -> list[tuple[str, int]]:
        scope: Select[Any] = articles_of_entity(entity_id)
        if recent is not None:
            scope = by_id_and_date(
                select(t.articles.c.id)
                .where(t.articles.c.id.in_(scope))
                .order_by(t.articles.c.date.desc().nulls_last(), t.articles.c.id)
                .limit(max(0, recent))
            )
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
        with self._read() as conn:
            return [(str(e), int(n)) for e, n in conn.execute(stmt)]

    def _upsert_by_id(self, table: Table) -> Any:
        """INSERT into ``table`` that replaces every column of a row whose ``id`` exists."""
        stmt = self._backend.insert(table)
        return stmt.on_conflict_do_update(
            index_elements=["id"],
            set_={c.name: stmt.excluded[c.name] for c in table.columns if c.name != "id"},
        )

    def upsert_entities(self, entities: Sequence[Entity]) -> None:
        unique = _unique_by_id(entities)
        if not unique:
            return
        stmt = self._upsert_by_id(t.entities)
        with self._write() as conn:
            for batch in chunks(unique):
                ids = [e.id for e in batch]
                conn.execute(stmt, [entity_row(e) for e in batch])
                conn.execute(delete(t.entity_variants).where(t.entity_variants.c.entity_id.in_(ids)))
                conn.execute(
                    delete(t.entity_positions).where(t.entity_positions.c.entity_id.in_(ids))
                )
                variants = [row for e in batch for row in variant_rows(e)]
                positions = [row for e in batch for row in position_rows(e)]
                for rows in chunks(variants):
                    conn.execute(t.entity_variants.insert(), rows)
                for rows in chunks(positions):
                    conn.execute(t.entity_positions.insert(), rows)

    def get_entity(self, entity_id: str) -> Entity | None:
        with self._read() as conn:
            found = self._load_entities(conn, [entity_id])
        return found[0] if found else None

    def get_entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        wanted = list(dict.fromkeys(entity_ids))
        if not wanted:
            return []
        with self._read() as conn:
            return self._load_entities(conn, wanted)

    def find_entities(self, name: str) -> list[Entity]:
        key = name_key(name)
        if not key:
            return []
        by_variant = select(t.entity_variants.c.entity_id).where(
            t.entity_variants.c.variant_key == key
        )
        stmt = (
            select(t.entities.c.id)
            .where(or_(t.entities.c.name_key == key, t.entities.c.id.in_(by_variant)))
            .order_by(t.entities.c.mentions.desc(), t.entities.c.id)
        )
        with self._read() as conn:
            ids = list(conn.execute(stmt).scalars())
            return self._load_entities(conn, ids)

    @staticmethod
    def _entity_filters(stmt: Select[Any], q: EntityQuery) -> Select[Any]:
        if q.type:
            stmt = stmt.where(t.entities.c.type == q.type)
        if q.name:
            pattern = f"%{like_escape(name_key(q.name))}%"
            by_variant = select(t.entity_variants.c.entity_id).where(
                t.entity_variants.c.variant_key.like(pattern, escape="\\")
            )
            stmt = stmt.where(or_(t.entities.c.name_key.like(pattern, escape="\\"),
                                  t.entities.c.id.in_(by_variant)))
        return stmt

    def count_entities(self, query: EntityQuery | None = None) -> int:
        stmt = self._entity_filters(select(func.count()).select_from(t.entities),
                                    query or EntityQuery())
        with self._read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def list_entities(self, query: EntityQuery | None = None) -> list[Entity]:
        q = query or EntityQuery()
        stmt = self._entity_filters(select(t.entities.c.id), q)
        stmt = (
            stmt.order_by(t.entities.c.mentions.desc(), t.entities.c.name, t.entities.c.id)
            .limit(max(0, q.limit))
            .offset(max(0, q.offset))
        )
        with self._read() as conn:
            ids = list(conn.execute(stmt).scalars())
            return self._load_entities(conn, ids)

    def _load_entities(self, conn: Connection, ids: Sequence[str]) -> list[Entity]:
        """Entities by id with their variants and positions, in the order of ``ids``."""
        rows: dict[str, Mapping[Any, Any]] = {}
        variants: dict[str, list[Mapping[Any, Any]]] = {}
        positions: dict[str, list[Mapping[Any, Any]]] = {}
        for batch in chunks(ids):
            for r in conn.execute(select(t.entities).where(t.entities.c.id.in_(batch))).mappings():
                rows[r["id"]] = r
            for r in conn.execute(
                select(t.entity_variants).where(t.entity_variants.c.entity_id.in_(batch))
            ).mappings():
                variants.setdefault(r["entity_id"], []).append(r)
            for r in conn.execute(
                select(t.entity_positions).where(t.entity_positions.c.entity_id.in_(batch))
            ).mappings():
                positions.setdefault(r["entity_id"], []).append(r)
        return [
            entity_from_rows(rows[i], variants.get(i, []), positions.get(i, []))
            for i in ids
            if i in rows
        ]

    def delete_entities(self, entity_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(entity_ids))
        with self._write() as conn:
            for batch in chunks(ids):
                for child in (t.entity_variants, t.entity_positions):
                    conn.execute(delete(child).where(child.c.entity_id.in_(batch)))
                conn.execute(delete(t.entities).where(t.entities.c.id.in_(batch)))

    # -- facts -------------------------------------------------------------------------------
    def replace_facts(self, article_id: str, facts: Sequence[Fact]) -> None:
        with self._write() as conn:
            conn.execute(delete(t.facts).where(t.facts.c.article_id == article_id))
            for batch in chunks(fact_rows(article_id, facts)):
                conn.execute(t.facts.insert(), batch)

    def facts_of_article(self, article_id: str) -> list[Fact]:
        with self._read() as conn:
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
        with self._read() as conn:
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
        with self._write() as conn:
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
        with self._read() as conn:
            return [quote_from_row(r) for r in conn.execute(stmt).mappings()]

    def repoint_quotes(self, merged: Mapping[str, str]) -> None:
        with self._write() as conn:
            for old, new in merged.items():
                conn.execute(
                    update(t.quotes).where(t.quotes.c.entity_id == old).values(entity_id=new)
                )

    # -- events ------------------------------------------------------------------------------
    _EVENT_CHILDREN = (t.event_members, t.event_languages, t.event_entities)

    def upsert_events(self, events: Sequence[Event]) -> None:
        unique = _unique_by_id(events)
        if not unique:
            return
        # every event written gets the importance order key of its stored reports
        score_events(unique, {}, self.get_articles)
        stmt = self._upsert_by_id(t.events)
        with self._write() as conn:
            for batch in chunks(unique):
                ids = [e.id for e in batch]
                conn.execute(stmt, [event_row(e) for e in batch])
                _EVENT_ALIASES.forget(conn, ids)
                for child in self._EVENT_CHILDREN:
                    conn.execute(delete(child).where(child.c.event_id.in_(ids)))
                children = [event_child_rows(e) for e in batch]
                for child in self._EVENT_CHILDREN:
                    rows = [row for c in children for row in c[child.name]]
                    for part in chunks(rows):
                        conn.execute(child.insert(), part)

    def delete_events(self, event_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(event_ids))
        with self._write() as conn:
            for batch in chunks(ids):
                for child in self._EVENT_CHILDREN:
                    conn.execute(delete(child).where(child.c.event_id.in_(batch)))
                conn.execute(delete(t.events).where(t.events.c.id.in_(batch)))

    def get_event(self, event_id: str) -> Event | None:
        with self._read() as conn:
            found = self._load_events(conn, [event_id])
        return found[0] if found else None

    def list_events(self, limit: int = 50, offset: int = 0, language: str | None = None,
                    date_from: str | None = None, date_to: str | None = None,
                    entity_id: str | None = None, order: str | None = None) -> list[Event]:
        recent = func.coalesce(t.events.c.date_to, t.events.c.date_from)
        sort: tuple[Any, ...] = (recent.desc().nulls_last(), t.events.c.n_articles.desc(),
                                 t.events.c.id)
        if order == "important":
            sort = (t.events.c.importance.desc().nulls_last(), *sort)
        stmt = (
            select(t.events.c.id)
            .where(*event_conditions(language, date_from, date_to, entity_id))
            .order_by(*sort)
            .limit(max(0, limit))
            .offset(max(0, offset))
        )
        with self._read() as conn:
            ids = list(conn.execute(stmt).scalars())
            return self._load_events(conn, ids)

    def count_events(self, language: str | None = None, date_from: str | None = None,
                     date_to: str | None = None, entity_id: str | None = None) -> int:
        stmt = (
            select(func.count())
            .select_from(t.events)
            .where(*event_conditions(language, date_from, date_to, entity_id))
        )
        with self._read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def _load_events(self, conn: Connection, ids: Sequence[str]) -> list[Event]:
        rows: dict[str, Mapping[Any, Any]] = {}
        children: dict[str, dict[str, list[Mapping[Any, Any]]]] = {
            child.name: {} for child in self._EVENT_CHILDREN
        }
        for batch in chunks(ids):
            for r in conn.execute(select(t.events).where(t.events.c.id.in_(batch))).mappings():
                rows[r["id"]] = r
            for child in self._EVENT_CHILDREN:
                for r in conn.execute(
                    select(child).where(child.c.event_id.in_(batch))
                ).mappings():
                    children[child.name].setdefault(r["event_id"], []).append(r)
        return [
            event_from_rows(
                rows[i],
                children["event_members"].get(i, []),
                children["event_languages"].get(i, []),
                children["event_entities"].get(i, []),
            )
            for i in ids
            if i in rows
        ]

    # -- storylines --------------------------------------------------------------------------
    def upsert_storylines(self, storylines: Sequence[Storyline]) -> None:
        unique = _unique_by_id(storylines)
        if not unique:
            return
        stmt = self._upsert_by_id(t.storylines)
        with self._write() as conn:
            for batch in chunks(unique):
                ids = [s.id for s in batch]
                conn.execute(stmt, [storyline_row(s) for s in batch])
                _STORYLINE_ALIASES.forget(conn, ids)
                conn.execute(
                    delete(t.storyline_events).where(t.storyline_events.c.storyline_id.in_(ids))
                )
                rows = [row for s in batch for row in storyline_event_rows(s)]
                for part in chunks(rows):
                    conn.execute(t.storyline_events.insert(), part)

    def delete_storylines(self, storyline_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(storyline_ids))
        with self._write() as conn:
            for batch in chunks(ids):
                conn.execute(
                    delete(t.storyline_events).where(t.storyline_events.c.storyline_id.in_(batch))
                )
                conn.execute(delete(t.storylines).where(t.storylines.c.id.in_(batch)))

    def get_storyline(self, storyline_id: str) -> Storyline | None:
        with self._read() as conn:
            found = self._load_storylines(conn, [storyline_id])
        return found[0] if found else None

    def list_storylines(self, limit: int = 50, offset: int = 0) -> list[Storyline]:
        recent = func.coalesce(t.storylines.c.date_to, t.storylines.c.date_from)
        stmt = (
            select(t.storylines.c.id)
            .order_by(recent.desc().nulls_last(), t.storylines.c.n_events.desc(),
                      t.storylines.c.id)
            .limit(max(0, limit))
            .offset(max(0, offset))
        )
        with self._read() as conn:
            ids = list(conn.execute(stmt).scalars())
            return self._load_storylines(conn, ids)

    def count_storylines(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(t.storylines)).scalar_one())

    def _load_storylines(self, conn: Connection, ids: Sequence[str]) -> list[Storyline]:
        rows: dict[str, Mapping[Any, Any]] = {}
        events: dict[str, list[Mapping[Any, Any]]] = {}
        for batch in chunks(ids):
            for r in conn.execute(
                select(t.storylines).where(t.storylines.c.id.in_(batch))
            ).mappings():
                rows[r["id"]] = r
            for r in conn.execute(
                select(t.storyline_events).where(t.storyline_events.c.storyline_id.in_(batch))
            ).mappings():
                events.setdefault(r["storyline_id"], []).append(r)
        return [storyline_from_rows(rows[i], events.get(i, [])) for i in ids if i in rows]

    # -- ids of merged events and storylines ----------------------------------------------
    def add_event_aliases(self, aliases: Mapping[str, str]) -> None:
        self._add_aliases(_EVENT_ALIASES, aliases)

    def add_storyline_aliases(self, aliases: Mapping[str, str]) -> None:
        self._add_aliases(_STORYLINE_ALIASES, aliases)

    def resolve_event_id(self, event_id: str) -> str | None:
        with self._read() as conn:
            return _EVENT_ALIASES.resolve(conn, event_id)

    def resolve_storyline_id(self, storyline_id: str) -> str | None:
        with self._read() as conn:
            return _STORYLINE_ALIASES.resolve(conn, storyline_id)

    def ids_with_prefix(self, kind: str, prefix: str, limit: int = 2) -> list[str]:
        tables = {"article": t.articles, "event": t.events, "storyline": t.storylines,
                  "entity": t.entities}
        if kind not in tables:
            raise InputError(f"unknown record kind {kind!r}")
        if not prefix:
            return []
        column = tables[kind].c.id
        match: ColumnElement[bool]
        if self.backend.name == "sqlite":
            # Binary collation: a range on the primary key, an index seek.
            upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            match = (column >= prefix) & (column < upper)
        else:  # a locale collation orders by other rules: match the prefix itself
            match = column.like(like_escape(prefix) + "%", escape="\\")
        stmt = select(column).where(match).order_by(column).limit(limit)
        with self._read() as conn:
            return [str(i) for i in conn.execute(stmt).scalars() if str(i).startswith(prefix)]

    def _add_aliases(self, aliases: AliasTable, pairs: Mapping[str, str]) -> None:
        if pairs:
            with self._write() as conn:
                aliases.add(conn, self._backend, pairs)

    # -- documents rejected at extraction -------------------------------------------------------
    def remember_rejects(self, rejects: Sequence[RejectedDocument]) -> None:
        rows = {r.key: {"key": r.key, "source": no_nul(r.source), "stage": r.stage,
                        "code": r.code, "reason": no_nul(r.reason)[:1000],
                        "rejected_at": r.rejected_at} for r in rejects}
        if not rows:
            return
        stmt = self._backend.insert(t.rejected_documents)
        stmt = stmt.on_conflict_do_update(
            index_elements=["key"],
            set_={c: stmt.excluded[c] for c in ("source", "stage", "code", "reason", "rejected_at")},
        )
        with self._write() as conn:
            for batch in chunks(rows.values()):
                conn.execute(stmt, list(batch))

    def rejected_keys(self, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        col = t.rejected_documents.c.key
        with self._read() as conn:
            for batch in chunks(list(dict.fromkeys(keys))):
                found.update(conn.execute(select(col).where(col.in_(batch))).scalars())
        return found

    def forget_rejects(self, keys: Sequence[str]) -> None:
        col = t.rejected_documents.c.key
        with self._write() as conn:
            for batch in chunks(list(dict.fromkeys(keys))):
                conn.execute(delete(t.rejected_documents).where(col.in_(batch)))

    def list_rejects(self, limit: int = 100) -> list[RejectedDocument]:
        tbl = t.rejected_documents
        stmt = select(tbl).order_by(desc(tbl.c.rejected_at), tbl.c.key).limit(limit)
        with self._read() as conn:
            return [RejectedDocument(r.key, r.source, r.stage, r.code, r.reason, r.rejected_at)
                    for r in conn.execute(stmt)]

    # -- caches ------------------------------------------------------------------------------
    def get_cached(self, namespace: str, keys: Sequence[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return found
        with self._read() as conn:
            for batch in chunks(wanted):
                for key, value in conn.execute(
                    select(t.cache.c.key, t.cache.c.value).where(
                        t.cache.c.namespace == namespace, t.cache.c.key.in_(batch)
                    )
                ):
                    found[key] = bytes(value)
        return found

    def put_cached(self, namespace: str, items: Sequence[tuple[str, bytes]]) -> None:
        unique = {key: bytes(value) for key, value in items}
        if not unique:
            return
        stmt = self._backend.insert(t.cache)
        stmt = stmt.on_conflict_do_update(
            index_elements=["namespace", "key"], set_={"value": stmt.excluded.value}
        )
        with self._write() as conn:
            for batch in chunks(unique.items()):
                conn.execute(stmt, [{"namespace": namespace, "key": k, "value": v}
                                    for k, v in batch])

    # -- runs and sources --------------------------------------------------------------------
    def record_run(self, run: IngestRecord) -> None:
        row = {
            "run_id": run.run_id, "started_at": run.started_at, "finished_at": run.finished_at,
            "inputs": list(run.inputs), "stats": dict(run.stats),
        }
        stmt = self._backend.insert(t.runs).values(row)
        stmt = stmt.on_conflict_do_update(
            index_elements=["run_id"],
            set_={k: stmt.excluded[k] for k in row if k != "run_id"},
        )
        with self._write() as conn:
            conn.execute(stmt)

    def list_runs(self, limit: int = 20) -> list[IngestRecord]:
        stmt = (
            select(t.runs)
            .order_by(desc(t.runs.c.started_at), desc(t.runs.c.run_id))
            .limit(max(0, limit))
        )
        with self._read() as conn:
            return [
                IngestRecord(run_id=r["run_id"], started_at=r["started_at"],
                             finished_at=r["finished_at"], inputs=list(r["inputs"]),
                             stats=dict(r["stats"]))
                for r in conn.execute(stmt).mappings()
            ]

    def upsert_source(self, source: dict[str, Any]) -> None:
        """Merge ``source`` into the stored one with the same ``url`` (keys not given are kept)."""
        url = source.get("url")
        if not isinstance(url, str) or not url:
            raise InputError("a source needs a non-empty 'url'")
        url = no_nul(url)
        with self._write() as conn:
            stored = conn.execute(select(t.sources.c.data).where(t.sources.c.url == url)).scalar()
            data = {**(stored or {}), **source, "url": url}
            stmt = self._backend.insert(t.sources).values(url=url, data=data)
            conn.execute(
                stmt.on_conflict_do_update(index_elements=["url"],
                                           set_={"data": stmt.excluded.data})
            )

    def list_sources(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            return [
                dict(data)
                for data in conn.execute(select(t.sources.c.data).order_by(t.sources.c.url))
                .scalars()
            ]

    def delete_source(self, url: str) -> bool:
        with self._write() as conn:
            result = conn.execute(delete(t.sources).where(t.sources.c.url == no_nul(url)))
        return bool(result.rowcount)
