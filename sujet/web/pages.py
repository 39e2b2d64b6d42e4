"""Reading pages of the UI: feed, event, storyline, dossier, article, people, search, API reference."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response

from sujet.api.deps import (
    ArticleFilters,
    Caches,
    CachesDep,
    LiveEventId,
    LiveStorylineId,
    SettingsDep,
    StoreDep,
)
from sujet.api.schemas import CountPublic
from sujet.errors import BadDate, NotFound
from sujet.model import Article, Entity, Event
from sujet.provenance import source_label
from sujet.services.articles import persons_in_article, require_article
from sujet.services.dossier import build_dossier, find_entity
from sujet.services.entity_cache import EntityCache
from sujet.services.events import event_view
from sujet.services.search import search as run_search
from sujet.services.storylines import require_storyline, storyline_events
from sujet.store.base import ArticleQuery, EntityQuery, Store
from sujet.store.date_filters import parse_filter_date
from sujet.stories.importance import Importance, independent_sources, most_important_first
from sujet.topics.scheme import TOPICS
from sujet.web.headline import lead
from sujet.web.render import bar_chart, highlight
from sujet.web.templating import render

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20


def form_date(value: str | None, problems: list[str]) -> str | None:
    """A date filter from a form, parsed as the API parses it; a bad one is noted in
    ``problems`` (shown above the results) and ignored."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return parse_filter_date(value)
    except BadDate as err:
        problems.append(str(err))
        return None


def page_number(value: int | None) -> int:
    return max(1, value or 1)


@dataclass(slots=True)
class Pager:
    page: int
    size: int
    total: int | None
    shown: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        if self.total is None:
            return self.shown == self.size
        return self.offset + self.shown < self.total


@dataclass(slots=True)
class EventCard:
    event: Event
    sources: list[str]  # independent sources (copies of another report not counted)
    people: list[Entity]
    lead: str = ""
    added_at: str | None = None  # when the store last received a report of it (ISO)
    importance: Importance | None = None


CARD_PEOPLE = 4
CARD_ARTICLES = 20
ORDERS = ("important", "newest")


def _card_lead(event: Event, reports: list[Article], preferred: str) -> str:
    summary = event.summary.get(preferred) or next(iter(event.summary.values()), "")
    if summary:
        return lead(summary)
    first = next((a for a in reports if a.duplicate_of is None), None)
    return lead(first.text) if first is not None else ""


def event_cards(store: Store, events: list[Event], caches: Caches, *,
                preferred_language: str = "en") -> list[EventCard]:
    """Cards of ``events``, in their order, each with its :mod:`sujet.stories.importance`: the
    reports of all cards (the first ``CARD_ARTICLES`` of each) are read in one batch, their key
    entities in another."""
    members = {e.id: [m.article_id for m in e.members[:CARD_ARTICLES]] for e in events}
    articles = {a.id: a for a in store.get_articles([i for ids in members.values() for i in ids])}
    entities = EntityCache(store, caches.entities)
    known = {e.id: e for e in entities.many([i for e in events for i in e.key_entities])}
    reports = {e.id: [articles[i] for i in dict.fromkeys(members[e.id]) if i in articles]
               for e in events}
    ranked = most_important_first(events, reports)
    ranked.sort(key=lambda pair: events.index(pair[0]))
    cards = []
    for event, score in ranked:
        people = [p for i in event.key_entities
                  if (p := known.get(i)) is not None and p.type == "PER"][:CARD_PEOPLE]
        own = reports[event.id]
        added = [a.fetched_at for a in own if a.fetched_at]
        cards.append(EventCard(event, sorted(independent_sources(own)), people,
                               lead=_card_lead(event, own, preferred_language),
                               added_at=max(added) if added else None, importance=score))
    return cards


