"""Conversions between the records of ``sujet.model`` and table rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
from sujet.store.stemming import index_stems


def no_nul(value: str) -> str:
    """``value`` with each NUL character, which PostgreSQL text columns refuse, replaced by
    U+FFFD: the length stays the same, so mention and fact spans keep pointing at the same
    characters, and both backends store the same text."""
    return value.replace("\x00", "\ufffd") if "\x00" in value else value


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """The row with NUL characters replaced in its text values (JSON values are handled by
    the store's JSON serializer)."""
    for key, value in row.items():
        if isinstance(value, str) and "\x00" in value:
            row[key] = no_nul(value)
    return row


ARTICLE_FIELDS = (
    "id", "source", "text", "title", "url", "date", "date_precision", "date_source", "language",
    "dateline", "agency", "author", "site", "content_hash", "duplicate_of", "event_id",
    "storyline_id", "fetched_at", "topic",
)


def article_row(article: Article) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row["content_hash"] = article.content_hash or ""
    row["metadata"] = dict(article.metadata or {})
    row["search_stems"] = index_stems(article.title, article.text, article.language)
    return _clean(row)


def article_from_row(row: Mapping[Any, Any]) -> Article:
    values = {name: row[name] for name in ARTICLE_FIELDS}
    return Article(**values, metadata=dict(row["metadata"] or {}))


def mention_rows(article_id: str, mentions: Sequence[Mention]) -> list[dict[str, Any]]:
    return [
        _clean({
            "article_id": article_id, "ord": i, "span_start": m.start, "span_end": m.end,
            "type": m.type, "surface": m.surface, "normal": m.normal, "entity_id": m.entity_id,
            "field": m.field,
        })
        for i, m in enumerate(mentions)
    ]


def mention_from_row(row: Mapping[Any, Any]) -> Mention:
    return Mention(
        article_id=row["article_id"], start=row["span_start"], end=row["span_end"],
        type=row["type"], surface=row["surface"], normal=row["normal"],
        entity_id=row["entity_id"], field=row["field"],
    )


def name_key(name: str) -> str:
    """Case-insensitive lookup key of a name (casefold, collapsed spaces)."""
    return " ".join(name.casefold().split())


def entity_row(entity: Entity) -> dict[str, Any]:
    return _clean({
        "id": entity.id, "type": entity.type, "name": entity.name,
        "name_key": name_key(entity.name), "mentions": entity.mentions,
        "first_seen": entity.first_seen, "last_seen": entity.last_seen,
        "metadata": dict(entity.metadata or {}),
    })


def variant_rows(entity: Entity) -> list[dict[str, Any]]:
    return [
        _clean({"entity_id": entity.id, "ord": i, "variant": v, "variant_key": name_key(v)})
        for i, v in enumerate(entity.variants)
    ]


def position_rows(entity: Entity) -> list[dict[str, Any]]:
    return [
        _clean({
            "entity_id": entity.id, "ord": i, "title": p.title, "date": p.date,
            "article_id": p.article_id, "organisation": p.organisation, "language": p.language,
        })
        for i, p in enumerate(entity.positions)
    ]


def entity_from_rows(row: Mapping[Any, Any], variants: Sequence[Mapping[Any, Any]],
                     positions: Sequence[Mapping[Any, Any]]) -> Entity:
    return Entity(
        id=row["id"], type=row["type"], name=row["name"],
        variants=[v["variant"] for v in sorted(variants, key=lambda v: v["ord"])],
        mentions=row["mentions"], first_seen=row["first_seen"], last_seen=row["last_seen"],
        positions=[
            Position(title=p["title"], date=p["date"], article_id=p["article_id"],
                     organisation=p["organisation"], language=p["language"])
            for p in sorted(positions, key=lambda p: p["ord"])
        ],
        metadata=dict(row["metadata"] or {}),
    )


def fact_rows(article_id: str, facts: Sequence[Fact]) -> list[dict[str, Any]]:
    return [
        _clean({
            "article_id": article_id, "ord": i, "kind": f.kind, "text": f.text,
            "span_start": f.start, "span_end": f.end, "value": dict(f.value or {}),
        })
        for i, f in enumerate(facts)
    ]


def fact_from_row(row: Mapping[Any, Any]) -> Fact:
    return Fact(article_id=row["article_id"], kind=row["kind"], text=row["text"],
                start=row["span_start"], end=row["span_end"], value=dict(row["value"] or {}))


def quote_rows(article_id: str, quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    return [
        _clean({
            "article_id": article_id, "ord": i, "span_start": q.start, "span_end": q.end,
            "text": q.text, "speaker": q.speaker, "entity_id": q.entity_id, "kind": q.kind,
            "cue": q.cue,
        })
        for i, q in enumerate(quotes)
    ]


def quote_from_row(row: Mapping[Any, Any]) -> Quote:
    return Quote(article_id=row["article_id"], text=row["text"], start=row["span_start"],
                 end=row["span_end"], speaker=row["speaker"], entity_id=row["entity_id"],
                 kind=row["kind"], cue=row["cue"])


def event_row(event: Event) -> dict[str, Any]:
    return _clean({
        "id": event.id, "title": event.title, "date_from": event.date_from,
        "date_to": event.date_to, "storyline_id": event.storyline_id,
        "n_articles": len(event.members), "summary": dict(event.summary or {}),
        "metadata": dict(event.metadata or {}), "importance": event.importance,
    })


def event_child_rows(event: Event) -> dict[str, list[dict[str, Any]]]:
    """Rows of the event's member, language and key-entity tables, by table name."""
    return {
        "event_members": [
            _clean({"event_id": event.id, "ord": i, "article_id": m.article_id,
                    "score": float(m.score), "why": list(m.why)})
            for i, m in enumerate(event.members)
        ],
        "event_languages": [
            _clean({"event_id": event.id, "ord": i, "language": lang})
            for i, lang in enumerate(dict.fromkeys(event.languages))
        ],
        "event_entities": [
            _clean({"event_id": event.id, "ord": i, "entity_id": e})
            for i, e in enumerate(dict.fromkeys(event.key_entities))
        ],
    }


def event_from_rows(row: Mapping[Any, Any], members: Sequence[Mapping[Any, Any]],
                    languages: Sequence[Mapping[Any, Any]],
                    key_entities: Sequence[Mapping[Any, Any]]) -> Event:
    def ordered(rows: Sequence[Mapping[Any, Any]]) -> list[Mapping[Any, Any]]:
        return sorted(rows, key=lambda r: r["ord"])

    return Event(
        id=row["id"], title=row["title"],
        languages=[r["language"] for r in ordered(languages)],
        date_from=row["date_from"], date_to=row["date_to"], storyline_id=row["storyline_id"],
        members=[EventMember(article_id=m["article_id"], score=m["score"], why=list(m["why"]))
                 for m in ordered(members)],
        key_entities=[r["entity_id"] for r in ordered(key_entities)],
        summary=dict(row["summary"] or {}),
        metadata=dict(row["metadata"] or {}),
        importance=row["importance"],
    )


def storyline_row(storyline: Storyline) -> dict[str, Any]:
    return _clean({
        "id": storyline.id, "title": storyline.title, "date_from": storyline.date_from,
        "date_to": storyline.date_to, "n_events": len(storyline.event_ids),
        "key_entities": list(storyline.key_entities), "metadata": dict(storyline.metadata or {}),
    })


def storyline_event_rows(storyline: Storyline) -> list[dict[str, Any]]:
    return [
        _clean({"storyline_id": storyline.id, "ord": i, "event_id": e})
        for i, e in enumerate(dict.fromkeys(storyline.event_ids))
    ]


def storyline_from_rows(row: Mapping[Any, Any],
                        events: Sequence[Mapping[Any, Any]]) -> Storyline:
    return Storyline(
        id=row["id"], title=row["title"],
        event_ids=[r["event_id"] for r in sorted(events, key=lambda r: r["ord"])],
        date_from=row["date_from"], date_to=row["date_to"],
        key_entities=list(row["key_entities"] or []), metadata=dict(row["metadata"] or {}),
    )
