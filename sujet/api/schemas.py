"""Schema families of the REST API (Public = what is returned, Create = what is accepted).

They are separate from the records in :mod:`sujet.model` so that storage can change without
changing the API, and the other way round.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field, HttpUrl, field_validator

from sujet.entities.careers import Career, careers, latest_career
from sujet.model import (
    Article,
    Entity,
    Event,
    EventMember,
    Fact,
    Mention,
    Position,
    Quote,
    Storyline,
)
from sujet.provenance import public_source

T = TypeVar("T")


class ListPublic(BaseModel, Generic[T]):
    """One page of a list: ``total`` counts every match, not just this page."""

    items: list[T]
    total: int
    limit: int
    offset: int


# -- articles ----------------------------------------------------------------------------------
class ArticleSummaryPublic(BaseModel):
    id: str
    title: str | None
    url: str | None
    source: str
    site: str | None
    date: str | None
    language: str | None
    agency: str | None
    duplicate_of: str | None
    event_id: str | None
    storyline_id: str | None
    topic: str | None = None

    @classmethod
    def of(cls, a: Article) -> ArticleSummaryPublic:
        return cls(id=a.id, title=a.title, url=a.url, source=public_source(a.source),
                   site=a.site, date=a.date,
                   language=a.language, agency=a.agency, duplicate_of=a.duplicate_of,
                   event_id=a.event_id, storyline_id=a.storyline_id, topic=a.topic)


class MentionPublic(BaseModel):
    start: int
    end: int
    type: str
    surface: str
    normal: str
    entity_id: str | None
    field: str

    @classmethod
    def of(cls, m: Mention) -> MentionPublic:
        return cls(start=m.start, end=m.end, type=m.type, surface=m.surface, normal=m.normal,
                   entity_id=m.entity_id, field=m.field)


class PositionPublic(BaseModel):
    title: str
    organisation: str | None
    date: str | None  # a career: when it was last seen
    article_id: str  # a career: its latest article
    language: str | None
    first_seen: str | None = None  # a career: when it was first seen
    articles: list[str] = []  # a career: every article that states it

    @classmethod
    def of(cls, p: Position) -> PositionPublic:
        return cls(title=p.title, organisation=p.organisation, date=p.date,
                   article_id=p.article_id, language=p.language)

    @classmethod
    def of_career(cls, c: Career) -> PositionPublic:
        return cls(title=c.title, organisation=c.organisation, date=c.last_seen,
                   article_id=c.articles[-1] if c.articles else "", language=c.language,
                   first_seen=c.first_seen, articles=list(c.articles))


class PersonInArticlePublic(BaseModel):
    """One row of the "persons in this article" panel (no id when the name is not linked)."""

    entity_id: str | None
    name: str
    last_position: PositionPublic | None  # the person's latest position, from any article
    mentions: int  # mentions across the whole store
    mentions_here: int
    position_here: PositionPublic | None = None  # the position this article states


class FactPublic(BaseModel):
    kind: str
    text: str
    start: int
    end: int
    value: dict[str, Any]

    @classmethod
    def of(cls, f: Fact) -> FactPublic:
        return cls(kind=f.kind, text=f.text, start=f.start, end=f.end, value=f.value)


class ArticlePublic(ArticleSummaryPublic):
    text: str
    date_precision: str | None
    date_source: str | None
    dateline: str | None
    author: str | None
    content_hash: str
    fetched_at: str | None
    mentions: list[MentionPublic] = Field(default_factory=list)
    persons: list[PersonInArticlePublic] = Field(default_factory=list)
    facts: list[FactPublic] = Field(default_factory=list)

    @classmethod
    def full(cls, a: Article, mentions: list[MentionPublic],
             persons: list[PersonInArticlePublic], facts: list[FactPublic]) -> ArticlePublic:
        base = ArticleSummaryPublic.of(a).model_dump()
        return cls(**base, text=a.text, date_precision=a.date_precision,
                   date_source=a.date_source, dateline=a.dateline, author=a.author,
                   content_hash=a.content_hash, fetched_at=a.fetched_at, mentions=mentions,
                   persons=persons, facts=facts)


# -- entities ----------------------------------------------------------------------------------
class EntityPublic(BaseModel):
    id: str
    type: str
    name: str
    variants: list[str]
    mentions: int
    first_seen: str | None
    last_seen: str | None
    last_position: PositionPublic | None

    @classmethod
    def of(cls, e: Entity) -> EntityPublic:
        # the latest of the person's distinct positions (careers), not the last mention's words
        last = latest_career(careers(e.positions))
        return cls(id=e.id, type=e.type, name=e.name, variants=list(e.variants),
                   mentions=e.mentions, first_seen=e.first_seen, last_seen=e.last_seen,
                   last_position=PositionPublic.of_career(last) if last else None)


class CountPublic(BaseModel):
    period: str  # "2024-08" (month) or the date as stored
    count: int


class CoMentionPublic(BaseModel):
    entity_id: str
    name: str
    type: str
    articles: int


class QuotePublic(BaseModel):
    """What a person or organisation said in an article (direct or reported speech)."""

    article_id: str
    text: str
    start: int
    end: int
    speaker: str
    entity_id: str | None
    kind: str  # "direct" or "indirect"
    cue: str

    @classmethod
    def of(cls, q: Quote) -> QuotePublic:
        return cls(article_id=q.article_id, text=q.text, start=q.start, end=q.end,
                   speaker=q.speaker, entity_id=q.entity_id, kind=q.kind, cue=q.cue)


class DossierPublic(BaseModel):
    entity: EntityPublic
    variants_by_script: dict[str, list[str]]
    positions: list[PositionPublic]  # distinct positions (careers), oldest first
    mentions_over_time: list[CountPublic]
    co_mentioned: list[CoMentionPublic]
    articles: ListPublic[ArticleSummaryPublic]
    quotes: list[QuotePublic] = []  # what the entity said, newest articles first


# -- events and storylines ---------------------------------------------------------------------
class EventMemberPublic(BaseModel):
    article_id: str
    score: float
    why: list[str]

    @classmethod
    def of(cls, m: EventMember) -> EventMemberPublic:
        return cls(article_id=m.article_id, score=m.score, why=list(m.why))


class EventPublic(BaseModel):
    id: str
    title: str
    languages: list[str]
    date_from: str | None
    date_to: str | None
    storyline_id: str | None
    reports: int
    key_entities: list[str]
    summary: dict[str, str]
    members: list[EventMemberPublic]

    @classmethod
    def of(cls, e: Event) -> EventPublic:
        return cls(id=e.id, title=e.title, languages=list(e.languages), date_from=e.date_from,
                   date_to=e.date_to, storyline_id=e.storyline_id, reports=len(e.members),
                   key_entities=list(e.key_entities), summary=dict(e.summary),
                   members=[EventMemberPublic.of(m) for m in e.members])


class EventDetailPublic(EventPublic):
    articles: list[ArticleSummaryPublic]
    entities: list[EntityPublic]


class StorylinePublic(BaseModel):
    id: str
    title: str
    event_ids: list[str]
    date_from: str | None
    date_to: str | None
    key_entities: list[str]

    @classmethod
    def of(cls, s: Storyline) -> StorylinePublic:
        return cls(id=s.id, title=s.title, event_ids=list(s.event_ids), date_from=s.date_from,
                   date_to=s.date_to, key_entities=list(s.key_entities))


class StorylineDetailPublic(StorylinePublic):
    events: list[EventPublic]


# -- rankings --------------------------------------------------------------------------------
class TopEventPublic(BaseModel):
    event: EventPublic
    score: float
    sources: list[str]
    languages: int
    velocity: float


class TopPublic(BaseModel):
    date_from: str
    date_to: str
    items: list[TopEventPublic]


class RisingEntityPublic(BaseModel):
    entity: EntityPublic
    mentions: int
    before: float  # mean articles per period over the periods before
    change: float
    ratio: float | None


class RisingPublic(BaseModel):
    date_from: str
    date_to: str
    before_from: str
    before_to: str
    items: list[RisingEntityPublic]


# -- search ------------------------------------------------------------------------------------
class SearchHitPublic(BaseModel):
    article: ArticleSummaryPublic
    score: float
    snippet: str  # matches wrapped in « »


class SearchPublic(ListPublic[SearchHitPublic]):
    query: str
    expanded_terms: list[str]  # names and variants of matching entities, ORed into the query
    total_is_lower_bound: bool = False
    # the known entities the query names, most mentioned first: their dossiers are offered
    entities: list[EntityPublic] = []


# -- sources and ingest ------------------------------------------------------------------------
class SourceCreate(BaseModel):
    url: HttpUrl
    kind: Literal["feed", "sitemap", "listpage"] = "feed"  # folders: the command line only
    interval_minutes: int = Field(60, ge=5, le=7 * 24 * 60)
    name: str | None = Field(None, max_length=200)


class SourcePublic(BaseModel):
    url: str
    name: str | None = None
    interval_minutes: int = 60
    added_at: str | None = None
    last_fetch: str | None = None
    kind: str = "feed"  # feed, sitemap, listpage or folder
    last_status: str | None = None  # "ok", "unchanged" (HTTP 304) or "error"
    last_error: str | None = None
    last_error_code: str | None = None
    consecutive_errors: int = 0  # the wait doubles with each (capped); reset on success
    last_added: int | None = None
    total_added: int = 0
    next_due: str | None = None


class IngestCreate(BaseModel):
    """Exactly one of ``url``, ``feed``, ``html`` or ``text``."""

    url: HttpUrl | None = None
    feed: HttpUrl | None = None
    html: str | None = None
    text: str | None = None
    source: str | None = Field(None, max_length=500, description="where the pasted content is from")

    @field_validator("html", "text")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank")
        return value

    def kind(self) -> Literal["url", "feed", "html", "text"]:
        given = [k for k in ("url", "feed", "html", "text") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("send exactly one of url, feed, html, text")
        return given[0]  # type: ignore[return-value]


class IngestReportPublic(BaseModel):
    seen: int
    added: int
    duplicates: int
    dropped: dict[str, int]
    article_ids: list[str]
    already_stored: int = 0
    already_stored_ids: list[str] = Field(
        default_factory=list, description="articles that were in the store before (pasted, "
                                          "uploaded or fetched pages)")


# -- health ------------------------------------------------------------------------------------
class HealthPublic(BaseModel):
    status: Literal["ok", "unavailable"]
    version: str
    store: str  # backend name, without credentials
    schema_version: int | None
    counts: dict[str, int]
    writes_enabled: bool
    error: str | None = None
