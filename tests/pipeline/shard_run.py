"""An ingest of a folder in shards of four files, slowed down per chunk so a test can kill it
between shards: ``python shard_run.py FOLDER DB_URL``."""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from sujet.config import Settings
from sujet.model import Article
from sujet.pipeline.ingest import run_ingest
from sujet.store import open_store
from sujet.store.base import Store

SHARD_SIZE = 4


def slow_enricher(articles: list[Article], store: Store) -> dict[str, Any]:
    """Takes its time over each chunk, so that a kill lands inside the run."""
    time.sleep(0.4)
    return {"slow": len(articles)}


def main(folder: str, db: str) -> None:
    base = Settings(db=db)
    settings = base.model_copy(update={"ingest": base.ingest.model_copy(update={"batch_size": 2})})
    with open_store(db) as store:
        report = run_ingest([folder], store, settings, enrichers=[slow_enricher],
                            shard_size=SHARD_SIZE)
    print(json.dumps({"seen": report.seen, "added": report.added,
                      "already_stored": report.already_stored,
                      "shards": report.steps.get("shards", {})}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
