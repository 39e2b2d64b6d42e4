"""State under concurrency and crashes, measured on 300 articles against a clean single run.

Articles of about 2,000 characters are assembled from the Russian and German dev NER documents
with dates over 60 days (as in bench_events.py) and written as two JSONL halves. Runs, each into
a fresh store:

- clean: one ``sujet ingest`` of both halves;
- concurrent: two ``sujet ingest`` processes started at once, one per half;
- killed: ``kill -9`` right after an enrichment transaction half way through, then two re-runs.

For each: articles, mentions (rows, and the sum of the entities' counts), entities, positions,
events, and whether the store equals the clean one.

    OMP_NUM_THREADS=1 nice .venv/bin/python benchmarks/bench_state.py [--n 300] [--pg] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "concurrency"))
RUN = [sys.executable, str(ROOT / "tests" / "concurrency" / "run_sujet.py")]
PG = os.environ.get("SUJET_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
# No topics (they do not touch the figures); a loaded machine must not turn a slow article into
# a failed one (E601), which would differ between runs.
ENV = {"OMP_NUM_THREADS": "1", "SUJET_TOPICS__ENABLED": "false",
       "SUJET_LIMITS__DOCUMENT_SECONDS": "600", **os.environ}


def write_halves(folder: Path, n: int) -> list[Path]:
    from bench_events import build_articles

    articles = build_articles(n)
    halves = [articles[: len(articles) // 2], articles[len(articles) // 2:]]
    paths = []
    for k, half in enumerate(halves):
        path = folder / f"half{k}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for a in half:
                out.write(json.dumps({"url": f"https://bench.example/{a['id']}",
                                      "title": a["title"], "text": a["text"],
                                      "date": a["date"]}, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def ingest(url: str, inputs: list[Path], hook: tuple[str, ...] = ()) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*RUN, *hook, "--", "ingest", *map(str, inputs), "--db", url,
                             "--json"], env=ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def wait(proc: subprocess.Popen[bytes]) -> int:
    _, err = proc.communicate()
    if proc.returncode not in (0, -9):
        raise SystemExit(err.decode()[-3000:])
    return proc.returncode


def figures(url: str) -> dict[str, Any]:
    from test_state_under_crashes import snapshot

    snap = snapshot(url)
    return {
        "articles": len(snap["articles"]),
        "mentions": sum(len(m) for m in snap["mentions"].values()),
        "mentions_counted": sum(e[3] for e in snap["entities"]),
        "entities": len(snap["entities"]),
        "positions": len(snap["positions"]),
        "events": len(snap["events"]),
        "snapshot": snap,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--pg", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_state_"))
    inputs = write_halves(work, args.n)

    schemas: list[str] = []

    def new_url(name: str) -> str:
        if args.pg:
            schemas.append(f"bench_state_{name}_{uuid.uuid4().hex[:8]}")
            return f"{PG}?schema={schemas[-1]}"
        return f"sqlite:///{work / name}.sqlite"

    try:
        rows = measure(inputs, work, new_url)
    finally:
        drop_schemas(schemas)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    backend = "PostgreSQL" if args.pg else "SQLite"
    print(f"{args.n} articles, {backend}")
    print("| run | articles | mentions | counted | entities | positions | events | "
          "same as clean | s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        print(f"| {name} | {r['articles']} | {r['mentions']} | {r['mentions_counted']} | "
              f"{r['entities']} | {r['positions']} | {r['events']} | {r['same as clean']} | "
              f"{r['seconds']} |")


def drop_schemas(schemas: list[str]) -> None:
    if not schemas:
        return
    import psycopg

    with psycopg.connect(PG, autocommit=True) as conn:
        for schema in schemas:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def measure(inputs: list[Path], work: Path, new_url: Any) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    t0 = time.monotonic()
    clean_url = new_url("clean")
    wait(ingest(clean_url, inputs, hook=("--count", str(work / "points.txt"))))
    rows["clean"] = figures(clean_url) | {"seconds": round(time.monotonic() - t0, 1)}
    clean = rows["clean"]["snapshot"]

    t0 = time.monotonic()
    both = new_url("concurrent")
    procs = [ingest(both, [p]) for p in inputs]
    for p in procs:
        wait(p)
    rows["concurrent"] = figures(both) | {"seconds": round(time.monotonic() - t0, 1)}

    middle = (work / "points.txt").read_text().split().count("pipeline/enrich.py:__call__") // 2
    killed_url = new_url("killed")
    t0 = time.monotonic()
    code = wait(ingest(killed_url, inputs,
                       hook=("--kill", f"pipeline/enrich.py:__call__:{max(1, middle)}")))
    wait(ingest(killed_url, inputs))
    wait(ingest(killed_url, inputs))
    rows["killed, two re-runs"] = figures(killed_url) | {
        "seconds": round(time.monotonic() - t0, 1), "killed": code == -9}

    for row in rows.values():
        row["same as clean"] = row.pop("snapshot") == clean
    return rows


if __name__ == "__main__":
    main()
