"""The scale benchmark's bulk generator (benchmarks/bench_scale.py) at a tiny size: the store it
writes is consistent (counts, spans, search stems, references) and the API serves it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from sqlalchemy import text

from sujet.config import DedupSettings
from sujet.dedup.fingerprint import from_bytes
from sujet.dedup.store_index import store_index
from sujet.store import open_store
from sujet.store.stemming import index_stems

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from bench_scale import load  # noqa: E402
from scale_write import store_backend  # noqa: E402

N = 500


def _scalar(conn: Any, sql: str) -> Any:
    return conn.execute(text(sql)).scalar()


def test_generated_store_is_consistent_and_served(store_url: str, shared_data: Path) -> None:
    assert load(store_url, N, seed=3, data=shared_data, log=False)["articles"] == N
    _check_rows(store_url)
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
        with open_store(loaded) as store:
            index = store_index(store, DedupSettings())  # nothing left to index on opening
            assert index.query(from_bytes(bytes(signature)))[0] == original  # type: ignore[index]
        for title, body, lang, stems, start, end, surface in rows:
            assert body[start:end] == surface
            assert stems == index_stems(title, body, lang)
    finally:
        backend.close()


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
