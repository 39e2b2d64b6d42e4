"""Storylines (chains of events) and the ids of merged storylines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, select

from sujet.model import Storyline
from sujet.store import schema as t
from sujet.store.aliases import AliasTable
from sujet.store.database import Database, chunks, unique_by_id
from sujet.store.rows import storyline_event_rows, storyline_from_rows, storyline_row

_STORYLINE_ALIASES = AliasTable(t.storyline_aliases, t.storylines)


class StorylineRepository:
    """The ``storylines`` and ``storyline_events`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def upsert_storylines(self, storylines: Sequence[Storyline]) -> None:
        unique = unique_by_id(storylines)
        if not unique:
            return
        stmt = self.db.upsert_by_id(t.storylines)
        with self.db.write() as conn:
            for batch in chunks(unique):
                ids = [s.id for s in batch]
                conn.execute(stmt, [storyline_row(s) for s in batch])
                _STORYLINE_ALIASES.forget(conn, ids)
                conn.execute(
                    delete(t.storyline_events).where(t.storyline_events.c.storyline_id.in_(ids))
                )
                rows = [row for s in batch for row in storyline_event_rows(s)]
                for part in chunks(rows):
                    conn.execute(t.storyline_events.insert(), part)

    def delete_storylines(self, storyline_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(storyline_ids))
        with self.db.write() as conn:
            for batch in chunks(ids):
                conn.execute(
                    delete(t.storyline_events).where(t.storyline_events.c.storyline_id.in_(batch))
                )
                conn.execute(delete(t.storylines).where(t.storylines.c.id.in_(batch)))

    def get_storyline(self, storyline_id: str) -> Storyline | None:
        with self.db.read() as conn:
            found = self._load_storylines(conn, [storyline_id])
        return found[0] if found else None

    def list_storylines(self, limit: int = 50, offset: int = 0) -> list[Storyline]:
        recent = func.coalesce(t.storylines.c.date_to, t.storylines.c.date_from)
        stmt = (
            select(t.storylines.c.id)
            .order_by(recent.desc().nulls_last(), t.storylines.c.n_events.desc(),
                      t.storylines.c.id)
            .limit(max(0, limit))
            .offset(max(0, offset))
        )
        with self.db.read() as conn:
            ids = list(conn.execute(stmt).scalars())
            return self._load_storylines(conn, ids)

    def count_storylines(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(t.storylines)).scalar_one())

    def storyline_ids(self) -> set[str]:
        with self.db.read() as conn:
            return {str(i) for i in conn.execute(select(t.storylines.c.id)).scalars()}

    def _load_storylines(self, conn: Connection, ids: Sequence[str]) -> list[Storyline]:
        rows: dict[str, Mapping[Any, Any]] = {}
        events: dict[str, list[Mapping[Any, Any]]] = {}
        for batch in chunks(ids):
            for r in conn.execute(
                select(t.storylines).where(t.storylines.c.id.in_(batch))
            ).mappings():
                rows[r["id"]] = r
            for r in conn.execute(
                select(t.storyline_events).where(t.storyline_events.c.storyline_id.in_(batch))
            ).mappings():
                events.setdefault(r["storyline_id"], []).append(r)
        return [storyline_from_rows(rows[i], events.get(i, [])) for i in ids if i in rows]


    def add_storyline_aliases(self, aliases: Mapping[str, str]) -> None:
        if aliases:
            with self.db.write() as conn:
                _STORYLINE_ALIASES.add(conn, self.db.backend, aliases)

    def resolve_storyline_id(self, storyline_id: str) -> str | None:
        with self.db.read() as conn:
            return _STORYLINE_ALIASES.resolve(conn, storyline_id)
