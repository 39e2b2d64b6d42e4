"""Write endpoints: the token, ingest through the real pipeline, sources and the feed poller."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from api_fixtures import NEWS_HTML, NEWS_TEXT, TOKEN, LocalSite, auth, make_settings
from fastapi.testclient import TestClient

from sujet.config import FetchSettings
from sujet.store import Store

MakeClient = Callable[..., TestClient]


@pytest.fixture
def site() -> Iterator[LocalSite]:
    feed = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local news</title><link>http://127.0.0.1/</link>
<description>d</description>
<item><title>Томск и Минск обсудили поставки техники</title><link>{base}/news/1.html</link>
<guid>n1</guid><pubDate>Wed, 02 Oct 2024 09:00:00 +0000</pubDate>
<description>Делегация Томской области провела переговоры в Минске.</description></item>
</channel></rss>"""
    pages: dict[str, tuple[str, bytes]] = {
        "/news/1.html": ("text/html; charset=utf-8", NEWS_HTML.encode()),
        "/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
    }
    local = LocalSite(pages)
    pages["/feed.xml"] = ("application/rss+xml",
                          feed.replace("{base}", local.base).encode("utf-8"))
    yield local
    local.close()


def private_ok(store: Store) -> object:
    settings = make_settings(store.url)
    return settings.model_copy(update={"fetch": FetchSettings(allow_private=True)})


def test_writes_disabled_without_a_configured_token(store: Store, make_client: MakeClient) -> None:
    client = make_client(store)  # no token configured
    r = client.post("/api/v1/ingest", json={"text": NEWS_TEXT}, headers=auth("anything"))
    assert r.status_code == 403
    error = r.json()["error"]
    assert error["code"] == "E403"
    assert "SUJET_SERVE__TOKEN" in error["message"]
    assert client.post("/api/v1/sources", json={"url": "https://x.example/f"}).status_code == 403
    assert client.get("/api/v1/health").json()["writes_enabled"] is False


def test_wrong_or_missing_token_is_401(store: Store, make_client: MakeClient) -> None:
    client = make_client(store, token=TOKEN)
    missing = client.post("/api/v1/ingest", json={"text": NEWS_TEXT})
    assert missing.status_code == 401
    assert missing.json()["error"]["code"] == "E401"
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/v1/ingest", json={"text": NEWS_TEXT}, headers=auth("nope"))
    assert wrong.status_code == 401
    assert store.count_articles() == 0


def test_ingest_text_through_the_pipeline(store: Store, make_client: MakeClient) -> None:
    client = make_client(store, token=TOKEN)
    r = client.post("/api/v1/ingest", json={"text": NEWS_TEXT, "source": "https://b.example/1"},
                    headers={"X-Sujet-Token": TOKEN})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["seen"] == 1 and report["added"] == 1
    [article_id] = report["article_ids"]
    article = client.get(f"/api/v1/articles/{article_id}").json()
    assert "Straßenbahn" in article["text"]
    assert article["language"] == "de"
    again = client.post("/api/v1/ingest", json={"text": NEWS_TEXT, "source": "https://b.example/1"},
                        headers=auth()).json()
    assert again["added"] == 0
    assert client.get("/api/v1/articles").json()["total"] == 1
    hits = client.get("/api/v1/search", params={"q": "Straßenbahn"}).json()
    assert [h["article"]["id"] for h in hits["items"]] == [article_id]


def test_ingest_html_and_reports_drops(store: Store, make_client: MakeClient) -> None:
    client = make_client(store, token=TOKEN)
    ok = client.post("/api/v1/ingest", json={"html": NEWS_HTML}, headers=auth()).json()
    assert ok["added"] == 1
    article = client.get(f"/api/v1/articles/{ok['article_ids'][0]}").json()
    assert "Главная" not in article["text"] and "коммунальной техники" in article["text"]
    short = client.post("/api/v1/ingest", json={"text": "Too short."}, headers=auth()).json()
    assert short["added"] == 0
    assert any(k.startswith("E107") for k in short["dropped"])


