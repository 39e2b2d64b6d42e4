"""The web UI's HTML, fetched without a browser: content, empty states, escaping, headers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from api_fixtures import TOKEN
from fastapi.testclient import TestClient

import sujet.web
from sujet.store import Store

TEMPLATES = Path(sujet.web.__file__).parent / "templates"


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for path in ("/", "/api/v1/health", "/static/app.css", "/nope"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_no_inline_script_and_no_safe_filter_in_templates() -> None:
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text("utf-8")
        assert "|safe" not in text.replace(" ", ""), template.name
        for tag in re.findall(r"<script[^>]*>", text):
            assert "src=" in tag, f"inline script in {template.name}"
        assert not re.search(r"\son[a-z]+=", text), f"event handler attribute in {template.name}"
        assert "style=" not in text, f"inline style in {template.name}"


def test_feed_shows_event_cards(client: TestClient) -> None:
    html = client.get("/").text
    assert html.index("Working group meets again") < html.index("Tomsk and Belarus agree")
    card = html[html.index("Tomsk and Belarus agree"):]
    assert "2 reports" in card and "2 sources" in card and "2 languages" in card
    assert 'href="/entities/p-mazur"' in card
    assert '<html lang="en">' in html and 'href="#main"' in html


def test_feed_filters(client: TestClient) -> None:
    de = client.get("/", params={"language": "de"}).text
    assert "Tomsk and Belarus agree" in de and "Working group meets again" not in de
    by_name = client.get("/", params={"entity": "Wladimir Masur"}).text
    assert "Events with Владимир Мазур" in by_name and "Working group meets again" in by_name
    unknown = client.get("/", params={"entity": "Nobody Known"}).text
    assert "No person, organisation or place is called" in unknown
    bad_date = client.get("/", params={"date_from": "<script>"})
    assert bad_date.status_code == 200 and "<script>" not in bad_date.text


def test_empty_store_pages_say_so(store: Store, make_client: Callable[..., TestClient]) -> None:
    client = make_client(store)
    assert "No articles yet" in client.get("/").text
    assert "No entities" in client.get("/entities").text
    assert "No feeds yet" in client.get("/sources").text
    assert "No article matches" in client.get("/search", params={"q": "anything"}).text
    add = client.get("/add").text
    assert "SUJET_SERVE__TOKEN" in add and "disabled" in add
    assert client.get("/api/v1/health").json()["counts"]["articles"] == 0


def test_feed_lists_latest_articles_when_no_events(
        store: Store, make_client: Callable[..., TestClient]) -> None:
    from sujet.model import Article

    store.add_articles([Article(id="lonely", source="s", text="Some text", title="Lonely news",
                                date="2025-01-01", content_hash="h")])
    html = make_client(store).get("/").text
    assert "No events have been formed yet" in html and "Lonely news" in html


def test_event_page(client: TestClient) -> None:
    html = client.get("/events/ev-2024").text
    assert "Russian" in html and "German" in html  # grouped by language
    assert "same people: Мазур, Пархомчик" in html  # why it belongs
    assert "министр промышленности" in html  # position stated in the event's articles
    assert "Товарооборот вырос на 15%." in html and "подписали соглашение" in html
    assert "Томская область" in html and "Minsk" in html  # places: entity and dateline
    assert 'href="/storylines/st-1"' in html
    assert client.get("/events/none").status_code == 404


def test_dossier_page(client: TestClient) -> None:
    html = client.get("/entities/p-parkh").text
    assert "Alexander Parchomtschik" in html and "Cyrillic" in html and "Latin" in html
    history = html[html.index("Position history"):]
    assert history.index("министр промышленности") < history.index("вице-премьер")
    assert "<svg" in html and html.count('class="bar"') == 14  # Aug 2024 .. Sep 2025
    assert 'href="/entities/p-mazur"' in html  # co-mentioned
    assert "Last position: <strong>вице-премьер</strong>" in html


def test_article_page_links_mentions(client: TestClient) -> None:
    html = client.get("/articles/ru1").text
    assert ('<a class="mention mention-per" href="/entities/p-parkh" '
            'title="Александр Пархомчик">Александром Пархомчиком</a>') in html
    assert '<article class="article col-main" lang="ru">' in html
    panel = html[html.index("Persons in this article"):]
    assert "министр промышленности" in panel and "Владимир Мазур" in panel


def test_hostile_content_is_escaped_everywhere(client: TestClient) -> None:
    pages = ["/", "/events/ev-evil", "/articles/evil", "/entities/p-evil",
             "/search?q=%D0%9E%D0%BF%D0%B0%D1%81%D0%BD%D0%B0%D1%8F", "/entities"]
    for path in pages:
        html = client.get(path).text
        body = html[html.index("<main"):]
        assert "<script>window" not in body, path
        assert "<img src=x" not in body and "<svg onload" not in body, path
        assert 'href="javascript:' not in body, path
        assert "onerror=" not in body.replace("onerror=&#34;", ""), path
    article = client.get("/articles/evil").text
    assert 'title="&lt;script&gt;">&lt;script&gt;</a>window.__pwned = 1&lt;/script&gt;' in article
    assert "&lt;b&gt;boss&lt;/b&gt;" in client.get("/entities/p-evil").text


def test_search_page_marks_matches_after_escaping(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Мазур"}).text
    assert "<mark>" in html and "«" not in html[html.index("<ol"):]
    assert "Wladimir Masur" in html  # the expanded names are listed
    hostile = client.get("/search", params={"q": "Опасная"}).text
    snippet = hostile[hostile.index('class="snippet"'):]
    assert "<mark>Опасная</mark>" in snippet
    assert "&lt;script&gt;" in snippet


def test_add_form_needs_the_token(seeded: Store, client: TestClient) -> None:
    page = client.get("/add").text
    assert 'name="token"' in page and 'type="password"' in page
    r = client.post("/add", data={"token": "wrong", "text": "x" * 200})
    assert r.status_code == 401 and "valid token" in r.text
    r = client.post("/add", data={"token": TOKEN})
    assert r.status_code == 422 and "exactly one" in r.text


def test_sources_form(seeded: Store, client: TestClient) -> None:
    r = client.post("/sources", data={"token": TOKEN, "url": "https://feeds.example/rss",
                                      "interval_minutes": "15"})
    assert r.status_code == 200 and "polled every 15 minutes" in r.text
    assert "https://feeds.example/rss" in r.text
    bad = client.post("/sources", data={"token": TOKEN, "url": "javascript:alert(1)"})
    assert bad.status_code == 422
    assert [s["url"] for s in seeded.list_sources()] == ["https://feeds.example/rss"]


def test_sources_page_removes_a_feed(seeded: Store, client: TestClient) -> None:
    assert "Remove a feed" not in client.get("/sources").text  # nothing to remove yet
    seeded.upsert_source({"url": "https://a.example/rss", "interval_minutes": 60, "name": "A"})
    seeded.upsert_source({"url": "https://b.example/rss", "interval_minutes": 60})
    page = client.get("/sources").text
    assert "Remove a feed" in page and 'value="https://a.example/rss"' in page
    wrong = client.post("/sources/delete", data={"remove_token": "wrong",
                                                 "url": "https://a.example/rss"})
    assert wrong.status_code == 401 and len(seeded.list_sources()) == 2
    r = client.post("/sources/delete", data={"remove_token": TOKEN,
                                             "url": "https://a.example/rss"})
    assert r.status_code == 200 and "Removed https://a.example/rss" in r.text
    assert [s["url"] for s in seeded.list_sources()] == ["https://b.example/rss"]
    gone = client.post("/sources/delete", data={"remove_token": TOKEN,
                                                "url": "https://a.example/rss"})
    assert gone.status_code == 404 and "No feed with URL" in gone.text


def test_add_form_accepts_an_upload(store: Store, make_client: Callable[..., TestClient]) -> None:
    from api_fixtures import NEWS_HTML

    client = make_client(store, token=TOKEN)
    r = client.post("/add", data={"token": TOKEN},
                    files={"file": ("story.html", NEWS_HTML.encode(), "text/html")})
    assert r.status_code == 200, r.text
    assert "added 1" in r.text
    [article] = store.list_articles()
    assert f'href="/articles/{article.id}"' in r.text
