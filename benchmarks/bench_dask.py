"""Scale-out throughput: the same ingest on one local process, on Dask with one worker and on
Dask with two workers, side by side in one run, with the same output checked.

Pages are those of ``bench_pipeline.py`` (about 2,000 characters of Russian and German news
text in a small news page). Each configuration runs in its own process, into a fresh SQLite
store, with the default enrichers (entities, events, topics):

- ``local``: ``settings.executor = "local"``, every step in this process and its bounded workers;
- ``dask-1`` / ``dask-2``: ``settings.executor = "dask"`` with ``dask_workers`` 1 or 2 (a
  LocalCluster started by the run, one thread per worker process).

The first ``--warm`` pages are ingested before the clock starts (models load once per worker,
as in a long ingest), then the timed pages. Figures: articles stored per wall-clock second
(the scale-out figure), CPU seconds of the whole process tree (the configuration's process, its
Dask scheduler, nannies and workers and every bounded worker; reaped by this process as their
subreaper, so none is missed) over the whole run and over the timed ingest alone (the live
process tree's CPU before and after it), and the wall time with the cluster's start and the
warm-up.
The stores must be identical (articles with their duplicate marks, events, mentions and
entities); a difference fails the run.

    python benchmarks/bench_dask.py [--pages 120] [--warm 16] [--no-write]
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "benchmarks" / "scale-out.md"
CONFIGS = {"local": ("local", None), "dask-1": ("dask", 1), "dask-2": ("dask", 2)}
MARK = "<!-- bench_dask rows -->"


def _snapshot_digest(db: str) -> str:
    from sujet.store import open_store
    from sujet.store.base import EntityQuery

    with open_store(db) as store:
        articles = sorted(store.iter_articles(), key=lambda a: a.id)
        entities: list[Any] = []
        while page := store.list_entities(EntityQuery(limit=500, offset=len(entities))):
            entities.extend(page)
        events: list[Any] = []
        while chunk := store.list_events(limit=500, offset=len(events)):
            events.extend(chunk)
        state = [
            [(a.id, a.content_hash, a.duplicate_of, a.event_id, a.language) for a in articles],
            [(a.id, sorted((m.start, m.end, m.entity_id) for m in store.mentions_of_article(a.id)))
             for a in articles],
            sorted((e.id, e.name, e.mentions) for e in entities),
            sorted((e.id, sorted(m.article_id for m in e.members)) for e in events),
        ]
    return hashlib.sha1(repr(state).encode()).hexdigest()[:12]


def _tree_cpu() -> float:
    """CPU seconds so far of this process and every live process under it (Dask workers and
    their bounded workers included), with the children they reaped."""
    import psutil

    me = psutil.Process()
    total = 0.0
    for proc in [me, *me.children(recursive=True)]:
        try:
            t = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


def _run_config(name: str, folder: str, warm: int) -> None:
    """Child process: one configuration over the folder; prints its figures as JSON."""
    from sujet.config import Settings
    from sujet.pipeline.executor import make_executor
    from sujet.pipeline.ingest import run_ingest
    from sujet.store import open_store

    kind, workers = CONFIGS[name]
    tmp = tempfile.mkdtemp(prefix="bench-dask-")
    base = Settings(db=f"sqlite:///{tmp}/bench.sqlite")
    settings = base.model_copy(update={"executor": kind, "dask_workers": workers})
    pages = sorted(str(p) for p in Path(folder).glob("*.html"))
    t_start = time.perf_counter()
    executor = make_executor(settings)
    try:
        with open_store(settings.db) as store:
            run_ingest(pages[:warm], store, settings, executor=executor)
            t0, c0 = time.perf_counter(), _tree_cpu()
            report = run_ingest(pages[warm:], store, settings, executor=executor)
            wall, timed_cpu = time.perf_counter() - t0, _tree_cpu() - c0
    finally:
        executor.close()
    total = time.perf_counter() - t_start
    print(json.dumps({"config": name, "pages": len(pages) - warm, "added": report.added,
                      "wall_s": wall, "timed_cpu_s": timed_cpu, "total_wall_s": total,
                      "digest": _snapshot_digest(settings.db),
                      "step_seconds": {k: [v["seconds"], v["executor_seconds"]]
                                       for k, v in report.steps.items()},
                      "failed": {k: v for k, v in report.enrich.items()
                                 if k.endswith("_failed") and v}}))


def _subreaper() -> None:
    """Make this process the reaper of its orphaned descendants (Linux), so the CPU time of
    every process a configuration starts ends in RUSAGE_CHILDREN."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.2)


