"""Quality harness for events in a news stream: a pairs set ingested as one day's news.

Every distinct text of a pairs folder (``pairs.jsonl`` in the format of the ``pairs`` harness)
becomes one record of a JSON Lines file dated the same day; the file goes through the real
ingest path (reading, extraction, duplicates, storage, entities, events) into a fresh SQLite
store. The events the system formed are then scored on the labelled pairs: two texts are
predicted "same event" when their articles ended in one event (co-membership). Reported:
precision, recall and F1 of that decision, the largest event's share of the articles, the number
of events, and articles per second (wall and per CPU second of this process).

``data`` is one pairs folder, or a folder of pairs folders (their pairs together, as one day).
``write_predictions`` gets one line per labelled pair: ``{"id", "label", "event1", "event2"}``.

On the dev pairs the shipped pair model was fitted on these very pairs, so
:func:`cross_validated_stream` gives the honest figure: each fold's texts are ingested with a
model fitted on the other folds.

    python -m sujet.eval.stream DIR [--write-predictions FILE] [--cv FOLDS]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sujet.config import Settings, default_settings, get_settings
from sujet.eval.io import print_result, read_jsonl, write_jsonl
from sujet.eval.metrics import prf
from sujet.stories.encoder import EmbeddingCache

STREAM_DAY = "2025-03-14"  # any fixed day: the stream is one day's news


def pair_files(data: Path) -> list[Path]:
    """The pairs files of ``data``: its own ``pairs.jsonl`` or those of its sub-folders."""
    if data.is_file():
        return [data]
    if (data / "pairs.jsonl").is_file():
        return [data / "pairs.jsonl"]
    found = sorted(p for p in data.glob("*/pairs.jsonl") if p.is_file())
    if not found:
        raise FileNotFoundError(f"{data}: no pairs.jsonl in it or in its sub-folders")
    return found


def _text_key(title: str | None, text: str) -> tuple[str, str]:
    return (title or "").strip(), text.strip()


def build_stream(rows: list[dict[str, Any]], path: Path) -> list[tuple[str, str]]:
    """Write the distinct texts of ``rows`` as one day's JSON Lines records; their keys in
    record order (record N is line N)."""
    keys: dict[tuple[str, str], None] = {}
    for r in rows:
        for side in ("1", "2"):
            keys.setdefault(_text_key(r.get(f"title{side}"), r.get(f"text{side}") or ""))
    order = [k for k in keys if k[1]]
    with path.open("w", encoding="utf-8") as fh:
        for title, text in order:
            record: dict[str, Any] = {"text": text, "date": STREAM_DAY}
            if title:
                record["title"] = title
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return order


def _record_index(source: str) -> int | None:
    tail = source.rsplit("#", 1)
    return int(tail[1]) if len(tail) == 2 and tail[1].isdigit() else None


def run_stream(rows: list[dict[str, Any]], workdir: Path, settings: Settings | None = None
               ) -> tuple[dict[tuple[str, str], str], dict[str, Any]]:
    """Ingest the texts of ``rows`` into a fresh store under ``workdir``; (event id per text
    key, run figures)."""
    from sujet.pipeline.bounded import workers_cpu_seconds
    from sujet.pipeline.ingest import run_ingest
    from sujet.store import open_store

    feed = workdir / "stream.jsonl"
    order = build_stream(rows, feed)
    settings = (settings or default_settings()).model_copy(deep=True)
    store = open_store(f"sqlite:///{workdir / 'stream.sqlite'}")
    try:
        wall0, cpu0 = time.perf_counter(), time.process_time() + workers_cpu_seconds()
        report = run_ingest([str(feed)], store, settings)
        # the ingest's own CPU and its bounded worker processes' (extraction, entities)
        cpu = time.process_time() + workers_cpu_seconds() - cpu0
        wall = time.perf_counter() - wall0
        event_of: dict[tuple[str, str], str] = {}
        sizes: Counter[str] = Counter()
        for article in store.iter_articles():
            index = _record_index(article.source)
            if index is None or index >= len(order) or article.event_id is None:
                continue
            event_of[order[index]] = article.event_id
            sizes[article.event_id] += 1
    finally:
        store.close()
    n = len(event_of)
    figures = {
        "texts": len(order),
        "articles": n,
        "events": len(sizes),
        "largest_event": max(sizes.values(), default=0),
        "largest_event_share": round(max(sizes.values(), default=0) / n, 4) if n else 0.0,
        "dropped": dict(report.dropped),
        "seconds": round(wall, 2),
        "articles_per_s": round(len(order) / wall, 2) if wall else 0.0,
        "articles_per_cpu_s": round(len(order) / cpu, 2) if cpu else 0.0,
    }
    return event_of, figures


def read_rows(data: Path) -> list[dict[str, Any]]:
    """The pair rows of ``data``, each with its set's name under ``"set"``."""
    rows: list[dict[str, Any]] = []
    for path in pair_files(Path(data)):
        rows.extend({**r, "set": path.parent.name} for r in read_jsonl(path))
    return rows


