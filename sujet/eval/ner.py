"""`sujet eval ner`: exact-span named-entity P/R/F1 on a gold folder.

Folder layout (../shared/data/README.md): ``gold.jsonl`` with ``{"id", "lang", "spans"}`` and
``docs/<id>.txt``. A predicted span is a true positive when its start, end and type all equal
a gold span's (micro-averaged over the set, overall and per type).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sujet.entities.span import Span
from sujet.eval.io import read_jsonl, write_jsonl
from sujet.eval.metrics import prf

RecognizeFn = Callable[[str, str], list[Span]]


def read_doc(data: Path, rid: str) -> str:
    # newline="" keeps the text exactly as stored: offsets count "\r" too
    with (data / "docs" / f"{rid}.txt").open(encoding="utf-8", newline="") as fh:
        return fh.read()


def _default_recognize(text: str, lang: str) -> list[Span]:
    from sujet.entities.ner import recognize

    return recognize(text, lang)


def score_spans(
    gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]]
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Per-type TP / FP / FN counters of exact-span matching."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    g, p = Counter(gold), Counter(pred)
    for key in g.keys() | p.keys():
        both = min(g[key], p[key])
        tp[key[2]] += both
        fp[key[2]] += p[key] - both
        fn[key[2]] += g[key] - both
    return tp, fp, fn


def evaluate_ner(
    data: Path,
    *,
    predictions: Path | None = None,
    limit: int | None = None,
    recognize: RecognizeFn | None = None,
) -> dict[str, Any]:
    """Run the recogniser of each record's language over its document and score the spans."""
    gold = read_jsonl(data / "gold.jsonl")
    if limit:
        gold = gold[:limit]
    fn_rec = recognize or _default_recognize
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    langs: Counter[str] = Counter()
    t0 = time.perf_counter()
    for rec in gold:
        text = read_doc(data, rec["id"])
        lang = rec.get("lang") or "xx"
        langs[lang] += 1
        spans = fn_rec(text, lang)
        g = [(s["start"], s["end"], s["type"]) for s in rec["spans"]]
        p: list[tuple[int, int, str]] = [(s.start, s.end, str(s.type)) for s in spans]
        a, b, c = score_spans(g, p)
        tp.update(a)
        fp.update(b)
        fn.update(c)
        if predictions is not None:
            rows.append(
                {
                    "id": rec["id"],
                    "lang": lang,
                    "spans": [
                        {"start": s.start, "end": s.end, "type": s.type, "text": s.text}
                        for s in spans
                    ],
                }
            )
    seconds = time.perf_counter() - t0
    if predictions is not None:
        write_jsonl(predictions, rows)
    p_, r_, f_ = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    per_type: dict[str, dict[str, float | int]] = {}
    for t in sorted(set(tp) | set(fp) | set(fn)):
        tp_, fp_, fn_ = tp[t], fp[t], fn[t]
        pp, rr, ff = prf(tp_, fp_, fn_)
        per_type[t] = {
            "precision": round(pp, 4),
            "recall": round(rr, 4),
            "f1": round(ff, 4),
            "support": tp_ + fn_,
        }
    return {
        "kind": "ner",
        "data": str(data),
        "n": len(gold),
        "languages": dict(langs),
        "precision": round(p_, 4),
        "recall": round(r_, 4),
        "f1": round(f_, 4),
        "tp": sum(tp.values()),
        "fp": sum(fp.values()),
        "fn": sum(fn.values()),
        "per_type": per_type,
        "seconds": round(seconds, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sujet.eval.ner", description=__doc__)
    ap.add_argument("data", type=Path, help="folder with gold.jsonl and docs/")
    ap.add_argument("--predictions", type=Path, default=None, help="write predictions (jsonl)")
    ap.add_argument("--limit", type=int, default=None, help="first N records only")
    args = ap.parse_args(argv)
    if not (args.data / "gold.jsonl").is_file():
        print(f"error: no gold.jsonl in {args.data}", file=sys.stderr)
        return 2
    result = evaluate_ner(args.data, predictions=args.predictions, limit=args.limit)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
