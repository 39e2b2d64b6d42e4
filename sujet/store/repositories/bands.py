"""LSH band keys of near-duplicate signatures, kept in the store (migration 9).

Each article indexed for near-duplicate detection has one row per band of its MinHash
signature: the band's bucket key (a 64-bit hash of the banding scheme, the band's number and its
rows) and the article. A query reads the articles that share a bucket with a new signature, with
their stored signatures, so no process holds the index in memory (:mod:`sujet.dedup.store_index`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import BigInteger, Column, Connection, Index, String, Table, func, select

from sujet.store import schema as t
from sujet.store.backend import Backend
from sujet.store.database import Database, chunks
from sujet.store.schema import Seq, metadata

dedup_bands = Table(
    "dedup_bands",
    metadata,
    Column("id", Seq, primary_key=True, autoincrement=True),  # order of indexing
    Column("bucket", BigInteger, nullable=False),
    Column("article_id", String(64), nullable=False),
)
Index("ux_dedup_bands_bucket_article", dedup_bands.c.bucket, dedup_bands.c.article_id,
      unique=True)


def create_band_table(conn: Connection, backend: Backend) -> None:
    """Migration 9 (a store created since has the table from migration 1)."""
    dedup_bands.create(conn, checkfirst=True)


class BandRepository:
    """The ``dedup_bands`` table, with the ``signatures`` its rows point at."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def ensure_table(self) -> None:
        """Create the table when the store's schema version passed migration 9 without it (a
        store created while later migrations already existed and 9 did not)."""
        with self.db.write() as conn:
            create_band_table(conn, self.db.backend)

    def add(self, article_id: str, buckets: Sequence[int], signature: bytes) -> None:
        """Index an article under its buckets (again: nothing changes), with its signature."""
        rows = [{"bucket": b, "article_id": article_id} for b in dict.fromkeys(buckets)]
        bands = self.db.backend.insert(dedup_bands).on_conflict_do_nothing(
            index_elements=["bucket", "article_id"])
        sig = self.db.backend.insert(t.signatures)
        sig = sig.on_conflict_do_update(index_elements=["article_id"],
                                        set_={"signature": sig.excluded.signature})
        with self.db.write() as conn:
            conn.execute(sig, {"article_id": article_id, "signature": signature})
            conn.execute(bands, rows)

    def candidates(self, buckets: Sequence[int]) -> list[tuple[str, bytes]]:
        """The articles sharing a bucket with ``buckets``, with their signatures, in the order
        they were indexed."""
        b = dedup_bands.c
        first = func.min(b.id).label("first")
        stmt = (
            select(b.article_id, t.signatures.c.signature, first)
            .join(t.signatures, t.signatures.c.article_id == b.article_id)
            .where(b.bucket.in_(list(dict.fromkeys(buckets))))
            .group_by(b.article_id, t.signatures.c.signature)
            .order_by(first)
        )
        with self.db.read() as conn:
            return [(str(a), bytes(s)) for a, s, _ in conn.execute(stmt)]

    def unindexed_originals(self, after: int = 0) -> Iterator[tuple[int, str, bytes]]:
        """(seq, id, signature) of the stored articles that are no duplicate, in store order
        from ``after`` on (to index a store whose bands were never written)."""
        a = t.articles.c
        last = after
        while True:
            with self.db.read() as conn:
                rows = conn.execute(
                    select(a.seq, a.id, t.signatures.c.signature)
                    .join(t.signatures, t.signatures.c.article_id == a.id)
                    .where(a.seq > last, a.duplicate_of.is_(None))
                    .order_by(a.seq)
                    .limit(2000)
                ).all()
            if not rows:
                return
            last = rows[-1][0]
            for seq, article_id, signature in rows:
                yield int(seq), str(article_id), bytes(signature)

    def add_many(self, rows: Sequence[tuple[str, Sequence[int]]]) -> None:
        """Index many stored articles (their signatures are stored already) in one transaction."""
        bands = self.db.backend.insert(dedup_bands).on_conflict_do_nothing(
            index_elements=["bucket", "article_id"])
        flat = [{"bucket": b, "article_id": a} for a, buckets in rows
                for b in dict.fromkeys(buckets)]
        with self.db.write() as conn:
            for batch in chunks(flat):
                conn.execute(bands, batch)
