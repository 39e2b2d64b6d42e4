"""`sujet eval roles`: P/R/F1 of person-position pairs, matched by span overlap.

Folder layout (../shared/data/README.md): ``gold.jsonl`` with ``{"id", "lang", "roles":
[{"person", "person_span", "position", "position_span"}]}`` and ``docs/<id>.txt``.

Matching: a predicted pair is a true positive when its person span overlaps a gold pair's
person span and its position span overlaps that same gold pair's position span; each gold pair
matches at most one prediction (greedy, in text order). Unmatched predictions are false
positives, unmatched gold pairs false negatives; P/R/F1 are micro over the set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sujet.eval.io import read_jsonl, write_jsonl
from sujet.eval.metrics import prf
from sujet.eval.ner import read_doc

# (person_start, person_end, person, position_start, position_end, position)
Pair = tuple[int, int, str, int, int, str]
RolesFn = Callable[[str, str], list[Pair]]


def _default_roles(text: str, lang: str) -> list[Pair]:
    from sujet.entities.roles import roles_in_text

    return [
        (r.person.start, r.person.end, r.person.text, r.start, r.end, r.surface)
        for r in roles_in_text(text, lang)
    ]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_pairs(gold: list[tuple[tuple[int, int], tuple[int, int]]], pred: list[Pair]) -> int:
    """Number of true positives under the overlap rule above."""
    free = list(range(len(gold)))
    tp = 0
    for p in sorted(pred, key=lambda x: (x[0], x[3])):
        for k in free:
            gp, gq = gold[k]
            if _overlap((p[0], p[1]), gp) and _overlap((p[3], p[4]), gq):
                free.remove(k)
                tp += 1
                break
    return tp


def evaluate_roles(
    data: Path,
    *,
    predictions: Path | None = None,
    limit: int | None = None,
    roles: RolesFn | None = None,
) -> dict[str, Any]:
    gold_rows = read_jsonl(data / "gold.jsonl")
    if limit:
        gold_rows = gold_rows[:limit]
    fn_roles = roles or _default_roles
    tp = n_pred = n_gold = 0
    out: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for rec in gold_rows:
        text = read_doc(data, rec["id"])
        pred = fn_roles(text, rec.get("lang") or "ru")
        gold = [
            (
                (r["person_span"][0], r["person_span"][1]),
                (r["position_span"][0], r["position_span"][1]),
            )
            for r in rec["roles"]
        ]
        tp += match_pairs(gold, pred)
        n_pred += len(pred)
        n_gold += len(gold)
        if predictions is not None:
            out.append(
                {
                    "id": rec["id"],
                    "roles": [
                        {
                            "person": p[2],
                            "person_span": [p[0], p[1]],
                            "position": p[5],
                            "position_span": [p[3], p[4]],
                        }
                        for p in pred
                    ],
                }
            )
    if predictions is not None:
        write_jsonl(predictions, out)
    p, r, f = prf(tp, n_pred - tp, n_gold - tp)
    return {
        "kind": "roles",
        "data": str(data),
        "n": len(gold_rows),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
        "seconds": round(time.perf_counter() - t0, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sujet.eval.roles", description=__doc__)
    ap.add_argument("data", type=Path, help="folder with gold.jsonl and docs/")
    ap.add_argument("--predictions", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    if not (args.data / "gold.jsonl").is_file():
        print(f"error: no gold.jsonl in {args.data}", file=sys.stderr)
        return 2
    print(
        json.dumps(
            evaluate_roles(args.data, predictions=args.predictions, limit=args.limit), indent=2
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
