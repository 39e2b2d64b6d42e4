"""Sujet at a million articles: a bulk generator, API latency, growth and per-article ingest cost.

Subcommands:

    load     bulk-load N realistic articles (see scale_generate) into a store, without the models
    finish   derive entities and storylines and rebuild indexes of a load that was interrupted
    api      p50/p95 of the feed, event, dossier and search endpoints through the real API app
    batch    write the batch of real pages the ingest measurements use (JSONL, outside the project)
    ingest   cost of ingesting that batch with ``sujet ingest`` into a store (articles/s, peak RSS)
    growth   the growth table: stores pre-loaded to several sizes, the same batch ingested into each

Examples (``--db`` takes the store URLs of ``sujet``):

    nice -n 10 .venv/bin/python benchmarks/bench_scale.py load --db postgresql://postgres@127.0.0.1:5432/sujet_scale --articles 1000000
    .venv/bin/python benchmarks/bench_scale.py api --db postgresql://postgres@127.0.0.1:5432/sujet_scale
    .venv/bin/python benchmarks/bench_scale.py growth --sizes 1000 10000 100000 --batch /tmp/bench/batch.jsonl
"""

from __future__ import annotations

import argparse
import multiprocessing
import queue
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_corpus import DATA, load_material  # noqa: E402
from scale_generate import ChunkWriter, Plan, Rows  # noqa: E402
from scale_write import Loader, create_database  # noqa: E402


def load(url: str, n_articles: int, seed: int, data: Path, log: bool = True, *,
         workers: int = 1, resume: bool = False) -> dict[str, float]:
    """Generate and write ``n_articles`` into the store at ``url`` (created when missing).

    ``workers`` processes each generate every ``workers``-th chunk. With ``resume`` a store
    that already holds some chunks (an interrupted load of the same size and seed) gets the
    missing ones."""
    started = time.perf_counter()
    material = load_material(data)
    plan = Plan.draw(material, n_articles, seed)
    create_database(url)
    loader = Loader(url)
    try:
        if loader.article_count() and not resume:
            raise SystemExit(f"{url} already holds articles: load into an empty store")
        dropped = loader.drop_indexes()
        if log:
            print(f"{material.summary()}; {len(plan.sizes)} events; {dropped} indexes deferred",
                  flush=True)
        if workers > 1:
            ctx = multiprocessing.get_context("fork")
            procs = [ctx.Process(target=_part, args=(url, material, plan, w, workers, log))
                     for w in range(workers)]
            for proc in procs:
                proc.start()
            for proc in procs:
                proc.join()
            if any(proc.exitcode for proc in procs):
                raise SystemExit("a loading process failed: run again with --resume")
            gen_s = write_s = 0.0
        else:
            writer = ChunkWriter(plan, material)
            _, gen_s, write_s = _pipelined(writer, loader, plan, started, log, 0, 1)
        done = loader.article_count()
        t3 = time.perf_counter()
        counts = loader.finish(material.positions, seed)
        finish_s = time.perf_counter() - t3
        if log:
            print(f"finished in {finish_s:.0f} s: {counts}", flush=True)
    finally:
        loader.close()
    return {"articles": done, "seconds": time.perf_counter() - started, "generate_s": gen_s,
            "write_s": write_s, "finish_s": finish_s}


def _part(url: str, material: Any, plan: Plan, part: int, parts: int, log: bool) -> None:
    loader = Loader(url)
    try:
        _pipelined(ChunkWriter(plan, material), loader, plan, time.perf_counter(), log,
                   part, parts)
    finally:
        loader.close()


def _pipelined(writer: ChunkWriter, loader: Loader, plan: Plan, started: float,
               log: bool, part: int, parts: int) -> tuple[int, float, float]:
    """Generate chunks here while a thread writes the previous one (the database works on
    another core meanwhile)."""
    pending: queue.Queue[Rows | None] = queue.Queue(maxsize=2)
    totals = {"done": 0, "write_s": 0.0}
    failed: list[BaseException] = []

    def drain() -> None:
        while (rows := pending.get()) is not None:
            try:
                t0 = time.perf_counter()
                loader.write(rows.tables)
                totals["write_s"] += time.perf_counter() - t0
                totals["done"] += len(rows.tables["articles"])
            except BaseException as err:  # noqa: BLE001 - reported by the generating thread
                failed.append(err)
                return
            if log:
                done, elapsed = totals["done"], time.perf_counter() - started
                print(f"{done} articles, {done / elapsed:.0f}/s (generate {gen_s[0]:.0f} s, "
                      f"write {totals['write_s']:.0f} s)", flush=True)

    gen_s = [0.0]
    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    for number, (start, stop) in enumerate(plan.chunks()):
        if failed:
            break
        if number % parts != part or loader.has_chunk(writer.first_article_id(start)):
            continue
        t0 = time.perf_counter()
        rows = writer.rows(start, stop)
        gen_s[0] += time.perf_counter() - t0
        pending.put(rows)
    pending.put(None)
    thread.join()
    if failed:
        raise failed[0]
    return int(totals["done"]), gen_s[0], float(totals["write_s"])


def _finish(url: str, seed: int, data: Path) -> None:
    loader = Loader(url)
    try:
        print(loader.finish(load_material(data).positions, seed))
    finally:
        loader.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_load = sub.add_parser("load", help="bulk-load generated articles")
    p_load.add_argument("--db", required=True)
    p_load.add_argument("--articles", type=int, required=True)
    p_load.add_argument("--workers", type=int, default=1, help="generating processes")
    p_load.add_argument("--resume", action="store_true",
                        help="add the chunks an interrupted load of the same size and seed lacks")
    p_finish = sub.add_parser("finish", help="finish an interrupted load")
    p_finish.add_argument("--db", required=True)
    for p in (p_load, p_finish):
        p.add_argument("--seed", type=int, default=11)
        p.add_argument("--data", type=Path, default=DATA)
    from scale_measure import add_measure_commands

    add_measure_commands(sub)
    args = parser.parse_args(argv)
    if args.command == "load":
        print(load(args.db, args.articles, args.seed, args.data, workers=args.workers,
                   resume=args.resume))
    elif args.command == "finish":
        _finish(args.db, args.seed, args.data)
    else:
        return int(args.run(args) or 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
