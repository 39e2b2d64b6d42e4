"""The sample pages: exactly the gold events and storylines."""

from __future__ import annotations

import pytest

from sujet.eval.clustering import evaluate_clustering


@pytest.fixture(scope="module")
def seeds(data_dir):
    d = data_dir / "seeds"
    if not (d / "gold.json").is_file():
        pytest.skip("seed pages not found")
    return evaluate_clustering(d, full_encoder=False)


def test_seed_events_match_gold(seeds):
    assert seeds["n"] == 5
    assert seeds["predicted_events"] == seeds["gold_events"] == 4
    assert seeds["bcubed_f1"] == 1.0 and seeds["pairwise_f1"] == 1.0
    clusters = seeds["clusters"]
    ru, de = clusters["000_f6e8145669b8d14e"], clusters["002_2582341f35729dbe"]
    assert ru == de  # the Russian and German report of 30 August 2024


def test_seed_storylines_match_gold(seeds):
    assert seeds["storyline_bcubed_f1"] == 1.0
    assert seeds["storyline_pairwise_f1"] == 1.0