def resolve_entity(store: Store, value: str | None) -> Entity | None:
    """An entity filter given as an id or as a name (None when it names none)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return find_entity(store, value)
    except NotFound:
        return None


@router.get("/", response_class=HTMLResponse, name="feed_page")
def feed_page(
    request: Request, store: StoreDep, caches: CachesDep,
    language: Annotated[str | None, Query(max_length=8)] = None,
    date_from: Annotated[str | None, Query(max_length=10)] = None,
    date_to: Annotated[str | None, Query(max_length=10)] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    order: Annotated[str | None, Query(max_length=16)] = None,
    page: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    topic: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    """Events as cards: each page of the newest events most important first (or newest first);
    the latest articles when no events exist, and the articles of a topic when one is chosen."""
    language = (language or "").strip() or None
    problems: list[str] = []
    chosen_topic = (topic or "").strip().lower() or None
    if chosen_topic not in (None, *TOPICS):
        problems.append(f"Unknown topic “{topic}”: choose one from the list.")
        chosen_topic = None
    dfrom, dto = form_date(date_from, problems), form_date(date_to, problems)
    chosen_order = order if order in ORDERS else ORDERS[0]
    chosen = resolve_entity(store, entity)
    unknown_entity = bool((entity or "").strip()) and chosen is None
    number = page_number(page)
    offset = (number - 1) * PAGE_SIZE
    cards: list[EventCard] = []
    latest: list[Article] = []
    total: int | None = None
    if chosen_topic and not unknown_entity:
        query = ArticleQuery(language=language, date_from=dfrom, date_to=dto,
                             entity_id=chosen.id if chosen else None, topic=chosen_topic,
                             include_duplicates=False, limit=PAGE_SIZE, offset=offset)
        latest = store.list_articles(query)
        total = store.count_articles(query)
        shown = len(latest)
    elif not unknown_entity:
        wanted = {"language": language, "date_from": dfrom, "date_to": dto,
                  "entity_id": chosen.id if chosen else None}
        events = store.list_events(limit=PAGE_SIZE, offset=offset, order=chosen_order, **wanted)
        cards = event_cards(store, events, caches,
                            preferred_language=request.app.state.settings.stories.preferred_language)
        shown = len(events)
        if events:
            total = store.count_events(**wanted)
        if not cards and number == 1:
            query = ArticleQuery(language=language, date_from=dfrom, date_to=dto,
                                 entity_id=chosen.id if chosen else None,
                                 include_duplicates=False, limit=PAGE_SIZE)
            latest = store.list_articles(query)
            total = len(latest)
            shown = len(latest)
    else:
        shown = 0
    return render(request, "feed.html", {
        "cards": cards, "latest": latest,
        "filters": {"language": language or "", "date_from": (date_from or "").strip(),
                    "date_to": (date_to or "").strip(), "entity": (entity or "").strip(),
                    "order": chosen_order, "topic": chosen_topic or ""},
        "problems": problems, "orders": ORDERS, "topics": TOPICS,
        "export_query": urlencode({k: v for k, v in (
            ("language", language), ("date_from", dfrom), ("date_to", dto),
            ("entity", chosen.id if chosen else None), ("topic", chosen_topic),
            ("include_duplicates", "false")) if v}),
        "chosen": chosen, "unknown_entity": unknown_entity,
        "pager": Pager(number, PAGE_SIZE, total, shown),
        "has_articles": bool(cards or latest) or store.count_articles() > 0,
    })


@router.get("/events/{event_id}", response_class=HTMLResponse, name="event_page")
def event_page(event_id: LiveEventId, request: Request, store: StoreDep) -> Response:
    view = event_view(store, event_id)
    storyline = store.get_storyline(view.event.storyline_id) if view.event.storyline_id else None
    said = store.quotes_of_articles([m.article_id for m in view.event.members])
    quotes = [q for m in view.event.members for q in said.get(m.article_id, [])]
    return render(request, "event.html", {"view": view, "storyline": storyline, "quotes": quotes})


@router.get("/storylines", response_class=HTMLResponse, name="storylines_page")
def storylines_page(request: Request, store: StoreDep,
                    page: Annotated[int | None, Query(ge=1, le=10_000)] = None) -> Response:
    """Every storyline, latest first, with its span and number of events."""
    number = page_number(page)
    items = store.list_storylines(limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    return render(request, "storylines.html", {
        "storylines": items,
        "pager": Pager(number, PAGE_SIZE, store.count_storylines(), len(items))})


@router.get("/storylines/{storyline_id}", response_class=HTMLResponse, name="storyline_page")
def storyline_page(storyline_id: LiveStorylineId, request: Request, store: StoreDep,
                   caches: CachesDep) -> Response:
    storyline = require_storyline(store, storyline_id)
    events = storyline_events(store, storyline)
    people = [e for e in EntityCache(store).many(storyline.key_entities) if e.type == "PER"]
    return render(request, "storyline.html", {"storyline": storyline, "cards":
                                              event_cards(store, events, caches), "people": people})


@router.get("/entities", response_class=HTMLResponse, name="entities_page")
def entities_page(
    request: Request, store: StoreDep,
    type: Annotated[str | None, Query(max_length=3)] = None,
    name: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int | None, Query(ge=1, le=10_000)] = None,
) -> Response:
    kind = type if type in ("PER", "ORG", "LOC") else None
    number = page_number(page)
    query = EntityQuery(type=kind, name=(name or "").strip() or None, limit=PAGE_SIZE,
                        offset=(number - 1) * PAGE_SIZE)
    items = store.list_entities(query)
    return render(request, "entities.html", {
        "entities": items, "filters": {"type": kind or "", "name": (name or "").strip()},
        "pager": Pager(number, PAGE_SIZE, store.count_entities(query), len(items))})


@router.get("/entities/{entity_id}", response_class=HTMLResponse, name="entity_page")
def entity_page(entity_id: str, request: Request, store: StoreDep, caches: CachesDep,
                settings: SettingsDep,
                page: Annotated[int | None, Query(ge=1, le=10_000)] = None) -> Response:
    number = page_number(page)
    timeline = store.mention_timeline(entity_id)
    dossier = build_dossier(store, entity_id, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE,
                            shared=caches.entities, language=settings.stories.preferred_language,
                            timeline=timeline)
    dated = [CountPublic(period=d[:10], count=n) for d, n in timeline]
    undated = max(0, dossier.entity.mentions - sum(n for _, n in timeline))
    return render(request, "entity.html", {
        "d": dossier, "chart": bar_chart(dated, undated=undated), "undated": undated,
        "pager": Pager(number, PAGE_SIZE, dossier.articles.total, len(dossier.articles.items))})


@router.get("/articles/{article_id}", response_class=HTMLResponse, name="article_page")
def article_page(article_id: str, request: Request, store: StoreDep) -> Response:
    article = require_article(store, article_id)
    mentions = store.mentions_of_article(article_id)
    original = store.get_article(article.duplicate_of) if article.duplicate_of else None
    event = store.get_event(article.event_id) if article.event_id else None
    return render(request, "article.html", {
        "article": article, "paragraphs": highlight(article.text, mentions),
        "persons": persons_in_article(mentions, EntityCache(store), article_id),
        "facts": store.facts_of_article(article_id), "original": original, "event": event,
        "source": source_label(article),
        "quotes": store.quotes_of_articles([article_id]).get(article_id, [])})


@router.get("/search", response_class=HTMLResponse, name="search_page")
def search_page(
    request: Request, store: StoreDep,
    q: Annotated[str | None, Query(max_length=500)] = None,
    language: Annotated[str | None, Query(max_length=8)] = None,
    date_from: Annotated[str | None, Query(max_length=10)] = None,
    date_to: Annotated[str | None, Query(max_length=10)] = None,
    page: Annotated[int | None, Query(ge=1, le=500)] = None,
) -> Response:
    q = (q or "").strip()
    problems: list[str] = []
    filters = ArticleFilters(language=(language or "").strip() or None, source=None,
                             date_from=form_date(date_from, problems),
                             date_to=form_date(date_to, problems),
                             entity=None, event=None, include_duplicates=False)
    number = page_number(page)
    result = (run_search(store, q, filters.query(PAGE_SIZE, (number - 1) * PAGE_SIZE))
              if q else None)
    return render(request, "search.html", {
        "q": q, "result": result, "problems": problems,
        "filters": {"language": filters.language or "", "date_from": filters.date_from or "",
                    "date_to": filters.date_to or ""},
        "pager": Pager(number, PAGE_SIZE, result.total if result else 0,
                       len(result.items) if result else 0)})


@router.get("/docs", response_class=HTMLResponse, name="docs_page")
def docs_page(request: Request) -> Response:
    """The API reference, rendered from /openapi.json by a local script (no CDN)."""
    return render(request, "docs.html", {})


def html_error(request: Request, status: int, code: str, message: str) -> Response:
    return render(request, "error.html", {"status": status, "code": code, "message": message},
                  status=status)


def install_web(app: FastAPI) -> None:
    """Adds the UI's pages and its HTML error pages to ``app``."""
    from sujet.web.forms import router as forms_router
    from sujet.web.rankings import router as rankings_router
    from sujet.web.watchlists import router as watchlists_router

    app.state.html_errors = html_error
    app.include_router(router)
    app.include_router(forms_router)
    app.include_router(rankings_router)
    app.include_router(watchlists_router)
