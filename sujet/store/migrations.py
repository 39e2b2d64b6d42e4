"""Schema versions: an ordered list of migrations applied in one transaction on open.

``meta.schema_version`` records the last migration applied. A store written by a newer Sujet
(version above :data:`SCHEMA_VERSION`) is refused with SchemaVersionError (E301) rather than
misread. A new migration is appended here with the next version number; released ones never
change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, inspect, select

from sujet.errors import SchemaVersionError
from sujet.store.backend import Backend
from sujet.store.mention_dates import create_mention_dates
from sujet.store.name_trigrams import create_name_trigrams
from sujet.store.repositories.bands import create_band_table
from sujet.store.repositories.entities import create_name_key_table
from sujet.store.repositories.event_profiles import create_profile_tables
from sujet.store.schema import (
    alert_deliveries,
    alerts,
    event_aliases,
    meta,
    metadata,
    quotes,
    rejected_documents,
    storyline_aliases,
    watchlists,
)
from sujet.store.shards import create_shard_table

VERSION_KEY = "schema_version"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection, Backend], None]


def _initial_schema(conn: Connection, backend: Backend) -> None:
    metadata.create_all(conn, checkfirst=True)
    backend.install_search(conn)


# Indexes for the pages the API serves, as (name, table, columns, engines). The first three
# follow the exact order of the lists (newest first, undated last), so a page of events,
# storylines or articles reads its rows in order and stops after the page instead of sorting the
# whole table. PostgreSQL needs NULLS LAST spelled out (DESC puts NULLs first there); SQLite
# refuses it in an index and already sorts NULLs last under DESC.
_BOTH = frozenset({"sqlite", "postgresql"})
_READ_INDEXES = (
    ("ix_events_order", "events",
     "coalesce(date_to, date_from) DESC{nulls}, n_articles DESC, id", _BOTH),
    ("ix_storylines_order", "storylines",
     "coalesce(date_to, date_from) DESC{nulls}, n_events DESC, id", _BOTH),
    ("ix_articles_recent", "articles", "date DESC{nulls}, id", _BOTH),
    # Covers "the dates of these articles" (the entity filter's page and count, a dossier's
    # mentions per date) without reading the article rows and their texts.
    ("ix_articles_id_date", "articles", "id, date", _BOTH),
    # Covers "the entities named in these articles" (a dossier's co-mentions).
    ("ix_mentions_article_entity", "mentions", "article_id, entity_id", _BOTH),
    # Covers the usual filters of a full-text hit (SQLite joins each FTS5 match to its article
    # by seq): checking them no longer decodes the article row. Three times faster for a word
    # found in a third of 100,000 articles. PostgreSQL filters inside its own plan.
    ("ix_articles_filters", "articles", "seq, duplicate_of, language, date, event_id",
     frozenset({"sqlite"})),
)


def _read_indexes(conn: Connection, backend: Backend) -> None:
    nulls = " NULLS LAST" if backend.name == "postgresql" else ""
    for name, table, columns, engines in _READ_INDEXES:
        if backend.name in engines:
            conn.exec_driver_sql(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns.format(nulls=nulls)})"
            )


def _alias_tables(conn: Connection, backend: Backend) -> None:
    # A store created at this version already has them (migration 1 creates every table).
    for table in (event_aliases, storyline_aliases):
        table.create(conn, checkfirst=True)


def _rejected_documents(conn: Connection, backend: Backend) -> None:
    rejected_documents.create(conn, checkfirst=True)


def _quotes_table(conn: Connection, backend: Backend) -> None:
    quotes.create(conn, checkfirst=True)



def _mention_dates_and_name_trigrams(conn: Connection, backend: Backend) -> None:
    create_mention_dates(conn, backend)
    create_name_trigrams(conn, backend)


def _alert_tables(conn: Connection, backend: Backend) -> None:
    for table in (watchlists, alerts, alert_deliveries):
        table.create(conn, checkfirst=True)


def _article_topics(conn: Connection, backend: Backend) -> None:
    # A store created at this version already has the column (migration 1 creates it).
    have = {c["name"] for c in inspect(conn).get_columns("articles")}
    if "topic" not in have:
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN topic VARCHAR(16)")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_articles_topic ON articles (topic)")


def _event_importance(conn: Connection, backend: Backend) -> None:
    # A store created at this version already has the column (migration 1 creates it); the
    # events of an older store are scored here, from their stored reports.
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    if "importance" not in have:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN importance FLOAT")
    nulls = " NULLS LAST" if backend.name == "postgresql" else ""
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_events_importance ON events "
                         f"(importance DESC{nulls}, id)")
    from sujet.store.importance_backfill import score_stored_events

    score_stored_events(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tables for every record, full-text search", _initial_schema),
    Migration(2, "indexes for list order and article dates", _read_indexes),
    Migration(3, "aliases of merged events and storylines", _alias_tables),
    Migration(4, "documents rejected at extraction, skipped on re-runs", _rejected_documents),
    Migration(5, "quotes: who said what in each article", _quotes_table),
    Migration(6, "watchlists, their alerts and deliveries", _alert_tables),
    Migration(7, "the topic of each article", _article_topics),
    Migration(8, "the importance order of events", _event_importance),
    Migration(9, "band keys of near-duplicate signatures, kept in the store", create_band_table),
    Migration(10, "ingest shards an interrupted run finished", create_shard_table),
    Migration(11, "name keys of the entities, where the resolver finds candidates",
              create_name_key_table),
    Migration(12, "event profiles: the window of event clustering, storyline links",
              create_profile_tables),
    Migration(13, "the article's date beside each mention, indexed with the entity; trigram "
              "indexes of entity names (PostgreSQL)", _mention_dates_and_name_trigrams),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def read_version(conn: Connection) -> int:
    """The recorded schema version (0 for a store without one)."""
    value = conn.execute(select(meta.c.value).where(meta.c.key == VERSION_KEY)).scalar()
    return int(value) if value is not None else 0


def migrate(conn: Connection, backend: Backend) -> tuple[int, int]:
    """Bring the store to :data:`SCHEMA_VERSION` inside the caller's transaction; returns the
    versions before and after (0 before for a new store)."""
    backend.prepare_migration(conn)
    meta.create(conn, checkfirst=True)
    current = read_version(conn)
    if current > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"store schema version {current} is newer than {SCHEMA_VERSION}, the newest this "
            "version of sujet knows; upgrade sujet"
        )
    for migration in MIGRATIONS:
        if migration.version > current:
            migration.apply(conn, backend)
            _write_version(conn, backend, migration.version)
    return current, max(current, SCHEMA_VERSION)


def _write_version(conn: Connection, backend: Backend, version: int) -> None:
    stmt = backend.insert(meta).values(key=VERSION_KEY, value=str(version))
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": str(version)}))
