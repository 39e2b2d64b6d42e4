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

MODELS = Path(__file__).with_name("models")


@dataclass(slots=True)
class Tree:
    feature: np.ndarray  # -1 at leaves
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray

    def predict(self, X: np.ndarray) -> np.ndarray:
        node = np.zeros(len(X), dtype=np.int64)
        active = self.feature[node] >= 0
        while active.any():
            idx = np.nonzero(active)[0]
            f = self.feature[node[idx]]
            go_left = X[idx, f] <= self.threshold[node[idx]]
            node[idx] = np.where(go_left, self.left[node[idx]], self.right[node[idx]])
            active = self.feature[node] >= 0
        return self.value[node]


@dataclass(slots=True)
class Forest:
    """All trees in flat arrays, walked level by level for every row and tree at once.

    A leaf points to itself with an infinite threshold, so a fixed number of steps (the depth)
    lands every walk on its leaf.
    """

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int

    @classmethod
    def of(cls, trees: list[Tree]) -> Forest:
        feats, thrs, lefts, rights, values, roots = [], [], [], [], [], []
        offset, depth = 0, 0
        for t in trees:
            n = len(t.feature)
            idx = np.arange(n)
            leaf = t.feature < 0
            feats.append(np.where(leaf, 0, t.feature))
            thrs.append(np.where(leaf, np.inf, t.threshold))
            lefts.append(np.where(leaf, idx, t.left) + offset)
            rights.append(np.where(leaf, idx, t.right) + offset)
            values.append(t.value)
            roots.append(offset)
            depth = max(depth, _depth(t))
            offset += n
        return cls(np.concatenate(feats), np.concatenate(thrs), np.concatenate(lefts),
                   np.concatenate(rights), np.concatenate(values), np.asarray(roots), depth)

    def predict_sum(self, X: np.ndarray, block: int = 1024) -> np.ndarray:
        """Sum over the trees of each row's leaf value (rows in blocks: bounded memory)."""
        out = np.empty(len(X), dtype=np.float64)
        for lo in range(0, len(X), block):
            xb = X[lo : lo + block]
            node = np.broadcast_to(self.roots, (len(xb), len(self.roots))).copy()
            rows = np.arange(len(xb))[:, None]
            for _ in range(self.depth):
                go_left = xb[rows, self.feature[node]] <= self.threshold[node]
                node = np.where(go_left, self.left[node], self.right[node])
            out[lo : lo + len(xb)] = self.value[node].sum(axis=1)
        return out


def _depth(t: Tree) -> int:
    depth, frontier = 0, [0]
    while True:
        nxt = [c for n in frontier if t.feature[n] >= 0 for c in (t.left[n], t.right[n])]
        if not nxt:
            return depth
        depth += 1
        frontier = nxt


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
            m.trees = [Tree(np.asarray(t["feature"], dtype=np.int64),
                            np.asarray(t["threshold"], dtype=np.float64),
                            np.asarray(t["left"], dtype=np.int64),
                            np.asarray(t["right"], dtype=np.int64),
                            np.asarray(t["value"], dtype=np.float64)) for t in data["trees"]]
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
