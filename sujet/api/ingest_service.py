"""Runs the ingest pipeline on what the API receives: a URL, a feed, pasted HTML or text, a file.

The pipeline and the fetcher are imported when first used, so the read-only API works in an
installation without them; a write then answers 503 with a clear message.
"""

from __future__ import annotations

import importlib
import mimetypes
import tempfile
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any, Protocol

from sujet.api.errors import UNAVAILABLE, ApiError
from sujet.api.schemas import IngestReportPublic
from sujet.config import Settings
from sujet.errors import EmptyInput
from sujet.model import Page, stable_id
from sujet.store.base import IngestRecord, Store

# Uploads in these formats are read as one page; anything else (WARC, feeds, JSON lines,
# archives) goes through the readers, which recognise the format from the file.
_SINGLE_PAGE_SUFFIXES = {".html", ".htm", ".xhtml", ".txt", ".text", ""}


class _Report(Protocol):
    def as_dict(self) -> dict[str, Any]: ...


def _pipeline() -> Any:
    try:
        return importlib.import_module("sujet.pipeline.ingest")
    except ImportError as err:
        raise ApiError(503, UNAVAILABLE, f"the ingest pipeline is not available: {err}") from err


def _fetcher_class() -> Any:
    for name in ("sujet.ingest.fetch", "sujet.ingest"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        fetcher = getattr(module, "Fetcher", None)
        if fetcher is not None:
            return fetcher
    raise ApiError(503, UNAVAILABLE, "the URL fetcher is not available")


def _public(report: _Report, stored_before: Sequence[str] = ()) -> IngestReportPublic:
    data = report.as_dict()
    return IngestReportPublic(
        seen=int(data.get("seen", 0)), added=int(data.get("added", 0)),
        duplicates=int(data.get("duplicates", 0)),
        already_stored=int(data.get("already_stored", 0)),
        dropped={str(k): int(v) for k, v in dict(data.get("dropped", {})).items()},
        article_ids=[str(i) for i in data.get("article_ids", [])],
        already_stored_ids=list(stored_before))


def _enrichers(settings: Settings) -> Sequence[Any]:
    """The pipeline's default enrichment (entities, events) when it is installed."""
    try:
        module = importlib.import_module("sujet.pipeline.enrich")
    except ImportError:
        return ()
    return tuple(module.default_enrichers(settings))


def ingest_pages(pages: Sequence[Page], store: Store, settings: Settings) -> IngestReportPublic:
    """Pages already in hand (pasted, uploaded, fetched), enriched and recorded as a run."""
    from sujet.pipeline.articles import page_key

    started = datetime.now(UTC).isoformat(timespec="seconds")
    stored_before = [k for k in dict.fromkeys(page_key(p) for p in pages) if store.has_article(k)]
    report = _pipeline().ingest_pages(pages, store, settings, enrichers=_enrichers(settings))
    data = report.as_dict()
    store.record_run(IngestRecord(
        run_id=uuid.uuid4().hex[:16], started_at=started,
        finished_at=datetime.now(UTC).isoformat(timespec="seconds"),
        inputs=[p.source for p in pages],
        stats={k: v for k, v in data.items() if k not in ("article_ids", "rejects")}))
    from sujet.alerts.service import after_ingest

    after_ingest(store, settings)  # watchlists: the new articles' alerts, recorded and sent
    return _public(report, stored_before)


def ingest_inputs(inputs: Sequence[str], store: Store, settings: Settings, *,
                  fetch_links: bool = False) -> IngestReportPublic:
    """Inputs the readers understand: paths, URLs, feeds (a recorded run)."""
    return _public(_pipeline().run_ingest(list(inputs), store, settings,
                                          fetch_links=fetch_links))


def ingest_url(url: str, store: Store, settings: Settings) -> IngestReportPublic:
    """Fetches one page (the fetcher refuses private addresses unless allowed) and ingests it."""
    fetcher = _fetcher_class()(settings.fetch)
    try:
        page = fetcher.fetch(url)
    finally:
        fetcher.close()
    return ingest_pages([page], store, settings)


def ingest_feed(url: str, store: Store, settings: Settings) -> IngestReportPublic:
    """A feed's items; items that carry no text are fetched from their links."""
    return ingest_inputs([url], store, settings, fetch_links=True)


def pasted_page(content: str, content_type: str, source: str | None) -> Page:
    if not content.strip():
        raise EmptyInput("nothing to ingest")
    label = source or f"paste:{stable_id(content)}"
    url = source if source and source.startswith(("http://", "https://")) else None
    return Page(source=label, content=content, content_type=content_type, url=url,
                fetched_at=datetime.now(UTC), metadata={"via": "api"})


def ingest_upload(filename: str, data: bytes, content_type: str | None, store: Store,
                  settings: Settings,
                  ) -> IngestReportPublic:
    """One uploaded file: an HTML or text page, or a container the readers know."""
    if not data:
        raise EmptyInput("the uploaded file is empty", source=filename)
    name = PurePath(filename or "upload").name or "upload"
    suffix = PurePath(name).suffix.lower()
    if suffix in _SINGLE_PAGE_SUFFIXES:
        kind = content_type if content_type and content_type != "application/octet-stream" else (
            mimetypes.guess_type(name)[0] or "")
        page = Page(source=f"upload:{name}", content=data, content_type=kind,
                    fetched_at=datetime.now(UTC), metadata={"via": "api"})
        return ingest_pages([page], store, settings)
    with tempfile.TemporaryDirectory(prefix="sujet-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return ingest_inputs([str(path)], store, settings)
