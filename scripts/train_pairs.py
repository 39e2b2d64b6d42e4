"""Fit the same-event pair models on the dev pairs and report grouped cross-validated figures.

One model per encoder mode (``sujet/stories/models/pair_model_e5.json`` and
``pair_model_static.json``), each a logistic regression on a few features
(:data:`sujet.stories.training.MODE_FEATURES`), fitted on pairs/semeval and pairs/tg together.
Before fitting, grouped 5-fold cross-validation (pairs that share a text in one fold; three fold
seeds) gives the honest figures, beside the plain cosine each model must beat; the shipped
model's decision threshold is the best one on the pooled out-of-fold probabilities. Everything
is written into the model's ``meta``.

    OMP_NUM_THREADS=1 nice .venv/bin/python scripts/train_pairs.py [--no-write]

The e5 vectors of the dev texts (about 1,650 titles and leads) take several minutes of one
core the first time; they are cached in ``--cache`` for later runs.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

from sujet.stories.encoder import DiskCache
from sujet.stories.pairmodel import model_path
from sujet.stories.training import (
    BASELINES,
    MODE_FEATURES,
    baseline,
    best_threshold,
    cross_validate,
    fit_model,
    load_pair_data,
)

DATA = Path(os.environ.get("SUJET_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
SETS = ("semeval", "tg")


def main() -> None:
    ap = argparse.ArgumentParser(description="Fit and cross-validate the pair models.")
    ap.add_argument("--no-write", action="store_true", help="report only")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/sujet_pairs_emb.dbm"))
    args = ap.parse_args()
    cache = DiskCache(args.cache)
    try:
        data = load_pair_data([DATA / "pairs" / s for s in SETS], deep=True, cache=cache)
    finally:
        cache.close()
    print(f"{len(data.pairs)} pairs, {len(data.reprs)} texts, {len(set(data.groups))} groups")
    everything = np.ones(len(data.pairs), dtype=bool)
    for mode, features in MODE_FEATURES.items():
        cv = cross_validate(data, features)
        oof = cv.pop("oof")
        base = baseline(data, BASELINES[mode])
        print(json.dumps({"mode": mode, "cv": cv, "plain_cosine": base}, ensure_ascii=False))
        model, _ = fit_model(data, everything, features)
        model.threshold = best_threshold(oof, data, everything)
        model.meta = {
            "trained_on": "pairs/semeval + pairs/tg (dev), "
                          f"{len(data.pairs)} pairs of {len(data.reprs)} texts",
            "target": "semeval (4 - grade) / 3, tg label",
            "threshold": "best mean F1 of the labelled sets on pooled out-of-fold probabilities",
            "cv": cv,
            "plain_cosine_cv": base,
            "made_by": "scripts/train_pairs.py",
        }
        if not args.no_write:
            model.save(model_path(mode))
            print(f"wrote {model_path(mode)} (threshold {model.threshold})")


if __name__ == "__main__":
    main()
