"""The records of watchlists, alerts and their deliveries."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

WatchKind = Literal["person", "organisation", "query", "event", "storyline"]
WATCH_KINDS: tuple[str, ...] = ("person", "organisation", "query", "event", "storyline")
Channel = Literal["webhook", "email"]


@dataclass(slots=True)
class WatchFilters:
    """Optional conditions an article must also meet."""

    language: str | None = None  # ISO 639-1
    source: str | None = None  # substring of the source path / URL or the site
    topic: str | None = None  # the article's topic, where it has one


@dataclass(slots=True)
class Watchlist:
    id: str
    name: str
    kind: WatchKind
    target: str  # the name, query, event id or storyline id as given
    filters: WatchFilters = field(default_factory=WatchFilters)
    webhook: str | None = None  # URL the alerts are POSTed to
    email: str | None = None  # address the alerts are mailed to
    created_at: str = ""
    last_seq: int = 0  # watermark: the last article sequence evaluated
    seen_at: str | None = None  # last visit of its web page

    def channels(self) -> list[Channel]:
        out: list[Channel] = []
        if self.webhook:
            out.append("webhook")
        if self.email:
            out.append("email")
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Alert:
    """One article (or, for a storyline, one event) that matched a watchlist; recorded once."""

    id: int
    watchlist_id: str
    subject_kind: Literal["article", "event"]
    subject_id: str
    article_id: str
    title: str
    url: str | None
    date: str | None
    created_at: str
    deliveries: dict[str, Delivery] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Delivery:
    """How delivery through one channel ended."""

    channel: str
    attempts: int
    delivered_at: str | None
    error: str | None = None
