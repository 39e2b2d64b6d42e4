"""The article's date beside each mention: an entity's dossier reads from the (entity, date)
index and answers as the queries joining mentions to articles do, on every backend."""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import desc, distinct, func, select, text, update

from sujet.model import Article, Entity, Mention
from sujet.store import SCHEMA_VERSION, Store, open_store
from sujet.store import schema as t
from sujet.store.base import ArticleQuery
from sujet.store.sql_store import SqlStore

ENTITIES = [f"ent{i}" for i in range(8)]
DATES = [None, "", "2024", "2024-08", "2024-08-30", "2024-08-31", "2024-09-01", "2023-12-31"]


def _corpus(store: Store, n: int = 120, seed: int = 7) -> None:
    rng = random.Random(seed)
    articles = [Article(id=f"a{i:03d}", source=f"/s/{i}", text=f"text {i}",
                        content_hash=f"h{i}", date=rng.choice(DATES)) for i in range(n)]
    store.add_articles(articles)
    store.upsert_entities([Entity(id=e, type="PER", name=f"Name {e}") for e in ENTITIES[:-1]])
    for article in articles:
        named = rng.sample(ENTITIES, rng.randint(1, 4))
        # Some entities are named twice in one article: one group per article all the same.
        named += named[:1]
        store.replace_mentions(article.id, [
            Mention(article.id, 10 * k, 10 * k + 4, "PER", e, e, entity_id=e)
            for k, e in enumerate(named)])


def _joined_timeline(conn: Any, entity_id: str) -> list[tuple[str, int]]:
    date = t.articles.c.date
    stmt = (select(date, func.count())
            .select_from(t.mentions.join(t.articles, t.articles.c.id == t.mentions.c.article_id))
            .where(t.mentions.c.entity_id == entity_id, date.is_not(None), date != "")
            .group_by(date).order_by(date))
    return [(str(d), int(n)) for d, n in conn.execute(stmt)]


def _joined_newest(conn: Any, entity_id: str, limit: int, offset: int = 0) -> list[str]:
    of_entity = select(t.mentions.c.article_id).where(t.mentions.c.entity_id == entity_id)
    stmt = (select(t.articles.c.id).where(t.articles.c.id.in_(of_entity))
            .order_by(t.articles.c.date.desc().nulls_last(), t.articles.c.id)
            .limit(limit).offset(offset))
    return [str(i) for i in conn.execute(stmt).scalars()]


def _joined_co_mentions(conn: Any, entity_id: str, recent: int) -> list[tuple[str, int]]:
    m = t.mentions.c
    scope = _joined_newest(conn, entity_id, recent)
    shared = func.count(distinct(m.article_id)).label("shared")
    stmt = (select(m.entity_id, shared).join(t.entities, t.entities.c.id == m.entity_id)
            .where(m.article_id.in_(scope), m.entity_id != entity_id)
            .group_by(m.entity_id).order_by(desc("shared"), m.entity_id).limit(12))
    return [(str(e), int(n)) for e, n in conn.execute(stmt)]


def _assert_like_joins(store: SqlStore) -> None:
    with store.backend.engine.connect() as conn:
        for entity_id in ENTITIES:
            everything = _joined_newest(conn, entity_id, 10_000)
            assert everything, entity_id
            assert store.count_articles(ArticleQuery(entity_id=entity_id)) == len(everything)
            assert store.mention_timeline(entity_id) == _joined_timeline(conn, entity_id)
            for limit, offset in ((5, 0), (7, 3), (1000, 0), (4, len(everything) - 2)):
                page = store.list_articles(
                    ArticleQuery(entity_id=entity_id, limit=limit, offset=offset))
                assert [a.id for a in page] == _joined_newest(conn, entity_id, limit, offset)
            for recent in (3, 10, 25):
                assert store.co_mentions(entity_id, recent=recent) == \
                    _joined_co_mentions(conn, entity_id, recent)


def test_entity_reads_match_the_joined_queries(store_url: str) -> None:
    with open_store(store_url) as store:
        assert isinstance(store, SqlStore)
        _corpus(store)
        _assert_like_joins(store)
        # The undated articles come last and a partial date sorts before the days of its month.
        page = store.list_articles(ArticleQuery(entity_id="ent0", limit=1000))
        dates = [a.date for a in page]
        assert dates.index(None) > max(i for i, d in enumerate(dates) if d)


def test_a_changed_date_and_repointed_mentions_are_followed(store_url: str) -> None:
    with open_store(store_url) as store:
        assert isinstance(store, SqlStore)
        _corpus(store, n=40)
        moved = store.get_articles([f"a{i:03d}" for i in range(0, 40, 3)])
        for article in moved:
            article.date = "2030-01-02" if article.date != "2030-01-02" else None
        store.update_articles(moved)
        store.replace_mentions("a001", [Mention("a001", 0, 4, "PER", "x", "x", entity_id="ent7"),
                                        Mention("a001", 9, 14, "PER", "y", "y", entity_id="ent1")])
        with store.backend.engine.connect() as conn:
            assert _unlike_their_article(conn) == 0
            stored = dict(conn.execute(select(t.mentions.c.article_id, t.mentions.c.date)).all())
        assert stored[moved[0].id] == moved[0].date
        assert stored["a001"] == store.get_articles(["a001"])[0].date
        _assert_like_joins(store)


def _unlike_their_article(conn: Any) -> int:
    stmt = (select(func.count())
            .select_from(t.mentions.join(t.articles, t.articles.c.id == t.mentions.c.article_id))
            .where(t.mentions.c.date.is_distinct_from(t.articles.c.date)))
    return int(conn.execute(stmt).scalar_one())


def _make_version_12(store: SqlStore) -> None:
    postgres = store.backend.name == "postgresql"
    with store.backend.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_mentions_entity_date")
        for trigger, table in (("mentions_date_insert", "mentions"),
                               ("mentions_date_follow", "articles")):
            conn.exec_driver_sql(f"DROP TRIGGER {trigger}" + (f" ON {table}" if postgres else ""))
        conn.exec_driver_sql("ALTER TABLE mentions DROP COLUMN date")
        conn.execute(update(t.meta).where(t.meta.c.key == "schema_version").values(value="12"))


def test_migration_13_fills_the_dates_of_an_older_store(store_url: str) -> None:
    with open_store(store_url) as store:
        assert isinstance(store, SqlStore)
        _corpus(store, n=60)
        _make_version_12(store)
    # Written by a version without the column: the migration backfills these.
    with open_store(store_url) as upgraded:
        assert isinstance(upgraded, SqlStore)
        assert upgraded.schema_version() == SCHEMA_VERSION == 13
        with upgraded.backend.engine.connect() as conn:
            missing = conn.execute(text(
                "SELECT count(*) FROM mentions JOIN articles ON articles.id = mentions.article_id"
                " WHERE articles.date IS NOT NULL AND mentions.date IS NULL")).scalar_one()
            filled = conn.execute(text(
                "SELECT count(*) FROM mentions WHERE date IS NOT NULL")).scalar_one()
            assert _unlike_their_article(conn) == 0
        assert missing == 0
        assert filled > 0
        _assert_like_joins(upgraded)
