"""Bulk writes of generated rows into a store made by the store itself (schema and migrations).

PostgreSQL: one COPY per table and chunk (psycopg), each chunk its own transaction. The
secondary indexes are dropped for the load and created again by :func:`finish` from their own
definitions (kept in the ``meta`` table meanwhile, so a killed load can still be finished); the
primary keys, unique constraints, foreign keys and the generated full-text column stay, so every
row is checked and indexed for search as the product does it. SQLite: ``executemany`` in one
transaction per chunk through the store's own engine, its triggers keeping FTS5 in sync.
The embedding cache's rows of a text another chunk has written already are left as they are
(SQLite ``INSERT OR IGNORE``; PostgreSQL COPY into a temporary table, then ``ON CONFLICT DO
NOTHING``).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from sqlalchemy import JSON, Connection, func, select, text
from sqlalchemy.engine import make_url

from sujet.dedup.index import _bands_for
from sujet.store import open_store, schema
from sujet.store.backend import Backend, dumps_json
from sujet.store.rows import name_key

PENDING_KEY = "scale_pending_indexes"
# Child tables in foreign-key order.
TABLES = ("articles", "signatures", "mentions", "facts", "quotes", "events", "event_members",
          "event_languages", "event_entities")
LOADED_TABLES = TABLES + ("entities", "entity_variants", "entity_positions", "storylines",
                          "storyline_events", "dedup_bands")
# Rows another chunk may have written already (an embedding of the same text): kept, not doubled.
SHARED_TABLES = ("cache",)


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql:", "postgres:", "postgresql+psycopg:"))


def store_backend(url: str) -> Backend:
    """The store's own backend for ``url`` (its engine set-up, schema selection included)."""
    if is_postgres(url):
        from sujet.store.postgres_backend import PostgresBackend

        return PostgresBackend(url)
    from sujet.store.sqlite_backend import SqliteBackend

    database = make_url(url).database if url.startswith("sqlite:") else url
    return SqliteBackend(database)


def _admin_url(url: str) -> tuple[str, str]:
    """A libpq URL of the server's ``postgres`` database, and the database ``url`` names."""
    from sujet.store.postgres_backend import postgres_url

    parsed, _ = postgres_url(url)
    admin = parsed.set(drivername="postgresql", database="postgres")
    return admin.render_as_string(hide_password=False), str(parsed.database)


def create_database(url: str) -> None:
    """Create the PostgreSQL database named by ``url`` when missing; then the store's schema."""
    if is_postgres(url):
        import psycopg

        admin, name = _admin_url(url)
        with psycopg.connect(admin, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (name,)).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
    open_store(url).close()


