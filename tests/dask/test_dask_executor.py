"""The Dask executor: a local cluster of two workers gives the store the local executor gives
(articles, mentions, entities, events), keeps each document's time bound in its workers, loses
nothing when a worker is killed, and shuts down without tracebacks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dask_work import SLOW, LengthEnricher, snapshot

from sujet.config import Settings
from sujet.errors import DocumentTimeout
from sujet.pipeline.enrich import default_enrichers
from sujet.pipeline.executor import DaskExecutor, LocalExecutor
from sujet.pipeline.ingest import run_ingest
from sujet.store import open_store

pytest.importorskip("dask.distributed")

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def settings_for(tmp: Path, name: str, **limits: Any) -> Settings:
    base = Settings(db=f"sqlite:///{tmp / name}.sqlite")
    return base.model_copy(update={
        "ingest": base.ingest.model_copy(update={"batch_size": 4}),
        "stories": base.stories.model_copy(update={"encoder": "static"}),
        "limits": base.limits.model_copy(update=limits),
    })


def ingest(settings: Settings, executor: Any, inputs: list[str]) -> dict[str, Any]:
    with open_store(settings.db) as store:
        enrichers = [*default_enrichers(settings), LengthEnricher()]
        report = run_ingest(inputs, store, settings, enrichers=enrichers, executor=executor)
    return report.as_dict()


@pytest.fixture(scope="module")
def cluster() -> Iterator[DaskExecutor]:
    executor = DaskExecutor(workers=2)
    yield executor
    executor.close()


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    settings = settings_for(tmp_path_factory.mktemp("local"), "local")
    report = ingest(settings, LocalExecutor(), [str(CORPUS)])
    assert report["added"] >= 15 and report["enrich"]["entities_failed"] == 0
    return {"report": report, "store": snapshot(settings.db)}


def test_two_workers_give_the_store_of_the_local_executor(
    tmp_path: Path, cluster: DaskExecutor, local_run: dict[str, Any]
) -> None:
    settings = settings_for(tmp_path, "dask")
    report = ingest(settings, cluster, [str(CORPUS)])
    store = snapshot(settings.db)
    assert store == local_run["store"]
    assert store["entities"] and store["events"]
    assert all(a[-1] for a in store["articles"])  # every article prepared on the workers
    expected = {k: v for k, v in local_run["report"].items() if k != "seconds"}
    assert {k: v for k, v in report.items() if k != "seconds"} == expected


def test_a_document_over_its_time_bound_is_e601_on_a_worker(
    tmp_path: Path, cluster: DaskExecutor
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    body = "The council met on Monday and agreed on the new bridge over the river. " * 3
    for i in range(6):
        marker = f" A {SLOW} report." if i == 2 else ""
        (folder / f"p{i}.txt").write_text(f"Bridge {i}\n\n{body} Page {i}.{marker}\n")
    settings = settings_for(tmp_path, "slow", document_seconds=2.0)
    t0 = time.monotonic()
    with open_store(settings.db) as store:
        report = run_ingest([str(folder)], store, settings, enrichers=[LengthEnricher()],
                            executor=cluster)
        states = {a.source: a.metadata.get("enriched") for a in store.iter_articles()}
    assert time.monotonic() - t0 < 60
    assert [(r.stage, r.code) for r in report.rejects] == [("lengths", DocumentTimeout.code)]
    assert report.enrich["lengths"] == 5 and report.enrich["lengths_failed"] == 1
    assert states[str(folder / "p2.txt")] == "failed"
    assert sum(s is True for s in states.values()) == 5


def _kill_a_busy_worker(executor: DaskExecutor, killed: list[int]) -> None:
    """Kill -9 the first worker process seen working (a bounded worker under it)."""
    import psutil

    pids = list(executor._client.run(os.getpid).values())
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not killed:
        for pid in pids:
            try:
                children = psutil.Process(pid).children()
            except psutil.NoSuchProcess:
                continue
            if children:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
        time.sleep(0.05)


def test_a_worker_killed_mid_run_loses_nothing(
    tmp_path: Path, local_run: dict[str, Any]
) -> None:
    settings = settings_for(tmp_path, "killed")
    executor = DaskExecutor(workers=2)
    killed: list[int] = []
    try:
        killer = threading.Thread(target=_kill_a_busy_worker, args=(executor, killed))
        killer.start()
        try:
            ingest(settings, executor, [str(CORPUS)])
        finally:
            killer.join()
    finally:
        executor.close()
    assert killed
    assert snapshot(settings.db) == local_run["store"]


QUIET = """
from sujet.pipeline.executor import DaskExecutor
if __name__ == "__main__":
    executor = DaskExecutor(workers=2)
    assert executor.map(abs, [-1, -2, 3]) == [1, 2, 3]
    executor.close()
    print("done")
"""


def test_the_cluster_shuts_down_without_tracebacks(tmp_path: Path) -> None:
    script = tmp_path / "quiet.py"
    script.write_text(QUIET)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "done"
    assert "Traceback" not in out.stderr and "StreamClosedError" not in out.stderr, out.stderr
    assert "Error" not in out.stderr, out.stderr
