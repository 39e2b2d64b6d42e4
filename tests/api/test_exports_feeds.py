"""Exports (JSON lines, CSV) and outgoing feeds (RSS 2.0, Atom)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from api_fixtures import HOSTILE_TITLE
from fastapi.testclient import TestClient

from sujet.model import Article
from sujet.store import Store

ATOM = "{http://www.w3.org/2005/Atom}"


def test_jsonl_export_streams_every_article(client: TestClient) -> None:
    r = client.get("/api/v1/exports/articles.jsonl")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in r.headers["content-disposition"]
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert {row["id"] for row in rows} == {"ru1", "de1", "ru2", "en1", "evil", "dup1"}
    ru1 = next(row for row in rows if row["id"] == "ru1")
    assert ru1["agency"] == "РИА Томск" and ru1["event_id"] == "ev-2024"


def test_jsonl_export_applies_filters(client: TestClient) -> None:
    r = client.get("/api/v1/exports/articles.jsonl", params={"language": "de",
                                                             "include_duplicates": False})
    assert [json.loads(line)["id"] for line in r.text.splitlines()] == ["de1"]


def test_csv_export_defuses_formulas(seeded: Store, client: TestClient) -> None:
    seeded.add_articles([Article(id="formula", source="x", text="=HYPERLINK(\"http://e\")",
                                 title="@SUM(A1)", content_hash="h-formula", language="en")])
    r = client.get("/api/v1/exports/articles.csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 7
    row = next(x for x in rows if x["id"] == "formula")
    assert row["title"] == "'@SUM(A1)" and row["text"].startswith("'=")
    raw = client.get("/api/v1/exports/articles.csv", params={"safe": False})
    row = next(x for x in csv.DictReader(io.StringIO(raw.text)) if x["id"] == "formula")
    assert row["title"] == "@SUM(A1)"
    multiline = next(x for x in rows if x["id"] == "ru1")
    assert "\n\n" in multiline["text"]  # quoted, not split into rows


def test_events_rss_is_valid_and_escaped(client: TestClient) -> None:
    r = client.get("/api/v1/feeds/events.rss")
    assert r.headers["content-type"].startswith("application/rss+xml")
    assert "<img" not in r.text  # escaped as &lt;img
    root = ET.fromstring(r.content)
    items = root.findall("./channel/item")
    assert [i.findtext("guid") for i in items] == ["ev-2025", "ev-evil", "ev-2024"]
    assert items[1].findtext("title") == HOSTILE_TITLE
    assert items[2].findtext("link", "").endswith("/events/ev-2024")
    assert items[2].findtext("pubDate") == "Fri, 30 Aug 2024 00:00:00 +0000"


def test_events_atom(client: TestClient) -> None:
    r = client.get("/api/v1/feeds/events.atom", params={"language": "de"})
    assert r.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(r.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == ["urn:sujet:ev-2024"]
    assert client.get("/api/v1/feeds/events.json").status_code == 422


def test_search_and_entity_feeds(client: TestClient) -> None:
    root = ET.fromstring(client.get("/api/v1/feeds/search.rss", params={"q": "Мазур"}).content)
    guids = {i.findtext("guid") for i in root.findall("./channel/item")}
    assert {"ru1", "de1", "ru2"} <= guids
    assert all("«" not in (i.findtext("description") or "") for i in root.findall("./channel/item"))
    atom = ET.fromstring(client.get("/api/v1/feeds/entities/p-mazur.atom").content)
    assert atom.findtext(f"{ATOM}title") == "Sujet — Владимир Мазур"
    assert len(atom.findall(f"{ATOM}entry")) == 3
    assert client.get("/api/v1/feeds/entities/none.rss").status_code == 404


def test_feed_strips_characters_xml_forbids(seeded: Store, client: TestClient) -> None:
    seeded.add_articles([Article(id="ctl", source="x", title="Bell\x07 and unit\x1f",
                                 text="Мазур text with \x0b control", content_hash="h-ctl")])
    seeded.replace_mentions("ctl", [])
    r = client.get("/api/v1/feeds/search.rss", params={"q": "control"})
    root = ET.fromstring(r.content)  # parses: no forbidden characters left
    assert root.find("./channel/item/title") is not None
    assert root.findtext("./channel/item/title") == "Bell and unit"
