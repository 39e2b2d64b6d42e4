"""The learned pair model, loaded from JSON and evaluated in numpy (no scikit-learn at run time).

Three kinds are supported, all written by ``scripts/train_pairs.py``:

- ``logistic``: standardised features, a linear score, a sigmoid;
- ``trees``: gradient-boosted regression trees on the log-odds scale, then a sigmoid;
- ``regression_trees``: gradient-boosted trees fitted by least squares to the graded target
  (1 same event .. 0 unrelated), clipped to [0, 1].

``threshold`` is the probability at which a pair counts as the same event (chosen by
cross-validation for the best F1 on the labelled dev pairs).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from sujet.trees import Forest, Tree

__all__ = ["Forest", "PairModel", "Tree", "load_pair_model", "model_path"]

MODELS = Path(__file__).with_name("models")


@dataclass(slots=True)
class PairModel:
    kind: str
    features: list[str]
    threshold: float
    mean: np.ndarray = field(default_factory=lambda: np.zeros(0))
    scale: np.ndarray = field(default_factory=lambda: np.ones(0))
    coef: np.ndarray = field(default_factory=lambda: np.zeros(0))
    intercept: float = 0.0
    learning_rate: float = 1.0
    trees: list[Tree] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    compiled: Forest | None = field(default=None, repr=False, compare=False)

    def log_odds(self, X: np.ndarray) -> np.ndarray:
        """The raw score: log-odds for ``logistic`` and ``trees``; for ``regression_trees``
        the unclipped regression output."""
        X = np.atleast_2d(np.asarray(X, dtype=np.float64))
        if self.kind == "logistic":
            return ((X - self.mean) / self.scale) @ self.coef + self.intercept
        return self.intercept + self.learning_rate * self._forest().predict_sum(X)

    def _forest(self) -> Forest:
        if self.compiled is None:
            self.compiled = Forest.of(self.trees)
        return self.compiled

    def probability(self, X: np.ndarray) -> np.ndarray:
        if self.kind == "regression_trees":
            return np.clip(self.log_odds(X), 0.0, 1.0)
        z = np.clip(self.log_odds(X), -30.0, 30.0)
        return 1.0 / (1.0 + np.exp(-z))

    def contributions(self, x: np.ndarray) -> dict[str, float]:
        """Per-feature pull on the log-odds (linear models only; empty for trees)."""
        if self.kind != "logistic":
            return {}
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale * self.coef
        return {name: float(v) for name, v in zip(self.features, z, strict=True)}

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "features": self.features,
                               "threshold": self.threshold, "intercept": self.intercept,
                               "meta": self.meta}
        if self.kind == "logistic":
            out.update(mean=self.mean.tolist(), scale=self.scale.tolist(), coef=self.coef.tolist())
        else:
            out["learning_rate"] = self.learning_rate
            out["trees"] = [{"feature": t.feature.tolist(), "threshold": t.threshold.tolist(),
                             "left": t.left.tolist(), "right": t.right.tolist(),
                             "value": t.value.tolist()} for t in self.trees]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PairModel:
        m = cls(kind=data["kind"], features=list(data["features"]),
                threshold=float(data["threshold"]), intercept=float(data["intercept"]),
                meta=dict(data.get("meta", {})))
        if m.kind == "logistic":
            m.mean = np.asarray(data["mean"], dtype=np.float64)
            m.scale = np.asarray(data["scale"], dtype=np.float64)
            m.coef = np.asarray(data["coef"], dtype=np.float64)
        elif m.kind in ("trees", "regression_trees"):
            m.learning_rate = float(data["learning_rate"])
            m.trees = [Tree.of_columns(t["feature"], t["threshold"], t["left"], t["right"],
                                       t["value"]) for t in data["trees"]]
        else:
            raise ValueError(f"unknown pair model kind: {m.kind}")
        return m

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load_pair_model(path: Path) -> PairModel:
    return PairModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def model_path(full_encoder: bool) -> Path:
    """The shipped pair model fitted on the features of the given encoder."""
    name = "pair_model_full.json" if full_encoder else "pair_model_static.json"
    return MODELS / name
