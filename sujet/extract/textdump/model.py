"""The line classifier of the text-dump cleaner: boosted trees (or a logistic regression) in JSON.

Trained by scripts/train_textdump.py; at run time it walks small trees, or takes a dot product,
then a sigmoid (no sklearn).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sujet.extract.textdump.features import NAMES

MODEL_PATH = Path(__file__).parent.parent / "models" / "textdump_lines.json"


# One regression tree as parallel arrays: feature (-1 at a leaf), threshold, left, right, value.
Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]


def _tree_value(tree: Tree, row: list[float]) -> float:
    feature, threshold, left, right, value = tree
    node = 0
    while feature[node] >= 0:
        node = left[node] if row[feature[node]] <= threshold[node] else right[node]
    return value[node]


@dataclass(frozen=True, slots=True)
class LineModel:
    """P(line is article body): intercept + linear terms on standardised features + trees."""

    names: tuple[str, ...]
    intercept: float
    mean: tuple[float, ...] = ()
    scale: tuple[float, ...] = ()
    coef: tuple[float, ...] = ()
    trees: tuple[Tree, ...] = ()
    learning_rate: float = 1.0
    threshold: float = 0.5

    def raw(self, row: list[float]) -> float:
        z = self.intercept
        if self.coef:
            z += sum(c * (x - m) / s
                     for c, x, m, s in zip(self.coef, row, self.mean, self.scale, strict=True))
        if self.trees:
            z += self.learning_rate * sum(_tree_value(t, row) for t in self.trees)
        return z

    def predict(self, rows: list[list[float]]) -> list[float]:
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.raw(r))))) for r in rows]

    def with_threshold(self, threshold: float) -> LineModel:
        return LineModel(self.names, self.intercept, self.mean, self.scale, self.coef,
                         self.trees, self.learning_rate, threshold)

    def to_json(self) -> dict[str, Any]:
        return {"names": list(self.names), "intercept": self.intercept, "mean": list(self.mean),
                "scale": list(self.scale), "coef": list(self.coef),
                "trees": [[list(a) for a in t] for t in self.trees],
                "learning_rate": self.learning_rate, "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        trees = tuple(
            (tuple(int(v) for v in t[0]), tuple(float(v) for v in t[1]),
             tuple(int(v) for v in t[2]), tuple(int(v) for v in t[3]),
             tuple(float(v) for v in t[4]))
            for t in data.get("trees", [])
        )
        return cls(tuple(data["names"]), float(data["intercept"]), tuple(data.get("mean", [])),
                   tuple(data.get("scale", [])), tuple(data.get("coef", [])), trees,
                   float(data.get("learning_rate", 1.0)), float(data["threshold"]))


@lru_cache(maxsize=1)
def default_model() -> LineModel | None:
    """The bundled model, or None when it is missing or was trained on other features."""
    if not MODEL_PATH.exists():
        return None
    model = LineModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    return model if list(model.names) == NAMES else None
