from __future__ import annotations

import json
from pathlib import Path

import pytest

from sujet.eval.clustering import bcubed, evaluate_clustering, pairwise
from sujet.eval.metrics import pearson
from sujet.eval.pairs import evaluate_pairs


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def test_bcubed_and_pairwise_on_a_known_case():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    pred = {"a": "x", "b": "x", "c": "x", "d": "y"}
    p, r, f = bcubed(gold, pred)
    assert p == pytest.approx((2 / 3 * 2 + 1 / 3 + 1) / 4)
    assert r == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    pp, pr, _ = pairwise(gold, pred)
    assert pp == pytest.approx(1 / 3) and pr == pytest.approx(1 / 2)
    assert bcubed(gold, gold)[2] == 1.0 and pairwise(gold, gold)[2] == 1.0


def test_evaluate_pairs_with_predictions(tmp_path):
    rows = [
        {"id": "p1", "lang1": "en", "lang2": "en", "title1": "", "text1": "x", "title2": "",
         "text2": "y", "label": 1, "score": 1.0},
        {"id": "p2", "lang1": "de", "lang2": "en", "title1": "", "text1": "x", "title2": "",
         "text2": "y", "label": 0, "score": 4.0},
        {"id": "p3", "lang1": "de", "lang2": "en", "title1": "", "text1": "x", "title2": "",
         "text2": "y", "score": 2.0},
    ]
    (tmp_path / "d").mkdir()
    _write(tmp_path / "d" / "pairs.jsonl", rows)
    _write(tmp_path / "pred.jsonl", [{"id": "p1", "score": 0.9, "label": 1},
                                    {"id": "p2", "score": 0.6, "label": 1},
                                    {"id": "p3", "score": 0.5, "label": 0}])
    out = evaluate_pairs(tmp_path / "d", predictions=tmp_path / "pred.jsonl")
    assert out["kind"] == "pairs" and out["n"] == 3
    assert out["precision"] == 0.5 and out["recall"] == 1.0
    assert out["pearson"] == pytest.approx(pearson([0.9, 0.6, 0.5], [-1.0, -4.0, -2.0]), abs=1e-4)
    assert set(out["per_lang_pair"]) == {"en-en", "de-en"}
    assert out["per_lang_pair"]["de-en"]["n"] == 2


def test_evaluate_pairs_runs_the_system(tmp_path):
    rows = [{"id": "s1", "lang1": "en", "lang2": "de",
             "title1": "Earthquake hits central Italy", "title2": "Erdbeben erschüttert Mittelitalien",
             "text1": "A strong earthquake struck central Italy on Monday near Perugia.",
             "text2": "Ein starkes Erdbeben hat am Montag Mittelitalien bei Perugia erschüttert.",
             "label": 1}]
    (tmp_path / "d").mkdir()
    _write(tmp_path / "d" / "pairs.jsonl", rows)
    out = evaluate_pairs(tmp_path / "d", write_predictions=tmp_path / "p.jsonl")
    assert out["n"] == 1 and "f1" in out
    pred = json.loads((tmp_path / "p.jsonl").read_text())
    assert set(pred) == {"id", "score", "label"} and 0 <= pred["score"] <= 1


def test_evaluate_clustering_articles_format(tmp_path):
    _write(tmp_path / "articles.jsonl", [
        {"id": "1", "text": "t", "cluster": "A", "storyline": "S"},
        {"id": "2", "text": "t", "cluster": "A", "storyline": "S"},
        {"id": "3", "text": "t", "cluster": "B", "storyline": "S"},
    ])
    _write(tmp_path / "pred.jsonl", [{"id": "1", "cluster": "x"}, {"id": "2", "cluster": "x"},
                                     {"id": "3", "cluster": "y"}])
    out = evaluate_clustering(tmp_path, predictions=tmp_path / "pred.jsonl")
    assert out["bcubed_f1"] == 1.0 and out["gold_events"] == 2
    assert out["storyline_bcubed_r"] < 1.0  # predictions gave no storylines: 3 is apart


def test_missing_data_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        evaluate_clustering(tmp_path)


def test_sujet_eval_predictions_are_written_for_pairs_and_clustering(tmp_path, static_encoder):
    """`sujet eval KIND --predictions FILE` writes the system's output for every kind."""
    from sujet.eval.registry import run_eval

    pairs = tmp_path / "pairs"
    pairs.mkdir()
    _write(pairs / "pairs.jsonl", [
        {"id": "s1", "lang1": "en", "lang2": "de", "title1": "Earthquake hits central Italy",
         "title2": "Erdbeben erschüttert Mittelitalien",
         "text1": "A strong earthquake struck central Italy on Monday near Perugia.",
         "text2": "Ein starkes Erdbeben hat am Montag Mittelitalien bei Perugia erschüttert.",
         "label": 1}])
    out = run_eval("pairs", pairs, predictions=tmp_path / "pairs_pred.jsonl")
    assert out["n"] == 1
    row = json.loads((tmp_path / "pairs_pred.jsonl").read_text())
    assert row["id"] == "s1" and set(row) == {"id", "score", "label"}

    clusters = tmp_path / "clusters"
    clusters.mkdir()
    _write(clusters / "articles.jsonl", [
        {"id": "1", "title": "Earthquake hits central Italy", "date": "2024-05-06",
         "text": "A strong earthquake struck central Italy on Monday near Perugia.",
         "cluster": "A"},
        {"id": "2", "title": "Erdbeben erschüttert Mittelitalien", "date": "2024-05-06",
         "text": "Ein starkes Erdbeben hat am Montag Mittelitalien bei Perugia erschüttert.",
         "cluster": "A"},
    ])
    run_eval("clustering", clusters, predictions=tmp_path / "clusters_pred.jsonl")
    rows = [json.loads(x) for x in (tmp_path / "clusters_pred.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["1", "2"]
    assert all({"id", "cluster", "storyline"} <= set(r) for r in rows)
