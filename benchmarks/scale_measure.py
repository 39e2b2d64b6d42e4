"""The measurements of bench_scale: API latency, ingest cost and the growth table.

- ``api``: p50/p95 of the REST API (the FastAPI app of ``sujet.api`` on the store, in-process
  ASGI client: middleware, routing, validation and JSON included, no network) for the events
  feed, the article list, one event, an entity dossier and search. Ids are drawn from the store:
  events among the newest and at random; dossiers of the 50 most mentioned entities and of
  others with at least five mentions, apart; search queries from the surnames of the most
  mentioned persons and from words of stored titles, apart.
- ``batch``: the real articles the ingest measurements use, as one JSONL file of records
  (``sujet ingest`` reads it): the pages of the extraction sets (raw HTML with their URLs), then
  article texts of the event-pair and topic sets, in a fixed shuffled order. Each record gets a
  ``date`` (the record's date field, which ingest takes as the article's date) in the last week
  of the generated stores' span: new news arriving at a store of older news, so the event
  window reads the store where it is densest (the sets' own dates lie years before the
  generated span, and two thirds of the articles have none, and an undated article is nobody's
  candidate in event clustering); ``--keep-dates`` leaves the records undated.
- ``ingest``: ``sujet ingest BATCH --db URL`` in a child process: wall time, articles stored per
  second and the peak resident memory of the largest process (``ru_maxrss`` of the children).
- ``growth``: stores pre-loaded by the generator to each size, the same batch ingested into
  each (a fresh copy per size).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from scale_corpus import DATA, LANGS
from scale_generate import END_DAY
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks" / "scale.md"
WORK = Path("/tmp/bench")


def _engine(url: str) -> Any:
    from scale_write import store_backend

    return store_backend(url).engine


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


# -- API latency ---------------------------------------------------------------------------
def _targets(url: str, rng: random.Random) -> dict[str, list[str]]:
    engine = _engine(url)
    with engine.connect() as conn:
        newest = [r[0] for r in conn.execute(text(
            "SELECT id FROM events ORDER BY coalesce(date_to, date_from) DESC LIMIT 300"))]
        n_events = conn.execute(text("SELECT count(*) FROM events")).scalar() or 0
        some = [r[0] for r in conn.execute(text(
            "SELECT id FROM events ORDER BY id LIMIT 300 OFFSET :o"),
            {"o": rng.randrange(max(1, n_events - 300))})]
        top = [r[0] for r in conn.execute(text(
            "SELECT id FROM entities ORDER BY mentions DESC LIMIT 50"))]
        common = [r[0] for r in conn.execute(text(
            "SELECT id FROM entities WHERE mentions >= 5 ORDER BY id LIMIT 300 OFFSET :o"),
            {"o": rng.randrange(1000)})]
        names = [r[0] for r in conn.execute(text(
            "SELECT name FROM entities WHERE type = 'PER' ORDER BY mentions DESC LIMIT 200"))]
        titles = [r[0] for r in conn.execute(text(
            "SELECT title FROM articles WHERE seq % 997 = 0 LIMIT 400"))]
    engine.dispose()
    words = [w.strip(".,:;!?«»\"'()") for t in titles if t for w in t.split()]
    words = [w for w in words if len(w) >= 5 and w.isalpha()]
    return {"events": newest + some, "top": top, "entities": common,
            "names": [n.split()[-1] for n in names[:60]],
            "words": rng.sample(words, min(len(words), 120))}


def measure(call: Callable[[str], int], paths: list[str], warmup: int = 3
            ) -> tuple[float, float, float]:
    for path in paths[:warmup]:
        call(path)
    times = []
    for path in paths:
        t0 = time.perf_counter()
        status = call(path)
        times.append((time.perf_counter() - t0) * 1000)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, times[-1]


def api_cases(url: str, n: int, seed: int = 11) -> dict[str, list[str]]:
    rng = random.Random(seed)
    found = _targets(url, rng)
    pick = lambda items: [rng.choice(items) for _ in range(n)]  # noqa: E731
    pages = lambda base: [f"{base}?limit=20&offset={20 * rng.randrange(10)}"  # noqa: E731
                          for _ in range(n)]
    return {
        "feed GET /events": pages("/api/v1/events"),
        "articles GET /articles": pages("/api/v1/articles"),
        "event GET /events/{id}": [f"/api/v1/events/{e}" for e in pick(found["events"])],
        "dossier, 50 most mentioned": [f"/api/v1/entities/{e}/dossier"
                                       for e in pick(found["top"])],
        "dossier, others (5+ mentions)": [f"/api/v1/entities/{e}/dossier"
                                          for e in pick(found["entities"])],
        "search, surnames": [f"/api/v1/search?q={quote(q)}" for q in pick(found["names"])],
        "search, title words": [f"/api/v1/search?q={quote(q)}" for q in pick(found["words"])],
    }


def run_api(url: str, requests: int) -> tuple[int, list[tuple[str, float, float, float]]]:
    from fastapi.testclient import TestClient

    from sujet.api import create_app
    from sujet.config import Settings
    from sujet.store import open_store

    cases = api_cases(url, requests)
    store = open_store(url)
    total = store.count_articles()
    app = create_app(Settings(db=url), store, poll_feeds=False)
    rows = []
    with TestClient(app, base_url="http://localhost") as client:
        for name, paths in cases.items():
            p50, p95, worst = measure(lambda p: client.get(p).status_code, paths)
            rows.append((name, p50, p95, worst))
            print(f"{name:32s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  max {worst:7.1f} ms",
                  flush=True)
    store.close()
    return total, rows


def _cmd_api(args: argparse.Namespace) -> int:
    load_before = load_average()
    total, rows = run_api(args.db, args.requests)
    engine = "PostgreSQL" if args.db.startswith("postgres") else "SQLite"
    lines = ["| Endpoint | p50 (ms) | p95 (ms) | max (ms) | p95 < 100 ms |",
             "|---|---:|---:|---:|:---:|"]
    lines += [f"| {name} | {p50:.1f} | {p95:.1f} | {worst:.1f} | {'yes' if p95 < 100 else 'no'} |"
              for name, p50, p95, worst in rows]
    head = (f"API latency, {total:,} articles, {engine}: {args.requests} requests per row "
            f"after 3 warm-up requests, in-process ASGI client; load average (1 min) "
            f"{load_before:.1f} at the start, {load_average():.1f} at the end.")
    _report(args, head, lines)
    return 0


# -- ingest cost ---------------------------------------------------------------------------
def write_batch(path: Path, count: int, data: Path = DATA, seed: int = 5,
                dated_to: date | None = END_DAY, days: int = 7) -> int:
    """The real articles of the ingest measurements, as JSONL records (see the module doc),
    dated on the ``days`` days up to ``dated_to`` (undated when None)."""
    records: list[dict[str, Any]] = []
    for folder in sorted((data / "extraction").glob("*")):
        for line in (folder / "gold.jsonl").read_text("utf-8").splitlines():
            rec = json.loads(line)
            page = folder / "pages" / f"{rec['id']}.html"
            if page.is_file():
                html = page.read_bytes().decode("utf-8", errors="replace")
                records.append({"url": rec.get("url") or f"https://example.org/{rec['id']}",
                                "html": html})
    texts: list[dict[str, Any]] = []
    for name in ("tg", "semeval"):
        for line in (data / "pairs" / name / "pairs.jsonl").read_text("utf-8").splitlines():
            rec = json.loads(line)
            for i in ("1", "2"):
                if rec.get(f"lang{i}") in LANGS and rec.get(f"text{i}"):
                    texts.append({"url": f"https://pairs.example/{name}/{rec['id']}/{i}",
                                  "title": rec.get(f"title{i}") or None,
                                  "text": rec[f"text{i}"]})
    for line in (data / "topics" / "tg" / "gold.jsonl").read_text("utf-8").splitlines():
        rec = json.loads(line)
        texts.append({"url": rec["url"], "title": rec.get("title"), "text": rec["text"]})
    unique = {r["url"]: r for r in records + texts}
    items = list(unique.values())
    random.Random(seed).shuffle(items)
    items = items[:count]
    if dated_to is not None:
        rng = random.Random(seed)
        for item in items:
            item["date"] = (dated_to - timedelta(days=rng.randrange(days))).isoformat()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps({k: v for k, v in item.items() if v}, ensure_ascii=False) + "\n")
    return len(items)


def _count(url: str) -> int:
    engine = _engine(url)
    with engine.connect() as conn:
        n = int(conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
    engine.dispose()
    return n


def ingest_cost(url: str, batch: Path, log: Path | None = None,
                limit_s: float | None = None) -> dict[str, Any]:
    """Ingest ``batch`` into ``url`` with the ``sujet`` command in a child process.

    With ``limit_s`` a run still going after that long is stopped (SIGTERM, then SIGKILL) and
    reported unfinished (``finished`` false, ``stored``: what it had stored by then); before it
    is stopped, its Python stacks are sampled into the log when py-spy is installed, to show
    where the time goes."""
    before = _count(url)
    cmd = [str(ROOT / ".venv" / "bin" / "sujet"), "ingest", str(batch), "--db", url]
    if log:
        log.write_text("")
    out = open(log, "a") if log else subprocess.DEVNULL  # noqa: SIM115 - the stacks append too
    load_start = load_average()
    t0 = time.perf_counter()
    # its own process group: stopping it stops its worker processes too
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=str(ROOT),
                            start_new_session=True)
    finished, stopped = True, 0.0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        now = time.perf_counter()
        if finished and limit_s is not None and now - t0 > limit_s:
            finished = False
            _sample_stacks(proc.pid, log)
            os.killpg(proc.pid, signal.SIGTERM)
            stopped = time.perf_counter()
        elif not finished and now - stopped > 30:  # not reaped yet: the id is still ours
            os.killpg(proc.pid, signal.SIGKILL)
        time.sleep(0.5)
    wall = time.perf_counter() - t0
    if log:
        out.close()  # type: ignore[union-attr]
    stored = _count(url) - before
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = max(usage.ru_maxrss, children.ru_maxrss) / 1024
    return {"stored_before": before, "stored": stored, "wall_s": wall, "finished": finished,
            "articles_per_s": stored / wall if wall else 0.0,
            "s_per_article": wall / stored if stored else float("nan"),
            "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": peak_mb,
            "load_start": load_start, "load_end": load_average(),
            "exit": os.waitstatus_to_exitcode(status) if finished else None}


def _sample_stacks(pid: int, log: Path | None, samples: int = 5) -> None:
    """A few py-spy dumps of the process and its children into ``log`` (nothing without
    py-spy)."""
    spy = ROOT / ".venv" / "bin" / "py-spy"
    if log is None or not spy.exists():
        return
    with log.open("a", encoding="utf-8") as fh:
        for i in range(samples):
            fh.write(f"\n--- stacks, sample {i + 1} ---\n")
            fh.flush()
            subprocess.run([str(spy), "dump", "--subprocesses", "--pid", str(pid)],
                           stdout=fh, stderr=subprocess.STDOUT, check=False, timeout=60)
            time.sleep(2)


def _cmd_batch(args: argparse.Namespace) -> int:
    n = write_batch(args.out, args.count, args.data,
                    dated_to=None if args.keep_dates else date.fromisoformat(args.date_to),
                    days=args.days)
    print(f"{n} records written to {args.out}")
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    result = ingest_cost(args.db, args.batch, args.log, args.limit)
    print(json.dumps(result))
    return 0


def _cmd_growth(args: argparse.Namespace) -> int:
    from bench_scale import load

    rows = []
    for size in args.sizes:
        db = WORK / f"growth_{size}.sqlite"
        url = f"sqlite:///{db}"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        # The generated store is kept (scale_{size}.sqlite) and copied for each run.
        pristine = WORK / f"scale_{size}.sqlite"
        if not pristine.exists():
            if size:
                load(f"sqlite:///{pristine}", size, args.seed, args.data, log=False)
            else:
                from sujet.store import open_store

                open_store(f"sqlite:///{pristine}").close()
        with sqlite3.connect(pristine) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copyfile(pristine, db)
        result = ingest_cost(url, args.batch, WORK / f"growth_{size}.log", args.row_limit)
        print(size, json.dumps(result), flush=True)
        rows.append((size, result))
    lines = ["| Stored articles | Batch stored | Wall (s) | Articles/s | s per article | "
             "CPU (s) | Peak RSS (MB) | Load avg (1 min) start–end |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [_growth_row(size, r) for size, r in rows]
    head = (f"Growth, SQLite: the batch `{args.batch.name}` ingested with `sujet ingest` into "
            "stores pre-loaded by the generator (a fresh copy per row); a row still running "
            f"after {args.row_limit:.0f} s is stopped and marked unfinished.")
    _report(args, head, lines)
    return 0


def _growth_row(size: int, r: dict[str, Any]) -> str:
    load = f"{r['load_start']:.1f}–{r['load_end']:.1f}"
    if not r["finished"]:
        return (f"| {size:,} | {r['stored']} by the stop | > {r['wall_s']:.0f} (unfinished) | "
                f"< {r['articles_per_s']:.2f} | — | {r['cpu_s']:.1f} | "
                f"{r['peak_rss_mb']:.0f} | {load} |")
    return (f"| {size:,} | {r['stored']} | {r['wall_s']:.1f} | {r['articles_per_s']:.2f} | "
            f"{r['s_per_article']:.2f} | {r['cpu_s']:.1f} | {r['peak_rss_mb']:.0f} | {load} |")


def _report(args: argparse.Namespace, head: str, lines: list[str]) -> None:
    block = "\n".join([head, "", *lines, ""])
    print(block)
    if getattr(args, "write_doc", False):
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        machine = (f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
                   f"{platform.python_version()}")
        with DOC.open("a", encoding="utf-8") as fh:
            fh.write(f"\n### {stamp} — {args.title or args.command}\n\nMachine: {machine}.\n\n"
                     f"{block}")


def add_measure_commands(sub: argparse._SubParsersAction) -> None:
    p_api = sub.add_parser("api", help="API latency p50/p95")
    p_api.add_argument("--db", required=True)
    p_api.add_argument("--requests", type=int, default=60)
    p_api.set_defaults(run=_cmd_api)
    p_batch = sub.add_parser("batch", help="write the batch of real articles")
    p_batch.add_argument("--out", type=Path, default=WORK / "batch1000.jsonl")
    p_batch.add_argument("--count", type=int, default=1000)
    p_batch.add_argument("--data", type=Path, default=DATA)
    p_batch.add_argument("--date-to", default=END_DAY.isoformat(),
                         help="the records are dated on the days up to this one (ISO)")
    p_batch.add_argument("--days", type=int, default=7, help="how many days up to --date-to")
    p_batch.add_argument("--keep-dates", action="store_true",
                         help="leave the records undated (the pages' own dates, if any)")
    p_batch.set_defaults(run=_cmd_batch)
    p_ingest = sub.add_parser("ingest", help="cost of ingesting the batch into a store")
    p_ingest.add_argument("--db", required=True)
    p_ingest.add_argument("--batch", type=Path, default=WORK / "batch1000.jsonl")
    p_ingest.add_argument("--log", type=Path)
    p_ingest.add_argument("--limit", type=float, help="stop the ingest after this many seconds")
    p_ingest.set_defaults(run=_cmd_ingest)
    p_growth = sub.add_parser("growth", help="the growth table (SQLite)")
    p_growth.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10000, 100000])
    p_growth.add_argument("--batch", type=Path, default=WORK / "batch200.jsonl")
    p_growth.add_argument("--seed", type=int, default=11)
    p_growth.add_argument("--row-limit", type=float, default=900.0,
                          help="seconds after which a row's ingest is stopped (unfinished)")
    p_growth.add_argument("--data", type=Path, default=DATA)
    p_growth.set_defaults(run=_cmd_growth)
    for p in (p_api, p_growth):
        p.add_argument("--write-doc", action="store_true", help=f"append the table to {DOC}")
        p.add_argument("--title", help="heading of the appended table")
