"""The scale benchmark's bulk generator (benchmarks/bench_scale.py) at a tiny size: the store it
writes is consistent (counts, spans, search stems, references), holds the cached article vectors
the event enricher reads (found by the pipeline's own lookup, close within an event) and the API
serves it."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import text

from sujet.config import DedupSettings
from sujet.dedup.fingerprint import from_bytes
from sujet.dedup.store_index import store_index
from sujet.entities.entity_source import StoreEntities
from sujet.entities.name_keys import entity_keys
from sujet.store import open_store
from sujet.store.base import Store
from sujet.store.stemming import index_stems
from sujet.stories.represent import represent

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from bench_scale import load  # noqa: E402
from scale_write import store_backend  # noqa: E402

N = 500


def _scalar(conn: Any, sql: str) -> Any:
    return conn.execute(text(sql)).scalar()


def test_generated_store_is_consistent_and_served(store_url: str, shared_data: Path) -> None:
    assert load(store_url, N, seed=3, data=shared_data, log=False)["articles"] == N
    _check_rows(store_url)
    _check_vectors(store_url)
    _check_api(store_url)


def _check_rows(loaded: str) -> None:
    backend = store_backend(loaded)
    try:
        with backend.engine.connect() as conn:
            assert _scalar(conn, "SELECT count(*) FROM articles") == N
            assert _scalar(conn, "SELECT count(*) FROM signatures") == N
            assert _scalar(conn, "SELECT value FROM meta WHERE key = 'scale_pending_indexes'"
                           ) is None
            # every article in exactly one event, the event sizes add up
            assert _scalar(conn, "SELECT count(*) FROM articles WHERE event_id IS NULL") == 0
            assert _scalar(conn, "SELECT count(*) FROM event_members") == N
            assert _scalar(conn, "SELECT sum(n_articles) FROM events") == N
            assert _scalar(conn, "SELECT max(n_articles) FROM events") <= 50
            originals = _scalar(conn, "SELECT count(*) FROM articles WHERE duplicate_of IS NULL")
            # a copy points at an original of its event, never at another copy (as ingest marks)
            assert _scalar(conn, "SELECT count(*) FROM articles a JOIN articles o "
                                 "ON o.id = a.duplicate_of WHERE o.duplicate_of IS NOT NULL "
                                 "OR o.event_id <> a.event_id OR o.seq > a.seq") == 0
            assert originals < N
            mentions = _scalar(conn, "SELECT count(*) FROM mentions")
            assert 10 * originals <= mentions <= 40 * originals
            # entity rows agree with their mentions; no mention points nowhere
            assert _scalar(conn, "SELECT count(*) FROM mentions m WHERE NOT EXISTS "
                                 "(SELECT 1 FROM entities e WHERE e.id = m.entity_id)") == 0
            assert _scalar(conn, "SELECT count(*) FROM entities e WHERE e.mentions <> "
                                 "(SELECT count(*) FROM mentions m "
                                 "WHERE m.entity_id = e.id)") == 0
            assert _scalar(conn, "SELECT count(*) FROM storyline_events s WHERE NOT EXISTS "
                                 "(SELECT 1 FROM events e WHERE e.id = s.event_id "
                                 "AND e.storyline_id = s.storyline_id)") == 0
            assert {r[0] for r in conn.execute(text("SELECT DISTINCT language FROM articles"))
                    } == {"ru", "de", "en"}
            # the near-duplicate index's band keys, as the store's index writes them
            assert _scalar(conn, "SELECT count(*) FROM dedup_bands") == 32 * originals
            original, signature = conn.execute(text(
                "SELECT s.article_id, s.signature FROM signatures s JOIN articles a "
                "ON a.id = s.article_id WHERE a.duplicate_of IS NULL ORDER BY a.seq DESC "
                "LIMIT 1")).one()
            rows = conn.execute(text(
                "SELECT a.title, a.text, a.language, a.search_stems, m.span_start, m.span_end, "
                "m.surface FROM articles a JOIN mentions m ON m.article_id = a.id "
                "WHERE m.ord = 0 ORDER BY a.seq LIMIT 60")).all()
            entity_ids = [r[0] for r in conn.execute(text(
                "SELECT id FROM entities ORDER BY mentions DESC, id LIMIT 40"))]
        with open_store(loaded) as store:
            index = store_index(store, DedupSettings())  # nothing left to index on opening
            assert index.query(from_bytes(bytes(signature)))[0] == original  # type: ignore[index]
            # the entity resolver finds stored entities by their name keys
            source = StoreEntities(store)
            entities = store.get_entities(list(entity_ids))
            assert len(entities) == len(entity_ids)
            for ent in entities:
                assert any(ent.id in ids for ids in source.ids_for_keys(entity_keys(ent)).values())
        for title, body, lang, stems, start, end, surface in rows:
            assert body[start:end] == surface
            assert stems == index_stems(title, body, lang)
    finally:
        backend.close()


class _Lookups:
    """The store's embedding cache, counting what was asked, found and had to be encoded."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.asked: dict[str, int] = {}
        self.found: dict[tuple[str, str], bytes] = {}
        self.encoded = 0

    def get_cached(self, namespace: str, keys: Sequence[str]) -> dict[str, bytes]:
        got = self.store.get_cached(namespace, keys)
        self.asked[namespace] = self.asked.get(namespace, 0) + len(keys)
        self.found.update(((namespace, k), v) for k, v in got.items())
        return got

    def put_cached(self, namespace: str, items: Sequence[tuple[str, bytes]]) -> None:
        self.encoded += len(items)


