"""Fixtures of the API tests: a store on each backend, seeded through the Store interface, and
a TestClient on the real application.

Each PostgreSQL test gets its own schema, dropped afterwards; the postgres parameter is skipped,
with the reason, only when the server cannot be reached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from api_fixtures import TOKEN, make_settings, seed
from fastapi.testclient import TestClient
from pg_backend import backend_url

from sujet.api import create_app
from sujet.config import Settings
from sujet.store import Store, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty store on each backend."""
    yield from backend_url(request.param, tmp_path, "sujet_api")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def seeded(store: Store) -> Store:
    seed(store)
    return store


@pytest.fixture
def make_client() -> Iterator[Callable[..., TestClient]]:
    """``make_client(store, settings=None, **serve)``: a started TestClient on the real app;
    ``serve`` overrides fields of ``settings.serve`` (token, cors_origins, max_request_bytes)."""
    clients: list[TestClient] = []

    def make(store: Store, settings: Settings | None = None, **serve: object) -> TestClient:
        settings = settings or make_settings(store.url)
        settings = settings.model_copy(
            update={"serve": settings.serve.model_copy(update=serve)})
        client = TestClient(create_app(settings, store, poll_feeds=False))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(seeded: Store, make_client: Callable[..., TestClient]) -> TestClient:
    """A client on the seeded store, with writes enabled by ``TOKEN``."""
    return make_client(seeded, token=TOKEN)

