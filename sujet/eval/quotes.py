"""`sujet eval quotes`: P/R/F1 of quotes (what was said, and who said it).

Folder layout: ``gold.jsonl`` with ``{"id", "lang", "quotes": [{"speaker", "kind", "text",
"span"}]}`` and ``docs/<id>.txt`` (the project's set: tests/data/quotes, written from the
sample corpus). Each document runs through the entity stage (:func:`analyze_entities`) and
:func:`sujet.entities.quotes.find_quotes`.

Matching: a predicted quote is a true positive when its span overlaps a gold quote's span by at
least half of the shorter of the two and its speaker is the gold speaker (the same normal form,
or the same person by :func:`sujet.entities.names.same_person`); each gold quote matches at most
one prediction. P/R/F1 are micro over the set; ``direct`` and ``indirect`` give recall by kind.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sujet.eval.io import read_jsonl, write_jsonl
from sujet.eval.metrics import prf
from sujet.eval.ner import read_doc


def _same_speaker(gold: str, pred: str) -> bool:
    from sujet.entities.gazetteer import fold
    from sujet.entities.names import same_person

    if fold(gold) == fold(pred):
        return True
    # a bare surname in the text ("sagte Lindner") names the gold person
    if len(pred.split()) == 1 and fold(pred) == fold(gold.split()[-1]):
        return True
    return len(pred.split()) >= 2 and same_person(gold, pred)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def evaluate_quotes(
    data: Path, *, predictions: Path | None = None, limit: int | None = None
) -> dict[str, Any]:
    from sujet.entities.analyze import analyze_entities
    from sujet.entities.quotes import find_quotes
    from sujet.model import Article

    rows = read_jsonl(data / "gold.jsonl")
    if limit:
        rows = rows[:limit]
    tp = n_pred = n_gold = 0
    found_by_kind: Counter[str] = Counter()
    gold_by_kind: Counter[str] = Counter()
    out: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for rec in rows:
        text = read_doc(data, rec["id"])
        article = Article(id=rec["id"], source=rec["id"], text=text, language=rec.get("lang"))
        pred = find_quotes(text, analyze_entities(article, with_facts=False))
        gold = rec["quotes"]
        free = list(range(len(gold)))
        for q in pred:
            for k in free:
                g = gold[k]
                if _overlaps((q.start, q.end), tuple(g["span"])) and _same_speaker(
                    g["speaker"], q.speaker
                ):
                    free.remove(k)
                    tp += 1
                    found_by_kind[g["kind"]] += 1
                    break
        gold_by_kind.update(g["kind"] for g in gold)
        n_pred += len(pred)
        n_gold += len(gold)
        if predictions is not None:
            out.append(
                {
                    "id": rec["id"],
                    "quotes": [
                        {
                            "speaker": q.speaker,
                            "kind": q.kind,
                            "cue": q.cue,
                            "text": q.text,
                            "span": [q.start, q.end],
                        }
                        for q in pred
                    ],
                }
            )
    if predictions is not None:
        write_jsonl(predictions, out)
    p, r, f = prf(tp, n_pred - tp, n_gold - tp)
    return {
        "kind": "quotes",
        "data": str(data),
        "n": len(rows),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
        "recall_by_kind": {
            k: round(found_by_kind[k] / n, 4) for k, n in sorted(gold_by_kind.items()) if n
        },
        "seconds": round(time.perf_counter() - t0, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sujet.eval.quotes", description=__doc__)
    ap.add_argument("data", type=Path, help="folder with gold.jsonl and docs/")
    ap.add_argument("--predictions", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    if not (args.data / "gold.jsonl").is_file():
        print(f"error: no gold.jsonl in {args.data}", file=sys.stderr)
        return 2
    result = evaluate_quotes(args.data, predictions=args.predictions, limit=args.limit)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
