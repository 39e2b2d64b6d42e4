"""The digest: what it holds, HTML, and a PDF whose pages give back their text (Cyrillic
included) when read with pypdf; the same through the CLI, the API and the web page."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from sujet.api import create_app
from sujet.api.rankings import period_of
from sujet.config import ServeSettings, Settings
from sujet.digest import build_digest, render_html, render_pdf
from sujet.model import Article, Entity, Event, EventMember, Fact, Mention, Position
from sujet.store import open_store

LEAD = ("Томская область и Беларусь договорились расширить сотрудничество в микроэлектронике. "
        "Губернатор Владимир Мазур назвал высокие технологии основой партнёрства.")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "d.sqlite"
    reports = [Article(id=f"r{i}", source=f"https://{site}/a", url=f"https://{site}/a",
                       site=site, title="Томск и Беларусь подписали дорожную карту",
                       text=LEAD, date="2024-08-30", language=lang, content_hash=f"h{i}")
               for i, (site, lang) in enumerate((("tass.ru", "ru"), ("belta.by", "ru"),
                                                 ("dpa.de", "de")))]
    with open_store(f"sqlite:///{path}") as store:
        store.add_articles(reports)
        store.upsert_events([Event(
            id="ev1", title="Томск и Беларусь подписали дорожную карту",
            languages=["ru", "de"], date_from="2024-08-30", date_to="2024-08-30",
            members=[EventMember(a.id, 0.9) for a in reports])])
        store.upsert_entities([Entity(
            id="p1", type="PER", name="Владимир Мазур", mentions=3,
            positions=[Position("губернатор Томской области", "2024-08-30", "r0",
                                language="ru")])])
        for a in reports:
            store.replace_mentions(a.id, [Mention(a.id, 0, 6, "PER", "Мазур", "Владимир Мазур",
                                                  "p1")])
        store.replace_facts("r0", [
            Fact("r0", "agreement", "Томская область и Беларусь договорились расширить "
                 "сотрудничество", 0, 60),
            Fact("r0", "figure", "товарооборот вырос на 60 процентов", 0, 30)])
    return path


def test_digest_holds_the_period(db: Path) -> None:
    with open_store(f"sqlite:///{db}") as store:
        d = build_digest(store, period_of("2024-08-26", "2024-09-01"))
    assert [e.title for e in d.events] == ["Томск и Беларусь подписали дорожную карту"]
    assert d.events[0].sources == ["belta.by", "dpa.de", "tass.ru"]
    assert d.events[0].lead.startswith("Томская область и Беларусь договорились")
    assert [(r.name, r.mentions, r.change) for r in d.rising] == [("Владимир Мазур", 3, 3.0)]
    assert d.rising[0].position == "губернатор Томской области"
    assert [f.text for f in d.agreements][0].startswith("Томская область и Беларусь")
    assert [f.text for f in d.figures] == ["товарооборот вырос на 60 процентов"]
    html = render_html(d)
    assert "Владимир Мазур" in html and "губернатор Томской области" in html


def test_pdf_pages_give_back_the_cyrillic(db: Path) -> None:
    with open_store(f"sqlite:///{db}") as store:
        pdf = render_pdf(build_digest(store, period_of("2024-08-26", "2024-09-01")))
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for expected in ("Владимир Мазур", "губернатор Томской области",
                     "Томск и Беларусь подписали дорожную карту",
                     "товарооборот вырос на 60 процентов", "belta.by"):
        assert expected in text, expected


def test_cli_api_and_web(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    run = subprocess.run([sys.executable, "-m", "sujet.cli", "digest", "--from", "2024-08-26",
                          "--to", "2024-09-01", "--format", "pdf", "-o", str(out),
                          "--db", f"sqlite:///{db}"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Владимир Мазур" in " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)
    bad = subprocess.run([sys.executable, "-m", "sujet.cli", "digest", "--format", "doc",
                          "--db", f"sqlite:///{db}"], capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "E100" in bad.stderr
    settings = Settings(db=f"sqlite:///{db}", serve=ServeSettings(allowed_hosts=["testserver"]))
    with open_store(settings.db) as store, \
            TestClient(create_app(settings, store, poll_feeds=False)) as client:
        got = client.get("/api/v1/digest", params={"date_from": "2024-08-26",
                                                   "date_to": "2024-09-01", "format": "pdf"})
        assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
        html = client.get("/api/v1/digest", params={"date_from": "2024-08-26",
                                                    "date_to": "2024-09-01"})
        assert "Владимир Мазур" in html.text
        page = client.get("/digest", params={"date_from": "2024-08-26", "date_to": "2024-09-01"})
        assert page.status_code == 200 and "Томск и Беларусь" in page.text
        assert 'href="/digest"' in page.text