def _measure(name: str, folder: Path, warm: int) -> dict[str, Any]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, __file__, "--one", name, "--folder", str(folder),
                          "--warm", str(warm)], capture_output=True, text=True, check=False)
    _reap()  # the cluster's processes that outlived their parents
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise SystemExit(f"{name} failed:\n{out.stderr[-3000:]}")
    row = json.loads(out.stdout.strip().splitlines()[-1])
    row["cpu_s"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    row["stderr_tracebacks"] = out.stderr.count("Traceback")
    return row


def _uptime() -> str:
    with open("/proc/loadavg", encoding="ascii") as fh:
        return " ".join(fh.read().split()[:3])


def _table(rows: list[dict[str, Any]], pages: int, warm: int, load: tuple[str, str]) -> str:
    one = next(r for r in rows if r["config"] == "dask-1")
    local = next(r for r in rows if r["config"] == "local")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"### {stamp}: {pages} timed pages after {warm} warm-up pages, {os.cpu_count()} cores",
        "",
        f"Load average (1, 5, 15 min) before: {load[0]}; after: {load[1]}.",
        "",
        "| configuration | articles | wall s | articles/s | vs dask-1 | CPU s (timed) "
        "| CPU vs local (timed) | CPU s (whole run) | CPU vs local (whole run) "
        "| wall s with start and warm-up | output | tracebacks |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        rate = r["added"] / r["wall_s"] if r["wall_s"] else 0.0
        rate_one = one["added"] / one["wall_s"] if one["wall_s"] else 0.0
        lines.append(
            f"| {r['config']} | {r['added']} | {r['wall_s']:.1f} | {rate:.2f} | "
            f"{rate / rate_one:.2f}× | {r['timed_cpu_s']:.1f} | "
            f"{r['timed_cpu_s'] / local['timed_cpu_s']:.2f}× | "
            f"{r['cpu_s']:.1f} | {r['cpu_s'] / local['cpu_s']:.2f}× | "
            f"{r['total_wall_s']:.1f} | {r['digest']} | {r['stderr_tracebacks']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120, help="timed pages (half ru, half de)")
    parser.add_argument("--warm", type=int, default=16, help="pages ingested before the clock")
    parser.add_argument("--no-write", action="store_true", help="print, do not update the doc")
    parser.add_argument("--one", choices=sorted(CONFIGS), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _run_config(args.one, args.folder, args.warm)
        return
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_pipeline import build_pages

    _subreaper()
    with tempfile.TemporaryDirectory(prefix="bench-dask-pages-") as tmp:
        folder = Path(tmp)
        n = build_pages(folder, (args.pages + args.warm + 1) // 2)
        load_before = _uptime()
        rows = [_measure(name, folder, args.warm) for name in CONFIGS]
        load_after = _uptime()
    digests = {r["digest"] for r in rows}
    table = _table(rows, n - args.warm, args.warm, (load_before, load_after))
    print(table)
    for r in rows:  # where the driver's time went per step: [all, waiting for the executor]
        print(r["config"], json.dumps(r["step_seconds"]), file=sys.stderr)
    if len(digests) != 1:
        raise SystemExit(f"the stores differ between configurations: {rows}")
    if not args.no_write:
        text = DOC.read_text(encoding="utf-8")
        DOC.write_text(text.replace(MARK, f"{MARK}\n\n{table}", 1), encoding="utf-8")


if __name__ == "__main__":
    main()
