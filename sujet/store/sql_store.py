"""The Store on SQL databases: one code path for SQLite and PostgreSQL.

:class:`SqlStore` keeps the :class:`~sujet.store.base.Store` interface and hands each call to the
repository of its aggregate (sujet/store/repositories/), all over one
:class:`~sujet.store.database.Database`: articles, signatures and their near-duplicate bands,
mentions, entities, statements (facts and quotes), events, storylines, and runs (runs, sources,
rejects, caches). Code that needs more than the interface (new reads for one aggregate) adds them
to that repository and reaches it as ``store.<aggregate>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import ColumnElement, select

from sujet.errors import InputError
from sujet.model import Article, Entity, Event, Fact, Mention, Quote, Storyline
from sujet.store import schema as t
from sujet.store.backend import Backend
from sujet.store.base import (
    ArticleQuery,
    EntityQuery,
    IngestRecord,
    RejectedDocument,
    SearchHit,
    Store,
)
from sujet.store.database import Database
from sujet.store.filters import like_escape
from sujet.store.ingest_lock import IngestLock
from sujet.store.migrations import migrate, read_version
from sujet.store.repositories.articles import ArticleRepository
from sujet.store.repositories.bands import BandRepository
from sujet.store.repositories.entities import EntityRepository
from sujet.store.repositories.event_profiles import EventProfileRepository
from sujet.store.repositories.events import EventRepository
from sujet.store.repositories.mentions import MentionRepository
from sujet.store.repositories.runs import RunRepository
from sujet.store.repositories.signatures import SignatureRepository
from sujet.store.repositories.statements import StatementRepository
from sujet.store.repositories.storylines import StorylineRepository
from sujet.stories.profiles import ProfileRecord


class SqlStore(Store):
    """A store on a SQL database; ``backend`` supplies what differs between engines."""

    def __init__(self, backend: Backend, url: str) -> None:
        self.url = url
        self.db = Database(backend, url)
        self.articles = ArticleRepository(self.db)
        self.signatures = SignatureRepository(self.db)
        self.bands = BandRepository(self.db)
        self.mentions = MentionRepository(self.db)
        self.entities = EntityRepository(self.db)
        self.statements = StatementRepository(self.db)
        self.events = EventRepository(self.db, self.articles.get_articles)
        self.storylines = StorylineRepository(self.db)
        self.profiles = EventProfileRepository(self.db)
        self.runs = RunRepository(self.db)
        self._lock = IngestLock(self.db, getattr(backend, "path", None))
        try:
            with self.db.write() as conn:
                before, self._version = migrate(conn, backend)
                self.articles.track_size(conn, force=self._version != before)
        except BaseException:
            backend.close()
            raise

    @property
    def backend(self) -> Backend:
        return self.db.backend

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.db.backend.close()

    def schema_version(self) -> int:
        with self.db.read() as conn:
            return read_version(conn)

    def atomic(self) -> AbstractContextManager[None]:
        return self.db.atomic()

    def ingest_lock(self) -> AbstractContextManager[float]:
        return self._lock.hold()

    @property
    def state_generation(self) -> int:
        return self._lock.generation

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
        with self.db.read() as conn:
            return [str(i) for i in conn.execute(stmt).scalars() if str(i).startswith(prefix)]

    # -- the interface, by aggregate -----------------------------------------------------------
    def add_articles(self, articles: Sequence[Article]) -> int:
        return self.articles.add_articles(articles)

    def update_articles(self, articles: Sequence[Article]) -> None:
        self.articles.update_articles(articles)

    def get_article(self, article_id: str) -> Article | None:
        return self.articles.get_article(article_id)

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        return self.articles.get_articles(article_ids)

    def has_article(self, article_id: str) -> bool:
        return self.articles.has_article(article_id)

    def find_by_hash(self, content_hash: str) -> str | None:
        return self.articles.find_by_hash(content_hash)

    def list_articles(self, query: ArticleQuery | None = None) -> list[Article]:
        return self.articles.list_articles(query)

    def count_articles(self, query: ArticleQuery | None = None) -> int:
        return self.articles.count_articles(query)

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        return self.articles.iter_articles(batch)

    def search(
        self, text: str, query: ArticleQuery | None = None, *, extra_terms: Iterable[str] = ()
    ) -> list[SearchHit]:
        return self.articles.search(text, query, extra_terms=extra_terms)

    def add_signatures(self, rows: Sequence[tuple[str, bytes]]) -> None:
        self.signatures.add_signatures(rows)

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        return self.signatures.iter_signatures()

    def replace_mentions(self, article_id: str, mentions: Sequence[Mention]) -> None:
        self.mentions.replace_mentions(article_id, mentions)

    def mentions_of_article(self, article_id: str) -> list[Mention]:
        return self.mentions.mentions_of_article(article_id)

    def mentions_of_entity(self, entity_id: str) -> list[Mention]:
        return self.mentions.mentions_of_entity(entity_id)

    def mention_timeline(self, entity_id: str) -> list[tuple[str, int]]:
        return self.mentions.mention_timeline(entity_id)

    def mention_counts(self, date_from: str, date_to: str,
                       types: Sequence[str] = ("PER", "ORG")) -> dict[str, int]:
        return self.mentions.mention_counts(date_from, date_to, types)

    def co_mentions(self, entity_id: str, limit: int = 12,
                    recent: int | None = None) -> list[tuple[str, int]]:
        return self.mentions.co_mentions(entity_id, limit, recent)

    def upsert_entities(self, entities: Sequence[Entity]) -> None:
        self.entities.upsert_entities(entities)

    def get_entity(self, entity_id: str) -> Entity | None:
        return self.entities.get_entity(entity_id)

    def get_entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        return self.entities.get_entities(entity_ids)

    def has_entity(self, entity_id: str) -> bool:
        return self.entities.has_entity(entity_id)

    def entity_ids_for_keys(self, keys: Sequence[str]) -> dict[str, set[str]]:
        return self.entities.ids_for_keys(keys)

    def find_entities(self, name: str) -> list[Entity]:
        return self.entities.find_entities(name)

    def list_entities(self, query: EntityQuery | None = None) -> list[Entity]:
        return self.entities.list_entities(query)

    def count_entities(self, query: EntityQuery | None = None) -> int:
        return self.entities.count_entities(query)

    def iter_entities(self, batch: int = 1000) -> Iterator[Entity]:
        return self.entities.iter_entities(batch)

    def delete_entities(self, entity_ids: Sequence[str]) -> None:
        self.entities.delete_entities(entity_ids)

    def replace_facts(self, article_id: str, facts: Sequence[Fact]) -> None:
        self.statements.replace_facts(article_id, facts)

    def facts_of_article(self, article_id: str) -> list[Fact]:
        return self.statements.facts_of_article(article_id)

    def facts_of_articles(self, article_ids: Sequence[str]) -> dict[str, list[Fact]]:
        return self.statements.facts_of_articles(article_ids)

    def replace_quotes(self, article_id: str, quotes: Sequence[Quote]) -> None:
        self.statements.replace_quotes(article_id, quotes)

    def quotes_of_articles(self, article_ids: Sequence[str]) -> dict[str, list[Quote]]:
        return self.statements.quotes_of_articles(article_ids)

    def quotes_of_entity(self, entity_id: str, limit: int = 50) -> list[Quote]:
        return self.statements.quotes_of_entity(entity_id, limit)

    def repoint_quotes(self, merged: Mapping[str, str]) -> None:
        self.statements.repoint_quotes(merged)

    def upsert_events(self, events: Sequence[Event]) -> None:
        self.events.upsert_events(events)

    def delete_events(self, event_ids: Sequence[str]) -> None:
        self.events.delete_events(event_ids)

    def get_events(self, event_ids: Sequence[str]) -> list[Event]:
        return self.events.get_events(event_ids)

    def put_event_profiles(self, profiles: Sequence[ProfileRecord]) -> None:
        self.profiles.put_event_profiles(profiles)

    def event_profiles(self, event_ids: Sequence[str]) -> dict[str, ProfileRecord]:
        return self.profiles.event_profiles(event_ids)

    def events_covering(self, day_from: int, day_to: int) -> list[str]:
        return self.profiles.events_covering(day_from, day_to)

    def events_with_keys(self, keys: Sequence[str], day_from: int | None,
                         day_to: int | None) -> list[str]:
        return self.profiles.events_with_keys(keys, day_from, day_to)

    def key_event_counts(self, keys: Sequence[str]) -> dict[str, int]:
        return self.profiles.key_event_counts(keys)

    def count_event_profiles(self) -> int:
        return self.profiles.count_event_profiles()

    def events_without_profiles(self, limit: int = 1000) -> list[str]:
        return self.profiles.events_without_profiles(limit)

    def iter_events(self, batch: int = 1000) -> Iterator[Event]:
        return self.events.iter_events(batch)

    def get_event(self, event_id: str) -> Event | None:
        return self.events.get_event(event_id)

    def list_events(self, limit: int = 50, offset: int = 0, language: str | None = None,
                    date_from: str | None = None, date_to: str | None = None,
                    entity_id: str | None = None, order: str | None = None) -> list[Event]:
        return self.events.list_events(limit, offset, language, date_from, date_to, entity_id, order)

    def count_events(self, language: str | None = None, date_from: str | None = None,
                     date_to: str | None = None, entity_id: str | None = None) -> int:
        return self.events.count_events(language, date_from, date_to, entity_id)

    def upsert_storylines(self, storylines: Sequence[Storyline]) -> None:
        self.storylines.upsert_storylines(storylines)

    def delete_storylines(self, storyline_ids: Sequence[str]) -> None:
        self.storylines.delete_storylines(storyline_ids)

    def get_storyline(self, storyline_id: str) -> Storyline | None:
        return self.storylines.get_storyline(storyline_id)

    def list_storylines(self, limit: int = 50, offset: int = 0) -> list[Storyline]:
        return self.storylines.list_storylines(limit, offset)

    def count_storylines(self) -> int:
        return self.storylines.count_storylines()

    def storyline_ids(self) -> set[str]:
        return self.storylines.storyline_ids()

    def add_event_aliases(self, aliases: Mapping[str, str]) -> None:
        self.events.add_event_aliases(aliases)

    def add_storyline_aliases(self, aliases: Mapping[str, str]) -> None:
        self.storylines.add_storyline_aliases(aliases)

    def resolve_event_id(self, event_id: str) -> str | None:
        return self.events.resolve_event_id(event_id)

    def resolve_storyline_id(self, storyline_id: str) -> str | None:
        return self.storylines.resolve_storyline_id(storyline_id)

    def remember_rejects(self, rejects: Sequence[RejectedDocument]) -> None:
        self.runs.remember_rejects(rejects)

    def rejected_keys(self, keys: Sequence[str]) -> set[str]:
        return self.runs.rejected_keys(keys)

    def forget_rejects(self, keys: Sequence[str]) -> None:
        self.runs.forget_rejects(keys)

    def list_rejects(self, limit: int = 100) -> list[RejectedDocument]:
        return self.runs.list_rejects(limit)

    def get_cached(self, namespace: str, keys: Sequence[str]) -> dict[str, bytes]:
        return self.runs.get_cached(namespace, keys)

    def put_cached(self, namespace: str, items: Sequence[tuple[str, bytes]]) -> None:
        self.runs.put_cached(namespace, items)

    def record_run(self, run: IngestRecord) -> None:
        self.runs.record_run(run)

    def list_runs(self, limit: int = 20) -> list[IngestRecord]:
        return self.runs.list_runs(limit)

    def upsert_source(self, source: dict[str, Any]) -> None:
        self.runs.upsert_source(source)

    def list_sources(self) -> list[dict[str, Any]]:
        return self.runs.list_sources()

    def delete_source(self, url: str) -> bool:
        return self.runs.delete_source(url)
