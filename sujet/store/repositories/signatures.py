"""MinHash signatures of stored articles (near-duplicate detection)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import select

from sujet.store import schema as t
from sujet.store.database import CHUNK, Database, chunks


class SignatureRepository:
    """The ``signatures`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_signatures(self, rows: Sequence[tuple[str, bytes]]) -> None:
        unique = {article_id: bytes(sig) for article_id, sig in rows}
        if not unique:
            return
        stmt = self.db.backend.insert(t.signatures)
        stmt = stmt.on_conflict_do_update(
            index_elements=["article_id"], set_={"signature": stmt.excluded.signature}
        )
        with self.db.write() as conn:
            for batch in chunks(unique.items()):
                conn.execute(stmt, [{"article_id": a, "signature": s} for a, s in batch])

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        last = ""
        while True:
            with self.db.read() as conn:
                rows = conn.execute(
                    select(t.signatures.c.article_id, t.signatures.c.signature)
                    .where(t.signatures.c.article_id > last)
                    .order_by(t.signatures.c.article_id)
                    .limit(CHUNK * 4)
                ).all()
            if not rows:
                return
            last = rows[-1][0]
            for article_id, signature in rows:
                yield article_id, bytes(signature)

