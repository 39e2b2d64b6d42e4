"""Fitting and cross-validating the same-event pair model on pairs sets (training time only).

The dev pairs come from two sets (``pairs/semeval``: graded 1 same .. 4 different, labelled
where the grade is clear; ``pairs/tg``: labelled). A pair's target is its grade mapped to
[0, 1] ((4 - grade) / 3) or its label. Folds are **grouped**: pairs that share a text (directly
or through other pairs) fall in one fold, so nothing in a test fold was seen in training. Every
learned number (standardisation, weights, the decision threshold) is fitted inside the
training folds; the threshold maximises the mean of the F1 of the labelled sets, so the small
set weighs as much as the large one.

The model is a logistic regression on a few named features (:mod:`sujet.stories.features`):
few robust signals generalise where many features learn the dev pairs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sujet.eval.metrics import pearson, prf
from sujet.stories.encoder import EmbeddingCache
from sujet.stories.features import ANY_LANGUAGE, FeatureContext, feature_matrix
from sujet.stories.pairmodel import PairModel
from sujet.stories.represent import ArticleInput, ArticleRepr, represent

# The features of each encoder mode. For e5, chosen by grouped 5-fold CV on the dev pairs: the
# centred lead cosine carries the decision; the title cosine and the
# rarity of the shared names add to it. Adding the USE lead cosine, shared names, stem overlap,
# shared figures or years in conflict moves none of the CV figures by more than a pair or two
# of tg (``scripts/compare_encoders.py``, docs/benchmarks/events.md), so they are left out.
# The static mode keeps the signals the distilled USE vectors and the light keys give.
MODE_FEATURES: dict[str, tuple[str, ...]] = {
    "e5": ("e5_lead", "use_title", "rare_names"),
    "static": ("use_lead", "use_title", "names", "stems"),
}
BASELINES = {"e5": "e5_lead", "static": "use_lead"}  # the plain cosine each mode must beat
SEEDS = (13, 14, 15)
FOLDS = 5
C = 1.0  # inverse L2 strength (scikit-learn's default): three or four standardised features


@dataclass(slots=True)
class PairData:
    """Labelled pairs of one or more sets, with the representations of both sides."""

    sets: list[str]  # set name per pair
    ids: list[str]
    reprs: list[ArticleRepr]  # distinct texts
    pairs: list[tuple[int, int]]  # index pairs into reprs
    graded: np.ndarray  # gold grade (nan where none)
    label: np.ndarray  # 1 / 0 / -1 (unknown)
    target: np.ndarray  # soft target in [0, 1]
    groups: np.ndarray  # connected components of pairs that share a text
    langs: list[str]

    def features(self, names: Sequence[str], ctx: FeatureContext | None = None) -> np.ndarray:
        return feature_matrix(self.reprs, self.pairs, names, ctx)

    def texts_of(self, idx: np.ndarray) -> list[int]:
        """The texts (indices into ``reprs``) of the pairs selected by ``idx``."""
        return sorted({t for i in np.flatnonzero(idx) for t in self.pairs[i]})


MIN_TEXTS_PER_CENTRE = 20  # fewer texts of a language: it is centred on the all-language mean


def language_centres(reprs: Sequence[ArticleRepr], texts: Sequence[int]) -> dict[str, np.ndarray]:
    """Mean e5 vector per language over ``texts`` (and over all of them under ``""``)."""
    by_lang: dict[str, list[np.ndarray]] = {}
    every: list[np.ndarray] = []
    for i in texts:
        vec = reprs[i].vec_deep
        if vec is not None:
            by_lang.setdefault(reprs[i].language or ANY_LANGUAGE, []).append(vec)
            every.append(vec)
    if not every:
        return {}
    centres = {ANY_LANGUAGE: np.mean(every, axis=0)}
    for lang, vecs in sorted(by_lang.items()):
        if lang != ANY_LANGUAGE and len(vecs) >= MIN_TEXTS_PER_CENTRE:
            centres[lang] = np.mean(vecs, axis=0)
    return centres


def load_pair_data(folders: Sequence[Path], *, deep: bool,
                   cache: EmbeddingCache | None = None) -> PairData:
    """Read ``pairs.jsonl`` of each folder and represent every distinct text once."""
    texts: dict[tuple[str, str], int] = {}
    inputs: list[ArticleInput] = []
    sets, ids, pairs, graded, labels, langs = [], [], [], [], [], []
    for folder in folders:
        for line in (folder / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            ends = []
            for side in ("1", "2"):
                key = ((row.get(f"title{side}") or "").strip(), row.get(f"text{side}") or "")
                if key not in texts:
                    texts[key] = len(inputs)
                    inputs.append(ArticleInput(id=f"t{len(inputs)}", text=key[1],
                                               title=key[0] or None,
                                               language=row.get(f"lang{side}")))
                ends.append(texts[key])
            sets.append(folder.name)
            ids.append(str(row["id"]))
            pairs.append((ends[0], ends[1]))
            score = row.get("score")
            graded.append(float(score) if score is not None else np.nan)
            labels.append(int(row["label"]) if row.get("label") is not None else -1)
            langs.append(f"{row.get('lang1')}-{row.get('lang2')}")
    g = np.array(graded, dtype=np.float64)
    lab = np.array(labels, dtype=np.int64)
    target = np.where(np.isnan(g), lab.clip(0, 1), (4.0 - g) / 3.0)
    return PairData(sets, ids, represent(inputs, deep=deep, cache=cache), pairs, g, lab,
                    target.astype(np.float64), text_groups(pairs), langs)


def text_groups(pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """Group id per pair: pairs joined by a shared text, directly or through others."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots: dict[int, int] = {}
    return np.array([roots.setdefault(find(a), len(roots)) for a, _ in pairs], dtype=np.int64)


