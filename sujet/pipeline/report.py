"""The records an ingest run reports with: its counters, its rejects and enrichment failures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sujet.errors import EnrichmentFailed, SujetError, reason_for
from sujet.model import Article
from sujet.store.base import Store

# Called with each stored chunk of new articles (entities, events); returns counters to report,
# and under FAILED the articles it could not enrich itself (a list of ArticleFailure). Optional
# attributes: ``stage`` (its name in reports), ``reset()`` (called after it raised, to drop
# in-memory state the failed call may have left half updated, before the chunk is retried),
# ``resume(store)`` (called before an interrupted run's stored articles are enriched) and
# ``prepare`` / ``warm`` (its per-article work, run on the executor: see
# :mod:`sujet.pipeline.enriching`).
Enricher = Callable[[list[Article], Store], dict[str, Any]]

FAILED = "failed_articles"  # key of an enricher's result: the articles it failed on
ENRICH_FAILED = "failed"  # metadata["enriched"] of an article an enricher failed on


@dataclass(slots=True)
class Reject:
    """A record a step dropped, and why."""

    stage: str
    source: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """One article an enricher could not enrich, with the code and reason to report."""

    article_id: str
    code: str
    reason: str

    @classmethod
    def of(cls, article_id: str, err: Exception) -> ArticleFailure:
        """A Sujet error keeps its own code; anything else is ``E700``, named by its type."""
        if isinstance(err, SujetError):
            return cls(article_id, err.code, err.message)
        return cls(article_id, EnrichmentFailed.code, f"{type(err).__name__}: {err}"[:300])


@dataclass(slots=True)
class IngestReport:
    inputs: list[str] = field(default_factory=list)
    seen: int = 0  # pages and unreadable inputs
    added: int = 0
    already_stored: int = 0
    previously_rejected: int = 0  # rejected at extraction by an earlier run: skipped
    # Items of shards that an earlier, interrupted run of the same input finished: not read again.
    in_finished_shards: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    dropped: Counter[str] = field(default_factory=Counter)  # "E107 no article text" -> count
    rejects: list[Reject] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    enrich: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    # Each step's counters and time (see sujet.pipeline.steps.StepStats.as_dict), by name.
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates + self.near_duplicates

    def reject(self, stage: str, source: str, code: str, reason: str) -> None:
        self.dropped[f"{code} {reason_for(code)}"] += 1
        self.rejects.append(Reject(stage, source, code, reason))

    def as_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "seen": self.seen,
            "added": self.added,
            "already_stored": self.already_stored,
            "previously_rejected": self.previously_rejected,
            "in_finished_shards": self.in_finished_shards,
            "duplicates": self.duplicates,
            "exact_duplicates": self.exact_duplicates,
            "near_duplicates": self.near_duplicates,
            "dropped": dict(self.dropped),
            "rejects": [
                {"stage": r.stage, "source": r.source, "code": r.code, "reason": r.reason}
                for r in self.rejects
            ],
            "article_ids": self.article_ids,
            "enrich": self.enrich,
            "seconds": round(self.seconds, 3),
        }
