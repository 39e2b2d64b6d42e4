"""The sample corpus through the whole ingest, checked against examples/corpus-gold.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sujet.config import Settings
from sujet.model import Article
from sujet.pipeline.ingest import IngestReport, run_ingest
from sujet.store import open_store

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
GOLD = json.loads((CORPUS.parent / "corpus-gold.json").read_text(encoding="utf-8"))
ITEMS = {it["item"]: it for it in GOLD["items"]}


def ws(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Article], IngestReport]:
    db = tmp_path_factory.mktemp("corpus") / "corpus.sqlite"
    settings = Settings(db=f"sqlite:///{db}")
    with open_store(settings.db) as store:
        report = run_ingest([str(CORPUS)], store, settings, enrichers=[])
        by_item: dict[str, Article] = {}
        for article in store.iter_articles():
            rel = Path(article.source.split("#")[0]).resolve().relative_to(CORPUS.resolve()).as_posix()
            suffix = "#" + article.source.split("#", 1)[1] if "#" in article.source else ""
            by_item[rel + suffix] = article
    return by_item, report


def test_every_kept_item_is_stored_and_dropped_ones_are_reported(
    ingested: tuple[dict[str, Article], IngestReport],
) -> None:
    by_item, report = ingested
    assert sorted(by_item) == sorted(ITEMS)
    rejected = {r.source: r.code for r in report.rejects}
    for dropped in GOLD["expected"]["dropped"]:
        item, code = dropped["item"], dropped["reason"]
        assert any(src.endswith(item) and c == code for src, c in rejected.items()), (item, rejected)


def check(article: Article, gold: dict[str, Any]) -> list[str]:
    problems = []
    body = ws(article.text)
    if gold.get("language") and article.language != gold["language"]:
        problems.append(f"language {article.language} != {gold['language']}")
    if gold.get("title") and ws(article.title) != ws(gold["title"]):
        problems.append(f"title {article.title!r}")
    if gold.get("date") and (article.date or "")[:10] != gold["date"]:
        problems.append(f"date {article.date} != {gold['date']}")
    if gold.get("dateline_place") and (article.dateline or "").casefold() != gold["dateline_place"].casefold():
        problems.append(f"dateline {article.dateline!r} != {gold['dateline_place']!r}")
    if gold.get("agency") and (article.agency or "").casefold() != gold["agency"].casefold():
        problems.append(f"agency {article.agency!r} != {gold['agency']!r}")
    if not body.startswith(ws(gold["body_starts"])):
        problems.append(f"body starts {body[:80]!r}")
    if not body.endswith(ws(gold["body_ends"])):
        problems.append(f"body ends {body[-80:]!r}")
    for s in gold.get("not_in_body", []):
        if ws(s) in body:
            problems.append(f"boilerplate kept: {s!r}")
    for s in gold.get("once_in_body", []):
        if body.count(ws(s)) != 1:
            problems.append(f"{s!r} appears {body.count(ws(s))} times")
    return problems


@pytest.mark.parametrize("item", sorted(ITEMS))
def test_item_matches_gold(item: str, ingested: tuple[dict[str, Article], IngestReport]) -> None:
    by_item, _ = ingested
    article = by_item[item]
    assert check(article, ITEMS[item]) == []
    original = ITEMS[item].get("duplicate_of")
    if original:
        assert article.duplicate_of == by_item[original].id
    else:
        assert article.duplicate_of is None
