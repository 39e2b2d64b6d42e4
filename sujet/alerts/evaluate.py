"""Evaluation: the store's new articles, past each watchlist's watermark, against the watchlists.

Articles are read in insertion order (``articles.seq``) whichever way they came in (``sujet
ingest``, the API, the monitor). Each batch's alerts and the watermarks that pass it are written
in one transaction, and an alert is keyed by watchlist and subject, so an evaluation killed at
any point and run again neither misses an article nor records one twice. An article stored but
not yet enriched (its entities and event still to come) stops the batch there: it is evaluated
once its enrichment is stored. Exact and near duplicates raise no alert of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sujet.alerts.matching import ArticleText, WatchMatcher, prepare
from sujet.alerts.records import AlertRecords, NewAlert
from sujet.config import Settings
from sujet.errors import SujetError
from sujet.model import Article
from sujet.store.base import Store


@dataclass(slots=True)
class EvaluationReport:
    articles: int = 0  # articles evaluated
    alerts: int = 0  # new alerts recorded
    waiting: bool = False  # stopped at an article whose enrichment is not stored yet
    errors: dict[str, str] = field(default_factory=dict)  # watchlist id -> why it was skipped


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _ready(batch: list[tuple[int, Article]]) -> list[tuple[int, Article]]:
    for i, (_, article) in enumerate(batch):
        if article.metadata.get("enriched") is False:
            return batch[:i]
    return batch


def evaluate(store: Store, settings: Settings, records: AlertRecords | None = None,
             watchlist_id: str | None = None) -> EvaluationReport:
    """Evaluate the new articles against every watchlist (or one)."""
    records = records or AlertRecords(store)
    report = EvaluationReport()
    matchers: list[WatchMatcher] = []
    for w in records.list_watchlists():
        if watchlist_id and w.id != watchlist_id:
            continue
        try:
            matchers.append(prepare(store, w))
        except SujetError as err:  # one bad watchlist never stops the others
            report.errors[w.id] = str(err)
    if not matchers:
        return report
    low = min(m.watchlist.last_seq for m in matchers)
    size = max(1, settings.alerts.batch_size)
    while True:
        batch = records.articles_after(low, size)
        ready = _ready(batch)
        report.waiting = len(ready) < len(batch)
        if not ready:
            return report
        mentioned = records.mentioned_entities([a.id for _, a in ready])
        new: list[NewAlert] = []
        for seq, article in ready:
            if article.duplicate_of:
                continue
            text = ArticleText.of(article)
            for m in matchers:
                if seq <= m.watchlist.last_seq:
                    continue
                subject = m.subject(article, text, mentioned.get(article.id, frozenset()))
                if subject is not None:
                    new.append(NewAlert(m.watchlist.id, subject.kind, subject.id, article))
        last = ready[-1][0]
        report.alerts += records.commit_batch(
            new, {m.watchlist.id: last for m in matchers}, now_iso())
        for m in matchers:
            m.watchlist.last_seq = max(m.watchlist.last_seq, last)
        report.articles += len(ready)
        low = last
        if report.waiting or len(batch) < size:
            return report
