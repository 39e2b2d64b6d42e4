"""Events: lists, one event's composite view (reports by language, people and their roles,
places, figures, agreements) and its public detail."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sujet.api.schemas import (
    ArticleSummaryPublic,
    EntityPublic,
    EventDetailPublic,
    EventPublic,
    ListPublic,
)
from sujet.errors import NotFound
from sujet.model import Article, Entity, Event, EventMember, Fact, Position
from sujet.provenance import source_label
from sujet.services.entity_cache import EntityCache
from sujet.store.base import Store


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


def event_detail(store: Store, event_id: str) -> EventDetailPublic:
    """One event with its reports and key entities."""
    return detail_of(event_view(store, event_id))


def detail_of(view: EventView) -> EventDetailPublic:
    """The public detail of an event's view."""
    base = EventPublic.of(view.event).model_dump()
    return EventDetailPublic(
        **base, articles=[ArticleSummaryPublic.of(a.article) for a in view.articles],
        entities=[EntityPublic.of(e) for e in view.entities])


def list_events(store: Store, *, limit: int, offset: int = 0, language: str | None = None,
                date_from: str | None = None, date_to: str | None = None,
                entity_id: str | None = None, total: bool = True) -> ListPublic[EventPublic]:
    """Events, newest and most reported first, with the exact number matching the filters
    (or the page's length when ``total`` is off)."""
    wanted = {"language": language, "date_from": date_from, "date_to": date_to,
              "entity_id": entity_id}
    items = store.list_events(limit=limit, offset=offset, **wanted)
    count = store.count_events(**wanted) if total else len(items)
    return ListPublic[EventPublic](items=[EventPublic.of(e) for e in items], total=count,
                                   limit=limit, offset=offset)
