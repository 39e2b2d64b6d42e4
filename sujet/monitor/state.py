"""What the store records about one polled source, and when it is due next.

The record lives in the ``sources`` table (``Store.upsert_source``), one JSON object per source,
so a restarted monitor resumes exactly where the last one stopped: the validators of the last
answer (ETag, Last-Modified), the keys of the items already taken, when the source is due, and
how many polls in a row failed, with the last error's code and reason.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sujet.errors import InputError

KINDS = ("feed", "sitemap", "listpage", "folder")


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InputError(f"unknown source kind '{kind}' (one of: {', '.join(KINDS)})")
    return kind


@dataclass(slots=True)
class SourceState:
    """One source as the monitor sees it (the ``sources`` record, typed)."""

    url: str
    kind: str = "feed"
    name: str | None = None
    interval_minutes: int = 60
    interval_seconds: float | None = None  # overrides the minutes (tests, benchmarks)
    paused: bool = False
    added_at: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)  # item keys taken, oldest first
    last_fetch: str | None = None
    next_due: str | None = None
    last_status: str | None = None  # "ok", "unchanged" or "error"
    last_added: int | None = None
    total_added: int = 0
    consecutive_errors: int = 0
    last_error_code: str | None = None
    last_error: str | None = None

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SourceState:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in record.items() if k in names and v is not None}
        state = cls(**values)
        state.kind = state.kind if state.kind in KINDS else "feed"
        state.seen = [str(s) for s in state.seen]
        return state

    def as_record(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def interval(self) -> timedelta:
        if self.interval_seconds:
            return timedelta(seconds=float(self.interval_seconds))
        return timedelta(minutes=int(self.interval_minutes or 60))

    def is_due(self, now: datetime) -> bool:
        if self.paused:
            return False
        due = parse_time(self.next_due)
        if due is None:
            last = parse_time(self.last_fetch)
            return last is None or last + self.interval <= now
        return due <= now

    def remember(self, keys: list[str], limit: int) -> None:
        """Adds item keys to ``seen`` (once each), keeping the newest ``limit``."""
        known = set(self.seen)
        self.seen.extend(k for k in dict.fromkeys(keys) if k not in known)
        if len(self.seen) > limit:
            del self.seen[: len(self.seen) - limit]

    def succeeded(self, now: datetime, added: int, *, unchanged: bool = False) -> None:
        self.last_fetch = now.isoformat()
        self.last_status = "unchanged" if unchanged else "ok"
        self.last_added = added
        self.total_added += added
        self.consecutive_errors = 0
        self.last_error_code = None
        self.last_error = None
        self.next_due = (now + self.interval).isoformat()

    def failed(self, now: datetime, code: str, reason: str, cap: timedelta,
               added: int = 0) -> None:
        """Records an error and backs off: the wait doubles with each error in a row, capped."""
        self.last_fetch = now.isoformat()
        self.last_status = "error"
        self.last_added = added
        self.total_added += added
        self.consecutive_errors += 1
        self.last_error_code = code
        self.last_error = f"{code} {reason}"[:300]
        self.next_due = (now + backoff(self.interval, self.consecutive_errors, cap)).isoformat()


def backoff(interval: timedelta, errors: int, cap: timedelta) -> timedelta:
    """The wait after ``errors`` failed polls in a row: the interval doubled per error, capped
    (never shorter than the interval itself)."""
    wait = interval * (2 ** max(0, min(errors, 30)))
    return max(interval, min(wait, cap))
