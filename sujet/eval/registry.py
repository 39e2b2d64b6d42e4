"""`sujet eval KIND`: one entry per quality harness."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from sujet.config import Settings, default_settings
from sujet.errors import InputError

# kind -> (module, function); each function takes (data, *, predictions, limit) and returns
# a dict with at least kind, n and its metrics.
HARNESSES: dict[str, tuple[str, str]] = {
    "extraction": ("sujet.eval.extraction", "evaluate_extraction"),
    "textdump": ("sujet.eval.extraction", "evaluate_extraction"),
    "ner": ("sujet.eval.ner", "evaluate_ner"),
    "names": ("sujet.eval.names", "evaluate_names"),
    "roles": ("sujet.eval.roles", "evaluate_roles"),
    "pairs": ("sujet.eval.pairs", "evaluate_pairs"),
    "clustering": ("sujet.eval.clustering", "evaluate_clustering"),
    "stream": ("sujet.eval.stream", "evaluate_stream"),
    "quotes": ("sujet.eval.quotes", "evaluate_quotes"),
    "topics": ("sujet.eval.topics", "evaluate_topics"),
}


def run_eval(kind: str, data: Path, *, predictions: Path | None = None,
             limit: int | None = None, settings: Settings | None = None) -> dict[str, Any]:
    """The harness ``kind`` on ``data``; the story harnesses run under ``settings`` (the
    defaults when none are given)."""
    settings = settings or default_settings()
    if kind not in HARNESSES:
        raise InputError(f"unknown eval kind {kind!r}: use {', '.join(HARNESSES)}")
    module_name, fn_name = HARNESSES[kind]
    fn = getattr(import_module(module_name), fn_name)
    if kind in ("extraction", "textdump"):
        return fn(data, kind=kind, predictions=predictions, limit=limit)
    # `predictions` is where the system's output goes; the pairs and clustering harnesses can
    # also score a given file (their `predictions`), so theirs is `write_predictions`.
    if kind == "clustering":
        return fn(data, write_predictions=predictions, settings=settings.stories)
    if kind == "pairs":
        return fn(data, write_predictions=predictions, limit=limit, settings=settings.stories)
    if kind == "stream":
        return fn(data, write_predictions=predictions, limit=limit, settings=settings)
    return fn(data, predictions=predictions, limit=limit)
