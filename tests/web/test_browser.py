"""The web UI in a real (headless) chromium: reading, searching, adding news, hostile pages."""

from __future__ import annotations

from typing import Any

import pytest
from api_fixtures import HOSTILE_TEXT, HOSTILE_TITLE, TOKEN
from browser_support import ARTIFACTS, LiveServer

ADD_TIMEOUT_MS = 90_000

pytestmark = pytest.mark.browser

HOSTILE_PAGE = """<!doctype html><html><head><title>Breaking <script>window.__pwned=1</script></title>
<script>window.__pwned = 1;</script></head><body>
<article><h1>Breaking &lt;b&gt;news&lt;/b&gt; <img src=x onerror="window.__pwned=1"></h1>
<p>Regional authorities announced on Tuesday a new programme of road repairs that will cover
more than forty streets in the city centre. <script>window.__pwned = 2</script></p>
<p>Officials said the work would begin in spring and finish before the autumn rains, with the
budget coming from both the regional and the federal treasury.
<svg onload="window.__pwned=3"><circle r="2"/></svg> <a href="javascript:window.__pwned=4">more</a></p>
</article></body></html>"""


def pwned(page: Any) -> Any:
    return page.evaluate("() => window.__pwned")


def test_feed_event_and_dossier(page: Any, live_server: LiveServer) -> None:
    page.goto(live_server.url("/"))
    cards = page.locator(".event-card")
    assert cards.count() == 3
    assert page.locator("h1").inner_text() == "What happened"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "feed.png"), full_page=True)
    page.get_by_role("link", name="Tomsk and Belarus agree to cooperate").click()
    page.wait_for_url("**/events/ev-2024")
    assert page.locator("h1").inner_text() == "Tomsk and Belarus agree to cooperate"
    assert page.get_by_role("heading", name="Russian (1)").is_visible()
    assert page.get_by_role("heading", name="German (1)").is_visible()
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)
    page.locator("aside").get_by_role("link", name="Александр Пархомчик").click()
    page.wait_for_url("**/entities/p-parkh")
    assert page.locator("svg.bars rect.bar").count() == 14
    assert "Alexander Parchomtschik" in page.locator(".variants").inner_text()
    history = page.locator("ol.timeline li").all_inner_texts()
    assert "министр промышленности" in history[0] and "вице-премьер" in history[1]
    assert page.console_errors == []


def test_link_to_a_merged_event_lands_on_the_survivor(page: Any,
                                                     live_server: LiveServer) -> None:
    live_server.store.add_event_aliases({"ev-merged": "ev-2024"})
    live_server.store.add_storyline_aliases({"st-merged": "st-1"})
    page.goto(live_server.url("/events/ev-merged?from=feed"))
    page.wait_for_url("**/events/ev-2024?from=feed")
    assert page.locator("h1").inner_text() == "Tomsk and Belarus agree to cooperate"
    page.goto(live_server.url("/storylines/st-merged"))
    page.wait_for_url("**/storylines/st-1")
    assert page.locator("h1").inner_text() == "Tomsk–Belarus cooperation"
    assert page.console_errors == []
    response = page.goto(live_server.url("/events/never-was"))
    assert response is not None and response.status == 404


def test_search_with_variants_and_marks(page: Any, live_server: LiveServer) -> None:
    page.goto(live_server.url("/"))
    page.get_by_label("Search articles").fill("Мазур")
    page.get_by_label("Search articles").press("Enter")
    page.wait_for_url("**/search?q=*")
    results = page.locator("ol.results > li")
    assert results.count() >= 3
    titles = results.locator("h2").all_inner_texts()
    assert "Tomsk und Belarus vereinbaren Zusammenarbeit" in titles
    assert page.locator(".snippet mark").count() >= 3
    assert page.console_errors == []


def test_article_page_mentions_link_to_dossiers(page: Any, live_server: LiveServer) -> None:
    page.goto(live_server.url("/articles/ru1"))
    mention = page.locator("a.mention", has_text="Александром Пархомчиком")
    assert mention.get_attribute("href") == "/entities/p-parkh"
    panel = page.locator("aside table.panel tbody tr")
    assert panel.count() == 2
    mention.click()
    page.wait_for_url("**/entities/p-parkh")


def test_hostile_stored_content_never_runs(page: Any, live_server: LiveServer) -> None:
    for path in ("/", "/events/ev-evil", "/articles/evil", "/entities/p-evil", "/entities",
                 "/search?q=Опасная"):
        page.goto(live_server.url(path))
        assert pwned(page) is None, path
        assert page.locator("main script, main img, main svg[onload], main [onclick]").count() == 0
    page.goto(live_server.url("/articles/evil"))
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert HOSTILE_TEXT.split(" и ")[1] in text  # the javascript: link shows as text
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    page.goto(live_server.url("/events/ev-evil"))
    assert "<i>why</i>" in page.locator(".why").inner_text()


def test_add_news_with_the_token(page: Any, live_server: LiveServer) -> None:
    page.goto(live_server.url("/add"))
    page.get_by_label("Token").fill("wrong")
    page.get_by_label("Plain text").fill("Short")
    page.get_by_role("button", name="Add").click()
    assert "a valid token is required" in page.locator("#add-error").inner_text()
    assert page.evaluate("() => document.activeElement.id") == "add-error"

    page.get_by_label("Token").fill(TOKEN)
    page.get_by_label("Remember in this tab").check()
    page.get_by_label("Plain text").fill("")  # kept from the refused post
    page.get_by_label("Page HTML").fill(HOSTILE_PAGE)
    # The first page added loads the enrichment models in the server: allow for that.
    page.get_by_role("button", name="Add").click(timeout=ADD_TIMEOUT_MS)
    report = page.locator("#add-report")
    assert "added 1" in report.inner_text(), page.locator("main").inner_text()
    assert page.evaluate("() => sessionStorage.getItem('sujet.token')") == TOKEN
    assert page.evaluate("() => localStorage.length") == 0
    report.locator("a").first.click()
    page.wait_for_url("**/articles/*")
    assert "road repairs" in page.locator(".article-text").inner_text()
    assert pwned(page) is None
    # The new article appears in the feed or its search.
    page.goto(live_server.url("/search?q=repairs"))
    assert page.locator("ol.results > li").count() == 1
    assert pwned(page) is None
    # The remembered token fills the next form of this tab.
    page.goto(live_server.url("/add"))
    assert page.get_by_label("Token").input_value() == TOKEN


def test_phone_width_keyboard_and_docs(browser: Any, live_server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    try:
        for path in ("/", "/events/ev-2024", "/entities/p-parkh", "/articles/ru1", "/add",
                     "/sources", "/search?q=Мазур"):
            phone.goto(live_server.url(path))
            overflow = phone.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{path} scrolls sideways by {overflow}px"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        phone.screenshot(path=str(ARTIFACTS / "phone_search.png"), full_page=True)
        phone.goto(live_server.url("/"))
        phone.keyboard.press("Tab")
        focused = phone.evaluate("() => document.activeElement.textContent")
        assert focused == "Skip to content"
        phone.keyboard.press("Enter")
        assert phone.evaluate("() => document.activeElement.id") == "main"
        phone.goto(live_server.url("/docs"))
        phone.wait_for_selector("#api-reference section h2")
        headings = phone.locator("#api-reference h2").all_inner_texts()
        assert "articles" in headings and "ingest" in headings
    finally:
        context.close()
