"""The monitor: polls every registered source on its schedule and ingests what is new.

Fetching runs on a pool of ``settings.monitor.workers`` threads, so a source that times out,
trickles a huge body or loops through redirects holds one worker at most (the fetcher's
per-request timeout, total download time and byte cap end it) while the others go on. What a
poll reads from its source, and how, is :mod:`sujet.monitor.reading`.

A poll fetches its source's new items a chunk (``ingest.batch_size``) at a time and ingests
each chunk, one chunk in the whole monitor at a time, through the pipeline's
:func:`ingest_pages` (stored, deduplicated, enriched, clustered) before it fetches the next.
After each chunk the source's record takes the keys of the items it held; the validators of
the answer (ETag, Last-Modified) are recorded only once every item is in. A monitor killed at
any point therefore re-reads the document on restart, skips the items it recorded, and at worst
fetches the one chunk in flight again, which the pipeline recognises as stored: nothing is lost,
nothing is added twice.

Each stored chunk is announced to the ``on_articles`` callbacks (:class:`NewArticles`); readers
that prefer the store find the same articles by their sequence number.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sujet.config import Settings
from sujet.errors import SujetError
from sujet.ingest.failures import ReadFailure
from sujet.model import Page
from sujet.monitor.reading import Fetched, PollResult, SourceReader
from sujet.monitor.state import SourceState, utcnow
from sujet.store.base import Store

log = logging.getLogger(__name__)

# The fields of a source's record the monitor writes; the others (name, interval, kind,
# paused) belong to whoever registered the source and are never overwritten here.
_OWNED = ("etag", "last_modified", "seen", "last_fetch", "next_due", "last_status",
          "last_added", "total_added", "consecutive_errors", "last_error_code", "last_error")


@dataclass(slots=True)
class NewArticles:
    """Articles one poll of one source stored (one chunk), for whoever reacts to them."""

    source: str
    article_ids: list[str]
    pages: list[tuple[str | None, datetime | None]]  # (URL, fetched at) of the chunk's pages
    stored_at: datetime


Observer = Callable[[NewArticles], None]


@dataclass(slots=True)
class _Chunk:
    """One poll's chunk waiting to be ingested."""

    result: PollResult
    chunk: list[Fetched]
    done: bool = False
    error: SujetError | None = None

    @property
    def pages(self) -> list[Page]:
        return [f.page for f in self.chunk if isinstance(f.page, Page)]


class _Interrupted(Exception):
    """The monitor is stopping: a poll ends after its last stored chunk."""


