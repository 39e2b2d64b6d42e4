"""The server's background monitor: registered sources polled on their schedules.

A thin asyncio shell around :class:`sujet.monitor.Monitor`, which does the polling (every kind
of source, conditional requests, backoff, politeness) and records each outcome on the source;
one failing source never stops the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sujet.config import Settings
from sujet.monitor import Monitor, SourceState
from sujet.store.base import Store

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def is_due(source: dict[str, Any], now: datetime) -> bool:
    return SourceState.from_record(source).is_due(now)


class FeedPoller:
    """An asyncio task that wakes every ``tick_s`` seconds and polls the due sources in a thread."""

    def __init__(self, store: Store, settings: Settings, tick_s: float = 60.0,
                 on_change: Callable[[], None] | None = None) -> None:
        self.on_change = on_change
        self.store = store
        self.settings = settings
        self.tick_s = tick_s
        self._monitor: Monitor | None = None
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    @property
    def monitor(self) -> Monitor:
        if self._monitor is None:
            self._monitor = Monitor(self.store, self.settings)
        return self._monitor

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="sujet-monitor")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._monitor is not None:
            self._monitor.close()
            self._monitor = None

    async def poll_now(self) -> list[dict[str, Any]]:
        async with self._lock:
            polled = await asyncio.to_thread(self.monitor.poll_due)
        self._changed(polled)
        return polled

    async def poll_one(self, source: dict[str, Any]) -> dict[str, Any]:
        async with self._lock:
            polled = await asyncio.to_thread(self.monitor.poll_one, str(source["url"]))
        result = polled if polled is not None else source
        self._changed([result])
        return result

    def _changed(self, polled: list[dict[str, Any]]) -> None:
        if self.on_change is not None and any(s.get("last_added") for s in polled):
            self.on_change()

    async def _run(self) -> None:
        while True:
            try:
                await self.poll_now()
            except Exception as err:  # noqa: BLE001 - the poller keeps running
                log.warning("polling round failed", exc_info=err)
            await asyncio.sleep(self.tick_s)
