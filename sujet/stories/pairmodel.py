"""The same-event pair model: a logistic regression over a few named features, in numpy.

Written by ``scripts/train_pairs.py`` (one model per encoder mode) and loaded from JSON; no
scikit-learn at run time. ``threshold`` is the probability at which a pair counts as the same
event, chosen by grouped cross-validation on the labelled dev pairs; ``meta`` records how the
model was made (data, folds, figures).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODELS = Path(__file__).with_name("models")
MODES = ("e5", "static")  # settings.stories.encoder


@dataclass(slots=True)
class PairModel:
    features: list[str]
    threshold: float
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    # mean e5 vector of each language ("" for any other), fitted with the model on its
    # training texts; the ``e5_lead`` feature centres vectors on them
    centres: dict[str, np.ndarray] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def log_odds(self, X: np.ndarray) -> np.ndarray:
        X = np.atleast_2d(np.asarray(X, dtype=np.float64))
        return ((X - self.mean) / self.scale) @ self.coef + self.intercept

    def probability(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-np.clip(self.log_odds(X), -30.0, 30.0)))

    def contributions(self, x: np.ndarray) -> dict[str, float]:
        """Each feature's pull on the log-odds of one pair, against an average pair."""
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale * self.coef
        return {name: float(v) for name, v in zip(self.features, z, strict=True)}

    def to_json(self) -> dict[str, Any]:
        return {"kind": "logistic", "features": self.features, "threshold": self.threshold,
                "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept,
                "centres": {k: [round(float(x), 6) for x in v]
                            for k, v in sorted(self.centres.items())},
                "meta": self.meta}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PairModel:
        if data.get("kind", "logistic") != "logistic":
            raise ValueError(f"unknown pair model kind: {data.get('kind')}")
        return cls(features=list(data["features"]), threshold=float(data["threshold"]),
                   mean=np.asarray(data["mean"], dtype=np.float64),
                   scale=np.asarray(data["scale"], dtype=np.float64),
                   coef=np.asarray(data["coef"], dtype=np.float64),
                   intercept=float(data["intercept"]),
                   centres={str(k): np.asarray(v, dtype=np.float64)
                            for k, v in data.get("centres", {}).items()},
                   meta=dict(data.get("meta", {})))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")


@lru_cache(maxsize=4)
def load_pair_model(path: Path) -> PairModel:
    return PairModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def model_path(mode: str) -> Path:
    """The shipped pair model of an encoder mode (``e5`` or ``static``)."""
    if mode not in MODES:
        raise ValueError(f"unknown encoder mode {mode!r}: use one of {', '.join(MODES)}")
    return MODELS / f"pair_model_{mode}.json"
