"""Fixtures of the fault suite: settings with small limits, and good pages to batch with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sujet.config import LimitSettings, Settings
from sujet.store import Store, open_store


def settings_with(tmp_path: Path, **limits: object) -> Settings:
    """Default settings on a SQLite store in ``tmp_path``, with some limits changed."""
    return Settings(db=f"sqlite:///{tmp_path / 'store.sqlite'}",
                    limits=LimitSettings().model_copy(update=limits))


@pytest.fixture
def store_of(tmp_path: Path) -> Iterator[object]:
    opened: list[Store] = []

    def open_for(settings: Settings) -> Store:
        store = open_store(settings.db)
        opened.append(store)
        return store

    yield open_for
    for store in opened:
        store.close()
