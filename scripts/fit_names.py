"""Fit the same-person classifier shipped in sujet/entities/models/names_lr.json.

Logistic regression over the similarity features of ``sujet.entities.names.features`` on
../shared/data/names/slavicner/pairs.jsonl (override the data root with SUJET_SHARED_DATA);
fitting and cross-validation in :mod:`sujet.entities.names_fit`. ``--cv K`` reports K-fold
cross-validated P/R/F1 with folds grouped by person; the shipped model is then fitted on all
pairs.

    python scripts/fit_names.py --cv 5
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from sujet.entities.names import FEATURES, MODEL_PATH
from sujet.entities.names_fit import cross_validate, design, fit
from sujet.eval.io import read_jsonl


def data_root() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    pairs = read_jsonl(data_root() / "names" / "slavicner" / "pairs.jsonl")
    report: dict[str, Any] = {"pairs": len(pairs)}
    if args.cv:
        report["cv"] = cross_validate(pairs, args.cv)
    clf, thr = fit(*design(pairs))
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
