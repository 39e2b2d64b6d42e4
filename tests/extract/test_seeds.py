"""The five hand-annotated sample pages: title, date, body edges, boilerplate, repeats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sujet.eval.metrics import collapse_ws
from sujet.extract.document import extract_document
from sujet.extract.types import Extracted


def _articles(shared: Path) -> list[dict[str, Any]]:
    gold = json.loads((shared / "seeds" / "gold.json").read_text(encoding="utf-8"))
    return list(gold["articles"])


@pytest.fixture(scope="module")
def seeds(shared_data: Path) -> list[tuple[dict[str, Any], Extracted]]:
    out = []
    for art in _articles(shared_data):
        raw = (shared_data / "seeds" / art["file"]).read_bytes()
        out.append((art, extract_document(raw, kind="text")))
    return out


def test_all_five_seed_pages_are_checked(seeds: list[tuple[dict[str, Any], Extracted]]) -> None:
    assert len(seeds) == 5


@pytest.mark.parametrize("i", range(5))
def test_seed_page(seeds: list[tuple[dict[str, Any], Extracted]], i: int) -> None:
    art, res = seeds[i]
    body = collapse_ws(res.text)
    if art["title"] is not None:
        assert collapse_ws(res.title or "") == collapse_ws(art["title"])
    if art["date"] is not None:
        assert res.date == art["date"]
        assert res.date_source
    assert body.startswith(collapse_ws(art["body_starts"])), body[:120]
    # body_ends gives the last words; the final punctuation may or may not be part of them
    assert body.rstrip(".!?…»\"”").endswith(collapse_ws(art["body_ends"]).rstrip(".!?…»\"”")), (
        body[-120:]
    )
    for s in art["not_in_body"]:
        assert collapse_ws(s) not in body, s
    for s in art["once_in_body"]:
        assert body.count(collapse_ws(s)) == 1, s
    if art["dateline_place"] is not None:
        assert (res.dateline or "").lower() == art["dateline_place"].lower()
    if art["agency"] is not None:
        assert (res.agency or "").lower() == art["agency"].lower()
    if art["title"] is not None:
        assert collapse_ws(art["title"]) not in body
