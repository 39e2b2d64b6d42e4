"""Fixtures of the fault suite: stores opened from the test's settings, closed after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sujet.config import Settings
from sujet.store import Store, open_store


@pytest.fixture
def store_of() -> Iterator[object]:
    opened: list[Store] = []

    def open_for(settings: Settings) -> Store:
        store = open_store(settings.db)
        opened.append(store)
        return store

    yield open_for
    for store in opened:
        store.close()
