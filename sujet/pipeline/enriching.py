"""The enrichment steps: each enricher over a stored chunk, then the mark of each article.

An enricher with a ``prepare`` function has its per-article work (NER and normal forms,
positions and facts, the article's vectors) run first, for every article of the chunk, on the
run's executor, each article inside this process's bounded worker for the enricher
(:mod:`sujet.pipeline.bounded`: time and memory bounds, E601/E602/E603), which a ``warm``
function readies once per worker process. The results are gathered in input order and handed
to the enricher as ``enrich(articles, store, prepared=...)``: article id to the result, or to
an :class:`ArticleFailure` when the preparation failed or overran. What spans articles (entity
resolution, event clustering, the writes) then runs here, in order, so the output does not
depend on the executor.

An enricher that raises on a chunk is called again on its halves, down to single articles
(E700, or the code of the :class:`SujetError` raised); see :mod:`sujet.pipeline.ingest` for
the enrichment states an article is marked with.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sujet.config import Settings
from sujet.model import Article
from sujet.pipeline import bounded
from sujet.pipeline.bounded import Bounds, Overrun
from sujet.pipeline.executor import Executor, LocalExecutor, make_executor, submit
from sujet.pipeline.report import ENRICH_FAILED, FAILED, ArticleFailure, Enricher, IngestReport
from sujet.pipeline.steps import Doc, Run, Step, run_steps
from sujet.store.base import Store
from sujet.store.ingest_lock import holding_ingest_lock

log = logging.getLogger(__name__)


def document_bounds(settings: Settings) -> Bounds:
    """The hard bounds of one document's work in a worker process. The worker is killed a
    little after the time limit it keeps itself (which answers E601 without losing the warm
    worker), so the kill is for work that does not return to Python."""
    limits = settings.limits
    grace = max(1.0, 0.1 * limits.document_seconds)
    return Bounds(limits.document_seconds + grace, limits.document_memory_mb * 2**20)


def stage_of(enrich: Enricher) -> str:
    """The enricher's name in reports: its ``stage``, else the function's name."""
    stage = getattr(enrich, "stage", None) or getattr(enrich, "__name__", None)
    return str(stage or "enrich")


@dataclass(frozen=True, slots=True)
class BoundedPrepare:
    """An enricher's ``prepare`` of one article in this process's bounded worker for the
    enricher: picklable, so each Dask worker runs it in a bounded worker of its own (started
    once, warmed once, reused by every task)."""

    role: str
    prepare: Callable[[Article], Any]
    warm: Callable[[], object] | None
    bounds: Bounds

    def __call__(self, article: Article) -> Any:
        try:
            out = bounded.call(self.role, self.prepare, article, self.bounds, warm=self.warm)
        except Exception as err:  # noqa: BLE001 - one bad article never stops the chunk
            return ArticleFailure.of(article.id, err)
        if isinstance(out, Overrun):
            return ArticleFailure(article.id, out.code, out.reason)
        return out


def preparation(enrich: Enricher, settings: Settings) -> BoundedPrepare | None:
    """The task that runs the enricher's ``prepare`` of one article (None: it has none),
    under the document bounds of the enricher's own settings (else the run's)."""
    prepare = getattr(enrich, "prepare", None)
    if prepare is None:
        return None
    own = getattr(enrich, "settings", None)
    bounds = document_bounds(own if isinstance(own, Settings) else settings)
    return BoundedPrepare(f"prepare-{stage_of(enrich)}", prepare, getattr(enrich, "warm", None),
                          bounds)


def _enrich_isolated(
    enrich: Enricher, articles: list[Article], store: Store, report: IngestReport,
    prepared: dict[str, Any] | None,
) -> list[ArticleFailure]:
    """Run one enricher on a chunk; if it raises, retry on halves down to single articles.

    Only calls that return count: their counters go to the report and their failures are
    returned. A single article that still makes the enricher raise is a failure of its own.
    """
    try:
        if prepared is None:
            result = dict(enrich(articles, store))
        else:
            call: Any = enrich
            result = dict(call(articles, store, prepared=prepared))
    except Exception as err:  # noqa: BLE001 - one bad article never stops the batch
        reset = getattr(enrich, "reset", None)
        if callable(reset):
            reset()
        if len(articles) == 1:
            log.debug("enricher failed on %s", articles[0].id, exc_info=err)
            return [ArticleFailure.of(articles[0].id, err)]
        mid = len(articles) // 2
        return _enrich_isolated(enrich, articles[:mid], store, report, prepared) + \
            _enrich_isolated(enrich, articles[mid:], store, report, prepared)
    failures = list(result.pop(FAILED, None) or [])
    for key, value in result.items():
        report.enrich[key] = report.enrich.get(key, 0) + value
    return failures


class PrepareStep(Step):
    """Sends every enricher's ``prepare`` of the chunk's articles to the executor at once, so
    the workers go on with the later enrichers' work while this process runs the earlier
    enrichers' (a local executor runs each when its enricher waits for it)."""

    name = "prepare"

    def __init__(self, run: Run, enrichers: Sequence[Enricher]) -> None:
        super().__init__(run)
        self.tasks = [preparation(e, run.settings) for e in enrichers]
        self.pending: dict[int, tuple[list[str], Callable[[], list[Any]]]] = {}

    def run(self, docs: list[Doc]) -> Iterator[Doc]:
        articles = [d.article for d in docs if d.article is not None]
        ids = [a.id for a in articles]
        self.pending.clear()
        for index, task in enumerate(self.tasks):
            if task is not None and articles:
                self.pending[index] = (ids, submit(self.run_of.executor, task, articles))
        yield from docs

    def take(self, index: int, articles: list[Article]) -> Callable[[], list[Any]] | None:
        """The started preparation of enricher ``index`` for these articles, if any."""
        ids, wait = self.pending.pop(index, ([], list))
        return wait if ids == [a.id for a in articles] and ids else None


