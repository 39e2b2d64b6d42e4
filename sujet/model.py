"""The records that flow through Sujet, in one place.

Page (raw input) -> Article (clean text + metadata) -> Mention -> Entity, and Event / Storyline
over articles. Extras that only some stages care about go in ``metadata`` dicts rather than new
fields, so every stage can pass records through untouched.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "LOC"]
DatePrecision = Literal["day", "month", "year"]


def stable_id(*parts: str, length: int = 16) -> str:
    """A short hex id derived from its parts (sha1), stable across runs and machines."""
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


@dataclass(slots=True)
class Page:
    """One raw input as read: a file, a feed item, a WARC record or a fetched URL."""

    source: str  # path, URL, or "path#record" for items inside a container (feed, WARC, jsonl)
    content: bytes | str  # raw bytes when read from disk or network; str when already decoded
    content_type: str = ""  # "text/html", "text/plain", ... ; empty when unknown
    url: str | None = None  # the page's own URL when known (feed link, WARC target URI)
    fetched_at: datetime | None = None
    encoding: str | None = None  # declared or detected charset of ``content`` when bytes
    title_hint: str | None = None  # title given by a container (feed item title)
    date_hint: str | None = None  # ISO date given by a container (feed item published)
    site: str | None = None  # site key used for cross-page boilerplate (host or folder)
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Article:
    """A clean article: boilerplate gone, each paragraph once, with its metadata."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO, as precise as known: "2024-08-30", "2024-08" or "2024"
    date_precision: DatePrecision | None = None
    date_source: str | None = None  # how the date was found: "dateline", "htmldate", "header", ...
    language: str | None = None  # ISO 639-1
    dateline: str | None = None  # the place of the dateline ("Томск", "Minsk")
    agency: str | None = None  # "РИА Томск", "BelTA"
    author: str | None = None
    site: str | None = None
    content_hash: str = ""  # hash of the normalised text; equal hashes are exact duplicates
    duplicate_of: str | None = None
    event_id: str | None = None
    storyline_id: str | None = None
    fetched_at: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    topic: str | None = None  # sujet.topics.TOPICS, set at enrichment

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Mention:
    """One occurrence of a named entity in an article's text (or title)."""

    article_id: str
    start: int
    end: int
    type: EntityType
    surface: str
    normal: str  # normal form: nominative, titles stripped ("Владимир Мазур")
    entity_id: str | None = None
    field: Literal["text", "title"] = "text"


@dataclass(slots=True)
class Position:
    """A position a person holds, as stated in one article."""

    title: str  # "губернатор Томской области", "Minister für Naturressourcen und Umweltschutz"
    date: str | None  # the article's date (ISO, as precise as known)
    article_id: str
    organisation: str | None = None  # organisation or place the position belongs to, when known
    language: str | None = None


@dataclass(slots=True)
class Entity:
    """One real-world person, organisation or place, across articles, cases and scripts."""

    id: str
    type: EntityType
    name: str  # canonical name
    variants: list[str] = field(default_factory=list)
    mentions: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    positions: list[Position] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def last_position(self) -> Position | None:
        dated = [p for p in self.positions if p.date]
        if dated:
            # Several reports of one day name the position in several ways: the fullest wins.
            return max(dated, key=lambda p: (p.date or "", len(p.title)))
        return self.positions[-1] if self.positions else None


@dataclass(slots=True)
class Fact:
    """An agreement, a figure or a date found in an article."""

    article_id: str
    kind: Literal["agreement", "figure", "date"]
    text: str  # the sentence or phrase it was found in
    start: int = 0
    end: int = 0
    value: dict[str, Any] = field(default_factory=dict)  # parties, number+unit+measure, range


@dataclass(slots=True)
class Quote:
    """What a person or organisation said in an article, directly or reported."""

    article_id: str
    text: str  # what was said, without the quotation marks
    start: int  # its span in the article's text
    end: int
    speaker: str  # the speaker's name as the article has it (normal form)
    entity_id: str | None = None  # the resolved person or organisation
    kind: Literal["direct", "indirect"] = "direct"
    cue: str = ""  # the speech verb or phrase ("сказал", "sagte", "according to")


@dataclass(slots=True)
class EventMember:
    """An article's membership in an event, with the signals that tied it there."""

    article_id: str
    score: float
    why: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """One real-world happening, reported by one or more articles in any language."""

    id: str
    title: str
    languages: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    storyline_id: str | None = None
    members: list[EventMember] = field(default_factory=list)
    key_entities: list[str] = field(default_factory=list)  # entity ids
    summary: dict[str, str] = field(default_factory=dict)  # language -> extractive summary
    metadata: dict[str, Any] = field(default_factory=dict)
    importance: float | None = None  # order key of sujet.stories.importance (None: not scored)


@dataclass(slots=True)
class Storyline:
    """Events linked over a longer span by shared key entities and topic."""

    id: str
    title: str
    event_ids: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    key_entities: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
