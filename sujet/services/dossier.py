"""A person's (or organisation's, or place's) dossier, assembled from the store: the one the
API, the web page and `sujet entity` show.

Variants grouped by script, position history, mentions per month, co-mentioned entities, a
page of articles and what the entity said.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

from sujet.api.caching import TTLCache
from sujet.api.schemas import (
    ArticleSummaryPublic,
    CoMentionPublic,
    CountPublic,
    DossierPublic,
    EntityPublic,
    ListPublic,
    PositionPublic,
    QuotePublic,
)
from sujet.entities.careers import careers, latest_career, org_key_of
from sujet.errors import NotFound
from sujet.model import Entity
from sujet.services.entity_cache import EntityCache
from sujet.store.base import ArticleQuery, EntityQuery, Store

# Co-mentions are counted over the newest CO_MENTION_ARTICLES articles of the entity (one
# grouped query; bounded so that the dossier of a place named in half the corpus stays fast).
CO_MENTION_ARTICLES = 1000
CO_MENTION_TOP = 12
QUOTES = 20  # what the entity said: the newest quotes


def script_of(text: str) -> str:
    """"Cyrillic", "Latin", "Greek", ... : the script of the first letter of ``text``."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return name.split(" ", 1)[0].title() if name else "Other"
    return "Other"


def variants_by_script(entity: Entity) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for variant in dict.fromkeys([entity.name, *entity.variants]):
        groups.setdefault(script_of(variant), []).append(variant)
    return groups


def month_of(date: str | None) -> str | None:
    return date[:7] if date and len(date) >= 7 else (date[:4] if date else None)


def mentions_over_time(timeline: Iterable[tuple[str | None, int]]) -> list[CountPublic]:
    """Mentions per month (per year when only the year is known), oldest first, from mention
    counts per article date."""
    counts: Counter[str] = Counter()
    for date, n in timeline:
        period = month_of(date)
        if period:
            counts[period] += n
    return [CountPublic(period=p, count=c) for p, c in sorted(counts.items())]


def build_dossier(store: Store, entity_id: str, *, limit: int = 20, offset: int = 0,
                  shared: TTLCache[Entity | None] | None = None,
                  language: str | None = None,
                  timeline: list[tuple[str, int]] | None = None) -> DossierPublic:
    """Everything the page shows, each part read by one bounded query: the chart from mention
    counts per date, co-mentions from one grouped count, one page of articles and its total.
    Positions are careers (:func:`sujet.entities.careers.careers`), titled in ``language``
    where the person has one in it. ``timeline`` is ``store.mention_timeline(entity_id)`` when
    the caller has read it already."""
    entity = store.get_entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity with id {entity_id}")
    total = store.count_articles(ArticleQuery(entity_id=entity_id))
    page = store.list_articles(ArticleQuery(entity_id=entity_id, limit=limit, offset=offset))
    history = careers(entity.positions, language, org_key_of(store.find_entities))
    public = EntityPublic.of(entity)
    if (latest := latest_career(history)) is not None:
        public.last_position = PositionPublic.of_career(latest)
    return DossierPublic(
        entity=public,
        variants_by_script=variants_by_script(entity),
        positions=[PositionPublic.of_career(c) for c in history],
        mentions_over_time=mentions_over_time(
            store.mention_timeline(entity_id) if timeline is None else timeline),
        co_mentioned=co_mentioned(store, entity_id, total, shared),
        articles=ListPublic[ArticleSummaryPublic](
            items=[ArticleSummaryPublic.of(a) for a in page], total=total, limit=limit,
            offset=offset),
        quotes=[QuotePublic.of(q) for q in store.quotes_of_entity(entity_id, limit=QUOTES)],
    )


def co_mentioned(store: Store, entity_id: str, articles: int,
                 shared: TTLCache[Entity | None] | None = None) -> list[CoMentionPublic]:
    """Entities mentioned in the same articles (of the ``articles`` that mention the entity, at
    most the newest CO_MENTION_ARTICLES), by number of shared articles."""
    recent = CO_MENTION_ARTICLES if articles > CO_MENTION_ARTICLES else None
    together = store.co_mentions(entity_id, limit=CO_MENTION_TOP, recent=recent)
    found = {e.id: e for e in EntityCache(store, shared).many([i for i, _ in together])}
    return [CoMentionPublic(entity_id=other.id, name=other.name, type=other.type, articles=n)
            for other_id, n in together if (other := found.get(other_id)) is not None]


def find_entity(store: Store, name_or_id: str) -> Entity:
    """The entity ``name_or_id`` names: an id, the one id it is a prefix of (4 characters or
    more), else the most mentioned entity with that name or variant, else with a name
    containing it."""
    entity = store.get_entity(name_or_id)
    if entity is None and len(name_or_id) >= 4:
        ids = store.ids_with_prefix("entity", name_or_id, limit=2)
        if len(ids) == 1:
            entity = store.get_entity(ids[0])
    if entity is None:
        exact = sorted(store.find_entities(name_or_id), key=lambda e: -e.mentions)
        partial = store.list_entities(EntityQuery(name=name_or_id, limit=50))
        found = exact or sorted(partial, key=lambda e: -e.mentions)
        if not found:
            raise NotFound(f"no entity named {name_or_id!r}")
        entity = found[0]
    return entity
