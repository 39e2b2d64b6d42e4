"""SQL conditions for the filters of article and event lists (the same on every backend).

Dates are ISO strings of varying precision ("2024-08-30", "2024-08", "2024"). A record is kept
when its date *may* fall in the range: "2024-08" passes ``date_from="2024-08-15"``. Appending
"~" (sorts after every digit and "-") to the shorter side makes string comparison do that.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select

from sujet.store.base import ArticleQuery
from sujet.store.schema import (
    articles,
    event_entities,
    event_languages,
    event_members,
    events,
    mentions,
)

_AFTER_DIGITS = "~"


def like_escape(value: str) -> str:
    """A value for LIKE ... ESCAPE '\\' that matches itself literally."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _on_or_after(column: Any, date_from: str) -> ColumnElement[bool]:
    return (column + literal(_AFTER_DIGITS)) >= date_from


def _on_or_before(column: Any, date_to: str) -> ColumnElement[bool]:
    return column <= date_to + _AFTER_DIGITS


def articles_of_entity(entity_id: str) -> Select[tuple[str]]:
    """Ids of the articles that mention an entity (served by ``ix_mentions_entity_id``).

    Filters use ``articles.id IN (this)`` rather than a correlated EXISTS: SQLite runs the
    latter as a scan of every article, the former as one index range.
    """
    return select(mentions.c.article_id).where(mentions.c.entity_id == entity_id)


def newest_of_entity(entity_id: str) -> Select[tuple[str, str | None]]:
    """The articles that mention an entity as (article_id, date), newest first (undated last),
    ties by id: the order of the article lists, read from ``ix_mentions_entity_date`` alone
    (one group per article however often it names the entity)."""
    m = mentions.c
    return (
        select(m.article_id, m.date)
        .where(m.entity_id == entity_id)
        .group_by(m.date, m.article_id)
        .order_by(m.date.desc().nulls_last(), m.article_id)
    )


def entity_only(query: ArticleQuery) -> str | None:
    """The entity of a query that filters by an entity and nothing else (its articles are then
    read from the mentions' (entity, date) index without the article rows)."""
    if not query.entity_id:
        return None
    bare = ArticleQuery(entity_id=query.entity_id, limit=query.limit, offset=query.offset)
    return query.entity_id if query == bare else None


def article_conditions(query: ArticleQuery) -> list[ColumnElement[bool]]:
    """WHERE conditions for an ArticleQuery (limit and offset are the caller's)."""
    c = articles.c
    conds: list[ColumnElement[bool]] = []
    if query.language:
        conds.append(c.language == query.language)
    if query.source:
        pattern = f"%{like_escape(query.source)}%"
        conds.append(or_(
            c.source.like(pattern, escape="\\"),
            c.url.like(pattern, escape="\\"),
            c.site == query.source,
        ))
    if query.date_from:
        conds.append(_on_or_after(c.date, query.date_from))
    if query.date_to:
        conds.append(_on_or_before(c.date, query.date_to))
    if query.entity_id:
        conds.append(c.id.in_(articles_of_entity(query.entity_id)))
    if query.event_id:
        conds.append(or_(
            c.event_id == query.event_id,
            c.id.in_(select(event_members.c.article_id)
                     .where(event_members.c.event_id == query.event_id)),
        ))
    if query.topic:
        conds.append(c.topic == query.topic)
    if not query.include_duplicates:
        conds.append(c.duplicate_of.is_(None))
    return conds


def event_conditions(language: str | None, date_from: str | None, date_to: str | None,
                     entity_id: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of ``list_events``; an event's range overlaps the asked range."""
    c = events.c
    conds: list[ColumnElement[bool]] = []
    if language:
        conds.append(c.id.in_(select(event_languages.c.event_id)
                              .where(event_languages.c.language == language)))
    if date_from:
        conds.append(_on_or_after(_coalesce(c.date_to, c.date_from), date_from))
    if date_to:
        conds.append(_on_or_before(_coalesce(c.date_from, c.date_to), date_to))
    if entity_id:
        key_entity = select(event_entities.c.event_id).where(
            event_entities.c.entity_id == entity_id)
        mentioned = select(event_members.c.event_id).where(
            event_members.c.article_id.in_(articles_of_entity(entity_id)))
        conds.append(or_(c.id.in_(key_entity), c.id.in_(mentioned)))
    return conds


def _coalesce(first: Any, second: Any) -> Any:
    return func.coalesce(first, second)
