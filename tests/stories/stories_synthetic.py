"""Hand-made representations with controlled vectors, for clustering tests independent of the
encoder: the pair model scores the lead cosine alone."""

from __future__ import annotations

from collections import Counter

import numpy as np

from sujet.stories.features import FEATURES
from sujet.stories.keys import LightKeys
from sujet.stories.pairmodel import PairModel
from sujet.stories.represent import ArticleRepr, day_of, span_of


def lead_model(threshold: float = 0.5) -> PairModel:
    """p = sigmoid(20 * (cos_lead - 0.6)): linked at a lead cosine of 0.6 or more."""
    coef = np.zeros(len(FEATURES))
    coef[FEATURES.index("cos_lead")] = 20.0
    return PairModel(kind="logistic", features=list(FEATURES), threshold=threshold,
                     mean=np.zeros(len(FEATURES)), scale=np.ones(len(FEATURES)), coef=coef,
                     intercept=-12.0)


def make(aid: str, vec: list[float], date: str | None = "2024-05-01", *, lang: str = "en",
         names: dict[str, int] | None = None, duplicate_of: str | None = None) -> ArticleRepr:
    v = np.asarray(vec, dtype=np.float32)
    v = v / np.linalg.norm(v)
    keys = LightKeys(names=Counter(names or {}), surfaces={k: k.title() for k in names or {}})
    return ArticleRepr(id=aid, language=lang, title=f"title {aid}", lead=f"title {aid}\nlead {aid}.",
                       date=date, day=day_of(date), span=span_of(date), vec_title=v, vec_lead=v,
                       vec_body=v, vec_chunks=v[None, :], keys=keys, length=1000,
                       duplicate_of=duplicate_of, encoder="test")
