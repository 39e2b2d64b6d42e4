"""Composite views built from the store: an article with its persons, an event with its
articles and facts. The REST routers and the web pages share them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sujet.api.caching import TTLCache
from sujet.api.schemas import (
    ArticlePublic,
    FactPublic,
    MentionPublic,
    PersonInArticlePublic,
    PositionPublic,
)
from sujet.errors import NotFound
from sujet.model import Article, Entity, Event, EventMember, Fact, Mention, Position
from sujet.provenance import source_label
from sujet.store.base import Store


class EntityCache:
    """Looks each entity up once per request; with ``shared``, once per ``shared.ttl_s``
    across requests (for pages where an entity a few seconds old is fine)."""

    def __init__(self, store: Store, shared: TTLCache[Entity | None] | None = None) -> None:
        self._store = store
        self._shared = shared
        self._seen: dict[str, Entity | None] = {}

    def get(self, entity_id: str) -> Entity | None:
        if entity_id not in self._seen:
            if self._shared is not None:
                self._seen[entity_id] = self._shared.get_or_compute(
                    entity_id, lambda: self._store.get_entity(entity_id))
            else:
                self._seen[entity_id] = self._store.get_entity(entity_id)
        return self._seen[entity_id]

    def many(self, entity_ids: list[str]) -> list[Entity]:
        """The known entities among ``entity_ids``, in order; those not seen yet are read in one
        batch."""
        wanted = list(dict.fromkeys(entity_ids))
        missing = []
        for entity_id in wanted:
            if entity_id in self._seen:
                continue
            if self._shared is not None:
                live, value = self._shared.get(entity_id)
                if live:
                    self._seen[entity_id] = value
                    continue
            missing.append(entity_id)
        if missing:
            loaded = {e.id: e for e in self._store.get_entities(missing)}
            for entity_id in missing:
                entity = loaded.get(entity_id)
                self._seen[entity_id] = entity
                if self._shared is not None:
                    self._shared.put(entity_id, entity)
        found = (self._seen[i] for i in wanted)
        return [e for e in found if e is not None]


def require_article(store: Store, article_id: str) -> Article:
    article = store.get_article(article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article


def persons_in_article(mentions: list[Mention], entities: EntityCache,
                       article_id: str) -> list[PersonInArticlePublic]:
    """The "persons in this article — last position — mentions" panel, most mentioned first."""
    here: Counter[str] = Counter()
    names: dict[str, str] = {}
    for m in mentions:
        if m.type != "PER":
            continue
        key = m.entity_id or f"~{m.normal}"
        here[key] += 1
        names.setdefault(key, m.normal)
    rows = []
    for key, count in here.most_common():
        entity = entities.get(key) if not key.startswith("~") else None
        if entity is not None:
            here_position = _position_in(entity, article_id)
            last = entity.last_position or here_position
            rows.append(PersonInArticlePublic(
                entity_id=entity.id, name=entity.name,
                last_position=PositionPublic.of(last) if last else None,
                mentions=max(entity.mentions, count), mentions_here=count,
                position_here=PositionPublic.of(here_position) if here_position else None))
        else:
            rows.append(PersonInArticlePublic(entity_id=None, name=names[key],
                                              last_position=None, mentions=count,
                                              mentions_here=count))
    return rows


def _position_in(entity: Entity, article_id: str) -> Position | None:
    for p in entity.positions:
        if p.article_id == article_id:
            return p
    return None


def article_detail(store: Store, article_id: str) -> ArticlePublic:
    article = require_article(store, article_id)
    mentions = store.mentions_of_article(article_id)
    persons = persons_in_article(mentions, EntityCache(store), article_id)
    facts = store.facts_of_article(article_id)
    return ArticlePublic.full(article, [MentionPublic.of(m) for m in mentions], persons,
                              [FactPublic.of(f) for f in facts])


@dataclass(slots=True)
class EventArticle:
    article: Article
    member: EventMember
    copies: list[Article] = field(default_factory=list)  # duplicates of it in the same event


@dataclass(slots=True)
class PersonRole:
    entity: Entity
    positions: list[Position]  # positions stated in this event's articles (or the last known)


@dataclass(slots=True)
class EventView:
    event: Event
    articles: list[EventArticle]
    by_language: dict[str, list[EventArticle]]
    timeline: list[EventArticle]  # oldest first
    people: list[PersonRole]
    places: list[str]
    organisations: list[Entity]
    figures: list[tuple[Fact, Article]]
    agreements: list[tuple[Fact, Article]]
    entities: list[Entity] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({source_label(a.article) for a in self.articles})


def _reports(event: Event, stored: dict[str, Article]) -> list[EventArticle]:
    """Each report of the event once: a member listed twice counts once, and a duplicate of
    another member is shown with that original as one of its copies."""
    members: dict[str, EventMember] = {}
    for m in event.members:
        if m.article_id in stored:
            members.setdefault(m.article_id, m)
    reports = {i: EventArticle(stored[i], m) for i, m in members.items()
               if stored[i].duplicate_of not in members}
    for i in members:
        original = stored[i].duplicate_of
        if original in reports and i not in reports:
            reports[original].copies.append(stored[i])
    return list(reports.values())


def event_view(store: Store, event_id: str) -> EventView:
    event = store.get_event(event_id)
    if event is None:
        raise NotFound(f"no event with id {event_id}")
    stored = {a.id: a for a in store.get_articles([m.article_id for m in event.members])}
    articles = _reports(event, stored)
    by_language: dict[str, list[EventArticle]] = defaultdict(list)
    for item in articles:
        by_language[item.article.language or "?"].append(item)
    timeline = sorted(articles, key=lambda x: (x.article.date or "9999", x.article.id))
    entities = EntityCache(store)
    key = entities.many(event.key_entities)
    article_ids = {a.article.id for a in articles}
    people = []
    for entity in key:
        if entity.type != "PER":
            continue
        stated = [p for p in entity.positions if p.article_id in article_ids]
        last = entity.last_position
        people.append(PersonRole(entity, stated or ([last] if last else [])))
    places = [e.name for e in key if e.type == "LOC"]
    places += sorted({a.article.dateline for a in articles if a.article.dateline} - set(places))
    figures: list[tuple[Fact, Article]] = []
    agreements: list[tuple[Fact, Article]] = []
    facts = store.facts_of_articles([item.article.id for item in articles])
    for item in articles:
        for fact in facts.get(item.article.id, []):
            if fact.kind == "figure":
                figures.append((fact, item.article))
            elif fact.kind == "agreement":
                agreements.append((fact, item.article))
    return EventView(event=event, articles=articles, by_language=dict(by_language),
                     timeline=timeline, people=people, places=places,
                     organisations=[e for e in key if e.type == "ORG"], figures=figures,
                     agreements=agreements, entities=key)
