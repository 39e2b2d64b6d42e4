"""1,000 scripted articles: every watchlist gets exactly the alerts the reference computation
says, none missed and none doubled, also when the evaluating process is killed (SIGKILL) in
the middle and started again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from alert_stream import WATCHLISTS, build_stream, expected_alerts, seed_records

from sujet.alerts.records import AlertRecords
from sujet.alerts.service import WatchSpec, create_watchlist, run_alerts
from sujet.config import Settings
from sujet.store import Store, open_store


def _make_watchlists(store: Store) -> dict[str, str]:
    ids = {}
    for name, kind, target, filters in WATCHLISTS:
        w = create_watchlist(store, WatchSpec(kind, target, name=name, **filters))
        ids[w.id] = name
    return ids


def _recorded(store: Store, names: dict[str, str]) -> tuple[dict[str, set[tuple[str, str]]],
                                                              Counter[tuple[str, str, str]]]:
    alerts = AlertRecords(store).list_alerts(limit=100_000)
    got: dict[str, set[tuple[str, str]]] = {name: set() for name in names.values()}
    counts: Counter[tuple[str, str, str]] = Counter()
    for a in alerts:
        got[names[a.watchlist_id]].add((a.subject_kind, a.subject_id))
        counts[(a.watchlist_id, a.subject_kind, a.subject_id)] += 1
    return got, counts


def _check(got: dict[str, set[tuple[str, str]]], want: dict[str, set[tuple[str, str]]],
           counts: Counter[tuple[str, str, str]]) -> None:
    for name in want:
        missed, extra = want[name] - got[name], got[name] - want[name]
        assert not missed and not extra, (name, sorted(missed)[:5], sorted(extra)[:5])
    assert max(counts.values()) == 1
    assert all(want[name] for name in want), "every watchlist is exercised"


def test_stream_gets_exactly_the_reference_alerts(store_url: str) -> None:
    stream = build_stream(1000)
    want = expected_alerts(stream)
    settings = Settings(db=store_url)
    with open_store(store_url) as store:
        seed_records(store)
        names = _make_watchlists(store)
        # Articles arrive in chunks, evaluated after each (as at the end of each ingest run).
        for start in range(0, 1000, 250):
            store.add_articles([s.article for s in stream[start:start + 250]])
            run_alerts(store, settings)
        again = run_alerts(store, settings)  # nothing new: nothing recorded twice
        got, counts = _recorded(store, names)
    assert again.evaluation.alerts == 0
    _check(got, want, counts)


def _alert_count(store_url: str) -> int:
    with open_store(store_url) as store:
        return AlertRecords(store).count_alerts()


def test_kill_and_restart_mid_evaluation(store_url: str) -> None:
    stream = build_stream(1000)
    want = expected_alerts(stream)
    with open_store(store_url) as store:
        seed_records(store)
        names = _make_watchlists(store)
        store.add_articles([s.article for s in stream[:400]])
        run_alerts(store, Settings(db=store_url))
        store.add_articles([s.article for s in stream[400:]])
    before = _alert_count(store_url)
    env = {**os.environ, "SUJET_ALERTS__BATCH_SIZE": "2", "SUJET_DB": store_url}
    proc = subprocess.Popen([sys.executable, "-m", "sujet.cli", "alerts", "run"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if _alert_count(store_url) >= before + 40:
                break
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with open_store(store_url) as store:
        records = AlertRecords(store)
        marks = [w.last_seq for w in records.list_watchlists()]
        assert min(marks) < records.max_seq(), "killed in the middle"
        got_mid, _ = _recorded(store, names)
        assert sum(map(len, got_mid.values())) < sum(map(len, want.values()))
        run_alerts(store, Settings(db=store_url))
        got, counts = _recorded(store, names)
    _check(got, want, counts)


@pytest.mark.parametrize("n", [30])
def test_watchlist_made_later_alerts_only_on_newer_articles(store: Store, n: int) -> None:
    stream = build_stream(n)
    seed_records(store)
    store.add_articles([s.article for s in stream[: n // 2]])
    w = create_watchlist(store, WatchSpec("event", "ev-main"))
    store.add_articles([s.article for s in stream[n // 2:]])
    run_alerts(store, Settings(db=store.url))
    alerts = AlertRecords(store).list_alerts(w.id)
    late = {s.article.id for s in stream[n // 2:]
            if s.article.event_id in ("ev-main", "ev-old") and not s.article.duplicate_of}
    assert {a.subject_id for a in alerts} == late


def test_articles_awaiting_enrichment_are_evaluated_once_enriched(store: Store) -> None:
    stream = build_stream(20)
    seed_records(store)
    w = create_watchlist(store, WatchSpec("event", "ev-main"))
    articles = [s.article for s in stream]
    articles[5].metadata["enriched"] = False  # stored, its entities and event still to come
    store.add_articles(articles)
    first = run_alerts(store, Settings(db=store.url))
    assert first.evaluation.waiting and first.evaluation.articles == 5
    articles[5].metadata["enriched"] = True
    store.update_articles([articles[5]])
    second = run_alerts(store, Settings(db=store.url))
    assert not second.evaluation.waiting and second.evaluation.articles == 15
    want = {a.id for a in articles
            if a.event_id in ("ev-main", "ev-old") and not a.duplicate_of}
    assert {a.subject_id for a in AlertRecords(store).list_alerts(w.id)} == want
