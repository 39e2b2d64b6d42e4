"""Polls the feeds registered as sources, each on its own interval, through the ingest pipeline.

Each poll records its outcome on the source (last fetch, status, error, articles added, next
due) with ``Store.upsert_source``; one failing feed never stops the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sujet.api.ingest_service import ingest_feed
from sujet.api.schemas import IngestReportPublic
from sujet.config import Settings
from sujet.errors import SujetError
from sujet.store.base import Store

log = logging.getLogger(__name__)

FeedIngest = Callable[[str, Store, Settings], IngestReportPublic]


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _parse(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def is_due(source: dict[str, Any], now: datetime) -> bool:
    if source.get("paused"):
        return False
    due = _parse(source.get("next_due"))
    if due is None:
        last = _parse(source.get("last_fetch"))
        if last is None:
            return True
        due = last + timedelta(minutes=int(source.get("interval_minutes") or 60))
    return due <= now


def poll_source(store: Store, settings: Settings, source: dict[str, Any],
                ingest: FeedIngest = ingest_feed, now: datetime | None = None) -> dict[str, Any]:
    """Polls one source now and stores the outcome; returns the updated source."""
    now = now or utcnow()
    updated = dict(source)
    updated["last_fetch"] = now.isoformat()
    try:
        report = ingest(str(source["url"]), store, settings)
    except SujetError as err:
        updated.update(last_status="error", last_error=f"{err.code} {err.message}", last_added=0)
    except Exception as err:  # noqa: BLE001 - a broken feed must not stop the poller
        log.warning("polling %s failed", source.get("url"), exc_info=err)
        updated.update(last_status="error", last_error=f"{type(err).__name__}: {err}"[:300],
                       last_added=0)
    else:
        dropped = sum(report.dropped.values())
        updated.update(last_status="ok", last_error=None, last_added=report.added,
                       last_seen=report.seen, last_dropped=dropped)
        if report.seen and dropped >= report.seen:  # nothing could be read: the feed failed
            updated.update(last_status="error", last_error="; ".join(sorted(report.dropped)))
    interval = int(source.get("interval_minutes") or 60)
    updated["next_due"] = (now + timedelta(minutes=interval)).isoformat()
    store.upsert_source(updated)
    return updated


def poll_due(store: Store, settings: Settings, ingest: FeedIngest = ingest_feed,
             now: datetime | None = None) -> list[dict[str, Any]]:
    """Polls every source that is due; returns the sources polled."""
    now = now or utcnow()
    return [poll_source(store, settings, s, ingest, now)
            for s in store.list_sources() if s.get("url") and is_due(s, now)]


class FeedPoller:
    """An asyncio task that wakes every ``tick_s`` seconds and polls the due feeds in a thread."""

    def __init__(self, store: Store, settings: Settings, tick_s: float = 60.0,
                 ingest: FeedIngest = ingest_feed,
                 on_change: Callable[[], None] | None = None) -> None:
        self.on_change = on_change
        self.store = store
        self.settings = settings
        self.tick_s = tick_s
        self.ingest = ingest
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="sujet-feed-poller")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def poll_now(self) -> list[dict[str, Any]]:
        async with self._lock:
            polled = await asyncio.to_thread(poll_due, self.store, self.settings, self.ingest)
        self._changed(polled)
        return polled

    async def poll_one(self, source: dict[str, Any]) -> dict[str, Any]:
        async with self._lock:
            polled = await asyncio.to_thread(poll_source, self.store, self.settings, source,
                                             self.ingest)
        self._changed([polled])
        return polled

    def _changed(self, polled: list[dict[str, Any]]) -> None:
        if self.on_change is not None and any(s.get("last_added") for s in polled):
            self.on_change()

    async def _run(self) -> None:
        while True:
            try:
                await self.poll_now()
            except Exception as err:  # noqa: BLE001 - the poller keeps running
                log.warning("feed polling round failed", exc_info=err)
            await asyncio.sleep(self.tick_s)
