"""The server's background monitor: registered sources polled on their schedules.

A thin asyncio shell around :class:`sujet.monitor.Monitor`, which does the polling (every kind
of source, conditional requests, backoff, politeness) and records each outcome on the source;
one failing source never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sujet.config import Settings
from sujet.monitor import Monitor, NewArticles, SourceState
from sujet.store.base import Store

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def is_due(source: dict[str, Any], now: datetime) -> bool:
    return SourceState.from_record(source).is_due(now)


class FeedPoller:
    """Runs the monitor in a thread while the server runs; the API's "poll now" goes through
    the same monitor. ``on_change`` is called after rounds that stored articles."""

    def __init__(self, store: Store, settings: Settings, tick_s: float = 60.0,
                 on_change: Callable[[], None] | None = None) -> None:
        self.on_change = on_change
        self.store = store
        self.settings = settings.model_copy(
            update={"monitor": settings.monitor.model_copy(update={"tick_s": tick_s})})
        self._monitor: Monitor | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._added = False

    @property
    def monitor(self) -> Monitor:
        if self._monitor is None:
            self._monitor = Monitor(self.store, self.settings, on_articles=[self._stored])
        return self._monitor

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            monitor = self.monitor
            self._thread = threading.Thread(target=self._run, args=(monitor,),
                                            name="sujet-monitor", daemon=True)
            self._thread.start()

    async def stop(self) -> None:
        if self._thread is not None:
            self._stop.set()
            await asyncio.to_thread(self._thread.join, 60)
            self._thread = None
        if self._monitor is not None:
            self._monitor.close()
            self._monitor = None

    async def poll_now(self) -> list[dict[str, Any]]:
        polled = await asyncio.to_thread(self.monitor.poll_due)
        self._changed()
        return polled

    async def poll_one(self, source: dict[str, Any]) -> dict[str, Any]:
        polled = await asyncio.to_thread(self.monitor.poll_one, str(source["url"]))
        self._changed()
        return polled if polled is not None else source

    def _stored(self, batch: NewArticles) -> None:
        self._added = True

    def _changed(self) -> None:
        if self._added and self.on_change is not None:
            self._added = False
            self.on_change()

    def _run(self, monitor: Monitor) -> None:
        while not self._stop.is_set():
            try:
                monitor.run(self._stop, on_round=self._changed)
            except Exception as err:  # noqa: BLE001 - the monitor keeps running
                log.warning("monitor round failed", exc_info=err)
                self._stop.wait(self.settings.monitor.tick_s)
