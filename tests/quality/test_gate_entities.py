"""Quality gate of the entity stage: floors slightly under the measured figures.

A floor is only lowered on purpose. Figures and how they were measured:
docs/benchmarks/entities.md. The German model is trained on germeval + europarl-de dev, so the
floors for those two sets pin the shipped model's fit (its cross-validated figures are in the
docs); the held-out parts are the real test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# Measured 2026-11-23 (docs/benchmarks/entities.md): germeval 0.996 and europarl-de 0.999 are
# the shipped CRF's fit on its own training data (cross-validated: 0.648 / 0.934). Roles 0.777 is
# the learned pair model's fit on roles/nerel (5-fold by document: 0.715; rules alone: 0.618).
GERMEVAL_FLOOR = 0.97
EUROPARL_FLOOR = 0.97
ROLES_FLOOR = 0.76


def _data() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    path = Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"
    if not path.is_dir():
        pytest.skip(f"shared evaluation data not found at {path}")
    return path


def _folder(*parts: str) -> Path:
    path = _data().joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"{path} not found")
    return path


def test_ner_factrueval() -> None:
    from sujet.eval.ner import evaluate_ner

    res = evaluate_ner(_folder("ner", "factrueval"))
    assert res["f1"] >= 0.91, res  # measured 0.9172


def test_ner_germeval() -> None:
    from sujet.eval.ner import evaluate_ner

    res = evaluate_ner(_folder("ner", "germeval"))
    assert res["f1"] >= GERMEVAL_FLOOR, res


def test_ner_europarl_de() -> None:
    from sujet.eval.ner import evaluate_ner

    res = evaluate_ner(_folder("ner", "europarl-de"))
    assert res["f1"] >= EUROPARL_FLOOR, res


def test_names_slavicner_cross_validated() -> None:
    """The same-person decision, its classifier fitted on four fifths of the persons and scored
    on the rest (scripts/fit_names.py --cv 5: P 0.956, R 0.872, F1 0.912)."""
    from sujet.entities.names_fit import cross_validate
    from sujet.eval.io import read_jsonl

    pairs = read_jsonl(_folder("names", "slavicner") / "pairs.jsonl")
    res = cross_validate(pairs, 5)
    assert res["f1"] >= 0.90, res
    assert res["precision"] >= 0.94, res


def test_roles_nerel() -> None:
    from sujet.eval.roles import evaluate_roles

    res = evaluate_roles(_folder("roles", "nerel"))
    assert res["f1"] >= ROLES_FLOOR, res
