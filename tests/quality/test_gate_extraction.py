"""Quality gate of the HTML extractor on the extraction dev sets (floors lowered only on purpose).

The gate scores ``extract_html`` itself, so that its floors do not move with the dateline and
metadata stage that ``extract_document`` runs after it. Besides the shared dev sets it scores the
project's own pages of other kinds (tests/data/extraction_kinds: live blog, forum, Q&A, listicle,
carousel, ...), and no page whose gold has a body may come back empty.
"""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from shared_paths import shared_path

from sujet.eval.extraction import evaluate_extraction
from sujet.extract.html import extract_html
from sujet.extract.types import Extracted

KINDS = Path(__file__).resolve().parents[1] / "data" / "extraction_kinds"

# Floors 0.005-0.01 below the figures measured with
# `evaluate_extraction(DIR, kind="extraction", extract=<extract_html>)` on each dev set.
FLOORS: dict[tuple[str, str], float] = {
    ("aeb", "f1"): 0.966,  # measured 0.9705 (shingle-4 macro F1)
    ("trafilatura", "f1"): 0.918,  # measured 0.9257 (snippet micro F1)
    ("trafilatura", "title_exact"): 0.745,  # measured 0.7544
    ("trafilatura", "date_accuracy"): 0.885,  # measured 0.8933
    ("dates", "date_accuracy"): 0.945,  # measured 0.9533
    ("kinds", "f1"): 0.97,  # measured 0.9802 (shingle-4 macro F1, tests/data/extraction_kinds)
}


def _extract(raw: bytes, url: str | None) -> Extracted:
    return extract_html(raw, url=url)


@cache
def _evaluate(data: Path) -> tuple[dict[str, Any], int]:
    """The figures of one set and how many pages with a gold body came back empty."""
    with tempfile.TemporaryDirectory() as tmp:
        preds = Path(tmp) / "predictions.jsonl"
        result = evaluate_extraction(data, kind="extraction", extract=_extract, predictions=preds)
        texts = {
            rec["id"]: rec.get("text", "")
            for rec in map(json.loads, preds.read_text(encoding="utf-8").splitlines())
        }
    gold = [json.loads(line) for line in (data / "gold.jsonl").read_text().splitlines()]
    empty = sum(1 for g in gold if g.get("text") and not texts.get(g["id"], "").strip())
    return result, empty


def _data(name: str) -> Path:
    return KINDS if name == "kinds" else shared_path("extraction", name)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "metric"), sorted(FLOORS))
def test_extraction_floor(name: str, metric: str) -> None:
    data = _data(name)
    result, empty = _evaluate(data)
    assert not result["errors"], result["errors"]
    assert empty == 0, f"{empty} pages with a gold body came back empty"
    assert result[metric] >= FLOORS[(name, metric)], {
        k: v for k, v in result.items() if k != "per_language"
    }
