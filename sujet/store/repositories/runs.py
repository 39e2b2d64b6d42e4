"""Ingest bookkeeping: runs, polled sources, documents rejected at extraction, and caches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, desc, select

from sujet.errors import InputError
from sujet.store import schema as t
from sujet.store.base import IngestRecord, RejectedDocument
from sujet.store.database import Database, chunks
from sujet.store.rows import no_nul


class RunRepository:
    """The ``runs``, ``sources``, ``rejected_documents`` and ``cache`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def remember_rejects(self, rejects: Sequence[RejectedDocument]) -> None:
        rows = {r.key: {"key": r.key, "source": no_nul(r.source), "stage": r.stage,
                        "code": r.code, "reason": no_nul(r.reason)[:1000],
                        "rejected_at": r.rejected_at} for r in rejects}
        if not rows:
            return
        stmt = self.db.backend.insert(t.rejected_documents)
        stmt = stmt.on_conflict_do_update(
            index_elements=["key"],
            set_={c: stmt.excluded[c] for c in ("source", "stage", "code", "reason", "rejected_at")},
        )
        with self.db.write() as conn:
            for batch in chunks(rows.values()):
                conn.execute(stmt, list(batch))

    def rejected_keys(self, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        col = t.rejected_documents.c.key
        with self.db.read() as conn:
            for batch in chunks(list(dict.fromkeys(keys))):
                found.update(conn.execute(select(col).where(col.in_(batch))).scalars())
        return found

    def forget_rejects(self, keys: Sequence[str]) -> None:
        col = t.rejected_documents.c.key
        with self.db.write() as conn:
            for batch in chunks(list(dict.fromkeys(keys))):
                conn.execute(delete(t.rejected_documents).where(col.in_(batch)))

    def list_rejects(self, limit: int = 100) -> list[RejectedDocument]:
        tbl = t.rejected_documents
        stmt = select(tbl).order_by(desc(tbl.c.rejected_at), tbl.c.key).limit(limit)
        with self.db.read() as conn:
            return [RejectedDocument(r.key, r.source, r.stage, r.code, r.reason, r.rejected_at)
                    for r in conn.execute(stmt)]

    def get_cached(self, namespace: str, keys: Sequence[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return found
        with self.db.read() as conn:
            for batch in chunks(wanted):
                for key, value in conn.execute(
                    select(t.cache.c.key, t.cache.c.value).where(
                        t.cache.c.namespace == namespace, t.cache.c.key.in_(batch)
                    )
                ):
                    found[key] = bytes(value)
        return found

    def put_cached(self, namespace: str, items: Sequence[tuple[str, bytes]]) -> None:
        unique = {key: bytes(value) for key, value in items}
        if not unique:
            return
        stmt = self.db.backend.insert(t.cache)
        stmt = stmt.on_conflict_do_update(
            index_elements=["namespace", "key"], set_={"value": stmt.excluded.value}
        )
        with self.db.write() as conn:
            for batch in chunks(unique.items()):
                conn.execute(stmt, [{"namespace": namespace, "key": k, "value": v}
                                    for k, v in batch])

    def record_run(self, run: IngestRecord) -> None:
        row = {
            "run_id": run.run_id, "started_at": run.started_at, "finished_at": run.finished_at,
            "inputs": list(run.inputs), "stats": dict(run.stats),
        }
        stmt = self.db.backend.insert(t.runs).values(row)
        stmt = stmt.on_conflict_do_update(
            index_elements=["run_id"],
            set_={k: stmt.excluded[k] for k in row if k != "run_id"},
        )
        with self.db.write() as conn:
            conn.execute(stmt)

    def list_runs(self, limit: int = 20) -> list[IngestRecord]:
        stmt = (
            select(t.runs)
            .order_by(desc(t.runs.c.started_at), desc(t.runs.c.run_id))
            .limit(max(0, limit))
        )
        with self.db.read() as conn:
            return [
                IngestRecord(run_id=r["run_id"], started_at=r["started_at"],
                             finished_at=r["finished_at"], inputs=list(r["inputs"]),
                             stats=dict(r["stats"]))
                for r in conn.execute(stmt).mappings()
            ]

    def upsert_source(self, source: dict[str, Any]) -> None:
        """Merge ``source`` into the stored one with the same ``url`` (keys not given are kept)."""
        url = source.get("url")
        if not isinstance(url, str) or not url:
            raise InputError("a source needs a non-empty 'url'")
        url = no_nul(url)
        with self.db.write() as conn:
            stored = conn.execute(select(t.sources.c.data).where(t.sources.c.url == url)).scalar()
            data = {**(stored or {}), **source, "url": url}
            stmt = self.db.backend.insert(t.sources).values(url=url, data=data)
            conn.execute(
                stmt.on_conflict_do_update(index_elements=["url"],
                                           set_={"data": stmt.excluded.data})
            )

    def list_sources(self) -> list[dict[str, Any]]:
        with self.db.read() as conn:
            return [
                dict(data)
                for data in conn.execute(select(t.sources.c.data).order_by(t.sources.c.url))
                .scalars()
            ]

    def delete_source(self, url: str) -> bool:
        with self.db.write() as conn:
            result = conn.execute(delete(t.sources).where(t.sources.c.url == no_nul(url)))
        return bool(result.rowcount)
