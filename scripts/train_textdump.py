"""Train the line classifier of the text-dump cleaner on the textdump dev sets.

    python scripts/train_textdump.py /work/shared/data/textdump [--folds 5] [--out PATH]

Labels: aeb pages have the full gold text, a line is body when most of its 4-gram shingles occur
in it (short lines: when the whole line occurs); trafilatura pages have snippets, a line holding a
must_have snippet is body, one holding a must_not_have snippet is boilerplate, the rest is left
out. A logistic regression on textdump_features is cross-validated with page-grouped folds: every
page is cleaned by the whole cleaner with the model of the fold that did not see it, and scored
with the harness metrics (shingle F1 on aeb, snippet F1 on trafilatura). The final model is fit on
all pages and written as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from sujet.eval.metrics import (
    collapse_ws,
    macro_prf,
    prf,
    shingle_tp_fp_fn,
    shingles,
    snippet_counts,
    tokens,
)
from sujet.extract import metadata
from sujet.extract.textdump import clean_text_dump, rule_selection
from sujet.extract.textdump.features import NAMES, line_features
from sujet.extract.textdump.lines import split_lines
from sujet.extract.textdump.model import MODEL_PATH, LineModel
from sujet.ingest.encoding import decode

BODY_SHARE = 0.5  # a line is body when more than half of its shingles occur in the gold text
C = 1.0  # inverse regularisation of the logistic regression
# "logistic" or "trees" (gradient boosting); 5-fold CV snippet F1 on trafilatura: logistic 0.879,
# trees (150 x depth 3) 0.874, trees (100 x depth 2, leaves >= 40) 0.874; trees overfit the few
# weakly labelled lines (in-sample 0.95); with the block features (textdump_blocks) logistic
# 0.892, trees (depth 2-3, histogram boosting) 0.879-0.882; stacking a second logistic
# regression on out-of-fold neighbour probabilities 0.886; labelling short unlabelled lines at
# the page edges as boilerplate 0.868-0.877, or text-like lines between two must_have lines as
# body 0.884-0.889: all left out
KIND = "logistic"
# share of the total sample weight of the (weakly labelled) trafilatura lines; 5-fold CV, with the
# block features: 0.4 -> aeb 0.916, trafilatura 0.892; 0.5 -> 0.914, 0.892; 0.6 -> 0.912, 0.891
TRAF_SHARE = 0.4
TREES, DEPTH, RATE, LEAF = 100, 2, 0.1, 40


@dataclass
class Page:
    set_name: str
    gold: dict
    text: str
    x: list[list[float]]
    y: list[int | None]


def _labels_full(lines: list[str], gold_text: str) -> list[int | None]:
    gold_sh = set(shingles(gold_text))
    gold_flat = " ".join(tokens(gold_text.lower()))
    out: list[int | None] = []
    for line in lines:
        sh = set(shingles(line))
        if sh:
            out.append(int(len(sh & gold_sh) / len(sh) > BODY_SHARE))
        else:
            flat = " ".join(tokens(line.lower()))
            out.append(int(bool(flat) and f" {flat} " in f" {gold_flat} "))
    return out


def _labels_snippets(lines: list[str], must: list[str], must_not: list[str]) -> list[int | None]:
    out: list[int | None] = []
    for line in lines:
        flat = collapse_ws(line)
        if any(collapse_ws(s) in flat for s in must):
            out.append(1)
        elif any(collapse_ws(s) in flat for s in must_not):
            out.append(0)
        else:
            out.append(None)
    return out


def load(root: Path) -> list[Page]:
    pages = []
    for set_name in ("aeb", "trafilatura"):
        d = root / set_name
        for raw in (d / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            gold = json.loads(raw)
            text, _ = decode((d / "pages" / f"{gold['id']}.txt").read_bytes())
            lines = split_lines(text)
            if not lines:
                continue
            sel = rule_selection(lines, gold.get("url"))
            x = line_features(lines, sel.start, sel.end, set(sel.kept), text)
            texts = [ln.text for ln in lines]
            if "text" in gold:
                y = _labels_full(texts, gold["text"])
            else:
                y = _labels_snippets(texts, gold.get("must_have", []), gold.get("must_not_have", []))
            pages.append(Page(set_name, gold, text, x, y))
    return pages


def _training_rows(pages: list[Page], share_traf: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ys, ws = [], [], []
    per_set = {s: sum(1 for p in pages for v in p.y if v is not None and p.set_name == s)
               for s in ("aeb", "trafilatura")}
    for p in pages:
        share = share_traf if p.set_name == "trafilatura" else 1.0 - share_traf
        w = share / max(1, per_set[p.set_name])
        for row, v in zip(p.x, p.y, strict=True):
            if v is not None:
                xs.append(row)
                ys.append(v)
                ws.append(w)
    return np.array(xs), np.array(ys), np.array(ws) * len(ws)


def fit_logistic(pages: list[Page], share: float) -> LineModel:
    x, y, sw = _training_rows(pages, share)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit((x - mean) / scale, y, sample_weight=sw)
    return LineModel(tuple(NAMES), float(lr.intercept_[0]), tuple(mean.tolist()),
                     tuple(scale.tolist()), tuple(lr.coef_[0].tolist()))


def fit_trees(pages: list[Page], share: float) -> LineModel:
    x, y, sw = _training_rows(pages, share)
    gb = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE,
                                    subsample=0.8, min_samples_leaf=LEAF,
                                    random_state=0)
    gb.fit(x, y, sample_weight=sw)
    trees = []
    for est in gb.estimators_[:, 0]:
        t = est.tree_
        trees.append((tuple(int(v) for v in t.feature), tuple(float(v) for v in t.threshold),
                      tuple(int(v) for v in t.children_left),
                      tuple(int(v) for v in t.children_right),
                      tuple(float(v) for v in t.value[:, 0, 0])))
    model = LineModel(tuple(NAMES), 0.0, trees=tuple(trees), learning_rate=RATE)
    # the initial log-odds: what sklearn adds before the trees
    intercept = float(gb.decision_function(x[:1])[0]) - model.raw(x[0].tolist())
    return LineModel(tuple(NAMES), intercept, trees=tuple(trees), learning_rate=RATE)


def fit(pages: list[Page], share: float = TRAF_SHARE) -> LineModel:
    return fit_trees(pages, share) if KIND == "trees" else fit_logistic(pages, share)


def score(pages: list[Page], models: list[LineModel | None]) -> dict[str, float]:
    """Harness metrics of the whole cleaner: each page cleaned with its own model."""
    rows: list[tuple[float, float, float]] = []
    snip = [0, 0, 0, 0]
    for p, model in zip(pages, models, strict=True):
        out = clean_text_dump(p.text, url=p.gold.get("url"), model=model,
                              use_model=model is not None)
        metadata.enrich(out, p.text)
        if "text" in p.gold:
            rows.append(shingle_tp_fp_fn(p.gold["text"], out.text))
        else:
            c = snippet_counts(out.text, p.gold.get("must_have", []), p.gold.get("must_not_have", []))
            snip = [a + b for a, b in zip(snip, c, strict=True)]
    return {"aeb_f1": macro_prf(rows)[2] if rows else 0.0,
            "trafilatura_f1": prf(snip[0], snip[2], snip[1])[2]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threshold", type=float, default=0.45)  # inside the region, see textdump
    ap.add_argument("--traf-share", type=float, default=TRAF_SHARE)
    args = ap.parse_args()
    share = args.traf_share
    pages = load(args.root)
    order = list(range(len(pages)))
    random.Random(args.seed).shuffle(order)
    fold_of = {i: k % args.folds for k, i in enumerate(order)}  # page-grouped folds
    fold_models = [fit([p for i, p in enumerate(pages) if fold_of[i] != f], share)
                   for f in range(args.folds)]
    print("rules only      ", score(pages, [None] * len(pages)))
    for t in (0.4, 0.45, 0.5):
        cv = [m.with_threshold(t) for m in fold_models]
        print(f"cv  threshold {t}", score(pages, [cv[fold_of[i]] for i in range(len(pages))]))
    final = fit(pages, share).with_threshold(args.threshold)
    print(f"in-sample  {args.threshold}  ", score(pages, [final] * len(pages)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(final.to_json(), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