def test_ingest_body_must_name_exactly_one_input(store: Store, make_client: MakeClient) -> None:
    client = make_client(store, token=TOKEN)
    both = client.post("/api/v1/ingest", json={"text": NEWS_TEXT, "html": NEWS_HTML},
                       headers=auth())
    assert both.status_code == 422 and both.json()["error"]["code"] == "E422"
    none = client.post("/api/v1/ingest", json={}, headers=auth())
    assert none.status_code == 422
    blank = client.post("/api/v1/ingest", json={"text": "   "}, headers=auth())
    assert blank.status_code == 422


def test_url_ingest_refuses_loopback_by_default(store: Store, make_client: MakeClient,
                                                site: LocalSite) -> None:
    client = make_client(store, token=TOKEN)
    r = client.post("/api/v1/ingest", json={"url": site.url("/news/1.html")}, headers=auth())
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "E201"
    assert store.count_articles() == 0


def test_url_ingest_when_private_addresses_are_allowed(store: Store, make_client: MakeClient,
                                                       site: LocalSite) -> None:
    client = make_client(store, private_ok(store), token=TOKEN)
    r = client.post("/api/v1/ingest", json={"url": site.url("/news/1.html")}, headers=auth())
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 1
    missing = client.post("/api/v1/ingest", json={"url": site.url("/gone.html")}, headers=auth())
    assert missing.status_code == 502 and missing.json()["error"]["code"] == "E203"


def test_file_upload(store: Store, make_client: MakeClient) -> None:
    client = make_client(store, token=TOKEN)
    r = client.post("/api/v1/ingest/file", headers=auth(),
                    files={"file": ("story.html", NEWS_HTML.encode(), "text/html")})
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 1
    empty = client.post("/api/v1/ingest/file", headers=auth(),
                        files={"file": ("empty.txt", b"", "text/plain")})
    assert empty.status_code == 400 and empty.json()["error"]["code"] == "E101"


