"""Entity analysis of one article runs under the per-document bound: an article that overruns
it fails alone (E601), the worker is replaced, and the rest of the chunk is enriched."""

from __future__ import annotations

import random
from pathlib import Path

from fault_settings import settings_with

from sujet.errors import DocumentTimeout
from sujet.model import Article
from sujet.pipeline.enrich import EntityEnricher
from sujet.pipeline.ingest import IngestReport, run_enrichers
from sujet.store import open_store

_NAMES = ("Angela Merkel", "Olaf Scholz", "Berlin", "Hamburg", "Siemens AG", "Deutsche Bahn")


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, source=f"test:{aid}", text=text, title=f"Bericht {aid}",
                   language="de", content_hash=aid)


def test_a_slow_article_fails_alone(tmp_path: Path) -> None:
    rng = random.Random(1)
    # several seconds of analysis on one core: many names in one long text
    long = " ".join(f"{rng.choice(_NAMES)} traf {rng.choice(_NAMES)} in {rng.choice(_NAMES)}."
                    for _ in range(8000))
    good = "Angela Merkel traf am Montag in Berlin den Vorstand der Deutschen Bahn."
    articles = [_article("a1", good), _article("slow", long), _article("a2", good + " Danach.")]
    settings = settings_with(tmp_path, document_seconds=0.3)  # killed at 1.3 s
    report = IngestReport()
    with open_store(settings.db) as store:
        store.add_articles(articles)
        run_enrichers(articles, store, [EntityEnricher(settings)], report)
        assert [(r.source, r.code) for r in report.rejects] == [("test:slow", DocumentTimeout.code)]
        for aid in ("a1", "a2"):
            assert {m.normal for m in store.mentions_of_article(aid)} >= {"Angela Merkel"}
        assert store.get_article("slow").metadata["enriched"] == "failed"  # type: ignore[union-attr]
        assert store.get_article("a2").metadata["enriched"] is True  # type: ignore[union-attr]
