"""The ingest run: read -> learn site boilerplate -> extract -> deduplicate -> store -> enrich.

Pages are taken in chunks of ``settings.ingest.batch_size``. Each chunk is written in one
transaction (signatures first, then articles), so a crash loses at most the chunk in flight and
a re-run skips every page already stored: nothing is lost and nothing is added twice.

Every page is extracted in a bounded worker process (:mod:`sujet.pipeline.bounded`), on any
executor: a page that overruns the time or memory bound of ``settings.limits`` is rejected
(``E601``, ``E602``) and the worker replaced, and caps checked before parsing refuse what no
parser should be given (``E110``). A page rejected at extraction is remembered in the store, so
a re-run skips it instead of paying for it again (``retry_rejected`` extracts them again).

Enrichment never lets one article stop a batch. An enricher that raises on a chunk is called
again on its halves, down to single articles, so the articles that make it fail are isolated and
every other one is enriched; an enricher may also hand back the articles it failed on itself
(:data:`FAILED` in its result). Each failure is reported as a reject of the enricher's stage
(``E700``, or the code of the :class:`SujetError` raised), counted as ``<stage>_failed`` and logged.

``metadata["enriched"]`` of a stored article says where its enrichment stands:

- ``False``: stored, not enriched yet. The next ingest after an interrupted run finishes it
  (:func:`finish_enrichment`), as does ``sujet enrich``.
- ``True``: every enricher went through.
- ``"failed"``: an enricher failed on it; ``metadata["enrich_errors"]`` lists each failure
  (stage, code, reason). Ingests leave it alone, so a bad article is not retried on every run;
  ``sujet enrich`` and ``sujet enrich --all`` try it again, and a clean run sets ``True`` and
  drops the errors.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from tqdm import tqdm

from sujet.config import Settings
from sujet.dedup import NearDuplicateIndex, signature
from sujet.dedup.fingerprint import to_bytes
from sujet.errors import EnrichmentFailed, SujetError, reason_for
from sujet.extract.site_boilerplate import SiteBoilerplate, site_key
from sujet.ingest.encoding import decode
from sujet.ingest.prescan import MarkupCaps
from sujet.model import Article, Page
from sujet.pipeline.articles import BoundedExtraction, ExtractFailure, ExtractJob, page_key
from sujet.pipeline.bounded import Bounds
from sujet.pipeline.executor import Executor, make_executor
from sujet.pipeline.stage import Reject
from sujet.store.base import IngestRecord, RejectedDocument, Store

log = logging.getLogger(__name__)

# Called with each stored chunk of new articles (entities, events); returns counters to report,
# and under FAILED the articles it could not enrich itself (a list of ArticleFailure). Optional
# attributes: ``stage`` (its name in reports), ``reset()`` (called after it raised, to drop
# in-memory state the failed call may have left half updated, before the chunk is retried) and
# ``resume(store)`` (called before an interrupted run's stored articles are enriched).
Enricher = Callable[[list[Article], Store], dict[str, Any]]

FAILED = "failed_articles"  # key of an enricher's result: the articles it failed on
ENRICH_FAILED = "failed"  # metadata["enriched"] of an article an enricher failed on


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
    exact_duplicates: int = 0
    near_duplicates: int = 0
    dropped: Counter[str] = field(default_factory=Counter)  # "E107 no article text" -> count
    rejects: list[Reject] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    enrich: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

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


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Deduplicator:
    """Marks exact (same normalised text) and near (MinHash) duplicates of earlier articles."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.settings = settings.dedup
        self.store = store
        self.index = NearDuplicateIndex(self.settings.num_perm, self.settings.threshold)
        for key, data in store.iter_signatures():
            self.index.add_bytes(key, data)
        self._hashes: dict[str, str] = {}

    def mark(self, article: Article, report: IngestReport) -> bytes:
        """Set ``duplicate_of`` when the article repeats an earlier one; return its signature."""
        sig = signature(
            article.text, num_perm=self.settings.num_perm, shingle_words=self.settings.shingle_words
        )
        original = self._hashes.get(article.content_hash) or self.store.find_by_hash(
            article.content_hash
        )
        if original and original != article.id:
            article.duplicate_of = original
            article.metadata["duplicate"] = {"kind": "exact"}
            report.exact_duplicates += 1
        else:
            hit = self.index.query(sig)
            if hit and hit[0] != article.id:
                article.duplicate_of = hit[0]
                article.metadata["duplicate"] = {"kind": "near", "jaccard": round(hit[1], 3)}
                report.near_duplicates += 1
        if article.duplicate_of is None:
            self._hashes.setdefault(article.content_hash, article.id)
            self.index.add(article.id, sig)
        return to_bytes(sig)


def document_bounds(settings: Settings) -> Bounds:
    """The hard bounds of one document's work in a worker process. The worker is killed a
    little after the time limit it keeps itself (which answers E601 without losing the warm
    worker), so the kill is for work that does not return to Python."""
    limits = settings.limits
    grace = max(1.0, 0.1 * limits.document_seconds)
    return Bounds(limits.document_seconds + grace, limits.document_memory_mb * 2**20)


