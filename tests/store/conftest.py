"""Backend fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL runs at ``SUJET_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``);
each test gets its own schema, dropped afterwards, so suites can share the database. The postgres
parameter is skipped, with the reason, only when the server cannot be reached.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from sujet.model import Article
from sujet.store import Store, open_store

PG_URL = os.environ.get("SUJET_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _libpq_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@lru_cache(maxsize=1)
def postgres_unreachable() -> str | None:
    """Why the test server cannot be used, or None when it can."""
    try:
        import psycopg

        with psycopg.connect(_libpq_url(PG_URL), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as err:  # noqa: BLE001 - any failure means: skip with its reason
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return f"PostgreSQL test server unreachable at {PG_URL}: {first}"
    return None


def _drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(_libpq_url(PG_URL), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty store on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    reason = postgres_unreachable()
    if reason:
        pytest.skip(reason)
    schema = f"sujet_test_{uuid.uuid4().hex[:12]}"
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}schema={schema}"
    finally:
        _drop_schema(schema)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Article factory: ``make_article("a1", text=..., language=...)``."""

    def make(article_id: str, **fields: Any) -> Article:
        fields.setdefault("source", f"/data/{article_id}.txt")
        fields.setdefault("text", f"Text of article {article_id}, long enough to read.")
        fields.setdefault("content_hash", f"hash-{article_id}")
        return Article(id=article_id, **fields)

    return make


@pytest.fixture
def pg_support() -> Any:
    """This module's PostgreSQL helpers, for tests (``conftest`` is not importable by name when
    several test folders each have one)."""
    from types import SimpleNamespace

    return SimpleNamespace(PG_URL=PG_URL, _drop_schema=_drop_schema,
                           postgres_unreachable=postgres_unreachable)
