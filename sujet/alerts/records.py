"""Watchlists, alerts and deliveries in the store's database (tables of migration 6)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from sujet.alerts.model import Alert, Delivery, WatchFilters, Watchlist
from sujet.errors import StoreError
from sujet.model import Article
from sujet.store import schema as t
from sujet.store.base import Store
from sujet.store.rows import article_from_row
from sujet.store.sql_store import SqlStore

CHUNK = 500  # ids per IN (...) list


@dataclass(slots=True)
class NewAlert:
    watchlist_id: str
    subject_kind: str
    subject_id: str
    article: Article


class AlertRecords:
    """Reads and writes of the alert tables, beside the store that holds them."""

    def __init__(self, store: Store) -> None:
        if not isinstance(store, SqlStore):
            raise StoreError(f"alerts need a SQL store, not {type(store).__name__}")
        self.store = store
        self._backend = store.backend

    @contextmanager
    def _conn(self, write: bool = False) -> Iterator[Connection]:
        try:
            with self._backend.lock(), self._backend.engine.connect() as conn:
                if write:
                    conn.execution_options(**self._backend.write_options)
                    with conn.begin():
                        yield conn
                else:
                    yield conn
        except SQLAlchemyError as err:
            first = str(err.orig if hasattr(err, "orig") else err).strip().splitlines()
            raise StoreError(first[0] if first else type(err).__name__,
                             source=self.store.url) from err

    # -- watchlists ----------------------------------------------------------------------------
    def add_watchlist(self, w: Watchlist) -> None:
        with self._conn(write=True) as conn:
            conn.execute(t.watchlists.insert().values(_watchlist_row(w)))

    def get_watchlist(self, watchlist_id: str) -> Watchlist | None:
        with self._conn() as conn:
            row = conn.execute(select(t.watchlists).where(t.watchlists.c.id == watchlist_id)
                               ).mappings().first()
        return _watchlist(row) if row else None

    def list_watchlists(self) -> list[Watchlist]:
        with self._conn() as conn:
            rows = conn.execute(select(t.watchlists).order_by(t.watchlists.c.created_at,
                                                              t.watchlists.c.id)).mappings()
            return [_watchlist(r) for r in rows]

    def delete_watchlist(self, watchlist_id: str) -> bool:
        with self._conn(write=True) as conn:
            alert_ids = select(t.alerts.c.id).where(t.alerts.c.watchlist_id == watchlist_id)
            conn.execute(delete(t.alert_deliveries)
                         .where(t.alert_deliveries.c.alert_id.in_(alert_ids)))
            conn.execute(delete(t.alerts).where(t.alerts.c.watchlist_id == watchlist_id))
            gone = conn.execute(delete(t.watchlists).where(t.watchlists.c.id == watchlist_id))
            return bool(gone.rowcount)

    def mark_seen(self, watchlist_id: str, at: str) -> None:
        with self._conn(write=True) as conn:
            conn.execute(update(t.watchlists).where(t.watchlists.c.id == watchlist_id)
                         .values(seen_at=at))

    # -- articles to evaluate ------------------------------------------------------------------
    def max_seq(self) -> int:
        with self._conn() as conn:
            return int(conn.execute(select(func.max(t.articles.c.seq))).scalar() or 0)

    def articles_after(self, seq: int, limit: int) -> list[tuple[int, Article]]:
        with self._conn() as conn:
            rows = conn.execute(select(t.articles).where(t.articles.c.seq > seq)
                                .order_by(t.articles.c.seq).limit(limit)).mappings().all()
        return [(int(r["seq"]), article_from_row(r)) for r in rows]

    def mentioned_entities(self, article_ids: Sequence[str]) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        with self._conn() as conn:
            for start in range(0, len(article_ids), CHUNK):
                batch = list(article_ids[start:start + CHUNK])
                rows = conn.execute(
                    select(t.mentions.c.article_id, t.mentions.c.entity_id)
                    .where(t.mentions.c.article_id.in_(batch),
                           t.mentions.c.entity_id.is_not(None))
                )
                for article_id, entity_id in rows:
                    found.setdefault(article_id, set()).add(entity_id)
        return {k: frozenset(v) for k, v in found.items()}

    def commit_batch(self, new: Sequence[NewAlert], watermarks: Mapping[str, int],
                     now: str) -> int:
        """Record the alerts and move the watermarks, in one transaction; an alert recorded
        before is left alone. Returns how many alerts are new."""
        stmt = (self._backend.insert(t.alerts)
                .on_conflict_do_nothing(index_elements=["watchlist_id", "subject_kind",
                                                        "subject_id"])
                .returning(t.alerts.c.id))
        added = 0
        with self._conn(write=True) as conn:
            for item in new:
                a = item.article
                row = {"watchlist_id": item.watchlist_id, "subject_kind": item.subject_kind,
                       "subject_id": item.subject_id, "article_id": a.id,
                       "title": (a.title or a.text[:120]).strip() or a.id, "url": a.url,
                       "date": a.date, "created_at": now}
                added += len(conn.execute(stmt.values(row)).all())
            for watchlist_id, seq in watermarks.items():
                conn.execute(update(t.watchlists)
                             .where(t.watchlists.c.id == watchlist_id,
                                    t.watchlists.c.last_seq < seq)
                             .values(last_seq=seq))
        return added

    # -- alerts and deliveries -------------------------------------------------------------------
    def list_alerts(self, watchlist_id: str | None = None, limit: int = 50,
                    offset: int = 0) -> list[Alert]:
        stmt = select(t.alerts).order_by(t.alerts.c.id.desc()).limit(limit).offset(offset)
        if watchlist_id:
            stmt = stmt.where(t.alerts.c.watchlist_id == watchlist_id)
        with self._conn() as conn:
            rows = conn.execute(stmt).mappings().all()
        return self._with_deliveries([_alert(r) for r in rows])

    def count_alerts(self, watchlist_id: str | None = None, after: str | None = None) -> int:
        stmt = select(func.count()).select_from(t.alerts)
        if watchlist_id:
            stmt = stmt.where(t.alerts.c.watchlist_id == watchlist_id)
        if after:
            stmt = stmt.where(t.alerts.c.created_at > after)
        with self._conn() as conn:
            return int(conn.execute(stmt).scalar_one())

    def undelivered(self, watchlist_id: str, channel: str, limit: int = 500) -> list[Alert]:
        """Alerts of the watchlist with no delivery through ``channel`` recorded yet, oldest
        first."""
        d = t.alert_deliveries
        stmt = (select(t.alerts)
                .outerjoin(d, and_(d.c.alert_id == t.alerts.c.id, d.c.channel == channel))
                .where(t.alerts.c.watchlist_id == watchlist_id, d.c.alert_id.is_(None))
                .order_by(t.alerts.c.id).limit(limit))
        with self._conn() as conn:
            return [_alert(r) for r in conn.execute(stmt).mappings()]

    def record_delivery(self, alert_id: int, delivery: Delivery) -> None:
        stmt = self._backend.insert(t.alert_deliveries).values(
            alert_id=alert_id, channel=delivery.channel, attempts=delivery.attempts,
            delivered_at=delivery.delivered_at, error=delivery.error,
        ).on_conflict_do_nothing(index_elements=["alert_id", "channel"])
        with self._conn(write=True) as conn:
            conn.execute(stmt)

    def _with_deliveries(self, found: list[Alert]) -> list[Alert]:
        if not found:
            return found
        by_id = {a.id: a for a in found}
        with self._conn() as conn:
            rows = conn.execute(select(t.alert_deliveries)
                                .where(t.alert_deliveries.c.alert_id.in_(list(by_id))))
            for r in rows.mappings():
                by_id[r["alert_id"]].deliveries[r["channel"]] = Delivery(
                    r["channel"], r["attempts"], r["delivered_at"], r["error"])
        return found


def _watchlist_row(w: Watchlist) -> dict[str, Any]:
    f = w.filters
    return {"id": w.id, "name": w.name, "kind": w.kind, "target": w.target,
            "filters": {"language": f.language, "source": f.source, "topic": f.topic},
            "channels": {"webhook": w.webhook, "email": w.email},
            "created_at": w.created_at, "last_seq": w.last_seq, "seen_at": w.seen_at}


def _watchlist(row: Mapping[Any, Any]) -> Watchlist:
    filters = dict(row["filters"] or {})
    channels = dict(row["channels"] or {})
    return Watchlist(
        id=row["id"], name=row["name"], kind=row["kind"], target=row["target"],
        filters=WatchFilters(filters.get("language"), filters.get("source"),
                             filters.get("topic")),
        webhook=channels.get("webhook"), email=channels.get("email"),
        created_at=row["created_at"], last_seq=int(row["last_seq"] or 0),
        seen_at=row["seen_at"],
    )


def _alert(row: Mapping[Any, Any]) -> Alert:
    return Alert(id=int(row["id"]), watchlist_id=row["watchlist_id"],
                 subject_kind=row["subject_kind"], subject_id=row["subject_id"],
                 article_id=row["article_id"], title=row["title"], url=row["url"],
                 date=row["date"], created_at=row["created_at"])
