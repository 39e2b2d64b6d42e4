"""Server safety and honest errors: the Host allow-list, strict dates, RSS descriptions as text,
no server paths shown, feeds on loopback refused when registered, wrong tokens throttled,
short tokens refused, and an OpenAPI document that says what the server really answers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest
from api_fixtures import TOKEN, auth, make_settings
from fastapi.testclient import TestClient

from sujet.api import create_app
from sujet.errors import InputError
from sujet.model import Article
from sujet.store import Store

Client = Callable[..., TestClient]


def test_other_host_names_are_refused(seeded: Store, make_client: Client) -> None:
    client = make_client(seeded)
    for path in ("/api/v1/articles", "/", "/api/v1/feeds/events.rss"):
        r = client.get(path, headers={"Host": "attacker.example"})
        assert r.status_code == 400, path
        assert r.json()["error"]["code"] == "E400"
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "testserver"):
        assert client.get("/api/v1/articles", headers={"Host": host}).status_code == 200, host
    allowed = make_client(seeded, allowed_hosts=["news.example.org"])
    assert allowed.get("/api/v1/articles",
                       headers={"Host": "news.example.org:8443"}).status_code == 200
    assert allowed.get("/api/v1/articles", headers={"Host": "testserver"}).status_code == 400


@pytest.mark.parametrize("bad", ["2024-13-45", "01.01.2025", "2025-02-30", "soon"])
def test_bad_dates_are_422_with_a_code(client: TestClient, bad: str) -> None:
    for path in ("/api/v1/articles", "/api/v1/events", "/api/v1/exports/articles.jsonl"):
        r = client.get(path, params={"date_from": bad})
        assert r.status_code == 422, (path, r.text)
        assert r.json()["error"]["code"] == "E108" and bad in r.json()["error"]["message"]


def test_bad_dates_in_the_ui_are_said_not_ignored(client: TestClient) -> None:
    for path in ("/?date_from=2024-13-45", "/search?q=Мазур&date_to=01.01.2025"):
        page = client.get(path)
        assert page.status_code == 200
        assert "is not a date" in page.text and "[E108]" in page.text, path
    relative = client.get("/?date_from=7d")
    assert relative.status_code == 200 and "is not a date" not in relative.text


def test_dates_are_dates(client: TestClient) -> None:
    def ids(**params: str) -> list[str]:
        r = client.get("/api/v1/articles", params=params)
        assert r.status_code == 200, r.text
        return sorted(a["id"] for a in r.json()["items"])

    assert ids(date_from="2025-1-1") == ids(date_from="2025-01-01") == ["en1", "evil", "ru2"]
    assert ids(date_from="yesterday") == []
    r = client.get("/api/v1/articles", params={"date_from": "2025", "date_to": "2024"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "E108"


def test_rss_descriptions_are_plain_text(client: TestClient) -> None:
    r = client.get("/api/v1/feeds/entities/p-evil.rss")
    assert r.status_code == 200
    descriptions = [d.text or "" for d in ET.fromstring(r.content).iter("description")]
    item_texts = [d for d in descriptions if "Опасная" in d]
    assert item_texts, descriptions
    for text in item_texts:
        assert "<" not in text and ">" not in text
        assert "Опасная страница" in text and "конец" in text


def test_server_paths_are_never_shown(store: Store, make_client: Client) -> None:
    store.add_articles([
        Article(id="p1", source="/srv/private/inputs/seeds/000_page.txt",
                text="Officials met in Minsk.", title="Talks", date="2025-01-02",
                language="en", content_hash="h-p1", metadata={"path": "/srv/private/x"}),
        Article(id="p2", source="/tmp/sujet-upload-abc123/crawl.warc.gz#3",
                text="Delegates signed a roadmap.", title="Roadmap", date="2025-01-03",
                language="en", content_hash="h-p2")])
    from sujet.store.base import IngestRecord

    store.record_run(IngestRecord(run_id="r1", started_at="2025-01-03T10:00:00+00:00",
                                  inputs=["/srv/private/inputs/seeds"],
                                  stats={"added": 1, "seen": 1}))
    client = make_client(store, token=TOKEN)
    shown = {a["id"]: a["source"] for a in client.get("/api/v1/articles").json()["items"]}
    assert shown == {"p1": "000_page.txt", "p2": "upload:crawl.warc.gz#3"}
    for path in ("/api/v1/exports/articles.jsonl", "/api/v1/exports/articles.csv", "/sources",
                 "/api/v1/articles/p1", "/articles/p1", "/"):
        body = client.get(path).text
        assert "/srv/private" not in body and "sujet-upload-" not in body, path
    feed = client.get("/").text
    assert "uploaded file" in feed and "000_page.txt" in feed


def test_feeds_on_loopback_are_refused_when_registered(seeded: Store, make_client: Client) -> None:
    client = make_client(seeded, token=TOKEN)
    for url in ("http://127.0.0.1:8000/feed.xml", "http://localhost/rss", "http://[::1]/a",
                "http://10.0.0.5/rss"):
        r = client.post("/api/v1/sources", json={"url": url}, headers=auth())
        assert r.status_code == 400, url
        assert r.json()["error"]["code"] == "E201"
        page = client.post("/sources", data={"token": TOKEN, "url": url})
        assert page.status_code == 400 and "E201" in page.text
    assert client.get("/api/v1/sources").json()["items"] == []
    ok = client.post("/api/v1/sources", json={"url": "https://feeds.example/rss"}, headers=auth())
    assert ok.status_code == 201


def test_wrong_tokens_are_throttled(seeded: Store, make_client: Client) -> None:
    client = make_client(seeded, token=TOKEN, token_failures=3, token_window_s=60)
    body: dict[str, Any] = {"text": "x" * 200}
    for _ in range(3):
        assert client.post("/api/v1/ingest", json=body,
                           headers=auth("wrong-token-000000")).status_code == 401
    blocked = client.post("/api/v1/ingest", json=body, headers=auth())
    assert blocked.status_code == 429
    assert blocked.json()["error"]["code"] == "E429" and int(blocked.headers["Retry-After"]) > 0
    form = client.post("/add", data={"token": TOKEN, "text": "y" * 200})
    assert form.status_code == 429


def test_short_tokens_are_refused_at_start(store: Store) -> None:
    with pytest.raises(InputError, match="at least 16"):
        create_app(make_settings(store.url, token="short"), store, poll_feeds=False)


def test_openapi_declares_bearer_and_error_bodies(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    scheme = doc["components"]["securitySchemes"]["bearerAuth"]
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"
    error_ref = {"$ref": "#/components/schemas/Error"}
    ingest = doc["paths"]["/api/v1/ingest"]["post"]
    assert ingest["security"] == [{"bearerAuth": []}]
    for status in ("401", "413", "422", "429"):
        assert ingest["responses"][status]["content"]["application/json"]["schema"] == error_ref
    delete = doc["paths"]["/api/v1/sources"]["delete"]
    assert delete["security"] == [{"bearerAuth": []}] and "404" in delete["responses"]
    read = doc["paths"]["/api/v1/articles/{article_id}"]["get"]
    assert "security" not in read
    assert read["responses"]["404"]["content"]["application/json"]["schema"] == error_ref
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    # The documented bodies are the real ones.
    assert set(client.get("/api/v1/articles/nope").json()["error"]) == {"code", "message"}
    assert client.post("/api/v1/ingest", json={"text": "x"}).json()["error"]["code"] == "E401"
