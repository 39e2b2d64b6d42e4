"""Hand-made representations with controlled vectors, and scorers with known scores, for
clustering tests independent of the encoders."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from sujet.stories.keys import LightKeys
from sujet.stories.pair import PairScorer
from sujet.stories.pairmodel import PairModel
from sujet.stories.represent import ArticleRepr, day_of, span_of


def lead_scorer(threshold: float = 0.5) -> PairScorer:
    """p = sigmoid(20 * (lead cosine - 0.6)): the same event at a lead cosine of 0.6 or more."""
    return PairScorer(PairModel(features=["use_lead"], threshold=threshold, mean=np.zeros(1),
                                scale=np.ones(1), coef=np.array([20.0]), intercept=-12.0))


class TableScorer(PairScorer):
    """Scores looked up in a table of article-id pairs (0 for pairs not in it)."""

    def __init__(self, table: Mapping[tuple[str, str], float], threshold: float = 0.5) -> None:
        super().__init__(lead_scorer(threshold).model)
        self.table = {tuple(sorted(k)): v for k, v in table.items()}

    def scores(self, reprs: Sequence[ArticleRepr], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        return np.array([self.table.get(tuple(sorted((reprs[i].id, reprs[j].id))), 0.0)
                         for i, j in pairs])


def make(aid: str, vec: list[float] | None = None, date: str | None = "2024-05-01", *,
         lang: str = "en", names: dict[str, int] | None = None,
         duplicate_of: str | None = None) -> ArticleRepr:
    v = np.asarray(vec if vec is not None else [1.0, 0.0], dtype=np.float32)
    v = v / np.linalg.norm(v)
    keys = LightKeys(names=Counter(names or {}), surfaces={k: k.title() for k in names or {}})
    return ArticleRepr(id=aid, language=lang, title=f"title {aid}", lead=f"title {aid}\nlead {aid}.",
                       date=date, day=day_of(date), span=span_of(date), vec_title=v, vec_lead=v,
                       keys=keys, length=1000, duplicate_of=duplicate_of)
