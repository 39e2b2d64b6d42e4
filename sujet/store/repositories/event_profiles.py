"""Event profiles (:mod:`sujet.stories.profiles`): the days an event covers, its topic vector
and its key names, with an index from each name to the events that have it."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, and_, delete, func, or_, select

from sujet.store import schema as t
from sujet.store.backend import Backend
from sujet.store.database import Database, chunks
from sujet.stories.profiles import ProfileRecord

_P = t.event_profiles
_K = t.event_keys


def create_profile_tables(conn: Connection, backend: Backend) -> None:
    """Migration 12: the profile tables, empty (the event enricher profiles the stored events
    on first use)."""
    _P.create(conn, checkfirst=True)
    _K.create(conn, checkfirst=True)
    for table in (_P, _K):
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def delete_profiles(conn: Connection, ids: Sequence[str]) -> None:
    """Drop the profiles of ``ids`` inside the caller's transaction."""
    for batch in chunks(ids):
        conn.execute(delete(_K).where(_K.c.event_id.in_(batch)))
        conn.execute(delete(_P).where(_P.c.event_id.in_(batch)))


class EventProfileRepository:
    """The ``event_profiles`` and ``event_keys`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def put_event_profiles(self, profiles: Sequence[ProfileRecord]) -> None:
        unique = list({p.event_id: p for p in profiles}.values())
        if not unique:
            return
        with self.db.write() as conn:
            delete_profiles(conn, [p.event_id for p in unique])
            for batch in chunks(unique):
                conn.execute(_P.insert(), [
                    {"event_id": p.event_id, "day_lo": p.day_from, "day_hi": p.day_to,
                     "year": p.year, "vector": p.vector_bytes(), "names": sorted(p.names)}
                    for p in batch])
            keys = [{"key": k, "event_id": p.event_id} for p in unique for k in sorted(p.names)]
            for part in chunks(keys):
                conn.execute(_K.insert(), part)

    def event_profiles(self, event_ids: Sequence[str]) -> dict[str, ProfileRecord]:
        out: dict[str, ProfileRecord] = {}
        with self.db.read() as conn:
            for batch in chunks(list(dict.fromkeys(event_ids))):
                for r in conn.execute(select(_P).where(_P.c.event_id.in_(batch))).mappings():
                    out[r["event_id"]] = ProfileRecord.from_row(
                        r["event_id"], bytes(r["vector"]), r["names"] or [], r["day_lo"],
                        r["day_hi"], r["year"])
        return out

    def events_covering(self, day_from: int, day_to: int) -> list[str]:
        """Ids of the events whose members' dates can fall between the two days."""
        stmt = select(_P.c.event_id).where(_P.c.day_hi >= day_from, _P.c.day_lo <= day_to)
        with self.db.read() as conn:
            return sorted(str(i) for i in conn.execute(stmt).scalars())

    def events_with_keys(self, keys: Sequence[str], day_from: int | None,
                         day_to: int | None) -> list[str]:
        """Ids of the events that have one of ``keys`` and can lie between the two days
        (undated events always can; no bound when the days are None)."""
        out: set[str] = set()
        when = []
        if day_from is not None and day_to is not None:
            when = [or_(_P.c.day_lo.is_(None),
                        and_(_P.c.day_hi >= day_from, _P.c.day_lo <= day_to))]
        with self.db.read() as conn:
            for batch in chunks(sorted(set(keys))):
                stmt = (select(_K.c.event_id).join(_P, _P.c.event_id == _K.c.event_id)
                        .where(_K.c.key.in_(batch), *when))
                out.update(str(i) for i in conn.execute(stmt).scalars())
        return sorted(out)

    def key_event_counts(self, keys: Sequence[str]) -> dict[str, int]:
        """How many events have each of ``keys`` (absent: none)."""
        out: dict[str, int] = {}
        with self.db.read() as conn:
            for batch in chunks(sorted(set(keys))):
                stmt = (select(_K.c.key, func.count()).where(_K.c.key.in_(batch))
                        .group_by(_K.c.key))
                out.update((str(k), int(c)) for k, c in conn.execute(stmt))
        return out

    def count_event_profiles(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(_P)).scalar_one())

    def events_without_profiles(self, limit: int = 1000) -> list[str]:
        """Up to ``limit`` ids of stored events that have no profile yet (in id order)."""
        stmt = (select(t.events.c.id)
                .where(~select(_P.c.event_id).where(_P.c.event_id == t.events.c.id).exists())
                .order_by(t.events.c.id).limit(limit))
        with self.db.read() as conn:
            return [str(i) for i in conn.execute(stmt).scalars()]
