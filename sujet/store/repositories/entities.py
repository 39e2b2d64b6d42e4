"""Entities with their name variants, positions and name keys.

The name keys (``entity_name_keys``, migration 11: :func:`sujet.entities.name_keys.entity_keys`
of each entity) are rewritten with the entity's other rows, in the same transaction, so that a
lookup by key always finds the entities as stored.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Index,
    PrimaryKeyConstraint,
    Select,
    String,
    Table,
    Text,
    delete,
    func,
    or_,
    select,
)

from sujet.entities.name_keys import entity_keys
from sujet.model import Entity
from sujet.store import schema as t
from sujet.store.backend import Backend
from sujet.store.base import EntityQuery
from sujet.store.database import Database, chunks, ids_after, unique_by_id
from sujet.store.filters import like_escape
from sujet.store.rows import (
    entity_from_rows,
    entity_row,
    name_key,
    no_nul,
    position_rows,
    variant_rows,
)

# The lookup keys of every name and variant of each entity: the entity resolver finds a name's
# candidates here instead of holding every entity. The primary key serves lookups by key; the
# second index, the rewrite of an entity's keys.
entity_name_keys = Table(
    "entity_name_keys",
    t.metadata,
    Column("key", Text, nullable=False),
    Column("entity_id", String(64), ForeignKey("entities.id", ondelete="CASCADE"),
           nullable=False),
    PrimaryKeyConstraint("key", "entity_id"),
)
Index("ix_entity_name_keys_entity_id", entity_name_keys.c.entity_id)


def create_name_key_table(conn: Connection, backend: Backend) -> None:
    """Migration 11: the table (a store created since has it from migration 1) and the keys of
    the entities an older store holds, computed from their names and variants."""
    entity_name_keys.create(conn, checkfirst=True)
    backfill_name_keys(conn)


class EntityRepository:
    """The ``entities``, ``entity_variants`` and ``entity_positions`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def upsert_entities(self, entities: Sequence[Entity]) -> None:
        unique = unique_by_id(entities)
        if not unique:
            return
        stmt = self.db.upsert_by_id(t.entities)
        with self.db.write() as conn:
            for batch in chunks(unique):
                ids = [e.id for e in batch]
                conn.execute(stmt, [entity_row(e) for e in batch])
                conn.execute(delete(t.entity_variants).where(t.entity_variants.c.entity_id.in_(ids)))
                conn.execute(
                    delete(t.entity_positions).where(t.entity_positions.c.entity_id.in_(ids))
                )
                conn.execute(
                    delete(entity_name_keys).where(entity_name_keys.c.entity_id.in_(ids))
                )
                variants = [row for e in batch for row in variant_rows(e)]
                positions = [row for e in batch for row in position_rows(e)]
                keys = [row for e in batch for row in key_rows(e)]
                for rows in chunks(variants):
                    conn.execute(t.entity_variants.insert(), rows)
                for rows in chunks(positions):
                    conn.execute(t.entity_positions.insert(), rows)
                for rows in chunks(keys):
                    conn.execute(entity_name_keys.insert(), rows)

    def get_entity(self, entity_id: str) -> Entity | None:
        with self.db.read() as conn:
            found = self._load_entities(conn, [entity_id])
        return found[0] if found else None

    def get_entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        wanted = list(dict.fromkeys(entity_ids))
        if not wanted:
            return []
        with self.db.read() as conn:
            return self._load_entities(conn, wanted)

    def has_entity(self, entity_id: str) -> bool:
        stmt = select(t.entities.c.id).where(t.entities.c.id == entity_id)
        with self.db.read() as conn:
            return conn.execute(stmt).first() is not None

    def ids_for_keys(self, keys: Sequence[str]) -> dict[str, set[str]]:
        """For each of ``keys`` that has any, the ids of the entities with a name under it."""
        k = entity_name_keys.c
        stored = {no_nul(key): key for key in keys}  # as key_rows writes them
        out: dict[str, set[str]] = {}
        with self.db.read() as conn:
            for batch in chunks(stored):
                for key, entity_id in conn.execute(
                    select(k.key, k.entity_id).where(k.key.in_(batch))
                ):
                    out.setdefault(stored[key], set()).add(entity_id)
        return out

    def find_entities(self, name: str) -> list[Entity]:
        key = name_key(name)
        if not key:
            return []
        by_variant = select(t.entity_variants.c.entity_id).where(
            t.entity_variants.c.variant_key == key
        )
        stmt = (
            select(t.entities.c.id)
            .where(or_(t.entities.c.name_key == key, t.entities.c.id.in_(by_variant)))
            .order_by(t.entities.c.mentions.desc(), t.entities.c.id)
        )
        with self.db.read() as conn:
            ids = list(conn.execute(stmt).scalars())
            return self._load_entities(conn, ids)

    @staticmethod
    def _entity_filters(stmt: Select[Any], q: EntityQuery) -> Select[Any]:
        if q.type:
            stmt = stmt.where(t.entities.c.type == q.type)
        if q.name:
            pattern = f"%{like_escape(name_key(q.name))}%"
            by_variant = select(t.entity_variants.c.entity_id).where(
                t.entity_variants.c.variant_key.like(pattern, escape="\\")
            )
            stmt = stmt.where(or_(t.entities.c.name_key.like(pattern, escape="\\"),
                                  t.entities.c.id.in_(by_variant)))
        return stmt

    def count_entities(self, query: EntityQuery | None = None) -> int:
        stmt = self._entity_filters(select(func.count()).select_from(t.entities),
                                    query or EntityQuery())
        with self.db.read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def list_entities(self, query: EntityQuery | None = None) -> list[Entity]:
        q = query or EntityQuery()
        stmt = self._entity_filters(select(t.entities.c.id), q)
        stmt = (
            stmt.order_by(t.entities.c.mentions.desc(), t.entities.c.name, t.entities.c.id)
            .limit(max(0, q.limit))
            .offset(max(0, q.offset))
        )
        with self.db.read() as conn:
            ids = list(conn.execute(stmt).scalars())
            return self._load_entities(conn, ids)

    def iter_entities(self, batch: int = 1000) -> Iterator[Entity]:
        last = ""
        while True:
            with self.db.read() as conn:
                ids = ids_after(conn, t.entities.c.id, last, batch)
                found = self._load_entities(conn, ids)
            if not ids:
                return
            last = ids[-1]
            yield from found

    def _load_entities(self, conn: Connection, ids: Sequence[str]) -> list[Entity]:
        """Entities by id with their variants and positions, in the order of ``ids``."""
        rows: dict[str, Mapping[Any, Any]] = {}
        variants: dict[str, list[Mapping[Any, Any]]] = {}
        positions: dict[str, list[Mapping[Any, Any]]] = {}
        for batch in chunks(ids):
            for r in conn.execute(select(t.entities).where(t.entities.c.id.in_(batch))).mappings():
                rows[r["id"]] = r
            for r in conn.execute(
                select(t.entity_variants).where(t.entity_variants.c.entity_id.in_(batch))
            ).mappings():
                variants.setdefault(r["entity_id"], []).append(r)
            for r in conn.execute(
                select(t.entity_positions).where(t.entity_positions.c.entity_id.in_(batch))
            ).mappings():
                positions.setdefault(r["entity_id"], []).append(r)
        return [
            entity_from_rows(rows[i], variants.get(i, []), positions.get(i, []))
            for i in ids
            if i in rows
        ]

    def delete_entities(self, entity_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(entity_ids))
        with self.db.write() as conn:
            for batch in chunks(ids):
                for child in (t.entity_variants, t.entity_positions, entity_name_keys):
                    conn.execute(delete(child).where(child.c.entity_id.in_(batch)))
                conn.execute(delete(t.entities).where(t.entities.c.id.in_(batch)))



def key_rows(entity: Entity) -> list[dict[str, str]]:
    """The ``entity_name_keys`` rows of an entity (NUL characters replaced, as in its names)."""
    keys = {no_nul(key) for key in entity_keys(entity)}
    return [{"key": key, "entity_id": no_nul(entity.id)} for key in sorted(keys)]


def backfill_name_keys(conn: Connection, batch: int = 1000) -> int:
    """Write the name keys of every stored entity (migration 11); returns the entities done."""
    e, v = t.entities.c, t.entity_variants.c
    last, done = "", 0
    while True:
        rows = conn.execute(
            select(e.id, e.type, e.name).where(e.id > last).order_by(e.id).limit(batch)
        ).all()
        if not rows:
            return done
        ids = [r.id for r in rows]
        variants: dict[str, list[str]] = {}
        for entity_id, variant in conn.execute(
            select(v.entity_id, v.variant).where(v.entity_id.in_(ids)).order_by(v.entity_id, v.ord)
        ):
            variants.setdefault(entity_id, []).append(variant)
        conn.execute(delete(entity_name_keys).where(entity_name_keys.c.entity_id.in_(ids)))
        keys = [row for r in rows
                for row in key_rows(Entity(r.id, r.type, r.name, variants=variants.get(r.id, [])))]
        for part in chunks(keys):
            conn.execute(entity_name_keys.insert(), part)
        last, done = ids[-1], done + len(ids)