def markup_caps(settings: Settings) -> MarkupCaps:
    limits = settings.limits
    return MarkupCaps(limits.html_elements, limits.html_attributes, limits.html_depth,
                      limits.text_chars)


def stage_of(enrich: Enricher) -> str:
    """The enricher's name in reports: its ``stage``, else the function's name."""
    stage = getattr(enrich, "stage", None) or getattr(enrich, "__name__", None)
    return str(stage or "enrich")


def _enrich_isolated(
    enrich: Enricher, articles: list[Article], store: Store, report: IngestReport
) -> list[ArticleFailure]:
    """Run one enricher on a chunk; if it raises, retry on halves down to single articles.

    Only calls that return count: their counters go to the report and their failures are
    returned. A single article that still makes the enricher raise is a failure of its own.
    """
    try:
        result = dict(enrich(articles, store))
    except Exception as err:  # noqa: BLE001 - one bad article never stops the batch
        reset = getattr(enrich, "reset", None)
        if callable(reset):
            reset()
        if len(articles) == 1:
            log.debug("enricher failed on %s", articles[0].id, exc_info=err)
            return [ArticleFailure.of(articles[0].id, err)]
        mid = len(articles) // 2
        return _enrich_isolated(enrich, articles[:mid], store, report) + _enrich_isolated(
            enrich, articles[mid:], store, report
        )
    failures = list(result.pop(FAILED, None) or [])
    for key, value in result.items():
        report.enrich[key] = report.enrich.get(key, 0) + value
    return failures


def _record_failure(
    report: IngestReport, stage: str, article: Article | None, failure: ArticleFailure
) -> None:
    """Report, count and log one article an enricher failed on."""
    source = article.source if article is not None else failure.article_id
    report.reject(stage, source, failure.code, failure.reason)
    report.enrich[f"{stage}_failed"] = report.enrich.get(f"{stage}_failed", 0) + 1
    log.warning("%s failed on %s (article %s): %s [%s]", stage, source, failure.article_id,
                failure.reason, failure.code)


def _mark(article: Article, errors: list[dict[str, str]]) -> None:
    """Set the article's enrichment state (see the module docstring)."""
    if errors:
        article.metadata["enriched"] = ENRICH_FAILED
        article.metadata["enrich_errors"] = errors
    else:
        article.metadata["enriched"] = True
        article.metadata.pop("enrich_errors", None)


def run_enrichers(
    articles: list[Article], store: Store, enrichers: Sequence[Enricher], report: IngestReport
) -> None:
    """Run the enrichers on stored articles, then mark each enriched or failed.

    Articles are stored first, marked ``enriched: False``; a crash before the mark leaves them
    to :func:`finish_enrichment` on the next run, so nothing committed misses its entities.
    An article an enricher fails on is reported and marked ``"failed"``; later enrichers still
    run on it (events need no entities) and the rest of the chunk is enriched as usual.
    """
    if not enrichers:
        return
    by_id = {a.id: a for a in articles}
    errors: dict[str, list[dict[str, str]]] = {}
    for enrich in enrichers:
        stage = stage_of(enrich)
        report.enrich.setdefault(f"{stage}_failed", 0)
        for failure in _enrich_isolated(enrich, articles, store, report):
            _record_failure(report, stage, by_id.get(failure.article_id), failure)
            errors.setdefault(failure.article_id, []).append(
                {"stage": stage, "code": failure.code, "reason": failure.reason}
            )
    for a in articles:
        _mark(a, errors.get(a.id, []))
    store.update_articles(articles)


def finish_enrichment(
    store: Store, settings: Settings, enrichers: Sequence[Enricher], report: IngestReport,
    *, redo_all: bool = False,
) -> int:
    """Enrich stored articles that were never enriched (or all of them); returns how many.

    Articles marked ``"failed"`` are left alone unless ``redo_all``: a bad article is not
    retried on every ingest (``sujet enrich`` marks them pending again first).
    """
    if not enrichers:
        return 0
    pending = (
        a for a in store.iter_articles()
        if redo_all or a.metadata.get("enriched") is False
    )
    done = 0
    for chunk in _chunks(pending, settings.ingest.batch_size):
        run_enrichers(chunk, store, enrichers, report)
        done += len(chunk)
    return done


