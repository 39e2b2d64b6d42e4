"""Backend fixtures: every store test runs on SQLite and on PostgreSQL (see ``pg_backend``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pg_backend import backend_url

from sujet.model import Article
from sujet.store import Store, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty store on each backend."""
    yield from backend_url(request.param, tmp_path, "sujet_test")


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