def co_membership(rows: list[dict[str, Any]], event_of: dict[tuple[str, str], str]
                  ) -> tuple[Counter[str], list[dict[str, Any]]]:
    """TP / FP / FN counts (overall and per set, as ``"tp"`` / ``"semeval:tp"`` …) of "same
    event" on the labelled rows, and one prediction line per labelled row."""
    counts: Counter[str] = Counter()
    predictions = []
    for r in rows:
        if r.get("label") is None:
            continue
        e1 = event_of.get(_text_key(r.get("title1"), r.get("text1") or ""))
        e2 = event_of.get(_text_key(r.get("title2"), r.get("text2") or ""))
        same = e1 is not None and e1 == e2
        gold = int(r["label"]) == 1
        kind = "tp" if same and gold else "fp" if same else "fn" if gold else "tn"
        counts[kind] += 1
        counts[f"{r.get('set', '')}:{kind}"] += 1
        predictions.append({"id": r["id"], "label": int(same), "event1": e1, "event2": e2})
    return counts, predictions


def scores(counts: Counter[str], prefix: str = "") -> dict[str, float]:
    p, rc, f = prf(counts[f"{prefix}tp"], counts[f"{prefix}fp"], counts[f"{prefix}fn"])
    return {"precision": round(p, 4), "recall": round(rc, 4), "f1": round(f, 4)}


def per_set(counts: Counter[str], rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    sets = sorted({str(r.get("set", "")) for r in rows if r.get("label") is not None})
    return {s: scores(counts, f"{s}:") for s in sets} if len(sets) > 1 else {}


def evaluate_stream(data: Path, *, write_predictions: Path | None = None,
                    limit: int | None = None, settings: Settings | None = None) -> dict[str, Any]:
    """Co-membership metrics of the events formed from a pairs set ingested as one day."""
    rows = read_rows(Path(data))
    if limit is not None:
        rows = rows[:limit]
    with tempfile.TemporaryDirectory(prefix="sujet-stream-") as tmp:
        event_of, figures = run_stream(rows, Path(tmp), settings)
    counts, predictions = co_membership(rows, event_of)
    if write_predictions is not None:
        write_jsonl(write_predictions, predictions)
    out: dict[str, Any] = {"kind": "stream", "n": len(rows), "n_labelled": len(predictions)}
    out.update(scores(counts))
    if sets := per_set(counts, rows):
        out["per_set"] = sets
    out.update(figures)
    return out


def cross_validated_stream(data: Path, *, folds: int = 3, seed: int = 13,
                           mode: str | None = None, cache: EmbeddingCache | None = None,
                           settings: Settings | None = None) -> dict[str, Any]:
    """The stream harness with a pair model that never saw the day's texts.

    The labelled pairs are split into grouped folds (pairs that share a text in one fold); for
    each fold the pair model of the encoder ``mode`` is fitted on the other folds (language
    centres, weights and threshold included) and the fold's texts are ingested as one day with
    it. Co-membership is counted over all folds; the largest event's share is the largest of
    any fold's day.
    """
    from sujet.stories.training import MODE_FEATURES, fit_model, grouped_folds, load_pair_data

    settings = (settings or default_settings()).model_copy(deep=True)
    mode = mode or settings.stories.encoder
    rows = [r for r in read_rows(Path(data)) if r.get("label") is not None or
            r.get("score") is not None]
    folders = sorted({p.parent for p in pair_files(Path(data))})
    pairs = load_pair_data(folders, deep="e5_lead" in MODE_FEATURES[mode], cache=cache)
    by_id = {str(r["id"]): r for r in rows}
    fold = grouped_folds(pairs.groups, folds, seed)
    counts: Counter[str] = Counter()
    runs = []
    for k in range(folds):
        model, _ = fit_model(pairs, fold != k, MODE_FEATURES[mode])
        test_rows = [by_id[i] for i, f in zip(pairs.ids, fold, strict=True) if f == k and i in by_id]
        with tempfile.TemporaryDirectory(prefix="sujet-stream-cv-") as tmp:
            model.save(Path(tmp) / "pair_model.json")
            settings.stories.pair_model = str(Path(tmp) / "pair_model.json")
            event_of, figures = run_stream(test_rows, Path(tmp), settings)
        fold_counts, _ = co_membership(test_rows, event_of)
        counts.update(fold_counts)
        runs.append({"fold": k, "threshold": model.threshold, **scores(fold_counts), **figures})
    out: dict[str, Any] = {"kind": "stream-cv", "mode": mode, "folds": folds, "seed": seed,
                           "n": len(rows)}
    out.update(scores(counts))
    if sets := per_set(counts, rows):
        out["per_set"] = sets
    out["largest_event_share"] = max(r["largest_event_share"] for r in runs)
    out["runs"] = runs
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sujet.eval.stream",
                                 description="Event co-membership of a pairs set ingested as one day.")
    ap.add_argument("data", type=Path)
    ap.add_argument("--write-predictions", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--cv", type=int, metavar="FOLDS",
                    help="fit the pair model on the other folds of the pairs (grouped)")
    args = ap.parse_args(argv)
    if args.cv:
        return print_result(lambda: cross_validated_stream(args.data, folds=args.cv,
                                                           settings=get_settings()))
    return print_result(lambda: evaluate_stream(
        args.data, write_predictions=args.write_predictions, limit=args.limit,
        settings=get_settings()))


if __name__ == "__main__":
    raise SystemExit(main())
