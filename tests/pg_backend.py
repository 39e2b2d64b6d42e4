"""The PostgreSQL test server, shared by the store, API and web tests.

It runs at ``SUJET_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``); each test
gets its own schema, dropped afterwards, so suites can share the database. The postgres
parameter of a backend fixture is skipped, with the reason, only when the server cannot be
reached (CI sets ``SUJET_REQUIRE_POSTGRES`` so that a skip fails there).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

PG_URL = os.environ.get("SUJET_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def libpq_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@lru_cache(maxsize=1)
def postgres_unreachable() -> str | None:
    """Why the test server cannot be used, or None when it can."""
    try:
        import psycopg

        with psycopg.connect(libpq_url(PG_URL), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as err:  # noqa: BLE001 - any failure means: skip with its reason
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return f"PostgreSQL test server unreachable at {PG_URL}: {first}"
    return None


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(libpq_url(PG_URL), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def schema_url(schema: str, base: str = PG_URL) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}schema={schema}"


def backend_url(backend: str, tmp_path: Path, prefix: str) -> Iterator[str]:
    """Body of a ``store_url`` fixture: an empty SQLite file or a fresh PostgreSQL schema."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    reason = postgres_unreachable()
    if reason:
        pytest.skip(reason)
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        yield schema_url(schema)
    finally:
        drop_schema(schema)
