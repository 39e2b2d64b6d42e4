"""Crash safety and concurrent use: a killed writer leaves whole batches; threads share a store."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections import Counter

from sujet.model import Article
from sujet.store import Store, open_store
from sujet.store.sql_store import SqlStore
from sujet.store.sqlite_backend import SqliteBackend

BATCHES = 20
BATCH_SIZE = 100

WRITER = """
import sys
from sujet.model import Article
from sujet.store import open_store

url, batches, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 12
with open_store(url) as store:
    for b in range(batches):
        batch = [Article(id=f"b{b:03d}-{i:04d}", source="crash", text=f"{b} {i} {body}",
                         language="en") for i in range(size)]
        store.add_articles(batch)
        print(b, flush=True)
"""


def batch_articles(b: int) -> list[Article]:
    body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 12
    return [Article(id=f"b{b:03d}-{i:04d}", source="crash", text=f"{b} {i} {body}",
                    language="en") for i in range(BATCH_SIZE)]


def test_killed_writer_leaves_whole_batches(store_url: str) -> None:
    open_store(store_url).close()  # schema created before the writer starts
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, store_url, str(BATCHES), str(BATCH_SIZE)],
        stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    committed = [child.stdout.readline() for _ in range(3)]
    assert [line.strip() for line in committed] == ["0", "1", "2"]
    time.sleep(0.05)  # into the middle of a later batch
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    with open_store(store_url) as store:
        per_batch = Counter(a.id.split("-")[0] for a in store.iter_articles(batch=1000))
        assert len(per_batch) >= 3
        assert set(per_batch.values()) == {BATCH_SIZE}  # whole batches only
        assert len(per_batch) < BATCHES  # it was killed before the end
        if isinstance(store, SqlStore) and isinstance(store.backend, SqliteBackend):
            with store.backend.engine.connect() as conn:
                assert store.backend.integrity_errors(conn) == []
        # Writing every batch again adds each article exactly once.
        added = sum(store.add_articles(batch_articles(b)) for b in range(BATCHES))
        assert added == (BATCHES - len(per_batch)) * BATCH_SIZE
        assert store.count_articles() == BATCHES * BATCH_SIZE
        assert store.add_articles(batch_articles(0)) == 0


def _hammer(store: Store, worker: int, errors: list[BaseException]) -> None:
    try:
        for b in range(5):
            batch = [Article(id=f"w{worker}-{b}-{i}", source=f"w{worker}", text=f"Text {i}")
                     for i in range(20)]
            assert store.add_articles(batch) == 20
            store.put_cached("emb", [(f"w{worker}-{b}", b"x")])
            store.count_articles()
            store.search("Text")
    except BaseException as err:  # noqa: BLE001 - reported by the test
        errors.append(err)


def _run_threads(store: Store) -> None:
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_hammer, args=(store, w, errors)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert store.count_articles() == 4 * 5 * 20
    assert len(store.get_cached("emb", [f"w{w}-{b}" for w in range(4) for b in range(5)])) == 20


def test_threads_share_one_store(store: Store) -> None:
    _run_threads(store)


def test_threads_share_an_in_memory_store() -> None:
    with open_store("sqlite://") as store:
        _run_threads(store)
