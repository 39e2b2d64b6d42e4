"""Two ingests at once, and ``kill -9`` right after every commit point then a re-run: the same
store as a clean single run (articles, mentions and their counts, entities, positions, events),
on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from pg_backend import backend_url

from sujet.store import open_store
from sujet.store.base import EntityQuery
from sujet.store.ingest_lock import EPOCH_KEY, EPOCH_NAMESPACE

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "examples" / "corpus" / "html"
RUN = [sys.executable, str(HERE / "run_sujet.py")]
BATCH = 3
# Chunks of three pages: each half is one chunk, and the second chunk finds the first one's
# entities and events in the store. Static event vectors and no topics keep each run short.
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "SUJET_INGEST__BATCH_SIZE": str(BATCH),
       "SUJET_STORIES__ENCODER": "static", "SUJET_TOPICS__ENABLED": "false",
       # a loaded machine must not turn a slow article into a failed one (E601)
       "SUJET_LIMITS__DOCUMENT_SECONDS": "600"}

MakeUrl = Callable[[str], str]


def halves(root: Path) -> tuple[Path, Path]:
    """Two folders of three news pages each (of two sites, so that events span both)."""
    pages = [p for p in sorted(CORPUS.rglob("*.html")) if not p.name.startswith("tag-")]
    chosen = pages[:2 * BATCH]
    out = []
    for n, part in enumerate((chosen[:BATCH], chosen[BATCH:])):
        folder = root / f"half{n}"
        for page in part:
            target = folder / page.relative_to(CORPUS)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, target)
        out.append(folder)
    return out[0], out[1]


def sujet(url: str, *inputs: Path, hook: tuple[str, ...] = ()) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*RUN, *hook, "--", "ingest", *map(str, inputs), "--db", url,
                             "--json"], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen[bytes]) -> tuple[dict[str, Any], str]:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()[-3000:]
    return json.loads(out), err.decode()


def snapshot(url: str) -> dict[str, Any]:
    """What an ingest leaves in the store, in a comparable form; each entity's mention count
    checked against its stored mentions."""
    with open_store(url) as store:
        articles = sorted(store.iter_articles(), key=lambda a: a.id)
        entities: list[Any] = []
        while page := store.list_entities(EntityQuery(limit=500, offset=len(entities))):
            entities.extend(page)
        events: list[Any] = []
        while chunk := store.list_events(limit=500, offset=len(events)):
            events.extend(chunk)
        for e in entities:
            assert e.mentions == len(store.mentions_of_entity(e.id)), e
        return {
            "articles": [(a.id, a.content_hash, a.duplicate_of, a.event_id, a.storyline_id,
                          a.metadata.get("enriched"), a.metadata.get("enrich_errors"))
                         for a in articles],
            "mentions": {a.id: sorted((m.start, m.end, m.type, m.normal, m.entity_id)
                                      for m in store.mentions_of_article(a.id))
                         for a in articles},
            "entities": sorted((e.id, e.name, e.type, e.mentions) for e in entities),
            "positions": sorted((e.id, p.title, p.article_id) for e in entities
                                for p in e.positions),
            "events": sorted((e.id, tuple(sorted(m.article_id for m in e.members)))
                             for e in events),
        }


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[MakeUrl]:
    with ExitStack() as stack:

        def make(name: str) -> str:
            folder = tmp_path / name
            folder.mkdir()
            return stack.enter_context(
                contextmanager(backend_url)(request.param, folder, "sujet_state"))

        yield make


def _lock_taken(url: str) -> bool:
    with open_store(url) as store:
        return bool(store.get_cached(EPOCH_NAMESPACE, [EPOCH_KEY]))


def test_two_ingests_at_once_give_the_store_of_one_run(tmp_path: Path,
                                                       new_store: MakeUrl) -> None:
    first, second = halves(tmp_path)
    clean_url = new_store("clean")
    finish(sujet(clean_url, first, second))
    clean = snapshot(clean_url)
    assert len(clean["articles"]) == 2 * BATCH and clean["entities"] and clean["events"]

    url = new_store("both")
    one = sujet(url, first)
    deadline = time.monotonic() + 120
    while not _lock_taken(url):  # the first holds the lock before the second starts
        assert one.poll() is None and time.monotonic() < deadline, "the first ingest never ran"
        time.sleep(0.2)
    two = sujet(url, second)
    (_, _), (report, said) = finish(one), finish(two)
    assert "waiting for its ingest lock" in said
    assert report["enrich"]["ingest_lock_wait_s"] > 0
    assert snapshot(url) == clean


def commit_points(url: str, inputs: tuple[Path, ...], log: Path) -> Counter[str]:
    """The commit points of a clean run, with how often each is passed."""
    finish(sujet(url, *inputs, hook=("--count", str(log))))
    return Counter(log.read_text().split())


def test_kill_after_every_commit_point_then_rerun_gives_the_clean_store(
        tmp_path: Path, new_store: MakeUrl) -> None:
    inputs = halves(tmp_path)
    clean_url = new_store("clean")
    points = commit_points(clean_url, inputs, tmp_path / "points.txt")
    clean = snapshot(clean_url)
    assert {"pipeline/enrich.py:__call__", "pipeline/enriching.py:run"} <= set(points), points
    for n, (point, times) in enumerate(sorted(points.items())):
        url = new_store(f"killed{n}")
        # the last time the point is passed: the earlier chunks are committed by then
        killed = sujet(url, *inputs, hook=("--kill", f"{point}:{times}"))
        _, err = killed.communicate(timeout=600)
        assert killed.returncode == -signal.SIGKILL, (point, err.decode()[-2000:])
        finish(sujet(url, *inputs))
        assert snapshot(url) == clean, f"killed after {point} #{times}"
