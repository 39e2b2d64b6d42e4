"""The topic filter in the CLI, the API and the web feed (topics written through the store)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sujet.api import create_app
from sujet.config import ServeSettings, Settings
from sujet.model import Article
from sujet.store import open_store

ARTICLES = [
    Article(id="s1", source="https://a.example/1", title="Cup final won on penalties",
            text="The cup final was won on penalties.", date="2024-05-02", language="en",
            content_hash="h1", topic="sports"),
    Article(id="e1", source="https://b.example/2", title="Ставка ЦБ снижена",
            text="Банк России снизил ключевую ставку.", date="2024-05-03", language="ru",
            content_hash="h2", topic="economy"),
    Article(id="s2", source="https://c.example/3", title="Trainer entlassen",
            text="Der Verein hat den Trainer entlassen.", date="2024-05-04", language="de",
            content_hash="h3", topic="sports"),
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.sqlite"
    with open_store(f"sqlite:///{path}") as store:
        store.add_articles(ARTICLES)
    return path


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sujet.cli", *args], capture_output=True,
                          text=True, timeout=120)


def test_cli_articles_by_topic(db: Path) -> None:
    out = _cli("articles", "--topic", "sports", "--json", "--db", f"sqlite:///{db}")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [r["id"] for r in rows] == ["s2", "s1"]
    assert {r["topic"] for r in rows} == {"sports"}
    bad = _cli("articles", "--topic", "weather", "--db", f"sqlite:///{db}")
    assert bad.returncode != 0 and "E100" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_api_and_web_feed_by_topic(db: Path) -> None:
    settings = Settings(db=f"sqlite:///{db}", serve=ServeSettings(allowed_hosts=["testserver"]))
    with open_store(settings.db) as store, \
            TestClient(create_app(settings, store, poll_feeds=False)) as client:
        got = client.get("/api/v1/articles", params={"topic": "economy"}).json()
        assert got["total"] == 1 and got["items"][0]["id"] == "e1"
        assert got["items"][0]["topic"] == "economy"
        bad = client.get("/api/v1/articles", params={"topic": "weather"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "E100"
        page = client.get("/", params={"topic": "sports"})
        assert page.status_code == 200
        assert "Cup final won on penalties" in page.text and "Trainer entlassen" in page.text
        assert "Ставка ЦБ снижена" not in page.text
        assert '<option value="sports" selected>' in page.text
