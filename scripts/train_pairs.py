"""Fit the pair model on the dev pairs (semeval graded + tg labelled) and report k-fold figures.

Targets: a semeval pair's graded score 1 (same) .. 4 (different) becomes the soft label
(4 - score) / 3; a tg pair's label is used as is. The IDF table of the ``stems_idf`` feature
is counted on the training pairs of each fold (and on all dev pairs for the shipped table,
``sujet/stories/models/pair_idf.npz``). Out-of-fold predictions over pairs (5 folds,
fixed seed) give the honest estimate: Pearson on semeval against the negated gold score, F1 on tg
and on the labelled semeval pairs at a threshold chosen on the training folds only. The shipped
model is then fitted on all dev pairs, one per encoder.

    OMP_NUM_THREADS=1 nice .venv/bin/python scripts/train_pairs.py [--full] \
        [--kinds trees,regression_trees] [--ship regression_trees]
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sujet.eval.metrics import pearson, prf
from sujet.stories.encoder import DiskCache, get_encoder
from sujet.stories.features import FEATURES, pair_features, weighted_stems
from sujet.stories.pair_idf import IdfTable
from sujet.stories.pairmodel import PairModel, Tree, model_path
from sujet.stories.represent import ArticleInput, ArticleRepr, represent, stem_cosine

SEED = 13
FOLDS = 5
# Weight of a tg pair against a semeval pair. 5-fold CV (static encoder): weight 1 gives semeval
# Pearson 0.721 / tg F1 0.832, weight 3 gives 0.702 / 0.837, weight 6 gives 0.685 / 0.847; the
# tg gains are one or two of its 75 pairs, the semeval losses are not, so pairs weigh the same.
TG_WEIGHT = 1.0
DATA = Path(os.environ.get("SUJET_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@dataclass(slots=True)
class PairSet:
    X: np.ndarray
    y: np.ndarray  # soft target in [0, 1]
    graded: np.ndarray  # gold score (nan where none)
    label: np.ndarray  # 1 / 0 / -1 (unknown)
    group: np.ndarray  # 0 semeval, 1 tg
    langs: list[str]
    reprs: list[tuple[ArticleRepr, ArticleRepr]]


IDF_COLUMN = FEATURES.index("stems_idf")


def fit_idf(ps: PairSet, idx: np.ndarray) -> IdfTable:
    """Document frequencies over the texts of the pairs ``idx`` (both sides)."""
    return IdfTable.fit(r.stems for i in idx for r in ps.reprs[i])


def with_idf(ps: PairSet, table: IdfTable) -> np.ndarray:
    """The feature matrix with the IDF-weighted stem cosine computed from ``table``."""
    X = ps.X.copy()
    X[:, IDF_COLUMN] = [stem_cosine(weighted_stems(a, table), weighted_stems(b, table))
                        for a, b in ps.reprs]
    return X


def load_pairs(full: bool, cache_path: Path) -> PairSet:
    enc = get_encoder(full)
    cache = DiskCache(cache_path)
    Xs, ys, graded, labels, groups, langs = [], [], [], [], [], []
    pairs: list[tuple[ArticleRepr, ArticleRepr]] = []
    for gi, name in enumerate(("semeval", "tg")):
        rows = [json.loads(line) for line in (DATA / "pairs" / name / "pairs.jsonl").open()]
        arts = []
        for r in rows:
            arts.append(ArticleInput(id=r["id"] + ":1", text=r["text1"], title=r["title1"] or None,
                                     language=r["lang1"]))
            arts.append(ArticleInput(id=r["id"] + ":2", text=r["text2"], title=r["title2"] or None,
                                     language=r["lang2"]))
        reps = represent(arts, encoder=enc, cache=cache)
        for i, r in enumerate(rows):
            pairs.append((reps[2 * i], reps[2 * i + 1]))
            Xs.append(pair_features(reps[2 * i], reps[2 * i + 1], stems_idf=0.0))
            score = r.get("score")
            graded.append(float(score) if score is not None else np.nan)
            label = r.get("label")
            labels.append(int(label) if label is not None else -1)
            ys.append((4.0 - float(score)) / 3.0 if score is not None else float(label))
            groups.append(gi)
            langs.append(f"{r['lang1']}-{r['lang2']}")
    cache.close()
    ps = PairSet(np.array(Xs), np.array(ys), np.array(graded), np.array(labels),
                 np.array(groups), langs, pairs)
    ps.X = with_idf(ps, fit_idf(ps, np.arange(len(pairs))))
    return ps


def _weights(ps: PairSet) -> np.ndarray:
    return np.where(ps.group == 1, TG_WEIGHT, 1.0)


def fit_logistic(X: np.ndarray, y: np.ndarray, w: np.ndarray, C: float = 1.0) -> PairModel:
    """Logistic regression on soft labels: each pair once as positive (weight y), once negative."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    Z2 = np.vstack([Z, Z])
    t2 = np.concatenate([np.ones(len(Z)), np.zeros(len(Z))])
    w2 = np.concatenate([w * y, w * (1 - y)])
    lr = LogisticRegression(C=C, max_iter=2000).fit(Z2, t2, sample_weight=w2)
    return PairModel(kind="logistic", features=list(FEATURES), threshold=0.5, mean=mean,
                     scale=scale, coef=lr.coef_[0].astype(np.float64),
                     intercept=float(lr.intercept_[0]))