def grouped_folds(groups: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """Fold number per pair; all pairs of a group in one fold (groups dealt at random)."""
    unique = np.unique(groups)
    rng = np.random.default_rng(seed)
    rng.shuffle(unique)
    fold_of = {int(g): i % folds for i, g in enumerate(unique)}
    return np.array([fold_of[int(g)] for g in groups], dtype=np.int64)


def fit_logistic(X: np.ndarray, target: np.ndarray, features: Sequence[str]) -> PairModel:
    """Logistic regression on soft targets (each pair once as same with weight t, once as
    different with weight 1 - t), on standardised features."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    lr = LogisticRegression(C=C, max_iter=2000).fit(
        np.vstack([Z, Z]), np.r_[np.ones(len(Z)), np.zeros(len(Z))],
        sample_weight=np.r_[target, 1.0 - target] + 1e-9)
    return PairModel(features=list(features), threshold=0.5, mean=mean, scale=scale,
                     coef=lr.coef_[0].astype(np.float64), intercept=float(lr.intercept_[0]))


def f1_of(pred: np.ndarray, gold: np.ndarray) -> float:
    return prf(float(np.sum(pred & gold)), float(np.sum(pred & ~gold)),
               float(np.sum(~pred & gold)))[2]


def best_threshold(p: np.ndarray, data: PairData, idx: np.ndarray) -> float:
    """The threshold with the best mean F1 over the labelled sets among ``idx``."""
    sets = np.array(data.sets)
    masks = [idx & (sets == s) & (data.label >= 0) for s in sorted(set(sets[idx]))]
    masks = [m for m in masks if m.any()]
    best, best_f = 0.5, -1.0
    for t in np.arange(0.02, 0.98, 0.01):
        f = float(np.mean([f1_of(p[m] >= t, data.label[m] == 1) for m in masks]))
        if f > best_f + 1e-12:
            best, best_f = float(t), f
    return round(best, 2)


def fit_model(data: PairData, idx: np.ndarray, features: Sequence[str]
              ) -> tuple[PairModel, np.ndarray]:
    """The model fitted on the pairs ``idx`` (language centres from their texts only), and the
    feature matrix of all pairs under those centres."""
    centres = language_centres(data.reprs, data.texts_of(idx)) if "e5_lead" in features else {}
    X = data.features(features, FeatureContext(centres=centres))
    model = fit_logistic(X[idx], data.target[idx], features)
    model.centres = centres
    model.threshold = best_threshold(model.probability(X), data, idx)
    return model, X


def figures(data: PairData, p: np.ndarray, decided: np.ndarray) -> dict[str, Any]:
    """Pearson with the negated grade on graded pairs, F1 per labelled set, per language pair."""
    sets = np.array(data.sets)
    langs = np.array(data.langs)
    graded = ~np.isnan(data.graded)
    out: dict[str, Any] = {}
    if graded.sum() >= 2:
        out["pearson"] = round(pearson(list(p[graded]), list(-data.graded[graded])), 4)
        per = {}
        for lp in sorted(set(langs[graded])):
            m = graded & (langs == lp)
            if m.sum() >= 10:
                per[lp] = round(pearson(list(p[m]), list(-data.graded[m])), 3)
        out["pearson_per_lang_pair"] = per
    for s in sorted(set(sets)):
        m = (sets == s) & (data.label >= 0)
        if m.any():
            out[f"{s}_f1"] = round(f1_of(decided[m], data.label[m] == 1), 4)
    return out


def cross_validate(data: PairData, features: Sequence[str], *, seeds: Sequence[int] = SEEDS,
                   folds: int = FOLDS) -> dict[str, Any]:
    """Out-of-fold figures of the model on ``features``, averaged over fold seeds; also the
    pooled out-of-fold probabilities of the first seed (``oof``)."""
    runs = []
    oof = np.zeros(len(data.pairs))
    for n, seed in enumerate(seeds):
        fold = grouped_folds(data.groups, folds, seed)
        p = np.zeros(len(data.pairs))
        decided = np.zeros(len(data.pairs), dtype=bool)
        for k in range(folds):
            train, test = fold != k, fold == k
            model, X = fit_model(data, train, features)
            p[test] = model.probability(X[test])
            decided[test] = p[test] >= model.threshold
        runs.append(figures(data, p, decided))
        if n == 0:
            oof = p
    out: dict[str, Any] = {"features": list(features), "folds": folds, "seeds": list(seeds),
                           "grouped_by": "texts shared between pairs"}
    for key in runs[0]:
        if isinstance(runs[0][key], float):
            out[key] = round(float(np.mean([r[key] for r in runs])), 4)
    out["pearson_per_lang_pair"] = runs[0].get("pearson_per_lang_pair", {})
    out["oof"] = oof
    return out


def baseline(data: PairData, feature: str, *, seeds: Sequence[int] = SEEDS,
             folds: int = FOLDS) -> dict[str, Any]:
    """The plain cosine ``feature`` as the score: its Pearson as is, and its F1 at a threshold
    chosen on the training folds, with the same grouped folds as :func:`cross_validate`."""
    x = data.features([feature])[:, 0]
    runs = []
    for seed in seeds:
        fold = grouped_folds(data.groups, folds, seed)
        decided = np.zeros(len(data.pairs), dtype=bool)
        for k in range(folds):
            train, test = fold != k, fold == k
            decided[test] = x[test] >= best_threshold(x, data, train)
        runs.append(figures(data, x, decided))
    out: dict[str, Any] = {"feature": feature}
    for key in runs[0]:
        if isinstance(runs[0][key], float):
            out[key] = round(float(np.mean([r[key] for r in runs])), 4)
    return out
