"""The UI as a monitoring panel, in a real chromium at 1280 and 390 px (screenshots kept in
tests/artifacts/): feed cards with lead, sources, languages, top story and "new", sane date
ranges, a compact filter on phones, the persons panel, the mentions chart, headlines for untitled
pages, one line per report in an event, exports and storylines reachable, "Add news" progress,
and human timestamps on the sources page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from api_fixtures import TOKEN
from browser_support import ARTIFACTS, LiveServer

from sujet.model import Article, Entity, Event, EventMember, Mention, Position
from sujet.store.base import IngestRecord

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)
# [widest word of an element's text, the element's own content width] in CSS pixels.
WIDTHS_JS = """e => {
  const style = getComputedStyle(e);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = style.font;
  const words = e.innerText.split(/\\s+/).filter(Boolean);
  const longest = Math.max(...words.map(w => ctx.measureText(w).width));
  const pad = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  return [Math.floor(longest), e.getBoundingClientRect().width - pad + 0.5];
}"""
OLD = "2024-01-01T00:00:00+00:00"
UNTITLED_TEXT = ("Delegations from Omsk and Minsk signed a roadmap for machine building on "
                 "Thursday. The document covers three years of joint work.")


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def panel(live_server: LiveServer) -> LiveServer:
    """The seeded store plus: an important event a day older than the newest one, an event
    with a copy of one report among its members and a year-only start, an untitled page, a
    person with an undated mention, an ingest run."""
    store = live_server.store
    reports = [
        Article(id=f"big-{lang}", source=f"https://{site}/a", url=f"https://{site}/a",
                site=site, title=f"Roadmap signed ({lang})", language=lang, date="2025-09-11",
                text=f"MINSK, Sep 11 (Wire) - {UNTITLED_TEXT}", content_hash=f"h-big-{lang}",
                fetched_at=OLD)
        for lang, site in (("en", "wire.example"), ("de", "belta.by"), ("ru", "tass.ru"))]
    copy = Article(id="big-copy", source="https://copy.example/a", url="https://copy.example/a",
                   site="copy.example", title="Roadmap signed (en)", language="en",
                   date="2025-09-11", text=reports[0].text, content_hash="h-big-en",
                   duplicate_of="big-en", fetched_at=OLD)
    untitled = Article(id="untitled", source="/tmp/sujet-upload-x/page.txt", text=UNTITLED_TEXT,
                       language="en", content_hash="h-untitled", fetched_at=OLD)
    store.add_articles([*reports, copy, untitled])
    store.upsert_events([
        Event(id="ev-big", title="Roadmap signed in Minsk", languages=["en", "de", "ru"],
              date_from="2025-09-11", date_to="2025-09-11",
              members=[EventMember(a.id, 0.9, ["same roadmap"]) for a in [*reports, copy]]),
        Event(id="ev-partial", title="Year-only start", languages=["en"], date_from="2025",
              date_to="2025-06-17", members=[EventMember("en1", 0.5, ["test"])])])
    store.upsert_entities([Entity(
        id="p-undated", type="PER", name="Olga Undated", mentions=2,
        positions=[Position("minister", "2025-09-11", "big-en")])])
    store.replace_mentions("untitled", [Mention("untitled", 0, 11, "PER", "Delegations",
                                                "Olga Undated", "p-undated")])
    store.replace_mentions("big-en", [Mention("big-en", 0, 5, "PER", "MINSK", "Olga Undated",
                                              "p-undated")])
    store.record_run(IngestRecord(run_id="run-ui", started_at="2025-09-11T10:15:00+00:00",
                                  finished_at="2025-09-11T10:16:00+00:00",
                                  inputs=["/srv/secret/inputs/seeds"],
                                  stats={"added": 4, "seen": 5}))
    return live_server


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": request.param, "height": 900},
                                  locale="en-GB")
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    opened.console_errors = errors
    opened.width = request.param
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def test_feed_is_a_front_page(sized: Any, panel: LiveServer) -> None:
    page = sized
    page.goto(panel.url("/"))
    cards = page.locator(".event-card")
    titles = [t.strip() for t in cards.locator(".card-title a").all_inner_texts()]
    # Three sources in three languages a day before the newest one-source event: on top.
    assert titles[0] == "Roadmap signed in Minsk"
    first = cards.nth(0)
    assert first.locator(".top-label").inner_text().lower() == "top story"
    assert first.locator(".card-lead").inner_text().startswith("Delegations from Omsk")
    assert "3 sources" in first.inner_text() and "3 languages" in first.inner_text()
    assert "copy.example" not in first.locator(".sources").inner_text()
    assert "belta.by" in first.locator(".sources").inner_text()
    for i in range(cards.count()):
        assert cards.nth(i).locator(".card-lead").count() == 1
    partial = cards.filter(has_text="Year-only start")
    assert "17 Jun 2025" in partial.inner_text() and "2025 –" not in partial.inner_text()
    form = page.locator("form.filters").bounding_box()
    if page.width == 390:
        assert form["height"] < 240, form
    shot(page, f"front-page-{page.width}")
    newest = page.goto(panel.url("/?order=newest"))
    assert newest is not None and newest.status == 200
    titles = [t.strip() for t in page.locator(".event-card .card-title a").all_inner_texts()]
    assert titles[0] == "Working group meets again"
    assert page.console_errors == []


def test_new_since_the_last_visit(browser: Any, panel: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        first = context.new_page()
        first.goto(panel.url("/"))
        assert first.locator(".new-badge:visible").count() == 0  # a first visit marks nothing
        later = (datetime.now(UTC) + timedelta(seconds=5)).isoformat()
        store = panel.store
        fresh = store.get_article("big-de")
        assert fresh is not None
        fresh.fetched_at = later
        store.update_articles([fresh])
        second = context.new_page()  # a new tab: the last visit was the first tab's
        second.goto(panel.url("/"))
        marked = second.locator(".event-card.is-new .card-title a").all_inner_texts()
        assert [m.strip() for m in marked] == ["Roadmap signed in Minsk"]
        shot(second, "front-page-new")
        second.reload()  # the same tab keeps what it marked
        assert second.locator(".event-card.is-new").count() == 1
    finally:
        context.close()


def test_article_page_panel_and_headline(sized: Any, panel: LiveServer) -> None:
    page = sized
    page.goto(panel.url("/articles/ru1"))
    rows = page.locator("table.panel tbody tr")
    parkh = rows.filter(has_text="Александр Пархомчик")
    cells = parkh.locator("td").all_inner_texts()
    assert cells[1].startswith("вице-премьер")  # the person's last position, not this one's
    assert "here: министр промышленности" in cells[1]
    assert cells[2].strip() == "1" and cells[3].strip() == "3"
    headers = page.locator("table.panel thead th").all_inner_texts()
    assert headers == ["Person", "Last position", "Here", "All"]
    # No word is broken across lines: every cell is at least as wide as its longest word.
    headers = page.locator("table.panel thead th").all() if page.width > 480 else []
    for cell in [parkh.locator("td.person"), *headers]:
        longest, width = cell.evaluate(WIDTHS_JS)
        assert width >= longest, (cell.inner_text(), longest, width)
    shot(page, f"article-panel-{page.width}")
    page.goto(panel.url("/articles/untitled"))
    assert page.locator("h1").inner_text().startswith("Delegations from Omsk and Minsk")
    assert "Untitled" not in page.locator("h1").inner_text()
    assert "uploaded file" in page.locator("header .meta").first.inner_text()
    assert "sujet-upload" not in page.content()


def test_mentions_chart(sized: Any, panel: LiveServer) -> None:
    page = sized
    page.goto(panel.url("/entities/p-parkh"))
    chart = page.locator("figure.chart")
    bars = chart.locator("rect.bar")
    assert bars.count() == 14  # Aug 2024 .. Sep 2025, by month
    assert chart.locator("text.value").count() == 14
    assert chart.locator("line.axis").count() == 1 and chart.locator("text.tick").count() >= 2
    assert "Mentions per month" in chart.locator("figcaption").inner_text()
    label = chart.locator("text.label").first.bounding_box()
    assert label["height"] >= 10, label  # readable at this width
    shot(page, f"chart-{page.width}")
    page.goto(panel.url("/entities/p-undated"))
    caption = page.locator("figure.chart figcaption").inner_text()
    assert "Mentions per day" in caption and "1 mention in undated articles" in caption


def test_event_lists_a_copy_once(page: Any, panel: LiveServer) -> None:
    page.goto(panel.url("/events/ev-big"))
    english = page.locator("section[aria-labelledby=reports-h] li.article-item",
                           has_text="Roadmap signed (en)")
    assert english.count() == 1
    assert "Also published as: copy.example" in english.inner_text()
    assert page.locator("ol.timeline li").count() == 3
    assert "3 reports" in page.locator("header .meta").inner_text()


def test_storylines_and_exports_are_reachable(page: Any, panel: LiveServer) -> None:
    page.goto(panel.url("/"))
    page.locator("nav[aria-label=Main]").get_by_role("link", name="Storylines").click()
    page.wait_for_url("**/storylines")
    assert "Tomsk–Belarus cooperation" in page.locator("main").inner_text()
    page.get_by_role("link", name="Tomsk–Belarus cooperation").click()
    page.wait_for_url("**/storylines/st-1")
    page.goto(panel.url("/"))
    link = page.locator("main").get_by_role("link", name="CSV")
    response = page.request.get(panel.url(link.get_attribute("href")))
    assert response.status == 200 and response.text().startswith("id,title,")


def test_sources_page_reads_like_a_page(page: Any, panel: LiveServer) -> None:
    page.goto(panel.url("/sources"))
    runs = page.locator("ul.runs").inner_text()
    assert "11 Sep 2025, 10:15 UTC" in runs and "T10:15" not in runs
    assert "/srv/secret" not in page.content() and "seeds" in runs


def test_add_news_progress_token_and_known_page(browser: Any, panel: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.goto(panel.url("/add"))
        page.fill("#add-token", "wrong-token-0000000")
        page.fill("#add-text", "x")
        page.click("#add-form button[type=submit]")
        page.wait_for_selector("#add-error")
        assert page.input_value("#add-token") == "wrong-token-0000000"  # kept on error
        page.fill("#add-token", TOKEN)
        page.fill("#add-text", UNTITLED_TEXT + " " + UNTITLED_TEXT.replace("Omsk", "Tomsk"))
        page.click("#add-form button[type=submit]")
        page.wait_for_selector("#add-report")
        page.fill("#add-token", TOKEN)
        page.fill("#add-text", UNTITLED_TEXT + " " + UNTITLED_TEXT.replace("Omsk", "Tomsk"))
        page.click("#add-form button[type=submit]")
        page.wait_for_selector("#add-report")
        report = page.locator("#add-report").inner_text()
        assert "already stored 1" in report and "Already in the store" in report
        page.locator("ul.already a").click()
        page.wait_for_url("**/articles/*")
        assert page.locator("h1").inner_text().startswith("Delegations from Omsk")
        shot(page, "add-news-known-390")
    finally:
        context.close()


def test_add_news_shows_progress(browser: Any, panel: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(panel.url("/add"))
        assert page.locator("#add-progress").is_hidden()
        # Keep the form from leaving (a listener added after the page's own), so the page stays
        # in its "adding" state long enough to look at it.
        page.evaluate("() => document.getElementById('add-form')"
                      ".addEventListener('submit', e => e.preventDefault())")
        page.fill("#add-token", TOKEN)
        page.fill("#add-text", "Some pasted text to add.")
        page.click("#add-form button[type=submit]")
        page.wait_for_selector("#add-progress:visible")
        assert "Adding" in page.locator("#add-progress").inner_text()
        page.wait_for_function("() => document.querySelector('#add-form button').disabled")
        shot(page, "add-news-progress-1280")
    finally:
        context.close()