def test_request_size_limit(store: Store, make_client: MakeClient) -> None:
    client = make_client(store, token=TOKEN, max_request_bytes=2000)
    r = client.post("/api/v1/ingest", json={"text": "x" * 5000}, headers=auth())
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "E413"
    assert "SUJET_SERVE__MAX_REQUEST_BYTES" in r.json()["error"]["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}'

    streamed = client.post("/api/v1/ingest", content=chunks(),
                           headers={**auth(), "Content-Type": "application/json"})
    assert streamed.status_code == 413
    assert store.count_articles() == 0
    small = client.post("/api/v1/ingest", json={"text": NEWS_TEXT}, headers=auth())
    assert small.status_code == 200


def test_cors_closed_by_default_and_open_to_configured_origins(
        store: Store, make_client: MakeClient) -> None:
    closed = make_client(store)
    r = closed.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = closed.options("/api/v1/ingest", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers
    open_ = make_client(store, cors_origins=["https://ok.example"])
    r = open_.get("/api/v1/health", headers={"Origin": "https://ok.example"})
    assert r.headers["access-control-allow-origin"] == "https://ok.example"
    r = open_.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_sources_add_list_and_poll(store: Store, make_client: MakeClient,
                                   site: LocalSite) -> None:
    client = make_client(store, private_ok(store), token=TOKEN)
    feed_url = site.url("/feed.xml")
    r = client.post("/api/v1/sources", json={"url": feed_url, "interval_minutes": 30,
                                             "name": "Local"}, headers=auth())
    assert r.status_code == 201, r.text
    listed = client.get("/api/v1/sources").json()
    assert listed["total"] == 1 and listed["items"][0]["interval_minutes"] == 30
    assert client.post("/api/v1/sources", json={"url": "not a url"},
                       headers=auth()).status_code == 422
    polled = client.post("/api/v1/sources/poll", headers=auth()).json()
    assert [s["url"] for s in polled] == [feed_url]
    assert polled[0]["last_status"] == "ok", polled[0]
    assert polled[0]["last_added"] == 1
    assert polled[0]["next_due"] > polled[0]["last_fetch"]
    assert store.count_articles() == 1
    # Not due again before its interval.
    assert client.post("/api/v1/sources/poll", headers=auth()).json() == []
    unknown = client.post("/api/v1/sources/poll", params={"url": "https://none.example/"},
                          headers=auth())
    assert unknown.status_code == 404


def test_poller_records_errors_and_runs_on_schedule(store: Store, site: LocalSite) -> None:
    from sujet.api import create_app

    settings = private_ok(store)
    store.upsert_source({"url": site.url("/missing.xml"), "interval_minutes": 60})
    store.upsert_source({"url": site.url("/feed.xml"), "interval_minutes": 60})
    app = create_app(settings, store, poll_feeds=True, poll_tick_s=0.05)  # type: ignore[arg-type]
    with TestClient(app):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            sources = {s["url"]: s for s in store.list_sources()}
            if all(s.get("last_fetch") for s in sources.values()):
                break
            time.sleep(0.1)
    bad = sources[site.url("/missing.xml")]
    good = sources[site.url("/feed.xml")]
    assert bad["last_status"] == "error" and bad["last_error"].startswith("E")
    assert good["last_status"] == "ok" and good["last_added"] == 1
    assert store.count_articles() == 1


def test_upload_of_a_feed_file_goes_through_the_readers(store: Store,
                                                        make_client: MakeClient) -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Saved feed</title><link>https://saved.example/</link>
<description>d</description>
<item><title>Straßenbahn: neuer Plan</title><link>https://saved.example/a</link><guid>a</guid>
<description>{NEWS_TEXT}</description></item></channel></rss>"""
    client = make_client(store, token=TOKEN)
    r = client.post("/api/v1/ingest/file", headers=auth(),
                    files={"file": ("saved.rss", feed.encode(), "application/rss+xml")})
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 1
    [article] = store.list_articles()
    assert "Straßenbahn" in article.text
    runs = store.list_runs()
    assert runs and runs[0].stats["added"] == 1


def test_totals_are_exact_after_any_write(seeded: Store, make_client: MakeClient) -> None:
    from sujet.model import Event, EventMember, Storyline

    client = make_client(seeded, token=TOKEN)
    assert client.get("/api/v1/health").json()["counts"]["events"] == 3
    seeded.upsert_events([Event(id="ev-new", title="New", date_from="2025-10-01",
                                members=[EventMember("en1", 0.9)])])
    seeded.upsert_storylines([Storyline("sl-new", "New line", ["ev-new"])])
    # Written behind the API's back: the totals follow at once (they are counted, not cached).
    counts = client.get("/api/v1/health").json()["counts"]
    assert counts["events"] == 4 and counts["storylines"] == seeded.count_storylines()
    listed = client.get("/api/v1/events", params={"limit": 1}).json()
    assert listed["total"] == 4 and len(listed["items"]) == 1
    assert client.get("/api/v1/storylines", params={"limit": 1}).json()["total"] == \
        seeded.count_storylines()


def test_delete_source_needs_the_token(store: Store, make_client: MakeClient) -> None:
    store.upsert_source({"url": "https://a.example/rss", "interval_minutes": 60})
    store.upsert_source({"url": "https://b.example/rss", "interval_minutes": 60})
    client = make_client(store, token=TOKEN)
    params = {"url": "https://a.example/rss"}
    assert client.delete("/api/v1/sources", params=params).status_code == 401
    assert client.delete("/api/v1/sources", params=params,
                         headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert len(store.list_sources()) == 2
    r = client.delete("/api/v1/sources", params=params, headers=auth())
    assert r.status_code == 204 and r.content == b""
    assert [s["url"] for s in client.get("/api/v1/sources").json()["items"]] == [
        "https://b.example/rss"]
    again = client.delete("/api/v1/sources", params=params, headers=auth())
    assert again.status_code == 404 and "no source" in again.json()["error"]["message"]
    off = make_client(store)  # no token configured: writes are disabled
    assert off.delete("/api/v1/sources", params={"url": "https://b.example/rss"},
                      headers=auth()).status_code == 403


def test_feed_ingest_refuses_loopback_by_default(store: Store, make_client: MakeClient,
                                                 site: LocalSite) -> None:
    client = make_client(store, token=TOKEN)
    r = client.post("/api/v1/ingest", json={"feed": site.url("/feed.xml")}, headers=auth())
    assert r.status_code == 200
    report = r.json()
    assert report["added"] == 0
    assert [k.split()[0] for k in report["dropped"]] == ["E201"]
