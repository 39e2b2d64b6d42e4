"""Events from a window of stored events equal those from every event held, and the window
stays bounded: five months of reports in small chunks through the real enricher and store."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pg_backend import backend_url

from sujet.config import Settings
from sujet.model import Article
from sujet.pipeline.enrich import EventEnricher
from sujet.pipeline.ingest import IngestReport, run_enrichers
from sujet.store import open_store
from sujet.stories.cluster import EventClusterer
from sujet.stories.represent import represent

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from stories_synthetic import TableScorer  # noqa: E402

START = date(2024, 1, 1)
DAYS = 150


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from backend_url(request.param, tmp_path, "sujet_window")


def _corpus(coarse: bool) -> tuple[list[Article], TableScorer]:
    """About two reports a day on six running stories over five months; reports of one story
    a few days apart score high, so a story is one long component that the time-span veto cuts
    into events. ``coarse`` adds reports dated only to the month or the year, undated ones,
    duplicates of older reports and reports that arrive two months late."""
    rng = random.Random(7)
    arts: list[Article] = []
    topic: dict[str, int] = {}
    for k in range(2 * DAYS):
        day = START + timedelta(days=k // 2)
        t = rng.randrange(6)
        aid = f"a{k:03d}"
        topic[aid] = t
        arts.append(Article(id=aid, source=f"test:{aid}", title=f"Story {t} report {k}",
                            text=f"Report {k} on story {t}. Things happened on that day.",
                            date=day.isoformat(), language="en", content_hash=aid))
    if coarse:
        extra = [("m1", "2024-02", 1), ("m2", "2024-03", 2), ("y1", "2024", 3),
                 ("u1", None, 1), ("u2", None, 4)]
        for aid, when, t in extra:
            topic[aid] = t
            arts.append(Article(id=aid, source=f"test:{aid}", title=f"Story {t} summary {aid}",
                                text=f"A summary {aid} of story {t}.", date=when,
                                language="en", content_hash=aid))
        for n, original in enumerate(["a010", "a120", "a200"]):
            aid = f"d{n}"
            topic[aid] = topic[original]
            arts.append(Article(id=aid, source=f"test:{aid}", title=f"Copy of {original}",
                                text=f"Copy {n}.", date=arts[int(original[1:])].date,
                                language="en", content_hash=aid, duplicate_of=original))
    table: dict[tuple[str, str], float] = {}
    dated = {a.id: date.fromisoformat(a.date) for a in arts if a.date and len(a.date) == 10}
    for i, a in enumerate(arts):
        for b in arts[i + 1:]:
            noise = rng.uniform(-0.15, 0.15)
            if topic[a.id] != topic[b.id]:
                table[(a.id, b.id)] = max(0.0, 0.2 + noise)
            elif a.id in dated and b.id in dated:
                gap = abs((dated[a.id] - dated[b.id]).days)
                table[(a.id, b.id)] = max(0.0, 0.95 - 0.06 * gap + noise)
            else:
                table[(a.id, b.id)] = 0.6 + noise
    return arts, TableScorer(table)


def _chunks(arts: list[Article], size: int, late: bool) -> list[list[Article]]:
    order = sorted(arts, key=lambda a: (a.date or "2024-03-15", a.id))
    if late:  # a few reports arrive two months after their day
        held = [a for a in order if a.id in {"a030", "a031", "a090"}]
        order = [a for a in order if a not in held]
        at = next(i for i, a in enumerate(order) if (a.date or "") >= "2024-04-01")
        order[at:at] = held
    return [order[i:i + size] for i in range(0, len(order), size)]


def _copy(a: Article) -> Article:
    return Article(id=a.id, source=a.source, text=a.text, title=a.title, date=a.date,
                   language=a.language, content_hash=a.content_hash,
                   duplicate_of=a.duplicate_of)


def _settings(url: str) -> Settings:
    settings = Settings(db=url)
    settings.stories.encoder = "static"  # the table decides; no e5 vectors needed
    return settings


def test_windowed_events_equal_those_of_every_event_held(store_url: str) -> None:
    arts, scorer = _corpus(coarse=True)
    chunks = _chunks(arts, 8, late=True)
    settings = _settings(store_url)
    # every event held, in memory: the same chunks in the same order
    full = EventClusterer(settings.stories, scorer=scorer)
    aliases: dict[str, str] = {}
    for chunk in chunks:
        update = full.add(represent(chunk, deep=False))
        aliases.update(update.aliases)
    expected = {e.id: {m.article_id for m in e.members} for e in full.events}
    with open_store(settings.db) as store:
        for n, chunk in enumerate(chunks):
            batch = [_copy(a) for a in chunk]
            store.add_articles(batch)
            # a fresh enricher now and then, as in the next run: it reads only the window
            if n % 10 == 0:
                enricher = EventEnricher(settings, scorer=scorer)
            run_enrichers(batch, store, [enricher], IngestReport())
        got = {e.id: {m.article_id for m in e.members} for e in store.iter_events()}
        assert got == expected
        for old in aliases:
            live = old
            while live not in expected:
                live = aliases[live]
            assert store.resolve_event_id(old) == live
        assert {a.id: a.event_id for a in store.iter_articles()} == {
            m: e for e, members in expected.items() for m in members}
    # and the events are those of all reports at once
    once = EventClusterer(settings.stories, scorer=scorer)
    once.add(represent(arts, deep=False))
    assert sorted(map(sorted, expected.values())) == sorted(
        sorted(m.article_id for m in e.members) for e in once.events)
    assert len(expected) < len(arts) * 0.7  # the stories did form events of several reports


def test_the_window_holds_only_the_reports_near_the_chunk(store_url: str) -> None:
    arts, scorer = _corpus(coarse=False)
    settings = _settings(store_url)
    window = settings.stories.event_window_days
    enricher = EventEnricher(settings, scorer=scorer)
    held: list[int] = []
    with open_store(settings.db) as store:
        for chunk in _chunks(arts, 10, late=False):
            batch = [_copy(a) for a in chunk]
            store.add_articles(batch)
            run_enrichers(batch, store, [enricher], IngestReport())
            lo = min(date.fromisoformat(a.date or "") for a in chunk)
            hi = max(date.fromisoformat(a.date or "") for a in chunk)
            # events span at most the window and the kept ones reach into the chunk's window
            near = sum(1 for a in arts if lo - timedelta(days=2 * window)
                       <= date.fromisoformat(a.date or "") <= hi + timedelta(days=2 * window))
            assert enricher.held_articles <= near
            held.append(enricher.held_articles)
        assert store.count_events() == len(list(store.iter_events()))
    assert max(held) <= len(arts) // 4