def drop_database(url: str) -> None:
    import psycopg

    admin, name = _admin_url(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Loader:
    """Writes chunks of rows into one store."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = is_postgres(url)
        self.backend = store_backend(url)
        self.engine = self.backend.engine

    def close(self) -> None:
        self.backend.close()

    def article_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.articles)).scalar()
                       or 0)

    def has_chunk(self, first_article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(schema.articles.c.seq).where(
                schema.articles.c.id == first_article_id)).first() is not None

    # -- secondary indexes (PostgreSQL) ----------------------------------------------------
    def drop_indexes(self) -> int:
        """Drop the secondary indexes of the loaded tables, keeping their definitions."""
        if not self.postgres:
            return 0
        with self.engine.begin() as conn:
            rows = conn.execute(text(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "WHERE i.schemaname = current_schema() AND i.tablename = ANY(:tables) "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"),
                {"tables": list(LOADED_TABLES)}).all()
            pending = dict(json.loads(self._meta(conn) or "{}"))
            for name, ddl in rows:
                pending[name] = ddl
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self._set_meta(conn, json.dumps(pending))
        return len(rows)

    def create_indexes(self) -> int:
        if not self.postgres:
            return 0
        with self.engine.begin() as conn:
            conn.exec_driver_sql("SET maintenance_work_mem = '512MB'")
            pending = dict(json.loads(self._meta(conn) or "{}"))
            for ddl in pending.values():
                conn.exec_driver_sql(re.sub(r"^(CREATE (?:UNIQUE )?INDEX) ", r"\1 IF NOT EXISTS ",
                                            ddl))
            conn.execute(schema.meta.delete().where(schema.meta.c.key == PENDING_KEY))
        return len(pending)

    @staticmethod
    def _meta(conn: Connection) -> str | None:
        return conn.execute(select(schema.meta.c.value)
                            .where(schema.meta.c.key == PENDING_KEY)).scalar()

    @staticmethod
    def _set_meta(conn: Connection, value: str) -> None:
        conn.execute(schema.meta.delete().where(schema.meta.c.key == PENDING_KEY))
        conn.execute(schema.meta.insert().values(key=PENDING_KEY, value=value))

    # -- rows ------------------------------------------------------------------------------
    def write(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """One chunk, in one transaction."""
        if self.postgres:
            self._copy(tables)
        else:
            with self.engine.begin() as conn:
                for name in LOADED_TABLES:
                    if tables.get(name):
                        conn.execute(schema.metadata.tables[name].insert(), tables[name])
                for name in SHARED_TABLES:
                    if tables.get(name):
                        conn.execute(schema.metadata.tables[name].insert().prefix_with(
                            "OR IGNORE"), tables[name])

    def _copy(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("SET synchronous_commit = off")
            for name in LOADED_TABLES + SHARED_TABLES:
                rows = tables.get(name)
                if not rows:
                    continue
                table = schema.metadata.tables[name]
                cols = [c.name for c in table.columns if c.name in rows[0]]
                json_cols = {c.name for c in table.columns if isinstance(c.type, JSON)}
                target = name
                if name in SHARED_TABLES:  # through a copy of the table, then ON CONFLICT
                    target = f"pending_{name}"
                    cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS {target} "
                                f"(LIKE {name}) ON COMMIT DELETE ROWS")
                with cur.copy(f"COPY {target} ({', '.join(cols)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([dumps_json(row[c]) if c in json_cols else row[c]
                                        for c in cols])
                if target != name:
                    cur.execute(f"INSERT INTO {name} ({', '.join(cols)}) SELECT "
                                f"{', '.join(cols)} FROM {target} ON CONFLICT DO NOTHING")
            raw.commit()
        finally:
            raw.close()

    # -- derived rows ----------------------------------------------------------------------
    def finish(self, positions: dict[str, list[str]], seed: int) -> dict[str, int]:
        """Entities (and their name keys) from the stored mentions, storylines from the stored
        events, the event profiles, the near-duplicate band keys of the stored signatures, the dropped indexes again, vacuum
        and planner statistics. Each step is skipped where it was done."""
        rng = np.random.default_rng(seed)
        open_store(self.url).close()  # the migrations of this version (the band table, ...)
        self.drop_indexes()
        counts = {"entities": self._entities(positions, rng), "storylines": self._storylines(),
                  "bands": self._bands(), "profiles": self._profiles()}
        counts["indexes"] = self.create_indexes()
        # A store in use has been vacuumed by autovacuum (visibility map set, so counts read
        # indexes only) and analysed; the loaded one is brought to that state.
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE" if self.postgres else "ANALYZE")
        return counts

    def _count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)

    def _bands(self) -> int:
        """The band keys the store's near-duplicate index (``sujet.dedup.store_index``) would
        write when first opened on this store, written in bulk, and its mark that the store
        is indexed under its banding scheme."""
        from sujet.config import DedupSettings
        from sujet.dedup.fingerprint import from_bytes
        from sujet.dedup.store_index import INDEXED_NAMESPACE, StoreIndex

        settings = DedupSettings()
        with open_store(self.url) as store:
            # buckets() of an index that is not opened on the store (opening it would index
            # the store row by row, which is what this replaces)
            index = StoreIndex.__new__(StoreIndex)
            index.num_perm, index.threshold = settings.num_perm, settings.threshold
            index.bands = _bands_for(index.num_perm, index.threshold)
            index.rows = index.num_perm // index.bands
            index.scheme = f"{index.num_perm}:{index.bands}x{index.rows}"
            if store.get_cached(INDEXED_NAMESPACE, [index.scheme]):
                return 0
            total = 0
            with self.engine.connect() as conn:
                result = conn.execution_options(stream_results=True, yield_per=20000).execute(
                    text("SELECT a.id, s.signature FROM articles a JOIN signatures s "
                         "ON s.article_id = a.id WHERE a.duplicate_of IS NULL ORDER BY a.seq"))
                for part in result.partitions():
                    rows = [{"bucket": b, "article_id": article_id}
                            for article_id, data in part
                            for b in dict.fromkeys(index.buckets(from_bytes(bytes(data))))]
                    self.write({"dedup_bands": rows})
                    total += len(part)
            store.put_cached(INDEXED_NAMESPACE, [(index.scheme, b"1")])
        return total

    def _profiles(self) -> int:
        """The event profiles the event window and storyline linking read, made by the event
        enricher itself: its first use on a store whose events lack them profiles those events
        from their stored reports (their cached vectors and entities), as on an older store."""
        from sujet.config import Settings
        from sujet.pipeline.enrich import EventEnricher

        with open_store(self.url) as store:
            missing = store.count_events() - store.count_event_profiles()
            if missing > 0:
                EventEnricher(Settings())([], store)
            return max(0, missing)

    def _entities(self, positions: dict[str, list[str]], rng: np.random.Generator) -> int:
        if self._count("entities"):
            return 0
        with self.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT m.entity_id, min(m.type), min(m.normal), count(*), min(a.date), "
                "max(a.date), min(m.article_id), min(a.language) FROM mentions m "
                "JOIN articles a ON a.id = m.article_id "
                "WHERE m.entity_id IS NOT NULL AND m.entity_id NOT IN (SELECT id FROM entities) "
                "GROUP BY m.entity_id")).all()
        total = 0
        for batch in _batches(rows, 20000):
            tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for entity_id, typ, name, n, first, last, article_id, lang in batch:
                tables["entities"].append({
                    "id": entity_id, "type": typ, "name": name, "name_key": name_key(name),
                    "mentions": int(n), "first_seen": first, "last_seen": last, "metadata": {}})
                tables["entity_variants"].append({"entity_id": entity_id, "ord": 0,
                                                  "variant": name, "variant_key": name_key(name)})
                pool = positions.get(lang or "ru") or positions.get("ru") or []
                if typ == "PER" and n >= 5 and pool:
                    for i in range(int(rng.integers(1, 3))):
                        tables["entity_positions"].append({
                            "entity_id": entity_id, "ord": i,
                            "title": pool[int(rng.integers(len(pool)))], "date": first,
                            "article_id": article_id, "organisation": None, "language": lang})
            self.write(dict(tables))
            total += len(batch)
        # the resolver's name keys, written by the store's own backfill (the one its migration
        # runs on an older store): the bulk rows above went around the entity repository
        from sujet.store.repositories.entities import backfill_name_keys

        with self.engine.begin() as conn:
            backfill_name_keys(conn)
        return total

    def _storylines(self) -> int:
        if self._count("storylines"):
            return 0
        with self.engine.connect() as conn:
            events = conn.execute(text(
                "SELECT id, title, date_from, date_to, storyline_id FROM events "
                "WHERE storyline_id IS NOT NULL AND storyline_id NOT IN "
                "(SELECT id FROM storylines) ORDER BY date_from, id")).all()
            keys = conn.execute(text(
                "SELECT e.storyline_id, ee.entity_id FROM event_entities ee "
                "JOIN events e ON e.id = ee.event_id WHERE e.storyline_id IS NOT NULL "
                "AND ee.ord < 3")).all()
        key_counts: dict[str, Counter[str]] = defaultdict(Counter)
        for line_id, entity_id in keys:
            key_counts[line_id][entity_id] += 1
        lines: dict[str, list[Any]] = defaultdict(list)
        for row in events:
            lines[row[4]].append(row)
        tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for line_id, members in lines.items():
            tables["storylines"].append({
                "id": line_id, "title": members[0][1], "date_from": members[0][2],
                "date_to": max(m[3] or "" for m in members), "n_events": len(members),
                "key_entities": [e for e, _ in key_counts[line_id].most_common(3)],
                "metadata": {}})
            tables["storyline_events"].extend(
                {"storyline_id": line_id, "ord": i, "event_id": m[0]}
                for i, m in enumerate(members))
        self.write(dict(tables))
        return len(lines)


def _batches(rows: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
