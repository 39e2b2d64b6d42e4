"""Enriching stored articles again (``sujet enrich --all``) replaces what they contributed to
the entities instead of adding it twice, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_backend import backend_url
from test_state_under_crashes import CORPUS, snapshot

from sujet.config import Settings
from sujet.pipeline.enrich import EntityEnricher
from sujet.pipeline.ingest import IngestReport, finish_enrichment, run_ingest
from sujet.store import open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from backend_url(request.param, tmp_path, "sujet_state")


def test_enriching_again_counts_each_mention_once(tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for page in [p for p in sorted(CORPUS.glob("*/*.html")) if not p.name.startswith("tag-")][:4]:
        shutil.copy(page, folder / page.name)
    settings = Settings(db=store_url)
    with open_store(store_url) as store:
        run_ingest([str(folder)], store, settings, enrichers=[EntityEnricher(settings)])
    first = snapshot(store_url)
    assert sum(e[3] for e in first["entities"]) > 0
    with open_store(store_url) as store:
        for _ in range(2):
            finish_enrichment(store, settings, [EntityEnricher(settings)], IngestReport(),
                              redo_all=True)
    again = snapshot(store_url)  # checks each entity's count against its stored mentions
    assert again["mentions"] == first["mentions"]
    assert again["entities"] == first["entities"]
    assert again["positions"] == first["positions"]
