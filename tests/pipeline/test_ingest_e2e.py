"""The ingest run end to end on SQLite: counts, idempotence, bad input, crash and resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sujet.config import Settings
from sujet.pipeline.ingest import run_ingest
from sujet.store import open_store
from sujet.store.base import ArticleQuery

PARAGRAPHS = [
    "Die Regierung des Gebietes hat am Montag ein neues Programm zur Förderung kleiner "
    "Unternehmen vorgestellt, das Kredite zu niedrigen Zinsen und Beratung umfasst.",
    "Nach Angaben der Verwaltung sollen in den nächsten drei Jahren mehr als zweihundert "
    "Betriebe unterstützt werden, vor allem in der Landwirtschaft und im Handwerk.",
    "Vertreter der Wirtschaft begrüßten den Schritt, forderten aber weniger Bürokratie bei "
    "der Antragstellung und schnellere Entscheidungen der Behörden.",
]


def page(i: int) -> str:
    topic = ["Tomsk", "Omsk", "Kasan", "Samara", "Perm", "Ufa"][i % 6]
    body = "\n\n".join(p.replace("des Gebietes", f"des Gebietes {topic} (Nr. {i})") for p in PARAGRAPHS)
    return f"Startseite\nNachrichten\nKontakt\n\nProgramm für Unternehmen in {topic} Nr. {i}\n\n{body}\n\nImpressum\n"


def write_pages(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"p{i:04d}.txt").write_text(page(i), encoding="utf-8")


def settings_for(db: Path, **ingest: object) -> Settings:
    s = Settings(db=f"sqlite:///{db}")
    return s.model_copy(update={"ingest": s.ingest.model_copy(update=ingest)})


def test_ingest_counts_duplicates_and_rerun_adds_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    write_pages(corpus, 6)
    (corpus / "z-copy.txt").write_text(page(2).replace("Startseite", "Home"), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.html").write_bytes(bytes(range(256)) * 10)
    settings = settings_for(tmp_path / "db.sqlite")
    with open_store(settings.db) as store:
        first = run_ingest([str(corpus)], store, settings, enrichers=[])
        assert first.added == 7
        assert first.exact_duplicates == 1
        codes = sorted(r.code for r in first.rejects)
        assert codes == ["E101", "E102"]
        second = run_ingest([str(corpus)], store, settings, enrichers=[])
        assert second.added == 0
        assert second.already_stored == 7
        assert store.count_articles(ArticleQuery()) == 7
        copy = [a for a in store.list_articles(ArticleQuery(limit=100)) if a.source.endswith("z-copy.txt")]
        assert copy and copy[0].duplicate_of is not None


def _count(db: Path) -> int:
    import sqlite3

    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_killed_ingest_loses_nothing_committed_and_resumes(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    n = 240
    write_pages(corpus, n)
    db = tmp_path / "crash.sqlite"
    env = dict(os.environ, SUJET_INGEST__BATCH_SIZE="8", SUJET_DB=f"sqlite:///{db}")
    cmd = [sys.executable, "-m", "sujet.cli", "ingest", str(corpus), "--no-enrich", "--json"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) < 16 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail(f"ingest finished before it could be killed: {proc.communicate()[1].decode()[-500:]}")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = _count(db)
    assert 0 < stored < n
    assert stored % 8 == 0  # whole batches only
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _count(db) == n
    with open_store(f"sqlite:///{db}") as store:
        ids = [a.id for a in store.iter_articles()]
        assert len(ids) == len(set(ids)) == n
