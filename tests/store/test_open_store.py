"""Store URLs: SQLite paths and memory, PostgreSQL with a schema, refused URLs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pg_backend import PG_URL, drop_schema, postgres_unreachable

from sujet.errors import InputError, StoreError
from sujet.model import Article
from sujet.store import open_store
from sujet.store.postgres_backend import postgres_url
from sujet.store.sql_store import SqlStore


def test_bare_path_and_sqlite_url_open_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "sujet.sqlite"
    with open_store(str(path)) as store:
        store.add_articles([Article(id="a1", source="s", text="Text")])
    assert path.is_file()
    with open_store(f"sqlite:///{path}") as store:
        assert store.has_article("a1")


def test_sqlite_file_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.sqlite")) as store:
        assert isinstance(store, SqlStore)
        with store.backend.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_memory_stores_are_private(url: str) -> None:
    with open_store(url) as first, open_store(url) as second:
        first.add_articles([Article(id="a1", source="s", text="Text")])
        assert first.count_articles() == 1
        assert second.count_articles() == 0


@pytest.mark.parametrize("url", ["", "mysql://root@localhost/db", "mongodb://x",
                                 "postgresql+asyncpg://u@h/db",
                                 "postgresql://u@h/db?schema=bad;name"])
def test_unsupported_urls_are_input_errors(url: str) -> None:
    with pytest.raises(InputError):
        open_store(url)


def test_unopenable_sqlite_path_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        open_store(str(tmp_path))  # a directory
    assert info.value.code == "E300"


def test_postgres_url_forms() -> None:
    url, schema = postgres_url("postgresql://u:secret@h:5433/db?schema=news_1")
    assert url.drivername == "postgresql+psycopg"
    assert schema == "news_1"
    assert "schema" not in url.query
    assert postgres_url("postgres://u@h/db")[0].drivername == "postgresql+psycopg"
    assert postgres_url("postgresql+psycopg://u@h/db")[1] is None


@pytest.mark.postgres
def test_postgres_url_hides_password_and_accepts_driver_prefix() -> None:
    reason = postgres_unreachable()
    if reason:
        pytest.skip(reason)
    url = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    sep = "&" if "?" in url else "?"
    try:
        with open_store(f"{url}{sep}schema=sujet_test_prefix_{os.getpid()}") as store:
            assert store.count_articles() == 0
            assert "postgresql+psycopg://" in store.url
    finally:
        drop_schema(f"sujet_test_prefix_{os.getpid()}")