# Monotone constraints: more similarity, more shared names or figures can only raise the score,
# and naming different years can only lower it. Besides being what a reader expects, this keeps
# a few noisy dev pairs (identical texts graded "different") from teaching the trees that
# identical articles are unrelated.
INCREASING = {"cos_title", "cos_lead", "cos_body", "cos_cross", "names_jaccard", "names_shared",
              "names_containment", "top_names_shared", "numbers_jaccard", "numbers_shared",
              "title_fuzz", "chunks_max", "chunks_align", "stems_cosine", "stems_idf"}
DECREASING = {"years_conflict"}
# Hyper-parameters: a small grid (depth 2-3, 100-400 rounds, leaves of 20-40) was flat within
# fold noise in 5-fold CV (semeval Pearson 0.70-0.71, tg F1 0.81-0.86); this is its middle.
# The decision threshold weighs the two labelled sets the same: pooled, semeval's 632 labelled
# pairs drown tg's 75. 5-fold CV (static, regression trees): pooled gives tg F1 0.813 / semeval
# labelled F1 0.746, per set 0.822 / 0.746. The run-time model never knows a pair's set.
THRESHOLD_BY = "sets"
TREE_PARAMS = {"max_iter": 400, "learning_rate": 0.02, "max_depth": 3, "min_samples_leaf": 20}


def _tree_of(pred: Any) -> Tree:
    """One fitted scikit-learn predictor as a :class:`Tree` (leaf values include shrinkage)."""
    nodes = pred.nodes
    leaf = nodes["is_leaf"].astype(bool)
    return Tree(np.where(leaf, -1, nodes["feature_idx"]).astype(np.int64),
                nodes["num_threshold"].astype(np.float64),
                nodes["left"].astype(np.int64), nodes["right"].astype(np.int64),
                nodes["value"].astype(np.float64))


