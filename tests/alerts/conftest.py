"""Alert fixtures: a store on each backend and a scripted stream of articles with its truth."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_backend import backend_url

from sujet.store import Store, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty store on each backend."""
    yield from backend_url(request.param, tmp_path, "sujet_alerts")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
