"""Scoring the events of a store written before events had an importance order key (migration
8): the same :func:`sujet.stories.importance.order_key` the store writes with every event, from the
stored reports' publisher, language, date and fetch time (their texts are not read)."""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, select, update

from sujet.model import Article, Event, EventMember
from sujet.store import schema as t
from sujet.stories.importance import order_key

_BATCH = 500


def score_stored_events(conn: Connection) -> int:
    """Set the order key of every unscored event; returns how many were scored."""
    ids = [str(i) for i in conn.execute(
        select(t.events.c.id).where(t.events.c.importance.is_(None)).order_by(t.events.c.id)
    ).scalars()]
    a = t.articles.c
    stmt = (update(t.events).where(t.events.c.id == bindparam("b_id"))
            .values(importance=bindparam("key")))
    for lo in range(0, len(ids), _BATCH):
        batch = ids[lo : lo + _BATCH]
        events = {r.id: Event(id=r.id, title="", date_from=r.date_from, date_to=r.date_to)
                  for r in conn.execute(select(t.events.c.id, t.events.c.date_from,
                                               t.events.c.date_to)
                                        .where(t.events.c.id.in_(batch)))}
        for r in conn.execute(select(t.event_languages).where(
                t.event_languages.c.event_id.in_(batch)).order_by(t.event_languages.c.ord)):
            events[r.event_id].languages.append(r.language)
        for r in conn.execute(select(t.event_members.c.event_id, t.event_members.c.article_id)
                              .where(t.event_members.c.event_id.in_(batch))):
            events[r.event_id].members.append(EventMember(r.article_id, 0.0))
        wanted = sorted({m.article_id for e in events.values() for m in e.members})
        reports: dict[str, Article] = {}
        for part in range(0, len(wanted), _BATCH):
            for r in conn.execute(select(a.id, a.source, a.url, a.site, a.agency, a.language,
                                         a.date, a.fetched_at, a.duplicate_of)
                                  .where(a.id.in_(wanted[part : part + _BATCH]))):
                reports[r.id] = Article(id=r.id, source=r.source, text="", url=r.url,
                                        site=r.site, agency=r.agency, language=r.language,
                                        date=r.date, fetched_at=r.fetched_at,
                                        duplicate_of=r.duplicate_of)
        rows = [{"b_id": e.id, "key": order_key(e, [reports[m.article_id] for m in e.members
                                                     if m.article_id in reports])}
                for e in events.values()]
        if rows:
            conn.execute(stmt, rows)
    return len(ids)
