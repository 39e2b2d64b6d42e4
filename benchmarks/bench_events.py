"""Throughput and peak memory of event representation + clustering, per encoder mode.

``e5``: the default, the same-event decision on multilingual-e5 vectors of title and lead (and
the distilled USE vectors beside them); ``static``: the distilled USE vectors alone.

Articles of about 2,000 characters are assembled from the Russian (nerel, factrueval) and German
(germeval, europarl-de) dev NER documents, with publication dates spread over 60 days so that
the event window bites as in a real feed. Each encoder runs in its own process with one BLAS
thread, from cold caches, so articles/s is per core and the peak RSS is the encoder's own.

    OMP_NUM_THREADS=1 nice .venv/bin/python benchmarks/bench_events.py [--n 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SUJET_SHARED_DATA", ROOT.parent / "shared" / "data"))
TARGET_CHARS = 2000


def build_articles(n: int) -> list[dict[str, str]]:
    """``n`` articles, half Russian and half German, of about TARGET_CHARS characters each."""
    out: list[dict[str, str]] = []
    start = date(2024, 3, 1)
    for lang, sets in (("ru", ("nerel", "factrueval")), ("de", ("germeval", "europarl-de"))):
        texts = []
        for s in sets:
            texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "ner" / s / "docs").glob("*.txt"))]
        buf = ""
        k = 0
        for t in texts:
            buf = f"{buf}\n\n{t.strip()}" if buf else t.strip()
            if len(buf) >= TARGET_CHARS:
                title, _, body = buf[:TARGET_CHARS].partition("\n")
                out.append({"id": f"{lang}{k:05d}", "lang": lang, "title": title[:200],
                            "text": body, "date": (start + timedelta(days=k % 60)).isoformat()})
                k += 1
                buf = ""
                if k >= n // 2:
                    break
    return out


def run_one(mode: str, n: int) -> dict[str, object]:
    from sujet.config import StorySettings
    from sujet.stories.cluster import EventClusterer
    from sujet.stories.encoder import MemoryCache, get_encoder
    from sujet.stories.represent import ArticleInput, represent

    arts = [ArticleInput(id=a["id"], text=a["text"], title=a["title"], language=a["lang"],
                         date=a["date"]) for a in build_articles(n)]
    clusterer = EventClusterer(StorySettings(encoder=mode))  # type: ignore[arg-type]
    deep = clusterer.scorer.needs_deep
    t0 = time.perf_counter()
    for kind in ("static", "e5") if deep else ("static",):
        get_encoder(kind).encode(["warm up"])
    t_load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    reprs = represent(arts, deep=deep, cache=MemoryCache())
    t_repr, c_repr = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    clusterer.add(reprs)
    t_cluster, c_cluster = time.perf_counter() - t0, time.process_time() - c0
    total = t_repr + t_cluster
    return {
        "encoder": mode, "articles": len(arts),
        "mean_chars": round(sum(len(a.text) for a in arts) / len(arts)),
        "load_s": round(t_load, 2), "represent_s": round(t_repr, 2),
        "cluster_s": round(t_cluster, 2),
        "articles_per_s": round(len(arts) / total, 1),
        "represent_articles_per_s": round(len(arts) / t_repr, 1),
        # per CPU-second of this single-threaded process: articles/s per core, whatever else
        # runs on the machine
        "articles_per_cpu_s": round(len(arts) / (c_repr + c_cluster), 1),
        "represent_articles_per_cpu_s": round(len(arts) / c_repr, 1),
        "events": len(clusterer.events),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description="Event stage benchmark per encoder mode.")
    ap.add_argument("--n", type=int, default=300, help="articles per encoder")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--only", choices=("e5", "static"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.only:
        print(json.dumps(run_one(args.only, args.n)))
        return
    rows = []
    for which in ("static", "e5"):
        res = subprocess.run([sys.executable, __file__, "--n", str(args.n), "--only", which],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    load = os.getloadavg()[0]
    print("| date | encoder | articles | chars | articles/CPU-s (repr+cluster) "
          "| repr articles/CPU-s | articles/s wall | cluster s | load s | peak RSS MB "
          "| load avg |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {date.today().isoformat()} | {r['encoder']} | {r['articles']} "
              f"| {r['mean_chars']} | {r['articles_per_cpu_s']} "
              f"| {r['represent_articles_per_cpu_s']} | {r['articles_per_s']} "
              f"| {r['cluster_s']} | {r['load_s']} | {r['peak_rss_mb']} | {load:.1f} |")


if __name__ == "__main__":
    main()
