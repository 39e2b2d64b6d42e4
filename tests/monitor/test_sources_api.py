"""Sources through the API and the web page: kinds, registration rules, what a poll shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from monitor_newsroom import NewsServer, monitor_settings

from sujet.config import ServeSettings
from sujet.errors import FetchRefused, InputError
from sujet.monitor.sources import register_source
from sujet.store import Store

TOKEN = "a-long-enough-test-token-for-writes-0123456789"


def test_api_registers_kinds_polls_and_the_page_shows_state_and_errors(
        news: NewsServer, store: Store, db: str) -> None:
    from sujet.api import create_app

    news.room.publish(1, 2)
    settings = monitor_settings(db).model_copy(update={"serve": ServeSettings(
        token=TOKEN, allowed_hosts=["testserver"])})
    app = create_app(settings, store, poll_feeds=False)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app) as client:
        r = client.post("/api/v1/sources", headers=auth,
                        json={"url": news.url("/sitemap.xml"), "kind": "sitemap"})
        assert r.status_code == 201 and r.json()["kind"] == "sitemap", r.text
        client.post("/api/v1/sources", headers=auth, json={"url": news.url("/fail.xml")})
        bad_kind = client.post("/api/v1/sources", headers=auth,
                               json={"url": news.url("/x"), "kind": "folder"})
        assert bad_kind.status_code == 422  # folders only from the command line
        polled = {s["url"]: s for s in
                  client.post("/api/v1/sources/poll", headers=auth).json()}
        assert polled[news.url("/sitemap.xml")]["last_added"] == 2
        failed = polled[news.url("/fail.xml")]
        assert failed["last_error_code"] == "E203" and failed["consecutive_errors"] == 1
        page = client.get("/sources").text
    assert "E203" in page and "HTTP 500" in page
    assert "2 last time, 2 in all" in page
    assert 'value="sitemap"' in page


def test_registration_checks_kind_address_and_folder(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        register_source(store, "https://news.example/feed", kind="podcast")
    with pytest.raises(FetchRefused):
        register_source(store, "http://127.0.0.1:9/feed.xml")
    with pytest.raises(InputError):
        register_source(store, str(tmp_path), kind="folder")  # not from the API
    with pytest.raises(InputError):
        register_source(store, str(tmp_path / "missing"), kind="folder", allow_folder=True)
    record = register_source(store, str(tmp_path), kind="folder", interval_minutes=5,
                             allow_folder=True)
    assert record["url"] == str(tmp_path.resolve()) and record["next_due"] is None
    again = register_source(store, str(tmp_path), kind="folder", interval_minutes=10,
                            allow_folder=True)
    assert again["added_at"] == record["added_at"] and len(store.list_sources()) == 1
