"""`sujet eval names`: P/R/F1 of the system's same-person decision on name pairs.

Folder layout (../shared/data/README.md): ``pairs.jsonl`` with ``{"id", "a", "b", "lang_a",
"lang_b", "same"}``. The positive class is ``same: true``.
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

from sujet.eval.io import read_jsonl, write_jsonl
from sujet.eval.metrics import prf

DecideFn = Callable[[str, str, str | None, str | None], bool]


def evaluate_names(
    data: Path,
    *,
    predictions: Path | None = None,
    limit: int | None = None,
    decide: DecideFn | None = None,
) -> dict[str, Any]:
    """Score ``same_person`` (or ``decide``) on every pair of ``data/pairs.jsonl``."""
    if decide is None:
        from sujet.entities.names import same_person

        decide = same_person
    pairs = read_jsonl(data / "pairs.jsonl")
    if limit:
        pairs = pairs[:limit]
    tp = fp = fn = tn = 0
    by_script: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for rec in pairs:
        pred = bool(decide(rec["a"], rec["b"], rec.get("lang_a"), rec.get("lang_b")))
        gold = bool(rec["same"])
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
        tn += not pred and not gold
        by_script["correct" if pred == gold else "wrong"] += 1
        if predictions is not None:
            rows.append({"id": rec["id"], "same": pred})
    if predictions is not None:
        write_jsonl(predictions, rows)
    p, r, f = prf(tp, fp, fn)
    return {
        "kind": "names",
        "data": str(data),
        "n": len(pairs),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "accuracy": round((tp + tn) / len(pairs), 4) if pairs else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "seconds": round(time.perf_counter() - t0, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sujet.eval.names", description=__doc__)
    ap.add_argument("data", type=Path, help="folder with pairs.jsonl")
    ap.add_argument("--predictions", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    if not (args.data / "pairs.jsonl").is_file():
        print(f"error: no pairs.jsonl in {args.data}", file=sys.stderr)
        return 2
    print(
        json.dumps(
            evaluate_names(args.data, predictions=args.predictions, limit=args.limit), indent=2
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
