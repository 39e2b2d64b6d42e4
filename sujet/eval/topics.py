"""`sujet eval topics`: accuracy and macro-F1 of article topics, overall and per language.

Folder layout: ``gold.jsonl`` with ``{"id", "lang", "url"?, "title", "text", "topic"}`` (the
Telegram news contest scheme, ../shared/data/topics/tg). Each article gets the shipped topic
model's prediction (:func:`sujet.topics.assign_topics`); ``predictions`` writes one line per id:
``{"id", "topic"}``. The shipped head has seen the dev articles: its figure there is a fit; the
cross-validated figure is ``scripts/train_topics.py``'s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sujet.errors import InputError
from sujet.eval.io import read_jsonl, write_jsonl


def topic_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the gold topics, and n."""
    n = len(gold)
    if n == 0:
        return {"n": 0, "accuracy": 0.0, "macro_f1": 0.0}
    correct = sum(g == p for g, p in zip(gold, pred, strict=True))
    f1s = []
    for topic in sorted(set(gold)):
        tp = sum(g == topic and p == topic for g, p in zip(gold, pred, strict=True))
        fp = sum(g != topic and p == topic for g, p in zip(gold, pred, strict=True))
        fn = sum(g == topic and p != topic for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return {"n": n, "accuracy": round(correct / n, 4), "macro_f1": round(sum(f1s) / len(f1s), 4)}


def score_by_language(rows: Sequence[dict[str, Any]], pred: Sequence[str]) -> dict[str, Any]:
    out = topic_scores([r["topic"] for r in rows], pred)
    langs: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        langs[str(r.get("lang") or "?")].append(i)
    out["by_language"] = {
        lang: topic_scores([rows[i]["topic"] for i in idx], [pred[i] for i in idx])
        for lang, idx in sorted(langs.items())}
    return out


def evaluate_topics(data: Path, *, predictions: Path | None = None,
                    limit: int | None = None) -> dict[str, Any]:
    from sujet.topics import assign_topics

    gold_path = data / "gold.jsonl" if data.is_dir() else data
    if not gold_path.is_file():
        raise InputError(f"no gold.jsonl in {data}")
    rows = read_jsonl(gold_path)[: limit or None]
    for r in rows:
        if r.get("topic") is None or "id" not in r:
            raise InputError(f"gold row without id or topic in {gold_path}")
    pred = assign_topics([(r.get("title"), r.get("text")) for r in rows])
    if predictions is not None:
        write_jsonl(predictions, ({"id": r["id"], "topic": p} for r, p in zip(rows, pred,
                                                                                strict=True)))
    return {"kind": "topics", **score_by_language(rows, pred)}
