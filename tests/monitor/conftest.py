"""Fixtures of the monitor's tests: a loopback news site and settings that may reach it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from monitor_newsroom import NewsServer

from sujet.config import FetchSettings, MonitorSettings, Settings
from sujet.store import Store, open_store


@pytest.fixture
def news() -> Iterator[NewsServer]:
    server = NewsServer()
    yield server
    server.close()


def monitor_settings(db: str, **monitor: object) -> Settings:
    """Loopback allowed, short timeouts, no retries, no host delay; enrichment off unless a
    test turns it on (the pipeline's enrichers have their own tests)."""
    settings = Settings(
        db=db,
        fetch=FetchSettings(allow_private=True, timeout_s=1.0, retries=0, host_delay_s=0.0,
                            max_bytes=2_000_000),
        monitor=MonitorSettings(**{"workers": 8, "tick_s": 0.05, **monitor}),  # type: ignore[arg-type]
    )
    settings.entities.enabled = False
    settings.stories.enabled = False
    return settings


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'monitor.sqlite'}"


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    opened = open_store(db)
    yield opened
    opened.close()
