"""Quality harness for article pairs: do two articles report the same event?

Data: a folder with ``pairs.jsonl`` (``{"id", "lang1", "lang2", "title1", "text1", "title2",
"text2", "label"?, "score"?}``). Labelled pairs give precision / recall / F1 of "same" at the
system's own decision; graded pairs (``score`` 1 = same .. 4 = different) give the Pearson
correlation of the system score with the negated gold score. Both overall and per language pair.
Predictions, when given instead of running the system, are one JSON line per pair
``{"id", "score", "label"}``.

    python -m sujet.eval.pairs DIR [--predictions FILE] [--limit N]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import Any

from sujet.config import StorySettings, get_settings
from sujet.eval.io import print_result, read_jsonl, write_jsonl
from sujet.eval.metrics import pearson, prf
from sujet.stories.represent import ArticleInput


def _pairs_file(data: Path) -> Path:
    return data if data.is_file() else data / "pairs.jsonl"


def predict_pairs(rows: list[dict[str, Any]], settings: StorySettings | None = None
                  ) -> list[dict[str, Any]]:
    """System predictions ``{"id", "score", "label"}`` for pair rows."""
    from sujet.stories.pair import default_scorer, pair_score
    from sujet.stories.represent import represent

    settings = settings or StorySettings()
    scorer = default_scorer(settings)
    arts: list[ArticleInput] = []
    for r in rows:
        for side in ("1", "2"):
            arts.append(ArticleInput(id=f"{r['id']}:{side}", text=r.get(f"text{side}") or "",
                                     title=r.get(f"title{side}") or None,
                                     language=r.get(f"lang{side}"), date=r.get(f"date{side}")))
    reprs = represent(arts, deep=scorer.needs_deep)
    out = []
    for i, r in enumerate(rows):
        ps = pair_score(reprs[2 * i], reprs[2 * i + 1], scorer=scorer,
                        window_days=settings.event_window_days)
        out.append({"id": r["id"], "score": ps.score, "label": int(ps.same)})
    return out


def _prf_of(items: list[tuple[int, int]]) -> tuple[float, float, float]:
    tp = sum(1 for g, p in items if g == 1 and p == 1)
    fp = sum(1 for g, p in items if g == 0 and p == 1)
    fn = sum(1 for g, p in items if g == 1 and p == 0)
    return prf(tp, fp, fn)


def _metrics(rows: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    labelled = [(int(r["label"]), int(preds[r["id"]]["label"])) for r in rows
                if r.get("label") is not None and r["id"] in preds]
    graded = [(float(preds[r["id"]]["score"]), -float(r["score"])) for r in rows
              if r.get("score") is not None and r["id"] in preds]
    out: dict[str, Any] = {"n": len(rows)}
    if labelled:
        p, rc, f = _prf_of(labelled)
        out.update(precision=round(p, 4), recall=round(rc, 4), f1=round(f, 4),
                   n_labelled=len(labelled))
    if len(graded) >= 2:
        out.update(pearson=round(pearson([g[0] for g in graded], [g[1] for g in graded]), 4),
                   n_graded=len(graded))
    return out


def evaluate_pairs(data: Path, *, predictions: Path | None = None, limit: int | None = None,
                   write_predictions: Path | None = None,
                   settings: StorySettings | None = None) -> dict[str, Any]:
    """Pair metrics of the system (or of given predictions) on a pairs folder."""
    rows = read_jsonl(_pairs_file(Path(data)))
    if limit is not None:
        rows = rows[:limit]
    if predictions is not None:
        preds = {str(p["id"]): p for p in read_jsonl(Path(predictions))}
    else:
        preds = {p["id"]: p for p in predict_pairs(rows, settings)}
        if write_predictions is not None:
            write_jsonl(write_predictions, preds.values())
    out: dict[str, Any] = {"kind": "pairs"}
    out.update(_metrics(rows, preds))
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_lang[f"{r.get('lang1', '?')}-{r.get('lang2', '?')}"].append(r)
    out["per_lang_pair"] = {lp: _metrics(rs, preds) for lp, rs in sorted(by_lang.items())}
    out["missing_predictions"] = sum(1 for r in rows if r["id"] not in preds)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sujet.eval.pairs",
                                 description="Same-event pair metrics on a pairs folder.")
    ap.add_argument("data", type=Path)
    ap.add_argument("--predictions", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--write-predictions", type=Path)
    args = ap.parse_args(argv)
    return print_result(lambda: evaluate_pairs(
        args.data, predictions=args.predictions, limit=args.limit,
        write_predictions=args.write_predictions, settings=get_settings().stories))


if __name__ == "__main__":
    raise SystemExit(main())
