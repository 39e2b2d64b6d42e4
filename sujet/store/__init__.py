"""Storage: one interface (:class:`Store`), SQLite by default, PostgreSQL for larger setups.

``open_store(url)`` accepts:

- ``sqlite:///relative/path.sqlite``, ``sqlite:////absolute/path.sqlite`` or a bare file path;
- ``sqlite://`` (or ``sqlite:///:memory:``): a private in-memory store;
- ``postgresql://user@host:5432/db`` (also ``postgresql+psycopg://`` and ``postgres://``), with an
  optional ``schema=NAME`` parameter that keeps the store in that schema (created when missing),
  e.g. ``postgresql://postgres@127.0.0.1:5432/test?schema=sujet``. libpq's own
  ``options=-csearch_path%3DNAME`` works as well, for an existing schema.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from sujet.errors import InputError, StoreMissing
from sujet.store.base import ArticleQuery, EntityQuery, IngestRecord, SearchHit, Store
from sujet.store.migrations import SCHEMA_VERSION
from sujet.store.sql_store import SqlStore

_POSTGRES_PREFIXES = ("postgresql:", "postgresql+psycopg:", "postgres:")


def open_store(url: str, *, create: bool = True) -> Store:
    """Open (creating and migrating when needed) the store at ``url``.

    With ``create=False`` (commands that only read) a SQLite file that does not exist is not
    created: StoreMissing (E302) says so, and how to make one.

    Raises InputError (E100) for an unsupported URL, StoreError (E300) when the database cannot
    be opened, SchemaVersionError (E301) when it was written by a newer Sujet.
    """
    url = (url or "").strip()
    if not url:
        raise InputError("empty store URL")
    if url.startswith(_POSTGRES_PREFIXES):
        from sujet.store.postgres_backend import PostgresBackend

        pg = PostgresBackend(url)
        return SqlStore(pg, pg.display_url)
    from sujet.store.sqlite_backend import SqliteBackend

    if url.startswith("sqlite:"):
        try:
            database = make_url(url).database
        except ArgumentError as err:
            raise InputError(f"invalid SQLite URL {url!r}") from err
        path = None if database in (None, "", ":memory:") else database
        if not create and path is not None:
            _require_file(path, url)
        return SqlStore(SqliteBackend(path), url)
    if "://" in url:
        raise InputError(f"unsupported store URL {url!r}: use sqlite:/// or postgresql://")
    if not create:
        _require_file(url, url)
    return SqlStore(SqliteBackend(str(Path(url))), f"sqlite:///{url}")


def _require_file(path: str, url: str) -> None:
    if not Path(path).expanduser().is_file():
        raise StoreMissing(f"no store at {url}: create one with `sujet ingest PAGES --db {url}` "
                           "(or pass --db with the URL of an existing store)")


__all__ = [
    "ArticleQuery",
    "EntityQuery",
    "IngestRecord",
    "SCHEMA_VERSION",
    "SearchHit",
    "Store",
    "open_store",
]
