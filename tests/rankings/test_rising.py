"""What is rising: importance with velocity, the feed's order across the whole list, top
stories and the people and organisations on the rise (store, API, web, CLI)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sujet.api import create_app
from sujet.api.rankings import Period, period_of, rising_entities, top_events
from sujet.config import ServeSettings, Settings
from sujet.errors import InputError
from sujet.model import Article, Entity, Event, EventMember, Mention, Position
from sujet.store import Store, open_store
from sujet.stories.importance import most_important_first, velocity

SITES = ["tass.ru", "ria.ru", "dpa.de", "reuters.com", "bbc.co.uk", "belta.by", "spiegel.de"]


def _report(i: str, site: str, day: str, *, lang: str = "en", fetched: str | None = None,
            text: str = "Report.", copy_of: str | None = None) -> Article:
    return Article(id=i, source=f"https://{site}/{i}", url=f"https://{site}/{i}", site=site,
                   title=f"Title {i}", text=text, date=day, language=lang,
                   content_hash=f"h-{i}", duplicate_of=copy_of, fetched_at=fetched)


def test_velocity_weighs_an_event_that_speeds_up() -> None:
    steady = [_report(f"s{d}", "a.ru", f"2024-05-{d:02d}") for d in range(1, 9)]
    burst = [_report(f"b{d}", "a.ru", "2024-05-01") for d in range(2)] + [
        _report(f"c{h}", "a.ru", "2024-05-08", fetched=f"2024-05-08T{h:02d}:00:00+00:00")
        for h in range(6)]
    assert velocity(steady) == pytest.approx(1.0, abs=0.05)
    assert velocity(burst) > 4
    assert velocity(steady[:1]) == 1.0


def _seed(store: Store) -> list[Event]:
    """30 events over ten days with 1..7 sources, 1..3 languages, and copies that add nothing."""
    events, articles = [], []
    for n in range(30):
        day = f"2024-05-{1 + n % 10:02d}"
        k = 1 + (n * 5) % 7
        reps = [_report(f"e{n}r{j}", SITES[j], day, lang=("ru", "de", "en")[j % (1 + n % 3)])
                for j in range(k)]
        reps.append(_report(f"e{n}copy", "copy.example", day, copy_of=reps[0].id))
        articles += reps
        events.append(Event(id=f"ev{n:02d}", title=f"Event {n}", date_from=day, date_to=day,
                            languages=sorted({a.language for a in reps if a.language}),
                            members=[EventMember(a.id, 0.9) for a in reps]))
    store.add_articles(articles)
    store.upsert_events(events)
    return events


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite"
    with open_store(f"sqlite:///{path}") as store:
        events = _seed(store)
        people = [Entity(id="p-new", type="PER", name="Анна Новикова", mentions=9,
                         positions=[Position("министр финансов", "2024-05-20", "m0")]),
                  Entity(id="p-old", type="PER", name="Olaf Alt", mentions=9),
                  Entity(id="o-firm", type="ORG", name="Роснефть", mentions=5)]
        store.upsert_entities(people)
        plan = {"p-new": [20, 21, 22, 23, 24, 25], "p-old": [1, 2, 9, 10, 16, 17, 22],
                "o-firm": [3, 24, 25]}
        mentions = []
        for entity_id, days in plan.items():
            for d in days:
                a = _report(f"m-{entity_id}-{d}", "news.example", f"2024-05-{d:02d}",
                            text="Анна Новикова Olaf Alt Роснефть.")
                mentions.append(a)
        store.add_articles(mentions)
        for a in mentions:
            eid = a.id.split("-", 1)[1].rsplit("-", 1)[0]
            store.replace_mentions(a.id, [Mention(a.id, 0, 5, "ORG" if eid == "o-firm" else "PER",
                                                  "x", "x", eid)])
        assert len(events) == 30
    return path


def test_feed_order_is_importance_across_the_whole_list(db: Path) -> None:
    with open_store(f"sqlite:///{db}") as store:
        events = store.list_events(limit=100)
        members = {e.id: [m.article_id for m in e.members] for e in events}
        arts = {a.id: a for a in store.get_articles([i for v in members.values() for i in v])}
        expected = [e.id for e, _ in most_important_first(
            events, {k: [arts[i] for i in v] for k, v in members.items()})]
        pages = [e.id for off in range(0, 30, 7)
                 for e in store.list_events(limit=7, offset=off, order="important")]
        assert pages == expected
        assert pages != [e.id for e in events]  # not the newest-first order
        assert all(e.importance is not None for e in events)


def test_top_events_and_rising_entities(db: Path) -> None:
    with open_store(f"sqlite:///{db}") as store:
        top = top_events(store, period_of("2024-05-08", "2024-05-10"), limit=3)
        assert [t.event.date_to for t in top] and all(
            "2024-05-08" <= (t.event.date_to or "") <= "2024-05-10" for t in top)
        assert "copy.example" not in {s for t in top for s in t.sources}
        scores = [t.importance.score for t in top]
        assert scores == sorted(scores, reverse=True)
        week = Period(date(2024, 5, 19), date(2024, 5, 25))
        assert week.before(4) == Period(date(2024, 4, 21), date(2024, 5, 18))
        rows = rising_entities(store, week)
        got = {r.entity.id: (r.mentions, r.before, r.change) for r in rows}
        assert [r.entity.id for r in rows][0] == "p-new"
        assert got["p-new"] == (6, 0.0, 6.0)
        assert got["p-old"] == (1, 1.5, -0.5)  # 6 mentions over the four weeks before
        assert got["o-firm"] == (2, 0.25, 1.75)
        assert rows[0].ratio is None  # never mentioned before
        assert [r.entity.id for r in rising_entities(store, week, types=("ORG",))] == ["o-firm"]
    with pytest.raises(InputError):
        period_of("2024-05-10", "2024-05-01")


def test_api_web_and_cli(db: Path) -> None:
    settings = Settings(db=f"sqlite:///{db}", serve=ServeSettings(allowed_hosts=["testserver"]))
    with open_store(settings.db) as store, \
            TestClient(create_app(settings, store, poll_feeds=False)) as client:
        top = client.get("/api/v1/top", params={"date_from": "2024-05-01",
                                                "date_to": "2024-05-10", "limit": 5}).json()
        assert len(top["items"]) == 5 and top["items"][0]["score"] >= top["items"][1]["score"]
        rising = client.get("/api/v1/rising", params={"date_from": "2024-05-19",
                                                      "date_to": "2024-05-25"}).json()
        assert rising["before_from"] == "2024-04-21"
        assert rising["items"][0]["entity"]["name"] == "Анна Новикова"
        assert rising["items"][0]["entity"]["last_position"]["title"] == "министр финансов"
        bad = client.get("/api/v1/rising", params={"date_from": "2024-05-30",
                                                   "date_to": "2024-05-01"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "E100"
        page = client.get("/rising", params={"date_from": "2024-05-19", "date_to": "2024-05-25"})
        assert page.status_code == 200 and "Анна Новикова" in page.text and "+6.0" in page.text
        page = client.get("/top", params={"date_from": "2024-05-01", "date_to": "2024-05-10"})
        assert page.status_code == 200 and page.text.count('class="card event-card') == 20
        assert "Top stories" in client.get("/").text
    out = subprocess.run([sys.executable, "-m", "sujet.cli", "rising", "--from", "2024-05-19",
                          "--to", "2024-05-25", "--json", "--db", f"sqlite:///{db}"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    person = rows[0]["entity"]  # the API's rising item
    assert person["name"] == "Анна Новикова" and person["last_position"]["title"] == "министр финансов"
    out = subprocess.run([sys.executable, "-m", "sujet.cli", "top", "--from", "2024-05",
                          "--to", "2024-05", "--limit", "3", "--db", f"sqlite:///{db}"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.strip().splitlines()) == 3


def test_an_older_store_gets_its_events_scored(db: Path) -> None:
    import sqlite3

    with open_store(f"sqlite:///{db}") as store:
        written = {e.id: e.importance for e in store.list_events(limit=100)}
    con = sqlite3.connect(db)
    con.execute("DROP INDEX ix_events_importance")
    con.execute("ALTER TABLE events DROP COLUMN importance")
    con.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with open_store(f"sqlite:///{db}") as store:
        migrated = {e.id: e.importance for e in store.list_events(limit=100)}
    assert migrated.keys() == written.keys()
    for event_id, key in written.items():
        assert migrated[event_id] == pytest.approx(key)