def _check_vectors(loaded: str) -> None:
    """Every stored article's vectors come from the cache rows the generator wrote (nothing is
    encoded), as unit float32 vectors, and the reports of one event are closer to each other
    than to other events' reports."""
    with open_store(loaded) as store:
        articles = list(store.iter_articles())
        lookups = _Lookups(store)
        reprs = represent(articles, deep=True, cache=lookups)
        assert lookups.encoded == 0
        originals = [a for a in articles if not a.duplicate_of]
        assert len(originals) < len(articles)  # duplicates read their original's rows
        assert sorted(ns.split("-")[0] for ns in lookups.asked) == ["emb:e5", "emb:use"]
        deep_ns = next(ns for ns in lookups.asked if ns.startswith("emb:e5"))
        assert lookups.asked[deep_ns] == len(originals)
        # every event has the profile the event window reads, around its reports' days
        assert store.count_event_profiles() == store.count_events()
        dated = next(a for a in articles if a.event_id and a.date)
        day = date.fromisoformat(dated.date or "").toordinal()
        assert dated.event_id in store.events_covering(day, day)
    backend = store_backend(loaded)
    with backend.engine.connect() as conn:
        rows = _scalar(conn, "SELECT count(*) FROM cache WHERE namespace LIKE 'emb:%'")
    backend.close()
    assert rows == len(lookups.found)  # no row the pipeline would not read
    by_event: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        if not a.duplicate_of and a.event_id:
            by_event.setdefault(a.event_id, []).append(i)
    for name in ("vec_title", "vec_lead", "vec_deep"):
        m = np.stack([getattr(r, name) for r in reprs if not r.duplicate_of])
        assert m.dtype == np.float32
        assert np.allclose(np.linalg.norm(m, axis=1), 1.0, atol=1e-4)
    lead = np.stack([r.vec_lead for r in reprs])
    within = [float(lead[i] @ lead[j]) for ids in by_event.values()
              for i, j in zip(ids, ids[1:], strict=False)]
    firsts = [ids[0] for ids in by_event.values()]
    between = [float(lead[i] @ lead[j]) for i, j in zip(firsts, firsts[1:], strict=False)]
    assert len(within) > 50 and len(between) > 50
    assert np.median(within) > 0.75 and np.median(between) < 0.5


def _check_api(loaded: str) -> None:
    from fastapi.testclient import TestClient

    from sujet.api import create_app
    from sujet.config import Settings

    backend = store_backend(loaded)
    with backend.engine.connect() as conn:
        n_events = _scalar(conn, "SELECT count(*) FROM events")
        event_id, size = conn.execute(text(
            "SELECT e.id, count(*) FROM events e JOIN articles a ON a.event_id = e.id "
            "AND a.duplicate_of IS NULL GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1")).one()
        entity_id, mentioned = conn.execute(text(
            "SELECT id, mentions FROM entities ORDER BY mentions DESC, id LIMIT 1")).one()
        word = _scalar(conn, "SELECT surface FROM mentions m JOIN articles a "
                             "ON a.id = m.article_id AND a.duplicate_of IS NULL "
                             "WHERE m.entity_id = :e LIMIT 1".replace(":e", f"'{entity_id}'"))
    backend.close()
    with open_store(loaded) as store:
        app = create_app(Settings(db=loaded), store, poll_feeds=False)
        with TestClient(app, base_url="http://localhost") as client:
            feed = client.get("/api/v1/events?limit=20")
            assert feed.status_code == 200 and feed.json()["total"] == n_events
            articles = client.get("/api/v1/articles?limit=20")
            assert articles.status_code == 200 and articles.json()["total"] >= N * 0.9
            event = client.get(f"/api/v1/events/{event_id}")
            # an event lists its original reports (copies are folded into their originals)
            assert event.status_code == 200 and len(event.json()["articles"]) == size
            dossier = client.get(f"/api/v1/entities/{entity_id}/dossier")
            assert dossier.status_code == 200
            assert dossier.json()["entity"]["mentions"] == mentioned
            found = client.get("/api/v1/search", params={"q": word.split()[-1]})
            assert found.status_code == 200 and found.json()["items"]
