"""Fitting the topic head: labelled dev articles plus the project's seed headlines.

Cross-validation folds are grouped by site (the URL's host), so no publisher's articles are in
both the training and the test part of a fold; the seed headlines are in every training part and
in no test part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np

from sujet.topics.classifier import TopicModel

C = 30.0  # inverse regularisation of the logistic head
SEED_WEIGHT = 1.0  # weight of one seed headline against one labelled article


@dataclass(slots=True, frozen=True)
class Labelled:
    vectors: np.ndarray
    topics: Sequence[str]
    groups: Sequence[str]


def site_of(url: str | None, fallback: str) -> str:
    host = urlparse(url or "").netloc.lower()
    return host.removeprefix("www.") or fallback


def fit_head(parts: Sequence[tuple[np.ndarray, Sequence[str], float]]) -> TopicModel:
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([np.asarray(p[1], dtype=object) for p in parts])
    w = np.concatenate([np.full(len(p[1]), p[2]) for p in parts])
    lr = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    lr.fit(x, y, sample_weight=w)
    return TopicModel(classes=tuple(str(c) for c in lr.classes_),
                      coef=lr.coef_.astype(np.float32), intercept=lr.intercept_.astype(np.float32))


def grouped_cv(gold: Labelled, seeds: Labelled, folds: int = 5) -> list[str]:
    """Out-of-fold predictions for every gold article."""
    from sklearn.model_selection import GroupKFold

    y = np.asarray(gold.topics, dtype=object)
    pred: list[str] = [""] * len(y)
    for train, test in GroupKFold(folds).split(gold.vectors, y, list(gold.groups)):
        model = fit_head([(gold.vectors[train], list(y[train]), 1.0),
                          (seeds.vectors, list(seeds.topics), SEED_WEIGHT)])
        for i, t in zip(test, model.predict_vectors(gold.vectors[test]), strict=True):
            pred[int(i)] = t
    return pred
