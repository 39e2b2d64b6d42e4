"""Big inputs in shards: a re-run after kill -9 redoes only the shards left unfinished, reads
nothing of the finished ones, and gives the store of a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from sujet.config import Settings
from sujet.ingest.failures import ReadFailure
from sujet.model import Page
from sujet.pipeline.shards import ShardedReader, ShardMark
from sujet.pipeline.steps import Doc
from sujet.store import open_store
from sujet.store.shards import ShardLog, ingest_shards

RUNNER = Path(__file__).with_name("shard_run.py")
PAGES = 22  # shards of 4: five full ones and one of two


def write_pages(folder: Path) -> None:
    folder.mkdir()
    for i in range(PAGES):
        words = " ".join(f"word{i}x{k}" for k in range(60))
        (folder / f"page-{i:03d}.txt").write_text(
            f"Report number {i}\n\nThe council of town {i} met on Monday. {words}.\n")


def run(folder: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(RUNNER), str(folder), db], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "OMP_NUM_THREADS": "1"})


def finished_shards(db: str) -> int:
    with open_store(db) as store, store.db.read() as conn:  # type: ignore[attr-defined]
        return int(conn.execute(select(func.count()).select_from(ingest_shards)).scalar()
                   or 0)


def stored(db: str) -> list[tuple[Any, ...]]:
    with open_store(db) as store:
        return sorted((a.id, a.content_hash, a.source, a.metadata.get("enriched"))
                      for a in store.iter_articles())


def test_a_rerun_after_kill_redoes_only_the_unfinished_shards(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_pages(folder)
    clean_db = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    out, err = run(folder, clean_db).communicate(timeout=300)
    clean = json.loads(out)
    assert clean["added"] == PAGES and clean["shards"]["dropped"] == {"finished": 6}, err
    assert finished_shards(clean_db) == 0  # a finished run forgets its shards

    db = f"sqlite:///{tmp_path / 'killed.sqlite'}"
    open_store(db).close()
    proc = run(folder, db)
    deadline = time.monotonic() + 240
    while finished_shards(db) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    done = finished_shards(db)
    assert 2 <= done < 6, "the kill did not land between shards"

    out, err = run(folder, db).communicate(timeout=300)
    again = json.loads(out)
    # the finished shards' files are not read at all
    assert again["seen"] == PAGES - 4 * done, err
    assert again["shards"]["dropped"] == {"finished_before": done, "finished": 6 - done}
    assert again["added"] + again["already_stored"] == again["seen"]
    assert [a[:3] for a in stored(db)] == [a[:3] for a in stored(clean_db)]
    assert all(a[3] is True for a in stored(db))
    assert finished_shards(db) == 0

    out, _ = run(folder, db).communicate(timeout=300)
    third = json.loads(out)  # a finished run leaves nothing skipped: read whole, all known
    assert third["seen"] == PAGES and third["already_stored"] == PAGES and third["added"] == 0


def test_records_of_a_file_are_shards_in_order(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text("".join(
        json.dumps({"url": f"https://example.org/{i}", "text": f"Item {i} " * 30}) + "\n"
        for i in range(10)))
    settings = Settings(db="sqlite://")
    with open_store("sqlite://") as store:
        log = ShardLog.of(store)
        items = list(ShardedReader(settings, log, size=3).pages([str(records)]))
        marks = [d.mark for d in items if isinstance(d, Doc)]
        assert [(m.number, m.items, m.skipped) for m in marks] == [
            (0, 3, False), (1, 3, False), (2, 3, False), (3, 1, False)]
        log.finish(marks[0].input_id, 0, 3)
        log.finish(marks[0].input_id, 2, 3)
        again = list(ShardedReader(settings, log, size=3).pages([str(records)]))
        pages = [p for p in again if isinstance(p, Page | ReadFailure)]
        assert [p.url for p in pages if isinstance(p, Page)] == [
            f"https://example.org/{i}" for i in (3, 4, 5, 9)]
        skipped = [d.mark for d in again if isinstance(d, Doc) and d.mark.skipped]
        assert all(isinstance(m, ShardMark) for m in skipped)
        assert [m.number for m in skipped] == [0, 2]
