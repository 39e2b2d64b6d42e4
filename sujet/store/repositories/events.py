"""Events with their members, languages and entities, and the ids of merged events."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, select

from sujet.model import Article, Event
from sujet.store import schema as t
from sujet.store.aliases import AliasTable
from sujet.store.database import Database, chunks, ids_after, unique_by_id
from sujet.store.filters import event_conditions
from sujet.store.repositories.event_profiles import delete_profiles
from sujet.store.rows import event_child_rows, event_from_rows, event_row
from sujet.stories.importance import score_events

_EVENT_ALIASES = AliasTable(t.event_aliases, t.events)


class EventRepository:
    """The ``events`` table and its child tables; ``articles`` reads reports for importance."""

    _EVENT_CHILDREN = (t.event_members, t.event_languages, t.event_entities)

    def __init__(self, db: Database, articles: Callable[[Sequence[str]], list[Article]]) -> None:
        self.db = db
        self._articles = articles

    def upsert_events(self, events: Sequence[Event]) -> None:
        unique = unique_by_id(events)
        if not unique:
            return
        # every event written gets the importance order key of its stored reports
        score_events(unique, {}, self._articles)
        stmt = self.db.upsert_by_id(t.events)
        with self.db.write() as conn:
            for batch in chunks(unique):
                ids = [e.id for e in batch]
                conn.execute(stmt, [event_row(e) for e in batch])
                _EVENT_ALIASES.forget(conn, ids)
                for child in self._EVENT_CHILDREN:
                    conn.execute(delete(child).where(child.c.event_id.in_(ids)))
                children = [event_child_rows(e) for e in batch]
                for child in self._EVENT_CHILDREN:
                    rows = [row for c in children for row in c[child.name]]
                    for part in chunks(rows):
                        conn.execute(child.insert(), part)

    def delete_events(self, event_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(event_ids))
        with self.db.write() as conn:
            for batch in chunks(ids):
                for child in self._EVENT_CHILDREN:
                    conn.execute(delete(child).where(child.c.event_id.in_(batch)))
                conn.execute(delete(t.events).where(t.events.c.id.in_(batch)))
            delete_profiles(conn, ids)

    def get_event(self, event_id: str) -> Event | None:
        with self.db.read() as conn:
            found = self._load_events(conn, [event_id])
        return found[0] if found else None

    def get_events(self, event_ids: Sequence[str]) -> list[Event]:
        with self.db.read() as conn:
            return self._load_events(conn, list(dict.fromkeys(event_ids)))

    def list_events(self, limit: int = 50, offset: int = 0, language: str | None = None,
                    date_from: str | None = None, date_to: str | None = None,
                    entity_id: str | None = None, order: str | None = None) -> list[Event]:
        recent = func.coalesce(t.events.c.date_to, t.events.c.date_from)
        sort: tuple[Any, ...] = (recent.desc().nulls_last(), t.events.c.n_articles.desc(),
                                 t.events.c.id)
        if order == "important":
            sort = (t.events.c.importance.desc().nulls_last(), *sort)
        stmt = (
            select(t.events.c.id)
            .where(*event_conditions(language, date_from, date_to, entity_id))
            .order_by(*sort)
            .limit(max(0, limit))
            .offset(max(0, offset))
        )
        with self.db.read() as conn:
            ids = list(conn.execute(stmt).scalars())
            return self._load_events(conn, ids)

    def count_events(self, language: str | None = None, date_from: str | None = None,
                     date_to: str | None = None, entity_id: str | None = None) -> int:
        stmt = (
            select(func.count())
            .select_from(t.events)
            .where(*event_conditions(language, date_from, date_to, entity_id))
        )
        with self.db.read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def iter_events(self, batch: int = 1000) -> Iterator[Event]:
        last = ""
        while True:
            with self.db.read() as conn:
                ids = ids_after(conn, t.events.c.id, last, batch)
                found = self._load_events(conn, ids)
            if not ids:
                return
            last = ids[-1]
            yield from found

    def _load_events(self, conn: Connection, ids: Sequence[str]) -> list[Event]:
        rows: dict[str, Mapping[Any, Any]] = {}
        children: dict[str, dict[str, list[Mapping[Any, Any]]]] = {
            child.name: {} for child in self._EVENT_CHILDREN
        }
        for batch in chunks(ids):
            for r in conn.execute(select(t.events).where(t.events.c.id.in_(batch))).mappings():
                rows[r["id"]] = r
            for child in self._EVENT_CHILDREN:
                for r in conn.execute(
                    select(child).where(child.c.event_id.in_(batch))
                ).mappings():
                    children[child.name].setdefault(r["event_id"], []).append(r)
        return [
            event_from_rows(
                rows[i],
                children["event_members"].get(i, []),
                children["event_languages"].get(i, []),
                children["event_entities"].get(i, []),
            )
            for i in ids
            if i in rows
        ]


    def add_event_aliases(self, aliases: Mapping[str, str]) -> None:
        if aliases:
            with self.db.write() as conn:
                _EVENT_ALIASES.add(conn, self.db.backend, aliases)

    def resolve_event_id(self, event_id: str) -> str | None:
        with self.db.read() as conn:
            return _EVENT_ALIASES.resolve(conn, event_id)
