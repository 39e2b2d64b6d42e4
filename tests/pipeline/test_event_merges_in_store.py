"""A merge of two events through the real enricher and store: the older id survives, the other
becomes its alias, and nothing answers 404."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_backend import backend_url

from sujet.config import Settings
from sujet.model import Article
from sujet.pipeline.enrich import EventEnricher
from sujet.pipeline.ingest import IngestReport, run_enrichers
from sujet.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from stories_synthetic import TableScorer  # noqa: E402


def _article(aid: str, day: str, text: str) -> Article:
    return Article(id=aid, source=f"test:{aid}", text=text, title=f"Report {aid}", date=day,
                   language="en", content_hash=aid)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from backend_url(request.param, tmp_path, "sujet_merge")


def test_a_bridging_batch_merges_two_stored_events(store_url: str) -> None:
    settings = Settings(db=store_url)
    settings.stories.encoder = "static"  # the table below decides; no e5 vectors needed
    scores = {("a", "b"): 0.4, ("a", "c"): 0.95, ("b", "c"): 0.9}
    with open_store(settings.db) as store:
        first = [_article("a", "2024-05-01", "The council met on Monday to discuss the budget."),
                 _article("b", "2024-05-02", "Budget talks in the council went on on Tuesday.")]
        store.add_articles(first)
        run_enrichers(first, store, [EventEnricher(settings, scorer=TableScorer(scores))],
                      IngestReport())
        a_event = store.get_article("a").event_id  # type: ignore[union-attr]
        b_event = store.get_article("b").event_id  # type: ignore[union-attr]
        assert a_event and b_event and a_event != b_event
        bridge = [_article("c", "2024-05-02", "The council agreed the budget after two days.")]
        store.add_articles(bridge)
        # a fresh enricher, as in the next run: it restores the events from the store
        report = IngestReport()
        run_enrichers(bridge, store, [EventEnricher(settings, scorer=TableScorer(scores))],
                      report)
        assert report.enrich["events_merged"] == 1
        assert store.get_event(b_event) is None  # the row of the newer event is gone…
        assert store.resolve_event_id(b_event) == a_event  # …and its id leads to the survivor
        survivor = store.get_event(a_event)
        assert survivor is not None
        assert {m.article_id for m in survivor.members} == {"a", "b", "c"}
        assert {store.get_article(i).event_id for i in "abc"} == {a_event}  # type: ignore[union-attr]
