"""The one store interface; SQLite (default) and PostgreSQL implement it.

Writes are batched in transactions and idempotent: articles are keyed by id (derived from the
content hash and source), so re-running an ingest adds nothing twice, and a batch is either
wholly committed or not at all.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from sujet.model import Article, Entity, Event, Fact, Mention, Quote, Storyline
from sujet.stories.profiles import ProfileRecord


@dataclass(slots=True)
class ArticleQuery:
    """Filters shared by every list of articles (CLI, API, exports)."""

    language: str | None = None
    source: str | None = None  # substring of the source path / URL, or the site
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None  # ISO, inclusive
    entity_id: str | None = None
    event_id: str | None = None
    topic: str | None = None
    include_duplicates: bool = True
    limit: int = 50
    offset: int = 0


@dataclass(slots=True)
class SearchHit:
    article: Article
    score: float
    snippet: str  # with matches wrapped in «» markers (the UI turns them into <mark>)


@dataclass(slots=True)
class EntityQuery:
    type: str | None = None
    name: str | None = None  # substring of the canonical name or any variant
    limit: int = 50
    offset: int = 0


@dataclass(slots=True)
class IngestRecord:
    """What the store keeps about one ingest run (for the sources page and resumption)."""

    run_id: str
    started_at: str
    finished_at: str | None = None
    inputs: list[str] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RejectedDocument:
    """A document rejected at extraction (a time, memory or size bound, no article text...),
    remembered so that a re-run skips it; ``key`` is the article id the page would have had."""

    key: str
    source: str
    stage: str
    code: str
    reason: str
    rejected_at: str


class Store(ABC):
    """Interchangeable storage backend."""

    url: str

    # -- lifecycle -------------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def schema_version(self) -> int: ...

    # -- transactions and the ingest lock ----------------------------------------------------
    def atomic(self) -> AbstractContextManager[None]:
        """Every read and write of the calling thread inside the block in one transaction (a
        store without transactions runs them one by one)."""
        return nullcontext()

    def ingest_lock(self) -> AbstractContextManager[float]:
        """Held around the stateful part of an ingest (deduplication, enrichment, their
        writes); a second ingest waits, logs that it waits, and gets the seconds it waited.
        Re-entrant in a process (see :mod:`sujet.store.ingest_lock`)."""
        return nullcontext(0.0)

    @property
    def state_generation(self) -> int:
        """Changes when another process has ingested since this one last held the ingest lock:
        state kept in memory between ingests (the monitor's enrichers) is stale then."""
        return 0

    # -- articles --------------------------------------------------------------------------
    @abstractmethod
    def add_articles(self, articles: Sequence[Article]) -> int:
        """Insert articles in one transaction; existing ids are left alone. Returns new count."""

    @abstractmethod
    def update_articles(self, articles: Sequence[Article]) -> None:
        """Overwrite the stored fields of existing articles (event ids, duplicate_of, ...)."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        """The stored articles among ``article_ids``, in that order (unknown ids left out, each
        article once), read in one query per few hundred ids."""

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def find_by_hash(self, content_hash: str) -> str | None:
        """Id of the first stored article with this content hash (exact duplicates)."""

    @abstractmethod
    def list_articles(self, query: ArticleQuery | None = None) -> list[Article]: ...

    @abstractmethod
    def count_articles(self, query: ArticleQuery | None = None) -> int: ...

    @abstractmethod
    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every article, in insertion order, without loading all at once (exports)."""

    @abstractmethod
    def search(
        self, text: str, query: ArticleQuery | None = None, *, extra_terms: Iterable[str] = ()
    ) -> list[SearchHit]:
        """Full-text search; ``extra_terms`` are ORed in (normal forms, name variants)."""

    # -- dedup signatures (MinHash) --------------------------------------------------------
    @abstractmethod
    def add_signatures(self, rows: Sequence[tuple[str, bytes]]) -> None: ...

    @abstractmethod
    def iter_signatures(self) -> Iterator[tuple[str, bytes]]: ...

    # -- entities ---------------------------------------------------------------------------
    @abstractmethod
    def replace_mentions(self, article_id: str, mentions: Sequence[Mention]) -> None: ...

    @abstractmethod
    def mentions_of_article(self, article_id: str) -> list[Mention]: ...

    @abstractmethod
    def mentions_of_entity(self, entity_id: str) -> list[Mention]: ...

    @abstractmethod
    def mention_timeline(self, entity_id: str) -> list[tuple[str, int]]:
        """Mentions of an entity per article date (the dates as stored, of any precision),
        oldest first; mentions in undated articles are left out. Counted by the database."""

    @abstractmethod
    def mention_counts(self, date_from: str, date_to: str,
                       types: Sequence[str] = ("PER", "ORG")) -> dict[str, int]:
        """For each entity of ``types``: the number of articles (duplicates left out) dated in
        the range that mention it. Counted by the database."""

    @abstractmethod
    def co_mentions(self, entity_id: str, limit: int = 12,
                    recent: int | None = None) -> list[tuple[str, int]]:
        """Other entities mentioned in the articles that mention ``entity_id``, with the number
        of such articles, most shared first (then by id). ``recent`` limits the articles looked
        at to that many newest ones."""

    @abstractmethod
    def upsert_entities(self, entities: Sequence[Entity]) -> None:
        """Insert or overwrite entities with their variants and positions."""

    @abstractmethod
    def get_entity(self, entity_id: str) -> Entity | None: ...

    @abstractmethod
    def get_entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        """The stored entities among ``entity_ids``, in that order (unknown ids left out)."""

    @abstractmethod
    def has_entity(self, entity_id: str) -> bool:
        """Whether an entity is stored under ``entity_id``."""

    @abstractmethod
    def entity_ids_for_keys(self, keys: Sequence[str]) -> dict[str, set[str]]:
        """For each of ``keys`` that has any, the ids of the stored entities with a name or
        variant under it (name keys: :mod:`sujet.entities.name_keys`)."""

    @abstractmethod
    def find_entities(self, name: str) -> list[Entity]:
        """Entities whose canonical name or any variant equals ``name`` (case-insensitive)."""

    @abstractmethod
    def list_entities(self, query: EntityQuery | None = None) -> list[Entity]: ...

    @abstractmethod
    def count_entities(self, query: EntityQuery | None = None) -> int:
        """How many entities ``list_entities`` would return without limit and offset."""

    @abstractmethod
    def delete_entities(self, entity_ids: Sequence[str]) -> None: ...

    @abstractmethod
    def iter_entities(self, batch: int = 1000) -> Iterator[Entity]:
        """Every entity, in id order, read a batch at a time (each batch an index range)."""

    @abstractmethod
    def replace_facts(self, article_id: str, facts: Sequence[Fact]) -> None: ...

    @abstractmethod
    def facts_of_article(self, article_id: str) -> list[Fact]: ...

    @abstractmethod
    def facts_of_articles(self, article_ids: Sequence[str]) -> dict[str, list[Fact]]:
        """Facts of several articles at once, by article id (articles without facts left out)."""

    # -- quotes -----------------------------------------------------------------------------
    @abstractmethod
    def replace_quotes(self, article_id: str, quotes: Sequence[Quote]) -> None:
        """The quotes of an article (what it reports persons and organisations said)."""

    @abstractmethod
    def quotes_of_articles(self, article_ids: Sequence[str]) -> dict[str, list[Quote]]:
        """Quotes of several articles, by article id, in text order."""

    @abstractmethod
    def quotes_of_entity(self, entity_id: str, limit: int = 50) -> list[Quote]:
        """What an entity said, newest articles first."""

    @abstractmethod
    def repoint_quotes(self, merged: Mapping[str, str]) -> None:
        """Quotes of merged-away entities moved to the entity they joined."""

    # -- events and storylines --------------------------------------------------------------
    @abstractmethod
    def upsert_events(self, events: Sequence[Event]) -> None: ...

    @abstractmethod
    def delete_events(self, event_ids: Sequence[str]) -> None: ...

    @abstractmethod
    def get_event(self, event_id: str) -> Event | None: ...

    @abstractmethod
    def get_events(self, event_ids: Sequence[str]) -> list[Event]:
        """The stored events among ``event_ids``, in that order (unknown ids left out)."""

    # Event profiles (sujet.stories.profiles), kept with the events and dropped with them; an
    # event covers the days its members' dates can be (ordinals); keys count events per name.
    @abstractmethod
    def put_event_profiles(self, profiles: Sequence[ProfileRecord]) -> None: ...

    @abstractmethod
    def event_profiles(self, event_ids: Sequence[str]) -> dict[str, ProfileRecord]: ...

    @abstractmethod
    def events_covering(self, day_from: int, day_to: int) -> list[str]: ...

    @abstractmethod
    def events_with_keys(self, keys: Sequence[str], day_from: int | None,
                         day_to: int | None) -> list[str]:
        """Ids of the events with one of ``keys``, undated or covering a day between."""

    @abstractmethod
    def key_event_counts(self, keys: Sequence[str]) -> dict[str, int]: ...

    @abstractmethod
    def count_event_profiles(self) -> int: ...

    @abstractmethod
    def events_without_profiles(self, limit: int = 1000) -> list[str]: ...

    @abstractmethod
    def iter_events(self, batch: int = 1000) -> Iterator[Event]:
        """Every event, in id order, read a batch at a time (each batch an index range)."""

    @abstractmethod
    def list_events(self, limit: int = 50, offset: int = 0, language: str | None = None,
                    date_from: str | None = None, date_to: str | None = None,
                    entity_id: str | None = None, order: str | None = None) -> list[Event]:
        """Newest first, then most reported; ``order="important"``: most important first (the
        stored importance key, unscored events last), then newest."""

    @abstractmethod
    def count_events(self, language: str | None = None, date_from: str | None = None,
                     date_to: str | None = None, entity_id: str | None = None) -> int:
        """How many events ``list_events`` would return with these filters, without a limit."""

    @abstractmethod
    def upsert_storylines(self, storylines: Sequence[Storyline]) -> None: ...

    @abstractmethod
    def delete_storylines(self, storyline_ids: Sequence[str]) -> None: ...

    @abstractmethod
    def get_storyline(self, storyline_id: str) -> Storyline | None: ...

    @abstractmethod
    def list_storylines(self, limit: int = 50, offset: int = 0) -> list[Storyline]: ...

    @abstractmethod
    def count_storylines(self) -> int: ...

    @abstractmethod
    def storyline_ids(self) -> set[str]:
        """The ids of every stored storyline (their rows are not read)."""

    # -- ids of merged events and storylines ------------------------------------------------
    # When two events (or storylines) merge, one id survives and the other becomes its alias,
    # so that every link to either keeps working. Write the aliases after storing the survivors
    # and before or after deleting the merged-away rows (deleting a row keeps its aliases).
    @abstractmethod
    def add_event_aliases(self, aliases: Mapping[str, str]) -> None:
        """Record each event id ``alias`` as merged into the event ``survivor``, in one
        transaction; idempotent. An id mapped to itself is ignored. When a survivor is itself an
        alias, the alias is recorded for the survivor's own survivor; when the survivor had
        been merged into ``alias`` before, this newer merge wins (no alias ever forms a cycle).
        Storing an event whose id is an alias (``upsert_events``) ends that alias."""

    @abstractmethod
    def add_storyline_aliases(self, aliases: Mapping[str, str]) -> None:
        """As :meth:`add_event_aliases`, for storyline ids (``upsert_storylines`` ends one)."""

    @abstractmethod
    def resolve_event_id(self, event_id: str) -> str | None:
        """``event_id`` when that event is stored; the id its aliases lead to when it was merged
        away (following chains); None when the id is unknown."""

    @abstractmethod
    def resolve_storyline_id(self, storyline_id: str) -> str | None:
        """As :meth:`resolve_event_id`, for storylines."""

    @abstractmethod
    def ids_with_prefix(self, kind: str, prefix: str, limit: int = 2) -> list[str]:
        """Up to ``limit`` stored ids of ``kind`` (article, event, storyline, entity) that start
        with ``prefix``, in id order (two are enough to tell a unique prefix from an ambiguous
        one)."""

    # -- documents rejected at extraction -------------------------------------------------------
    @abstractmethod
    def remember_rejects(self, rejects: Sequence[RejectedDocument]) -> None:
        """Record rejected documents (a key recorded again takes the new code and reason)."""

    @abstractmethod
    def rejected_keys(self, keys: Sequence[str]) -> set[str]:
        """Those of ``keys`` recorded as rejected."""

    @abstractmethod
    def forget_rejects(self, keys: Sequence[str]) -> None:
        """Drop the records of these documents (retried, or stored after all)."""

    @abstractmethod
    def list_rejects(self, limit: int = 100) -> list[RejectedDocument]:
        """The rejected documents, newest first."""

    # -- caches (embeddings etc., keyed by content hash) ------------------------------------
    @abstractmethod
    def get_cached(self, namespace: str, keys: Sequence[str]) -> dict[str, bytes]: ...

    @abstractmethod
    def put_cached(self, namespace: str, items: Sequence[tuple[str, bytes]]) -> None: ...

    # -- ingest runs and sources ------------------------------------------------------------
    @abstractmethod
    def record_run(self, run: IngestRecord) -> None: ...

    @abstractmethod
    def list_runs(self, limit: int = 20) -> list[IngestRecord]: ...

    @abstractmethod
    def upsert_source(self, source: dict[str, Any]) -> None:
        """A polled source (feed URL, schedule, last fetch, last error); keyed by ``url``."""

    @abstractmethod
    def list_sources(self) -> list[dict[str, Any]]: ...

    @abstractmethod
    def delete_source(self, url: str) -> bool:
        """Forget a polled source; False when none has this ``url``. Its articles stay."""
