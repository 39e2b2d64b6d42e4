"""Fit the same-person classifier shipped in sujet/entities/models/names_lr.json.

Logistic regression (scikit-learn) over the ten similarity features of
``sujet.entities.names.features`` on ../shared/data/names/slavicner/pairs.jsonl (override the
data root with SUJET_SHARED_DATA). The decision threshold is the one that maximises F1 on the
training part. ``--cv K`` reports K-fold cross-validated P/R/F1 (folds grouped by the first name
string of a pair so that one person's pairs do not sit on both sides; the surname gates of
``name_score`` applied, so the figure is that of the shipped decision); the shipped model is then
fitted on all pairs.

    python scripts/fit_names.py --cv 5
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from sujet.entities.names import FEATURES, MIN_TOKEN_LEV, MODEL_PATH, SURNAME_GATE, features
from sujet.eval.io import read_jsonl
from sujet.eval.metrics import prf


def data_root() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    best, thr = -1.0, 0.5
    for t in np.arange(0.2, 0.81, 0.02):
        pred = p >= t
        f = prf(float((pred & y).sum()), float((pred & ~y).sum()), float((~pred & y).sum()))[2]
        if f > best:
            best, thr = f, float(t)
    return thr


def fit(x: np.ndarray, y: np.ndarray) -> tuple[LogisticRegression, float]:
    clf = LogisticRegression(C=1.0, max_iter=1000)
    clf.fit(x, y)
    return clf, best_threshold(clf.predict_proba(x)[:, 1], y)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    pairs = read_jsonl(data_root() / "names" / "slavicner" / "pairs.jsonl")
    x = np.array([features(r["a"], r["b"], r.get("lang_a"), r.get("lang_b")) for r in pairs])
    y = np.array([bool(r["same"]) for r in pairs])
    groups = [r["a"].lower() for r in pairs]
    report: dict[str, Any] = {"pairs": len(pairs)}
    if args.cv:
        oof = np.zeros(len(y), dtype=bool)
        # the gates of sujet.entities.names.name_score apply on top of the classifier
        gate = (np.maximum(x[:, 0], x[:, 9]) >= SURNAME_GATE) & (x[:, 10] >= MIN_TOKEN_LEV)
        for tr, te in GroupKFold(n_splits=args.cv).split(x, y, groups):
            clf, thr = fit(x[tr], y[tr])
            oof[te] = (clf.predict_proba(x[te])[:, 1] >= thr) & gate[te]
        p, r, f = prf(float((oof & y).sum()), float((oof & ~y).sum()), float((~oof & y).sum()))
        report["cv"] = {
            "folds": args.cv,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
        }
    clf, thr = fit(x, y)
    model = {
        "about": "logistic regression over sujet.entities.names.FEATURES, fitted by scripts/fit_names.py on names/slavicner (dev)",
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in clf.coef_[0]],
        "bias": round(float(clf.intercept_[0]), 6),
        "threshold": round(thr, 3),
        "cv": report.get("cv"),
    }
    args.out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    report["model"] = model
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
