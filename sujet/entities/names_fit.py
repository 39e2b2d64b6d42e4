"""Fitting and cross-validating the same-person classifier of :mod:`sujet.entities.names`.

A logistic regression (scikit-learn) over :data:`sujet.entities.names.FEATURES`; the decision
threshold is the one that maximises F1 on the fitted pairs. Cross-validation groups pairs by
person: the names joined by same-person pairs form one group (connected components) and a pair
goes to the group of its first name, so one person's names never sit on both sides of a split.
The surname gates of :func:`sujet.entities.names.name_score` apply on top of the classifier, so
the figure is that of the shipped decision.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from sujet.entities.names import MIN_TOKEN_LEV, SURNAME_GATE, features
from sujet.eval.metrics import prf

Pair = dict[str, Any]


def person_groups(pairs: list[Pair]) -> list[int]:
    """Group of each pair: the connected component of its first name under same-person links."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in pairs:
        a, b = find(r["a"].lower()), find(r["b"].lower())
        if r["same"] and a != b:
            parent[a] = b
    roots: dict[str, int] = {}
    return [roots.setdefault(find(r["a"].lower()), len(roots)) for r in pairs]


def design(pairs: list[Pair]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([features(r["a"], r["b"], r.get("lang_a"), r.get("lang_b")) for r in pairs])
    y = np.array([bool(r["same"]) for r in pairs])
    return x, y


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    best, thr = -1.0, 0.5
    for t in np.arange(0.2, 0.81, 0.02):
        pred = p >= t
        f = prf(float((pred & y).sum()), float((pred & ~y).sum()), float((~pred & y).sum()))[2]
        if f > best:
            best, thr = f, float(t)
    return thr


def fit(x: np.ndarray, y: np.ndarray) -> tuple[Any, float]:
    """The fitted classifier and its threshold."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0, max_iter=1000)
    clf.fit(x, y)
    return clf, best_threshold(clf.predict_proba(x)[:, 1], y)


def gate(x: np.ndarray) -> np.ndarray:
    """Pairs that pass the surname gates of ``name_score``."""
    return (np.maximum(x[:, 0], x[:, 9]) >= SURNAME_GATE) & (x[:, 10] >= MIN_TOKEN_LEV)


def cross_validate(pairs: list[Pair], folds: int) -> dict[str, Any]:
    """Out-of-fold P/R/F1 of the shipped decision, folds grouped by person."""
    from sklearn.model_selection import GroupKFold

    x, y = design(pairs)
    passed = gate(x)
    oof = np.zeros(len(y), dtype=bool)
    for tr, te in GroupKFold(n_splits=folds).split(x, y, person_groups(pairs)):
        clf, thr = fit(x[tr], y[tr])
        oof[te] = (clf.predict_proba(x[te])[:, 1] >= thr) & passed[te]
    p, r, f = prf(float((oof & y).sum()), float((oof & ~y).sum()), float((~oof & y).sum()))
    return {"folds": folds, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
