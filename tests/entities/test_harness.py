"""The eval harnesses on tiny hand-made folders (metric logic, prediction files, CLI)."""

from __future__ import annotations

import json
from pathlib import Path

from sujet.entities.span import Span
from sujet.eval.names import evaluate_names
from sujet.eval.ner import evaluate_ner
from sujet.eval.ner import main as ner_main
from sujet.eval.roles import evaluate_roles


def _write(folder: Path, name: str, rows: list[dict]) -> None:
    (folder / name).write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )


def test_ner_exact_span_scoring(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "d1.txt").write_text("Anna lives in Berlin.", "utf-8")
    _write(
        tmp_path,
        "gold.jsonl",
        [
            {
                "id": "d1",
                "lang": "xx",
                "spans": [
                    {"start": 0, "end": 4, "type": "PER", "text": "Anna"},
                    {"start": 14, "end": 20, "type": "LOC", "text": "Berlin"},
                ],
            }
        ],
    )

    def rec(text: str, lang: str) -> list[Span]:
        return [Span(0, 4, "PER", "Anna"), Span(14, 20, "ORG", "Berlin")]  # wrong type for Berlin

    res = evaluate_ner(tmp_path, recognize=rec, predictions=tmp_path / "pred.jsonl")
    assert (res["tp"], res["fp"], res["fn"]) == (1, 1, 1)
    assert (
        res["f1"] == 0.5
        and res["per_type"]["PER"]["f1"] == 1.0
        and res["per_type"]["LOC"]["recall"] == 0.0
    )
    pred = json.loads((tmp_path / "pred.jsonl").read_text("utf-8"))
    assert pred["spans"][0] == {"start": 0, "end": 4, "type": "PER", "text": "Anna"}


def test_ner_cli_refuses_missing_gold(tmp_path: Path) -> None:
    assert ner_main([str(tmp_path)]) == 2


def test_names_scoring(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "pairs.jsonl",
        [
            {
                "id": "1",
                "a": "Владимир Мазур",
                "b": "Wladimir Masur",
                "lang_a": "ru",
                "lang_b": "de",
                "same": True,
            },
            {
                "id": "2",
                "a": "Владимир Мазур",
                "b": "Владимир Путин",
                "lang_a": "ru",
                "lang_b": "ru",
                "same": False,
            },
            {
                "id": "3",
                "a": "Jan Novák",
                "b": "Ян Новак",
                "lang_a": "cs",
                "lang_b": "ru",
                "same": True,
            },
        ],
    )
    res = evaluate_names(tmp_path, predictions=tmp_path / "p.jsonl")
    assert res["n"] == 3 and res["f1"] == 1.0
    res = evaluate_names(tmp_path, decide=lambda a, b, la, lb: True)
    assert res["precision"] == round(2 / 3, 4) and res["recall"] == 1.0


def test_roles_overlap_matching(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    text = "Губернатор Томской области Владимир Мазур приехал."
    (tmp_path / "docs" / "r1.txt").write_text(text, "utf-8")
    _write(
        tmp_path,
        "gold.jsonl",
        [
            {
                "id": "r1",
                "lang": "ru",
                "roles": [
                    {
                        "person": "Владимир Мазур",
                        "person_span": [27, 41],
                        "position": "Губернатор Томской области",
                        "position_span": [0, 26],
                    }
                ],
            }
        ],
    )

    def good(text: str, lang: str) -> list[tuple[int, int, str, int, int, str]]:
        return [(27, 35, "Владимир", 0, 10, "Губернатор")]  # overlaps both spans: a TP

    def bad(text: str, lang: str) -> list[tuple[int, int, str, int, int, str]]:
        return [(27, 41, "Владимир Мазур", 42, 49, "приехал")]  # position does not overlap

    assert evaluate_roles(tmp_path, roles=good)["f1"] == 1.0
    res = evaluate_roles(tmp_path, roles=bad)
    assert (res["tp"], res["predicted"], res["gold"]) == (0, 1, 1)
