"""Throughput and peak memory of the entity stage against natasha alone, on the same texts.

    python benchmarks/bench_entities.py [--limit 100] [--markdown]

Each configuration runs in its own process (one BLAS thread, so documents/s is per core) over
the same documents: Russian from ../shared/data/ner/factrueval and ner/nerel, German from
ner/germeval and ner/europarl-de (override the data root with SUJET_SHARED_DATA). Peak memory is
the process's maximum resident set size after loading and running (ru_maxrss), so it includes
the models. Modes:

- ``natasha``: natasha alone: segmentation + NER (``Doc.segment``, ``Doc.tag_ner``);
- ``ru-ner``: the project's Russian recogniser (natasha + post-rules);
- ``ru-analyze``: ``analyze_entities`` (NER, morphology, normal forms, grouping, positions, facts);
- ``de-ner``: the project's German CRF recogniser;
- ``de-analyze``: ``analyze_entities`` on the German documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

MODES = ("natasha", "ru-ner", "ru-analyze", "de-ner", "de-analyze")
SETS = {"ru": ("factrueval", "nerel"), "de": ("germeval", "europarl-de")}


def data_root() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def load_texts(lang: str, limit: int) -> list[str]:
    texts: list[str] = []
    per_set = max(1, limit // len(SETS[lang]))
    for name in SETS[lang]:
        folder = data_root() / "ner" / name / "docs"
        if folder.is_dir():
            for path in sorted(folder.glob("*.txt"))[:per_set]:
                texts.append(path.read_text("utf-8"))
    return texts


def run_one(mode: str, limit: int) -> dict[str, Any]:
    lang = "de" if mode.startswith("de") else "ru"
    texts = load_texts(lang, limit)
    if not texts:
        return {"mode": mode, "docs": 0}
    t_load = time.perf_counter()
    if mode == "natasha":
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

        seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())

        def fn(text: str) -> None:
            doc = Doc(text)
            doc.segment(seg)
            doc.tag_ner(ner)

    elif mode.endswith("-ner"):
        from sujet.entities.ner import get_recognizer

        rec = get_recognizer(lang)

        def fn(text: str) -> None:
            rec.recognize(text)

    else:
        from sujet.entities.analyze import analyze_entities
        from sujet.entities.ner import get_recognizer
        from sujet.model import Article

        get_recognizer(lang)

        def fn(text: str) -> None:
            analyze_entities(Article(id="b", source="b", text=text, language=lang))

    fn(texts[0])  # warm-up: model loads are not throughput
    load_s = time.perf_counter() - t_load
    t0 = time.perf_counter()
    for text in texts:
        fn(text)
    secs = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    return {
        "mode": mode,
        "docs": len(texts),
        "chars": chars,
        "seconds": round(secs, 2),
        "docs_per_s": round(len(texts) / secs, 2),
        "kchars_per_s": round(chars / secs / 1000, 1),
        "load_s": round(load_s, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--limit", type=int, default=100, help="documents per language")
    ap.add_argument("--one", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--modes", nargs="*", default=list(MODES))
    ap.add_argument("--markdown", action="store_true", help="print a table row per mode")
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.limit)))
        return 0
    rows = []
    for mode in args.modes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", mode, "--limit", str(args.limit)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    meta = {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
    }
    if args.markdown:
        print(
            f"Measured {meta['date']}, Python {meta['python']}, one BLAS thread, one process per row.\n"
        )
        print("| mode | docs | docs/s (one core) | kchars/s | model load s | peak RSS MB |")
        print("|---|---|---|---|---|---|")
        for r in rows:
            print(
                f"| {r['mode']} | {r['docs']} | {r['docs_per_s']} | {r['kchars_per_s']} | {r['load_s']} | {r['peak_rss_mb']} |"
            )
    else:
        print(json.dumps({"meta": meta, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
