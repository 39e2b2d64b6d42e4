"""Trigram indexes of the entities' name keys on PostgreSQL: the substring lookup of a name
(``name_key LIKE '%…%'``, the entity filter and the name expansion of search) reads them
instead of scanning every entity and variant.

They need the ``pg_trgm`` extension, created in the ``public`` schema when the server offers it
(so that a store in its own schema shares it and dropping that schema leaves it); without it
the lookup stays a scan. SQLite keeps its scan.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sujet.store.backend import Backend

INDEXES = (("ix_entities_name_trgm", "entities", "name_key"),
           ("ix_entity_variants_key_trgm", "entity_variants", "variant_key"))


def _trigram_schema(conn: Connection) -> str | None:
    """The schema of the installed extension, after installing it where the server has it."""
    installed = text("SELECT extnamespace::regnamespace::text FROM pg_extension "
                     "WHERE extname = 'pg_trgm'")
    found = conn.execute(installed).scalar()
    if found is None:
        available = conn.execute(text(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar()
        if available is None:
            return None
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
        found = conn.execute(installed).scalar()
    return str(found) if found is not None else None


def create_name_trigrams(conn: Connection, backend: Backend) -> None:
    """Part of migration 13 (PostgreSQL only)."""
    if backend.name != "postgresql":
        return
    schema = _trigram_schema(conn)
    if schema is None:
        return
    for name, table, column in INDEXES:
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
                             f"USING gin ({column} {schema}.gin_trgm_ops)")