class Monitor:
    """Polls the sources of one store; see the module docstring."""

    def __init__(self, store: Store, settings: Settings, *,
                 on_articles: Iterable[Observer] = (),
                 on_polled: Iterable[Callable[[dict[str, Any]], None]] = (),
                 enrich: bool = True) -> None:
        self.store = store
        self.settings = settings
        self.on_articles: list[Observer] = list(on_articles)
        self.on_polled = list(on_polled)  # each source's record after each poll
        self._enrich = enrich
        self._enrichers: Sequence[Any] | None = None
        self._reader = SourceReader(settings)
        self._pool = ThreadPoolExecutor(max(1, settings.monitor.workers),
                                        thread_name_prefix="sujet-monitor")
        self._resumed = False
        self._closing = threading.Event()
        self._pending: list[_Chunk] = []  # chunks waiting for the ingest
        self._pending_lock = threading.Lock()
        self._ingesting = threading.Lock()  # the server's loop and its "poll now" share a store
        self._alerting = threading.Lock()
        self._stored = threading.Event()  # articles stored since the last alert run

    def close(self) -> None:
        """Stops: polls in flight end after their current request and chunk (what they stored
        is recorded; the rest is fetched by the next run)."""
        self._closing.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._reader.close()

    def __enter__(self) -> Monitor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- scheduling -------------------------------------------------------------------------

    def due(self, now: datetime | None = None) -> list[SourceState]:
        """The sources due now, taking their hosts in turn (so that the workers are spread over
        hosts rather than queued behind one host's delay)."""
        now = now or utcnow()
        states = (SourceState.from_record(s) for s in self.store.list_sources() if s.get("url"))
        by_host: dict[str, list[SourceState]] = {}
        for state in states:
            if state.is_due(now):
                by_host.setdefault(urlsplit(state.url).netloc.lower(), []).append(state)
        queues = list(by_host.values())
        return [q[i] for i in range(max(map(len, queues), default=0)) for q in queues if i < len(q)]

    def poll_due(self, now: datetime | None = None) -> list[dict[str, Any]]:
        """Polls every due source (concurrently) and ingests what is new; the updated records."""
        return self.poll(self.due(now))

    def poll_one(self, url: str) -> dict[str, Any] | None:
        record = next((s for s in self.store.list_sources() if s.get("url") == url), None)
        if record is None:
            return None
        return self.poll([SourceState.from_record(record)])[0]

    def poll(self, states: Sequence[SourceState]) -> list[dict[str, Any]]:
        self._resume()
        futures = [self._pool.submit(self._poll, s) for s in states]
        polled = [f.result() for f in futures]
        self._alerts()
        return polled

    def run(self, stop: threading.Event, *, on_round: Callable[[], None] | None = None) -> None:
        """Polls until ``stop`` is set: each due source as soon as a worker is free."""
        self._resume()
        inflight: dict[str, Future[dict[str, Any]]] = {}
        while not stop.is_set():
            for state in self.due():
                if state.url not in inflight:
                    inflight[state.url] = self._pool.submit(self._poll, state)
            if not inflight:
                stop.wait(self.settings.monitor.tick_s)
                continue
            done, _ = wait(list(inflight.values()), timeout=self.settings.monitor.tick_s,
                           return_when=FIRST_COMPLETED)
            for url in [u for u, f in inflight.items() if f in done]:
                inflight.pop(url).result()
            self._alerts()
            if on_round is not None and done:
                on_round()
        self._closing.set()

    # -- one poll (a worker thread) ---------------------------------------------------------

    def _poll(self, state: SourceState) -> dict[str, Any]:
        """Fetches a source's new items a chunk at a time, ingesting each chunk before the next
        is fetched, so a kill costs at most the chunk in flight."""
        result = PollResult(state=state)
        if self._closing.is_set():
            return state.as_record()
        try:
            self._store_all(result, self._reader.read(state, result))
        except _Interrupted:
            return state.as_record()
        except SujetError as err:
            result.error = err
        except Exception as err:  # noqa: BLE001 - one broken source never stops the others
            if self._closing.is_set():
                return state.as_record()
            log.warning("polling %s failed", state.url, exc_info=err)
            result.error = SujetError(f"{type(err).__name__}: {err}", source=state.url)
        with self._ingesting:
            return self._finish(result)

    def _store_all(self, result: PollResult, fetched: Iterable[Fetched]) -> None:
        size = max(1, self.settings.ingest.batch_size)
        chunk: list[Fetched] = []
        for one in fetched:
            if self._closing.is_set():
                raise _Interrupted
            chunk.append(one)
            if len(chunk) == size:
                self._store_chunk(result, chunk)
                chunk = []
        if chunk:
            self._store_chunk(result, chunk)

    # -- ingest (calling thread) ------------------------------------------------------------

    def _pipeline(self) -> tuple[Any, Sequence[Any]]:
        from sujet.pipeline import ingest

        if self._enrichers is None:
            from sujet.pipeline.enrich import default_enrichers

            self._enrichers = tuple(default_enrichers(self.settings)) if self._enrich else ()
        return ingest, self._enrichers

    def _resume(self) -> None:
        """Enriches the articles a killed monitor stored but did not enrich."""
        with self._ingesting:
            if self._resumed:
                return
            self._resumed = True
            self._finish_enrichment()

    def _finish_enrichment(self) -> None:
        ingest, enrichers = self._pipeline()
        for enricher in enrichers:
            resume = getattr(enricher, "resume", None)
            if callable(resume):
                resume(self.store)
        ingest.finish_enrichment(self.store, self.settings, enrichers, ingest.IngestReport())

    def _store_chunk(self, result: PollResult, chunk: list[Fetched]) -> None:
        """Ingests one chunk, then records its item keys on the source (in that order).

        Chunks that wait while another is ingested are then ingested together, in one call of
        the pipeline (group commit): with many sources due at once, the pipeline's cost per
        call is paid once for all of them."""
        job = _Chunk(result, chunk)
        result.failed.extend(f.page for f in chunk if isinstance(f.page, ReadFailure))
        result.taken += len(chunk)
        with self._pending_lock:
            self._pending.append(job)
        while not job.done:
            with self._ingesting:
                if job.done:
                    break
                with self._pending_lock:
                    jobs, self._pending = self._pending, []
                self._ingest_chunks(jobs)
        if job.error is not None:
            raise job.error

    def _ingest_chunks(self, jobs: list[_Chunk]) -> None:
        from sujet.pipeline.articles import page_key

        pages = [p for job in jobs for p in job.pages]
        stored: set[str] = set()
        try:
            if pages:
                ingest, enrichers = self._pipeline()
                report = ingest.ingest_pages(pages, self.store, self.settings,
                                             enrichers=enrichers)
                stored = set(report.article_ids)
        except SujetError as err:  # the store refused: every chunk is tried again next poll
            for job in jobs:
                job.error, job.done = err, True
            return
        now = utcnow()
        for job in jobs:
            state = job.result.state
            ids = [k for k in dict.fromkeys(page_key(p) for p in job.pages) if k in stored]
            stored.difference_update(ids)  # a page in two sources' chunks counts for the first
            job.result.added += len(ids)
            if ids:
                self._stored.set()
                self._announce(NewArticles(state.url, ids,
                                           [(p.url, p.fetched_at) for p in job.pages], now))
            state.remember([f.key for f in job.chunk if not f.retry],
                           self.settings.monitor.seen_per_source)
            self._save(state)
            job.done = True

    def _finish(self, result: PollResult) -> dict[str, Any]:
        state = result.state
        now = utcnow()
        cap = timedelta(minutes=self.settings.monitor.backoff_max_minutes)
        if result.error is not None:
            state.failed(now, result.error.code, result.error.message, cap, result.added)
        elif result.taken and len(result.failed) == result.taken:
            first = result.failed[0]  # every item failed: the source is reported, and backed off
            state.failed(now, first.code, f"no item could be read ({first.reason})", cap)
            state.etag, state.last_modified = result.etag, result.last_modified
        else:
            state.etag, state.last_modified = result.etag, result.last_modified
            state.succeeded(now, result.added, unchanged=result.unchanged)
        self._save(state)
        record = state.as_record()
        for polled in self.on_polled:
            polled(record)
        return record

    def _alerts(self) -> None:
        """The watchlists' alert run over the articles stored since the last one (it reads them
        from the store past its own watermarks, so a missed or repeated call costs nothing)."""
        if not self._stored.is_set():
            return
        from sujet.alerts.service import after_ingest

        with self._alerting:
            self._stored.clear()
            after_ingest(self.store, self.settings)

    def _save(self, state: SourceState) -> None:
        record = state.as_record()
        self.store.upsert_source({"url": state.url, **{k: record[k] for k in _OWNED}})

    def _announce(self, batch: NewArticles) -> None:
        for observer in self.on_articles:
            try:
                observer(batch)
            except Exception as err:  # noqa: BLE001 - an observer never stops the monitor
                log.warning("an article observer failed on %s", batch.source, exc_info=err)
