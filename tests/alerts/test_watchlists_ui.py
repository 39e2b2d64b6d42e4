"""Watchlists through the API (writes need the token), the web pages (new since the last
visit), the feed, the CLI, and the alert run at the end of `sujet ingest`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sujet.alerts.records import AlertRecords
from sujet.api.app import create_app
from sujet.cli import app as cli_app
from sujet.config import EntitySettings, ServeSettings, Settings, StorySettings
from sujet.model import Article
from sujet.store import Store, open_store

TOKEN = "watchlist-test-token-0b7e"
CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "text"


def _client(store: Store) -> TestClient:
    settings = Settings(db=store.url, serve=ServeSettings(token=TOKEN,
                                                          allowed_hosts=["testserver"]))
    return TestClient(create_app(settings, store, poll_feeds=False))


def _article(i: int, text: str) -> Article:
    return Article(id=f"u{i}", source=f"/data/u{i}.txt", title=f"Report {i}", text=text,
                   language="ru", content_hash=f"hu{i}")


def test_api_pages_and_feed(store: Store) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with _client(store) as client:
        body = {"kind": "query", "target": '"рабочая группа" AND Минск', "name": "group"}
        assert client.post("/api/v1/watchlists", json=body).status_code == 401
        bad = client.post("/api/v1/watchlists", json={**body, "target": "(Минск"}, headers=auth)
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "E130"
        made = client.post("/api/v1/watchlists", json=body, headers=auth)
        assert made.status_code == 201
        wid = made.json()["id"]
        store.add_articles([_article(1, "Рабочая группа собралась в Минске."),
                            _article(2, "Рабочая группа собралась в Омске."),
                            _article(3, "В Минске группа была рабочая."),
                            _article(4, "Рабочей группы в Минске не было.")])
        run = client.post("/api/v1/alerts/run", headers=auth).json()
        assert run["alerts"] == 2  # the phrase in any case: "рабочей группы"
        listed = client.get(f"/api/v1/watchlists/{wid}/alerts").json()
        assert sorted(a["article_id"] for a in listed["items"]) == ["u1", "u4"]
        assert client.get("/api/v1/watchlists").json()["items"][0]["new_alerts"] == 2
        page = client.get("/watchlists")
        assert page.status_code == 200 and "2 new" in page.text
        one = client.get(f"/watchlists/{wid}")
        assert "Report 1" in one.text and "badge" in one.text
        assert "2 new" not in client.get("/watchlists").text  # seen now
        rss = client.get(f"/api/v1/watchlists/{wid}/feed.rss")
        titles = [t.text for t in ET.fromstring(rss.content).iter("title")]
        assert "Report 1" in titles
        atom = client.get(f"/api/v1/watchlists/{wid}/feed.atom")
        assert atom.status_code == 200 and b"Report 1" in atom.content
        assert client.delete(f"/api/v1/watchlists/{wid}", headers=auth).status_code == 204
        assert client.get(f"/api/v1/watchlists/{wid}").status_code == 404


def test_cli_and_ingest_hook(tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip("example corpus missing")
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    runner = CliRunner()
    added = runner.invoke(cli_app, ["watch", "add", "Минск", "--kind", "query", "--name", "minsk",
                                    "--db", db, "--json"])
    assert added.exit_code == 0, added.output
    bad = runner.invoke(cli_app, ["watch", "add", "x", "--kind", "planet", "--db", db])
    assert bad.exit_code == 2 and "E130" in bad.output
    ingest = runner.invoke(cli_app, ["ingest", str(CORPUS), "--no-enrich", "--db", db])
    assert ingest.exit_code == 0, ingest.output
    with open_store(db) as store:
        articles = [a for a in store.iter_articles() if not a.duplicate_of]
        recorded = {a.article_id for a in AlertRecords(store).list_alerts(limit=1000)}
    texts = {a.id: ((a.title or "") + " " + a.text).lower() for a in articles}
    cyrillic = {i for i, t in texts.items() if "минск" in t}
    either = {i for i, t in texts.items() if "минск" in t or "minsk" in t}
    # Russian reports in any case, and the city in Latin script through the name expansion.
    assert cyrillic and cyrillic <= recorded <= either and recorded - cyrillic
    shown = runner.invoke(cli_app, ["alerts", "--watchlist", "minsk", "--db", db, "--json"])
    assert shown.exit_code == 0 and len(json.loads(shown.output)) == len(recorded)
    again = runner.invoke(cli_app, ["alerts", "run", "--db", db, "--json"])
    assert json.loads(again.output)["alerts"] == 0
    listed = runner.invoke(cli_app, ["watch", "list", "--db", db])
    assert "minsk" in listed.output
    removed = runner.invoke(cli_app, ["watch", "remove", "minsk", "--db", db])
    assert removed.exit_code == 0
    assert "no watchlists" in runner.invoke(cli_app, ["watch", "list", "--db", db]).output


def test_api_ingest_raises_alerts(store: Store) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    settings = Settings(db=store.url, serve=ServeSettings(token=TOKEN, allowed_hosts=["testserver"]),
                        entities=EntitySettings(enabled=False), stories=StorySettings(enabled=False))
    with TestClient(create_app(settings, store, poll_feeds=False)) as client:
        made = client.post("/api/v1/watchlists", headers=auth,
                           json={"kind": "person", "target": "Прохор Заболоцкий"}).json()
        text = ("Омск, 3 марта 2025. Прохора Заболоцкого назначили директором завода. Об этом "
                "сообщили в пресс-службе правительства области; он приступит к работе в апреле.")
        report = client.post("/api/v1/ingest", headers=auth, json={"text": text}).json()
        assert report["added"] == 1
        alerts = client.get(f"/api/v1/watchlists/{made['id']}/alerts").json()["items"]
        assert [a["article_id"] for a in alerts] == report["article_ids"]
