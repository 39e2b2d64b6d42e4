"""`sujet monitor` killed with SIGKILL in the middle of a run, then started again: every
article is stored exactly once, and only the chunk in flight is fetched again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from monitor_newsroom import NewsServer

from sujet.store import Store

FEEDS, ITEMS, BATCH = 4, 30, 5


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "SUJET_CONFIG": str(tmp_path / "none.toml"),
            "SUJET_FETCH__ALLOW_PRIVATE": "true", "SUJET_FETCH__HOST_DELAY_S": "0.02",
            "SUJET_FETCH__RETRIES": "0", "SUJET_ENTITIES__ENABLED": "false",
            "SUJET_STORIES__ENABLED": "false", "SUJET_MONITOR__TICK_S": "0.05",
            "SUJET_INGEST__BATCH_SIZE": str(BATCH), "OMP_NUM_THREADS": "1"}


def _monitor(db: str, env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "sujet.cli", "monitor", "--db", db, *args],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_kill_9_mid_run_then_restart_loses_nothing_and_adds_nothing_twice(
        news: NewsServer, store: Store, db: str, tmp_path: Path) -> None:
    news.room.feed_items = ITEMS
    for feed in range(FEEDS):
        news.room.publish(feed, ITEMS)
        store.upsert_source({"url": news.url(f"/feed/{feed}.xml"), "kind": "feed",
                             "interval_minutes": 60})
    env = _env(tmp_path)
    first = _monitor(db, env)
    deadline = time.monotonic() + 120
    try:
        while store.count_articles() < FEEDS * BATCH and time.monotonic() < deadline:
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            time.sleep(0.05)
        stored_at_kill = store.count_articles()
        first.send_signal(signal.SIGKILL)
        assert first.wait(10) == -signal.SIGKILL
    finally:
        if first.poll() is None:
            first.kill()
    assert 0 < stored_at_kill < FEEDS * ITEMS, stored_at_kill  # really killed mid-run

    second = _monitor(db, env, "--once")
    _, err = second.communicate(timeout=300)
    assert second.returncode == 0, err.decode()

    urls = [str(a.url) for a in store.iter_articles()]
    expected = {news.url(i.path) for i in news.room.all_items()}
    assert len(urls) == len(set(urls)) == FEEDS * ITEMS  # nothing twice
    assert set(urls) == expected  # nothing lost
    refetched = sum(news.room.requests[i.path] for i in news.room.all_items()) - FEEDS * ITEMS
    assert refetched <= FEEDS * BATCH, refetched  # at most the chunk in flight per source
    for source in store.list_sources():
        assert source["last_status"] == "ok" and len(source["seen"]) == ITEMS
