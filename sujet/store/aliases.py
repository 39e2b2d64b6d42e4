"""Ids of merged records: an event or storyline merged into another keeps answering as an alias
of its survivor, so links to it never stop working.

One implementation serves events and storylines (:class:`AliasTable`). The rules:

- an alias never points at itself, and a cycle cannot be written: when a new survivor was itself
  merged (directly or through a chain) into the id being merged now, the newer merge wins and the
  survivor stops being an alias;
- aliases are kept flat on write: the survivor named is replaced by its own survivor, and the
  aliases that pointed at the id being merged are re-pointed at the final survivor (lookups still
  follow a chain, should one exist);
- a live record wins: storing a record under an id that is an alias ends the alias (see
  :meth:`AliasTable.forget`), and while both exist a lookup answers the live id;
- deleting a record touches no alias, to it or from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Select, Table, delete, select, update

from sujet.errors import InputError
from sujet.store.backend import Backend
from sujet.store.rows import no_nul

# Longest chain a lookup follows; writes keep chains at one step, so this only bounds damage.
MAX_HOPS = 64


def alias_pairs(aliases: Mapping[str, str]) -> list[tuple[str, str]]:
    """The (alias, survivor) pairs to write, in order; an id mapped to itself is left out."""
    pairs = []
    for alias, survivor in aliases.items():
        if not isinstance(alias, str) or not isinstance(survivor, str) or not alias or not survivor:
            raise InputError(f"an alias needs two non-empty ids, got {alias!r} -> {survivor!r}")
        alias, survivor = no_nul(alias), no_nul(survivor)
        if alias != survivor:
            pairs.append((alias, survivor))
    return pairs


@dataclass(frozen=True, slots=True)
class AliasTable:
    """The aliases (``alias`` -> ``survivor``) of the records of ``live`` (keyed by ``id``)."""

    table: Table
    live: Table

    def add(self, conn: Connection, backend: Backend, aliases: Mapping[str, str]) -> None:
        """Record each ``alias`` as merged into ``survivor``, inside the caller's transaction.
        Writing the same pairs again changes nothing."""
        pairs = alias_pairs(aliases)
        if not pairs:
            return
        # Each pair is read, then written: two writers at once could otherwise form a cycle.
        backend.lock_for_writing(conn, self.table)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        alias_c, survivor_c = self.table.c.alias, self.table.c.survivor
        stmt = backend.insert(self.table)
        upsert = stmt.on_conflict_do_update(
            index_elements=["alias"], set_={"survivor": stmt.excluded.survivor},
            where=survivor_c != stmt.excluded.survivor,
        )
        for alias, survivor in pairs:
            final = self._last(conn, survivor)
            if final == alias:
                # ``survivor`` had been merged into ``alias``: this newer merge reverses that.
                conn.execute(delete(self.table).where(alias_c == survivor))
                final = survivor
            conn.execute(upsert.values(alias=alias, survivor=final, recorded_at=now))
            conn.execute(update(self.table).where(survivor_c == alias).values(survivor=final))

    def forget(self, conn: Connection, ids: Iterable[str]) -> None:
        """``ids`` are stored as live records again: they stop being aliases."""
        wanted = list(ids)
        if wanted:
            conn.execute(delete(self.table).where(self.table.c.alias.in_(wanted)))

    def resolve(self, conn: Connection, record_id: str) -> str | None:
        """The live id for a live id, the last survivor for an alias (even when that record is
        gone: its own lookup then says so), None for an id that is neither."""
        current = no_nul(record_id)
        seen: set[str] = set()
        while current not in seen and len(seen) < MAX_HOPS:
            seen.add(current)
            is_live, survivor = conn.execute(self._step(current)).one()
            if is_live is not None:
                return current
            if survivor is None:
                return current if len(seen) > 1 else None
            current = survivor
        return current

    def _last(self, conn: Connection, record_id: str) -> str:
        """Where the aliases lead from ``record_id`` (itself when it is not an alias)."""
        current = record_id
        seen = {current}
        for _ in range(MAX_HOPS):
            survivor = conn.execute(
                select(self.table.c.survivor).where(self.table.c.alias == current)
            ).scalar()
            if survivor is None or survivor in seen:
                break
            seen.add(current := survivor)
        return current

    def _step(self, record_id: str) -> Select[Any]:
        """One query: is ``record_id`` live, and which survivor does it name?"""
        live = select(self.live.c.id).where(self.live.c.id == record_id).scalar_subquery()
        survivor = (
            select(self.table.c.survivor).where(self.table.c.alias == record_id).scalar_subquery()
        )
        return select(live, survivor)
