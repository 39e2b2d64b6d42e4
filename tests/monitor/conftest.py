"""Fixtures of the monitor's tests: a loopback news site and settings that may reach it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from monitor_newsroom import NewsServer

from sujet.store import Store, open_store


@pytest.fixture
def news() -> Iterator[NewsServer]:
    server = NewsServer()
    yield server
    server.close()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'monitor.sqlite'}"


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    opened = open_store(db)
    yield opened
    opened.close()
