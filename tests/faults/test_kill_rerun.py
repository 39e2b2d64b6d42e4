"""``kill -9`` of an ingest at several points, then a re-run: the same store as a clean run
(articles, entities, mentions, events, remembered rejects), on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import fault_inputs as gen
import pytest
from pg_backend import backend_url

from sujet.store import open_store

SUJET = Path(sys.executable).with_name("sujet")
# Small chunks, so that a kill lands between committed chunks as well as inside one; the static
# event vectors keep each run short (the e5 model is the same code path, only slower).
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "SUJET_INGEST__BATCH_SIZE": "3",
       "SUJET_STORIES__ENCODER": "static"}
KILL_AT = (0.3, 0.65)  # fractions of a clean run's wall time


def _ingest(folder: Path, url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([str(SUJET), "ingest", str(folder), "--db", url, "--json"],
                            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _finish(proc: subprocess.Popen[bytes]) -> None:
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()[-2000:]


def snapshot(url: str) -> dict[str, Any]:
    """Everything an ingest writes, in a comparable form."""
    with open_store(url) as store:
        articles = sorted(store.iter_articles(), key=lambda a: a.id)
        entities: list[Any] = []
        while page := store.list_entities(_entity_page(len(entities))):
            entities.extend(page)
        events: list[Any] = []
        while chunk := store.list_events(limit=500, offset=len(events)):
            events.extend(chunk)
        return {
            "articles": [(a.id, a.content_hash, a.duplicate_of, a.event_id, a.storyline_id,
                          a.metadata.get("enriched")) for a in articles],
            "mentions": {a.id: sorted((m.start, m.end, m.type, m.entity_id)
                                      for m in store.mentions_of_article(a.id))
                         for a in articles},
            "entities": sorted((e.id, e.name, e.type) for e in entities),
            "events": sorted((e.id, tuple(sorted(m.article_id for m in e.members)))
                             for e in events),
            "rejects": sorted((r.key, r.code) for r in store.list_rejects(limit=10_000)),
        }


def _entity_page(offset: int) -> Any:
    from sujet.store.base import EntityQuery

    return EntityQuery(limit=500, offset=offset)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    with ExitStack() as stack:

        def make(name: str) -> str:
            folder = tmp_path / name
            folder.mkdir()
            return stack.enter_context(
                contextmanager(backend_url)(request.param, folder, "sujet_faults"))

        yield make


def test_kill_at_any_point_then_rerun_gives_the_clean_store(tmp_path: Path, new_store: Any) -> None:
    folder = tmp_path / "batch"
    gen.good_batch(folder)
    gen.deep_nesting(folder / "m-nested.html", depth=1000)  # one remembered reject
    clean_url = new_store("clean")
    t0 = time.monotonic()
    _finish(_ingest(folder, clean_url))
    clean_s = time.monotonic() - t0
    clean = snapshot(clean_url)
    assert len(clean["articles"]) == 15 and clean["events"] and clean["entities"]
    assert [code for _, code in clean["rejects"]] == ["E110"]
    killed = 0
    for n, fraction in enumerate(KILL_AT):
        url = new_store(f"killed{n}")
        proc = _ingest(folder, url)
        time.sleep(clean_s * fraction)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait(timeout=60)
        _finish(_ingest(folder, url))
        assert snapshot(url) == clean, f"killed at {fraction:.0%} of a clean run"
    assert killed, "every run ended before its kill: the test killed nothing"