class EnrichStep(Step):
    """One enricher over the chunk's stored articles; each article it fails on is reported,
    counted as ``<stage>_failed`` and noted on the record (later enrichers still see it)."""

    def __init__(self, run: Run, enrich: Enricher, *, index: int = 0,
                 ahead: PrepareStep | None = None) -> None:
        self.name = stage_of(enrich)
        super().__init__(run)
        self.enrich = enrich
        self.index = index
        self.ahead = ahead
        run.report.enrich.setdefault(f"{self.name}_failed", 0)

    def _prepared(self, articles: list[Article]) -> dict[str, Any] | None:
        task = preparation(self.enrich, self.run_of.settings)
        if task is None:
            return None
        wait = self.ahead.take(self.index, articles) if self.ahead is not None else None
        t0 = time.perf_counter()
        results = wait() if wait is not None else self.run_of.executor.map(task, articles)
        self.stats.executor_seconds += time.perf_counter() - t0
        return dict(zip([a.id for a in articles], results, strict=True))

    def run(self, docs: list[Doc]) -> Iterator[Doc]:
        articles = [d.article for d in docs if d.article is not None]
        if articles:
            report = self.run_of.report
            prepared = self._prepared(articles)
            by_id = {d.article.id: d for d in docs if d.article is not None}
            for failure in _enrich_isolated(self.enrich, articles, self.run_of.store, report,
                                            prepared):
                doc = by_id.get(failure.article_id)
                source = doc.source if doc is not None else failure.article_id
                report.reject(self.name, source, failure.code, failure.reason)
                self.stats.dropped[failure.code] += 1
                report.enrich[f"{self.name}_failed"] = report.enrich.get(
                    f"{self.name}_failed", 0) + 1
                log.warning("%s failed on %s (article %s): %s [%s]", self.name, source,
                            failure.article_id, failure.reason, failure.code)
                if doc is not None:
                    doc.errors.append({"stage": self.name, "code": failure.code,
                                       "reason": failure.reason})
        yield from docs


def _mark(article: Article, errors: list[dict[str, str]]) -> None:
    """Set the article's enrichment state (see :mod:`sujet.pipeline.ingest`)."""
    if errors:
        article.metadata["enriched"] = ENRICH_FAILED
        article.metadata["enrich_errors"] = errors
    else:
        article.metadata["enriched"] = True
        article.metadata.pop("enrich_errors", None)


class MarkStep(Step):
    """Marks each article of the chunk enriched, or failed with its errors, and stores that."""

    name = "mark"

    def run(self, docs: list[Doc]) -> Iterator[Doc]:
        articles = [d.article for d in docs if d.article is not None]
        for doc in docs:
            if doc.article is not None:
                _mark(doc.article, doc.errors)
        if articles:
            self.run_of.store.update_articles(articles)
        yield from docs


def enrich_steps(run: Run, enrichers: Sequence[Enricher]) -> list[Step]:
    """The enrichment steps of a run: one per enricher, then the mark (none without any)."""
    if not enrichers:
        return []
    ahead = PrepareStep(run, enrichers)
    return [ahead, *(EnrichStep(run, e, index=i, ahead=ahead) for i, e in enumerate(enrichers)),
            MarkStep(run)]


def run_enrichers(
    articles: list[Article], store: Store, enrichers: Sequence[Enricher], report: IngestReport,
    *, settings: Settings | None = None, executor: Executor | None = None,
) -> None:
    """Run the enrichers on stored articles, then mark each enriched or failed.

    Articles are stored first, marked ``enriched: False``; a crash before the mark leaves them
    to :func:`finish_enrichment` on the next run, so nothing committed misses its entities.
    An article an enricher fails on is reported and marked ``"failed"``; later enrichers still
    run on it (events need no entities) and the rest of the chunk is enriched as usual.
    """
    if not enrichers:
        return
    run = Run(store, settings or Settings(), report, executor or LocalExecutor())
    for _ in run_steps([Doc(article=a) for a in articles], enrich_steps(run, enrichers),
                       max(1, len(articles))):
        pass


@holding_ingest_lock
def finish_enrichment(
    store: Store, settings: Settings, enrichers: Sequence[Enricher], report: IngestReport,
    *, redo_all: bool = False, executor: Executor | None = None,
) -> int:
    """Enrich stored articles that were never enriched (or all of them); returns how many.

    Articles marked ``"failed"`` are left alone unless ``redo_all``: a bad article is not
    retried on every ingest (``sujet enrich`` marks them pending again first). Without an
    ``executor``, the one ``settings`` names is started here and closed at the end.
    """
    if not enrichers:
        return 0
    pending = (
        Doc(article=a) for a in store.iter_articles()
        if redo_all or a.metadata.get("enriched") is False
    )
    own_executor = executor is None
    executor = executor or make_executor(settings)
    try:
        run = Run(store, settings, report, executor)
        steps = enrich_steps(run, enrichers)
        return sum(1 for _ in run_steps(pending, steps, settings.ingest.batch_size))
    finally:
        if own_executor:
            executor.close()
