"""Storylines linked a chunk at a time from the stored event profiles: on the sample corpus,
ingested one file at a time, they are those of linking every event at once, and they still
join events months apart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from pg_backend import backend_url
from sqlalchemy import delete

from sujet.config import Settings
from sujet.pipeline.enrich import EventEnricher
from sujet.pipeline.ingest import run_ingest
from sujet.store import open_store
from sujet.store import schema as t
from sujet.store.sql_store import SqlStore
from sujet.stories.storylines import EventProfile, link_profiles

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from backend_url(request.param, tmp_path, "sujet_lines")


def test_storylines_a_file_at_a_time_equal_linking_all_events(store_url: str) -> None:
    settings = Settings(db=store_url)
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md")
    with open_store(settings.db) as store:
        for path in files:
            run_ingest([str(path)], store, settings)
        events = list(store.iter_events())
        profiles = store.event_profiles([e.id for e in events])
        assert set(profiles) == {e.id for e in events}  # written with every event
        stored = {frozenset(s.event_ids) for s in store.list_storylines(limit=1000)}
        assert stored == {frozenset(e.id for e in events if e.storyline_id == sid)
                          for sid in {e.storyline_id for e in events} - {None}}
        # every event linked again at once, with the weights of names over all events
        again = link_profiles(events, [EventProfile(e, profiles[e.id]) for e in events])
        assert {frozenset(s.event_ids) for s in again.storylines} == stored
        spans = [(date.fromisoformat(s.date_from or ""), date.fromisoformat(s.date_to or ""))
                 for s in store.list_storylines(limit=1000)]
        assert sum(1 for lo, hi in spans if (hi - lo).days > 180) >= 2  # a year apart, linked


def test_a_store_from_before_profiles_is_profiled_on_first_use(store_url: str) -> None:
    settings = Settings(db=store_url)
    with open_store(settings.db) as store:
        run_ingest([str(CORPUS / "jsonl")], store, settings)
        ids = [e.id for e in store.iter_events()]
        before = store.event_profiles(ids)
        assert isinstance(store, SqlStore)
        with store.db.write() as conn:  # as migration 12 leaves an older store
            conn.execute(delete(t.event_keys))
            conn.execute(delete(t.event_profiles))
        assert store.count_event_profiles() == 0
        EventEnricher(settings)._window_for(store)
        after = store.event_profiles(ids)
    assert set(after) == set(before) and len(before) == len(ids) > 1
    for i in ids:
        assert after[i].names == before[i].names
        assert (after[i].day_from, after[i].day_to) == (before[i].day_from, before[i].day_to)
        assert np.allclose(after[i].vector, before[i].vector, atol=1e-6)
