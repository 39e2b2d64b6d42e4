"""The ingest run: read -> known -> boilerplate -> extract -> dedup -> store -> enrich -> mark.

The run is a list of pipeline steps (:mod:`sujet.pipeline.steps`; the steps themselves are in
:mod:`sujet.pipeline.ingest_steps` and :mod:`sujet.pipeline.enriching`), and the per-document
work of a step (extraction, an enricher's ``prepare``) runs on the run's executor, local or
Dask (:mod:`sujet.pipeline.executor`); what spans documents runs here, in order.

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

import sys
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from tqdm import tqdm

from sujet.config import Settings
from sujet.model import Page
from sujet.pipeline.articles import BoundedExtraction, page_key
from sujet.pipeline.enriching import (
    document_bounds,
    enrich_steps,
    finish_enrichment,
    run_enrichers,
    stage_of,
)
from sujet.pipeline.executor import Executor, make_executor
from sujet.pipeline.ingest_steps import (
    BoilerplateStep,
    Deduplicator,
    DedupStep,
    ExtractStep,
    KnownStep,
    ReadStep,
    StoreStep,
    markup_caps,
)
from sujet.pipeline.report import (
    ENRICH_FAILED,
    FAILED,
    ArticleFailure,
    Enricher,
    IngestReport,
    Reject,
)
from sujet.pipeline.shards import SHARD_SIZE, ShardedReader, ShardStep, shard_log
from sujet.pipeline.steps import Run, Step, run_steps
from sujet.store.base import IngestRecord, Store
from sujet.store.ingest_lock import holding_ingest_lock
from sujet.store.shards import ShardLog


def ingest_steps(
    run: Run, enrichers: Sequence[Enricher] = (), *, retry_rejected: bool = False,
    shards: ShardLog | None = None,
) -> list[Step]:
    """The step list of an ingest into ``run.store`` (``shards``: record finished shards)."""
    extract = BoundedExtraction(document_bounds(run.settings))
    return [
        ReadStep(run),
        KnownStep(run, retry_rejected=retry_rejected),
        BoilerplateStep(run),
        ExtractStep(run, extract),
        DedupStep(run),
        StoreStep(run, enriched_later=bool(enrichers)),
        *enrich_steps(run, enrichers),
        *([ShardStep(run, shards)] if shards is not None else []),
    ]


@holding_ingest_lock
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
    shards: ShardLog | None = None,
) -> IngestReport:
    """Ingest pages (and ReadFailure records, which are counted) into the store.

    Each page is extracted in a bounded worker process (:mod:`sujet.pipeline.bounded`) on
    whichever executor runs the chunk. A page rejected at extraction (a time, memory or size
    bound, no article text...) is remembered in the store and skipped by later runs, so a
    hostile page costs its bound once; ``retry_rejected`` extracts them again. With
    ``shards``, the shard marks among the pages (:mod:`sujet.pipeline.shards`) are recorded.
    """
    report = report or IngestReport()
    own_executor = executor is None
    executor = executor or make_executor(settings)
    bar = tqdm(desc="ingest", unit="page", disable=not progress, file=sys.stderr)
    t0 = time.perf_counter()
    try:
        run = Run(store, settings, report, executor)
        steps = ingest_steps(run, enrichers, retry_rejected=retry_rejected, shards=shards)
        for _ in run_steps(pages, steps, settings.ingest.batch_size, on_chunk=bar.update):
            pass
    finally:
        bar.close()
        if own_executor:
            executor.close()
    report.seconds += time.perf_counter() - t0
    return report


@holding_ingest_lock
def run_ingest(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    progress: bool = False,
    fetch_links: bool = False,
    enrichers: Sequence[Enricher] | None = None,
    retry_rejected: bool = False,
    executor: Executor | None = None,
    shard_size: int = SHARD_SIZE,
) -> IngestReport:
    """Read the inputs (paths, folders, feeds, WARC, URLs) and ingest them; record the run.

    ``retry_rejected``: extract again the documents earlier runs rejected at extraction.
    ``executor``: where per-document work runs (default: ``make_executor(settings)``, closed
    at the end). Local files and folders are read in shards of ``shard_size`` records or
    files: a run started again after a crash skips the shards the crashed run finished.
    """
    from sujet.ingest.readers import iter_pages
    from sujet.pipeline.enrich import default_enrichers

    report = IngestReport(inputs=list(inputs))
    chosen = default_enrichers(settings) if enrichers is None else enrichers
    own_executor = executor is None
    executor = executor or make_executor(settings)
    try:
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
            report.enrich["resumed_articles"] = finish_enrichment(
                store, settings, chosen, report, executor=executor)

        def known(page: Page) -> bool:
            """Stored, or rejected before: a feed's item cap counts only the others."""
            key = page_key(page)
            return store.has_article(key) or (
                not retry_rejected and bool(store.rejected_keys([key])))

        log = shard_log(store)
        reader = None if log is None else ShardedReader(
            settings, log, size=shard_size, fetch_links=fetch_links, known=known)
        pages = (iter_pages(inputs, settings, fetch_links=fetch_links, known=known)
                 if reader is None else reader.pages(inputs))
        ingest_pages(pages, store, settings, report=report, enrichers=chosen, progress=progress,
                     retry_rejected=retry_rejected, executor=executor, shards=log)
        if log is not None and reader is not None:
            log.forget(reader.input_ids)  # finished: the next run reads the inputs whole
    finally:
        if own_executor:
            executor.close()
    run.finished_at = datetime.now(UTC).isoformat(timespec="seconds")
    run.stats = {k: v for k, v in report.as_dict().items() if k not in ("article_ids", "rejects")}
    store.record_run(run)
    from sujet.alerts.service import after_ingest

    after_ingest(store, settings)  # watchlists: the new articles' alerts, recorded and sent
    return report


__all__ = [
    "ENRICH_FAILED", "FAILED", "ArticleFailure", "Deduplicator", "Enricher", "IngestReport",
    "Reject", "document_bounds", "finish_enrichment", "ingest_pages", "ingest_steps",
    "markup_caps", "run_enrichers", "run_ingest", "stage_of",
]
