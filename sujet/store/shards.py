"""Shards of a big input that an ingest finished: a re-run after a crash skips them.

A big input (a folder of many pages, a large WARC) is read in shards of a fixed number of files
or records (:mod:`sujet.pipeline.shards`). When every page of a shard is stored and enriched,
the shard is recorded here, keyed by the input's identity and the shard's number; a run that
ends normally forgets its inputs' shards, so only an interrupted run leaves any behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    delete,
    select,
)

from sujet.errors import StoreError
from sujet.store.backend import Backend
from sujet.store.database import Database
from sujet.store.schema import metadata

ingest_shards = Table(
    "ingest_shards",
    metadata,
    Column("input_id", String(64), nullable=False),  # the input's identity (see the pipeline)
    Column("shard", Integer, nullable=False),
    Column("items", Integer, nullable=False),  # pages and unreadable records it held
    Column("finished_at", String(40), nullable=False),
    PrimaryKeyConstraint("input_id", "shard"),
)


def create_shard_table(conn: Connection, backend: Backend) -> None:
    """Migration 10 (a store created at that version already has the table)."""
    ingest_shards.create(conn, checkfirst=True)


class ShardLog:
    """The finished shards of the store's inputs."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def of(cls, store: Any) -> ShardLog:
        db = getattr(store, "db", None)
        if not isinstance(db, Database):
            raise StoreError(f"{type(store).__name__} keeps no ingest shards")
        return cls(db)

    def finished(self, input_id: str) -> set[int]:
        col = ingest_shards.c
        with self.db.read() as conn:
            return set(conn.execute(select(col.shard).where(col.input_id == input_id)).scalars())

    def finish(self, input_id: str, shard: int, items: int) -> None:
        row = {"input_id": input_id, "shard": shard, "items": items,
               "finished_at": datetime.now(UTC).isoformat(timespec="seconds")}
        stmt = self.db.backend.insert(ingest_shards).values(**row)
        stmt = stmt.on_conflict_do_update(index_elements=["input_id", "shard"],
                                          set_={"items": row["items"],
                                                "finished_at": row["finished_at"]})
        with self.db.write() as conn:
            conn.execute(stmt)

    def forget(self, input_ids: Sequence[str]) -> None:
        if not input_ids:
            return
        with self.db.write() as conn:
            conn.execute(delete(ingest_shards).where(ingest_shards.c.input_id.in_(list(input_ids))))