def fit_trees(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> PairModel:
    """Monotone gradient boosting on the log-odds (log loss with soft labels, by duplication)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    X2 = np.vstack([X, X])
    t2 = np.concatenate([np.ones(len(X)), np.zeros(len(X))])
    w2 = np.concatenate([w * y, w * (1 - y)]) + 1e-9
    cst = [1 if f in INCREASING else -1 if f in DECREASING else 0 for f in FEATURES]
    gb = HistGradientBoostingClassifier(monotonic_cst=cst, random_state=SEED, **TREE_PARAMS)
    gb.fit(X2, t2, sample_weight=w2)
    trees = [_tree_of(pred) for (pred,) in gb._predictors]
    model = PairModel(kind="trees", features=list(FEATURES), threshold=0.5,
                      intercept=float(np.ravel(gb._baseline_prediction)[0]), learning_rate=1.0,
                      trees=trees)
    # the exported trees must reproduce scikit-learn's probabilities exactly
    assert np.allclose(model.probability(X), gb.predict_proba(X)[:, 1], atol=1e-6)
    return model


def fit_regression_trees(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> PairModel:
    """Monotone gradient boosting by least squares on the graded target itself."""
    from sklearn.ensemble import HistGradientBoostingRegressor

    cst = [1 if f in INCREASING else -1 if f in DECREASING else 0 for f in FEATURES]
    gb = HistGradientBoostingRegressor(monotonic_cst=cst, random_state=SEED, **TREE_PARAMS)
    gb.fit(X, y, sample_weight=w)
    model = PairModel(kind="regression_trees", features=list(FEATURES), threshold=0.5,
                      intercept=float(np.ravel(gb._baseline_prediction)[0]), learning_rate=1.0,
                      trees=[_tree_of(pred) for (pred,) in gb._predictors])
    assert np.allclose(model.probability(X), np.clip(gb.predict(X), 0.0, 1.0), atol=1e-6)
    return model


def _f1(pred: np.ndarray, gold: np.ndarray) -> float:
    return prf(float(np.sum(pred & gold)), float(np.sum(pred & ~gold)),
               float(np.sum(~pred & gold)))[2]


def best_threshold(p: np.ndarray, label: np.ndarray, group: np.ndarray) -> float:
    """The threshold with the best F1 on the labelled pairs, each labelled set weighing the
    same (THRESHOLD_BY: "sets") or every labelled pair the same ("pooled")."""
    known = label >= 0
    sets = [known & (group == g) for g in np.unique(group[known])] if THRESHOLD_BY == "sets" \
        else [known]
    best, best_f = 0.5, -1.0
    for t in np.arange(0.2, 0.9, 0.01):
        f = float(np.mean([_f1(p[m] >= t, label[m] == 1) for m in sets]))
        if f > best_f:
            best, best_f = float(t), f
    return round(best, 2)


def fit(kind: str, ps: PairSet, X: np.ndarray, idx: np.ndarray) -> PairModel:
    w = _weights(ps)[idx]
    fitters = {"logistic": fit_logistic, "trees": fit_trees,
               "regression_trees": fit_regression_trees}
    m = fitters[kind](X[idx], ps.y[idx], w)
    m.threshold = best_threshold(m.probability(X[idx]), ps.label[idx], ps.group[idx])
    return m


def cross_validate(kind: str, ps: PairSet) -> dict[str, Any]:
    """Out-of-fold figures; the IDF table of each fold is counted on its training pairs."""
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(ps.y))
    folds = np.array_split(order, FOLDS)
    p = np.zeros(len(ps.y))
    decided = np.zeros(len(ps.y), dtype=bool)
    for k in range(FOLDS):
        test = folds[k]
        train = np.concatenate([folds[j] for j in range(FOLDS) if j != k])
        X = with_idf(ps, fit_idf(ps, train))
        m = fit(kind, ps, X, train)
        p[test] = m.probability(X[test])
        decided[test] = p[test] >= m.threshold
    sem = ps.group == 0
    out: dict[str, Any] = {"kind": kind}
    out["semeval_pearson"] = round(pearson(list(p[sem]), list(-ps.graded[sem])), 4)
    for name, mask in (("tg", ps.group == 1), ("semeval_labelled", sem & (ps.label >= 0))):
        out[f"{name}_f1"] = round(_f1(decided[mask], ps.label[mask] == 1), 4)
    per: dict[str, float] = {}
    langs = np.array(ps.langs)
    for lp in sorted(set(langs[sem])):
        m = sem & (langs == lp)
        per[lp] = round(pearson(list(p[m]), list(-ps.graded[m])), 3)
    out["semeval_per_lang_pair"] = per
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description="Fit and cross-validate the pair model.")
    ap.add_argument("--full", action="store_true", help="use the full encoder (default: static)")
    ap.add_argument("--kinds", default="logistic,trees,regression_trees")
    ap.add_argument("--ship", default="", help="kind to fit on all dev pairs and write")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/sujet_pairs_emb.dbm"))
    args = ap.parse_args()
    ps = load_pairs(args.full, args.cache)
    print(f"{len(ps.y)} pairs, {ps.X.shape[1]} features")
    sem = ps.group == 0
    baseline = {name: round(pearson(list(ps.X[sem, k]), list(-ps.graded[sem])), 4)
                for k, name in enumerate(FEATURES) if name.startswith(("cos_", "chunks_"))}
    print(json.dumps({"encoder_cosine_alone_semeval_pearson": baseline}))
    results = {kind: cross_validate(kind, ps) for kind in args.kinds.split(",") if kind}
    for r in results.values():
        print(json.dumps(r, ensure_ascii=False))
    if args.ship:
        everything = np.arange(len(ps.y))
        table = fit_idf(ps, everything)
        m = fit(args.ship, ps, with_idf(ps, table), everything)
        table.save()
        m.meta = {"encoder": get_encoder(args.full).name, "cv": results.get(args.ship, {}),
                  "trained_on": "pairs/semeval + pairs/tg (dev)", "seed": SEED}
        path = model_path(args.full)
        m.save(path)
        print(f"wrote {path} (threshold {m.threshold})")


if __name__ == "__main__":
    main()
