"""Quality gate of the HTML extractor on the extraction dev sets (floors lowered only on purpose).

The gate scores ``extract_html`` itself, so that its floors do not move with the dateline and
metadata stage that ``extract_document`` runs after it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from sujet.eval.extraction import evaluate_extraction
from sujet.extract.html import extract_html
from sujet.extract.types import Extracted

# Floors 0.005-0.01 below the figures measured with
# `evaluate_extraction(DIR, kind="extraction", extract=<extract_html>)` on each dev set.
FLOORS: dict[tuple[str, str], float] = {
    ("aeb", "f1"): 0.966,  # measured 0.9742 (shingle-4 macro F1)
    ("trafilatura", "f1"): 0.908,  # measured 0.9158 (snippet micro F1)
    ("trafilatura", "title_exact"): 0.745,  # measured 0.7544
    ("trafilatura", "date_accuracy"): 0.885,  # measured 0.8933
    ("dates", "date_accuracy"): 0.945,  # measured 0.9533
}


def _extract(raw: bytes, url: str | None) -> Extracted:
    return extract_html(raw, url=url)


@cache
def _evaluate(data: Path) -> dict[str, Any]:
    return evaluate_extraction(data, kind="extraction", extract=_extract)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "metric"), sorted(FLOORS))
def test_extraction_floor(shared_data: Path, name: str, metric: str) -> None:
    data = shared_data / "extraction" / name
    if not data.is_dir():
        pytest.skip(f"{data} not found")
    result = _evaluate(data)
    assert not result["errors"], result["errors"]
    assert result[metric] >= FLOORS[(name, metric)], {
        k: v for k, v in result.items() if k != "per_language"
    }