def ingest_pages(
    pages: Iterable[Page | Any],
    store: Store,
    settings: Settings,
    *,
    report: IngestReport | None = None,
    executor: Executor | None = None,
    enrichers: Sequence[Enricher] = (),
    progress: bool = False,
    retry_rejected: bool = False,
) -> IngestReport:
    """Ingest pages (and ReadFailure records, which are counted) into the store.

    Each page is extracted in a bounded worker process (:mod:`sujet.pipeline.bounded`) on
    whichever executor runs the chunk. A page rejected at extraction (a time, memory or size
    bound, no article text...) is remembered in the store and skipped by later runs, so a
    hostile page costs its bound once; ``retry_rejected`` extracts them again.
    """
    report = report or IngestReport()
    own_executor = executor is None
    executor = executor or make_executor(settings)
    dedup = Deduplicator(store, settings)
    boilerplate = SiteBoilerplate()
    extract = BoundedExtraction(document_bounds(settings))
    caps = markup_caps(settings)
    bar = tqdm(desc="ingest", unit="page", disable=not progress, file=sys.stderr)
    t0 = time.perf_counter()
    try:
        for chunk in _chunks(pages, settings.ingest.batch_size):
            bar.update(len(chunk))
            report.seen += len(chunk)
            fresh: list[Page] = []
            keys: list[str] = []
            for item in chunk:
                if not isinstance(item, Page):  # a ReadFailure from the readers
                    report.reject("read", item.source, item.code, item.reason)
                    continue
                key = page_key(item)
                if store.has_article(key):
                    report.already_stored += 1
                else:
                    if not item.site:
                        item.site = site_key(item.source, item.url)
                    fresh.append(item)
                    keys.append(key)
            remembered = store.rejected_keys(keys) if keys else set()
            if remembered and not retry_rejected:
                report.previously_rejected += sum(k in remembered for k in keys)
                kept = [(p, k) for p, k in zip(fresh, keys, strict=True) if k not in remembered]
                fresh, keys = [p for p, _ in kept], [k for _, k in kept]
            for page in fresh:
                if "html" not in page.content_type:  # HTML boilerplate is the extractor's job
                    # A page that cannot be decoded is reported by the extract step.
                    with contextlib.suppress(SujetError):
                        boilerplate.add(page.site or "", decode(page.content)[0])
            jobs = [
                ExtractJob(
                    page=p,
                    site_lines=boilerplate.lines_for(p.site or ""),
                    reference_year=settings.extract.reference_year,
                    min_text_chars=settings.extract.min_text_chars,
                    timeout_s=settings.limits.document_seconds,
                    caps=caps,
                )
                for p in fresh
            ]
            articles: list[Article] = []
            seen_ids: set[str] = set()
            refused: list[RejectedDocument] = []
            now = datetime.now(UTC).isoformat(timespec="seconds")
            for key, out in zip(keys, executor.map(extract, jobs), strict=True):
                if isinstance(out, ExtractFailure):
                    report.reject("extract", out.source, out.code, out.reason)
                    refused.append(
                        RejectedDocument(key, out.source, "extract", out.code, out.reason, now)
                    )
                elif out.id in seen_ids:
                    report.already_stored += 1
                else:
                    seen_ids.add(out.id)
                    articles.append(out)
            if refused:
                store.remember_rejects(refused)
            retried = remembered - {r.key for r in refused} if retry_rejected else set()
            if retried:  # tried again on purpose and not refused this time
                store.forget_rejects(sorted(retried))
            sigs = [(a.id, dedup.mark(a, report)) for a in articles]
            if articles:
                if enrichers:
                    for a in articles:
                        a.metadata["enriched"] = False
                store.add_signatures(sigs)
                report.added += store.add_articles(articles)
                report.article_ids.extend(a.id for a in articles)
                run_enrichers(articles, store, enrichers, report)
    finally:
        bar.close()
        if own_executor:
            executor.close()
    report.seconds += time.perf_counter() - t0
    return report


def run_ingest(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    progress: bool = False,
    fetch_links: bool = False,
    enrichers: Sequence[Enricher] | None = None,
    retry_rejected: bool = False,
) -> IngestReport:
    """Read the inputs (paths, folders, feeds, WARC, URLs) and ingest them; record the run.

    ``retry_rejected``: extract again the documents earlier runs rejected at extraction.
    """
    from sujet.ingest.readers import iter_pages
    from sujet.pipeline.enrich import default_enrichers

    report = IngestReport(inputs=list(inputs))
    chosen = default_enrichers(settings) if enrichers is None else enrichers
    previous = store.list_runs(limit=1)
    run = IngestRecord(
        run_id=uuid.uuid4().hex[:16],
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        inputs=list(inputs),
    )
    store.record_run(run)  # unfinished until the end: a crash shows on the next run
    if previous and previous[0].finished_at is None:
        for enrich in chosen:  # an enricher may note what the interrupted run left done
            resume = getattr(enrich, "resume", None)
            if callable(resume):
                resume(store)
        report.enrich["resumed_articles"] = finish_enrichment(store, settings, chosen, report)

    def known(page: Page) -> bool:
        """Stored, or rejected before: a feed's item cap counts only the others."""
        key = page_key(page)
        return store.has_article(key) or (not retry_rejected and bool(store.rejected_keys([key])))

    pages = iter_pages(inputs, settings, fetch_links=fetch_links, known=known)
    ingest_pages(pages, store, settings, report=report, enrichers=chosen, progress=progress,
                 retry_rejected=retry_rejected)
    run.finished_at = datetime.now(UTC).isoformat(timespec="seconds")
    run.stats = {k: v for k, v in report.as_dict().items() if k not in ("article_ids", "rejects")}
    store.record_run(run)
    from sujet.alerts.service import after_ingest

    after_ingest(store, settings)  # watchlists: the new articles' alerts, recorded and sent
    return report
