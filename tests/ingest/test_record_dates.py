"""A container's own date (feed item, JSON record) dates the article, not a date in its body."""

from __future__ import annotations

import json
from pathlib import Path

from sujet.config import Settings
from sujet.ingest import iter_pages
from sujet.model import Article, Page
from sujet.pipeline.articles import ExtractJob, extract_page

RU = (
    "Губернатор Томской области подписал соглашение о сотрудничестве с Республикой Беларусь. "
    "Соглашение рассчитано до 30 июня 2020 года. Стороны договорились о поставках техники, "
    "обмене делегациями и совместных проектах в машиностроении и сельском хозяйстве."
)
DE = (
    "Die Delegationen aus Minsk und Tomsk haben einen Vertrag über die Zusammenarbeit in der "
    "Landwirtschaft unterzeichnet. Er gilt bis zum 30. Juni 2020. Beide Seiten vereinbarten den "
    "Austausch von Fachleuten und gemeinsame Projekte im Maschinenbau. Weitere Gespräche sind "
    "für den Herbst geplant, teilte das Ministerium für Landwirtschaft in Minsk mit."
)


def _articles(paths: list[Path], settings: Settings) -> list[Article]:
    out = []
    for page in iter_pages([str(p) for p in paths], settings):
        assert isinstance(page, Page), page
        article = extract_page(ExtractJob(page, None, None, 0, 30.0))
        assert isinstance(article, Article), article
        out.append(article)
    return out


def _dated(article: Article) -> tuple[str | None, str | None, str | None]:
    return article.date, article.date_precision, article.date_source


def _jsonl(tmp_path: Path, *records: dict[str, str]) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return path


def test_json_record_date_beats_a_later_date_in_the_body(tmp_path: Path, settings: Settings) -> None:
    path = _jsonl(tmp_path, {"title": "Соглашение", "date": "2020-05-29", "text": RU},
                  {"title": "Соглашение", "date": "2020-05-29T23:30:00+03:00", "text": RU})
    assert [_dated(a) for a in _articles([path], settings)] == [("2020-05-29", "day", "record")] * 2


def test_json_record_in_html_beats_the_pages_own_date(tmp_path: Path, settings: Settings) -> None:
    html = ("<html><head><meta property='article:published_time' content='2020-06-01'>"
            f"<title>Vertrag</title></head><body><article><h1>Vertrag</h1><p>{DE}</p>"
            "</article></body></html>")
    path = _jsonl(tmp_path, {"date": "2020-05-29", "html": html}, {"html": html})
    assert [_dated(a) for a in _articles([path], settings)] == [
        ("2020-05-29", "day", "record"), ("2020-06-01", "day", "meta")]


def test_coarse_record_date_is_refined_by_a_text_date_inside_it(
    tmp_path: Path, settings: Settings
) -> None:
    path = _jsonl(tmp_path, {"date": "2020-06", "text": RU}, {"date": "2020", "text": RU})
    assert [_dated(a) for a in _articles([path], settings)] == [("2020-06-30", "day", "text")] * 2


def test_text_date_after_a_coarse_record_date_is_ignored(tmp_path: Path, settings: Settings) -> None:
    path = _jsonl(tmp_path, {"date": "2020-05", "text": RU}, {"date": "2019", "text": RU})
    assert [_dated(a) for a in _articles([path], settings)] == [
        ("2020-05", "month", "record"), ("2019", "year", "record")]


def test_record_without_a_usable_date_is_dated_by_its_text(tmp_path: Path, settings: Settings) -> None:
    path = _jsonl(tmp_path, {"date": "вчера", "text": RU}, {"text": RU})
    assert [_dated(a) for a in _articles([path], settings)] == [("2020-06-30", "day", "text")] * 2


def test_dateline_year_comes_from_a_coarse_record_date(tmp_path: Path, settings: Settings) -> None:
    text = "ТОМСК, 29 мая – РИА Томск. " + RU.replace("2020", "2018")
    path = _jsonl(tmp_path, {"date": "2020", "text": text})
    [article] = _articles([path], settings)
    assert (*_dated(article), article.dateline) == ("2020-05-29", "day", "dateline", "Томск")


def test_feed_item_date_beats_a_later_date_in_the_body(tmp_path: Path, settings: Settings) -> None:
    rss = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>BelTA</title><link>https://de.belta.example/</link>
<item><title>Vertrag</title><link>https://de.belta.example/2020/06/30/vertrag</link>
<content:encoded><![CDATA[<p>{DE}</p>]]></content:encoded>
<pubDate>Fri, 29 May 2020 23:30:00 +0300</pubDate></item>
<item><title>Vertrag</title><link>https://de.belta.example/vertrag</link>
<content:encoded><![CDATA[<p>{DE}</p>]]></content:encoded></item>
</channel></rss>"""
    path = tmp_path / "belta.rss"
    path.write_text(rss, encoding="utf-8")
    dated, undated = _articles([path], settings)
    # the item's date, as the publisher wrote it, beats both the URL and the body
    assert _dated(dated) == ("2020-05-29", "day", "feed")
    assert _dated(undated)[0] == "2020-06-30" and undated.date_source != "feed"
