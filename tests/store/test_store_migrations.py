"""Migrations bring an older store to the current schema, on every backend."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text, update

from sujet.model import Article, Event, EventMember, Storyline
from sujet.store import SCHEMA_VERSION, open_store
from sujet.store.schema import meta
from sujet.store.sql_store import SqlStore
from sujet.store.sqlite_backend import analysed_articles

READ_INDEXES = [("events", "ix_events_order"), ("storylines", "ix_storylines_order"),
                ("articles", "ix_articles_recent"), ("articles", "ix_articles_id_date"),
                ("mentions", "ix_mentions_article_entity")]


def _indexes(conn: Connection, table: str) -> set[str]:
    # Read from the catalogue: SQLAlchemy does not reflect expression indexes on SQLite.
    if conn.dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"
    else:
        sql = ("SELECT indexname FROM pg_indexes WHERE tablename = :t "
               "AND schemaname = current_schema()")
    return {str(name) for name in conn.execute(text(sql), {"t": table}).scalars()}


def _read_indexes(store: SqlStore) -> list[tuple[str, str]]:
    if store.backend.name == "sqlite":
        return [*READ_INDEXES, ("articles", "ix_articles_filters")]
    return READ_INDEXES


def test_version_1_store_gets_the_read_indexes(store_url: str) -> None:
    with open_store(store_url) as store:
        assert isinstance(store, SqlStore)
        assert SCHEMA_VERSION >= 2
        with store.backend.engine.begin() as conn:
            for table, name in _read_indexes(store):
                assert name in _indexes(conn, table)
                conn.exec_driver_sql(f"DROP INDEX {name}")
            conn.execute(update(meta).where(meta.c.key == "schema_version").values(value="1"))
        assert store.schema_version() == 1
        store.add_articles([Article(id="a1", source="s", text="t", date="2024-08-30")])
        store.upsert_events([Event(id="e1", title="E", date_from="2024-08-30",
                                   members=[EventMember("a1", 0.9)])])
    with open_store(store_url) as upgraded:
        assert isinstance(upgraded, SqlStore)
        assert upgraded.schema_version() == SCHEMA_VERSION
        with upgraded.backend.engine.connect() as conn:
            for table, name in _read_indexes(upgraded):
                assert name in _indexes(conn, table)
        assert [e.id for e in upgraded.list_events()] == ["e1"]
        assert [a.id for a in upgraded.list_articles()] == ["a1"]


def test_lists_keep_undated_records_last(store_url: str) -> None:
    with open_store(store_url) as store:
        store.upsert_events([
            Event(id="e-none", title="?", members=[EventMember("x", 0.5)] * 9),
            Event(id="e-old", title="old", date_from="2023-01-01"),
            Event(id="e-new", title="new", date_from="2024-01-01", date_to="2024-02-01"),
        ])
        store.add_articles([Article(id=i, source="s", text=i, date=d)
                            for i, d in (("a-none", None), ("a-old", "2023"), ("a-new", "2024-05"))])
        assert [e.id for e in store.list_events()] == ["e-new", "e-old", "e-none"]
        assert [a.id for a in store.list_articles()] == ["a-new", "a-old", "a-none"]


def test_sqlite_planner_statistics_follow_the_store_size(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"

    def analysed(store: SqlStore) -> int:
        with store.backend.engine.connect() as conn:
            return analysed_articles(conn)

    def batch(start: int, n: int) -> list[Article]:
        return [Article(id=f"a{i}", source="s", text=f"text {i}", language="ru" if i % 2 else "de")
                for i in range(start, start + n)]

    with open_store(url) as store:
        assert isinstance(store, SqlStore)
        store.add_articles(batch(0, 600))
        assert analysed(store) == 0  # small stores plan well without statistics
        store.add_articles(batch(600, 600))
        assert analysed(store) > 0
        first = analysed(store)
        store.add_articles(batch(1200, 300))
        assert analysed(store) == first  # not re-analysed before the store has doubled
    with open_store(url) as reopened:
        assert isinstance(reopened, SqlStore)
        reopened.add_articles(batch(1500, 1200))
        assert analysed(reopened) > first
        with reopened.backend.engine.begin() as conn:  # as a store from before migration 2
            conn.execute(update(meta).where(meta.c.key == "schema_version").values(value="1"))
            conn.exec_driver_sql("DROP INDEX ix_articles_filters")
            conn.exec_driver_sql("DELETE FROM sqlite_stat1 WHERE idx = 'ix_articles_filters'")
    # The store has not doubled, but the migration's new index gets statistics at once.
    with open_store(url) as migrated:
        assert isinstance(migrated, SqlStore)
        with migrated.backend.engine.connect() as conn:
            assert conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_stat1 WHERE idx = 'ix_articles_filters'"
            ).scalar() == 1


def test_version_2_store_gets_the_alias_tables(store_url: str) -> None:
    with open_store(store_url) as store:
        assert isinstance(store, SqlStore)
        assert SCHEMA_VERSION >= 3
        store.upsert_events([Event(id="e1", title="E"), Event(id="e2", title="F")])
        store.upsert_storylines([Storyline(id="s1", title="S", event_ids=["e1", "e2"])])
        with store.backend.engine.begin() as conn:  # as a store written before migration 3
            for table in ("event_aliases", "storyline_aliases"):
                conn.exec_driver_sql(f"DROP TABLE {table}")
            conn.execute(update(meta).where(meta.c.key == "schema_version").values(value="2"))
        assert store.schema_version() == 2
    with open_store(store_url) as upgraded:
        assert isinstance(upgraded, SqlStore)
        assert upgraded.schema_version() == SCHEMA_VERSION
        with upgraded.backend.engine.connect() as conn:
            assert "ix_event_aliases_survivor" in _indexes(conn, "event_aliases")
            assert "ix_storyline_aliases_survivor" in _indexes(conn, "storyline_aliases")
        assert [e.id for e in upgraded.list_events()] == ["e1", "e2"]
        assert upgraded.resolve_event_id("e2") == "e2"
        upgraded.add_event_aliases({"e2": "e1"})
        upgraded.delete_events(["e2"])
        upgraded.add_storyline_aliases({"s0": "s1"})
        assert upgraded.resolve_event_id("e2") == "e1"
        assert upgraded.resolve_storyline_id("s0") == "s1"
    with open_store(store_url) as reopened:  # nothing left to migrate; the aliases are kept
        assert reopened.schema_version() == SCHEMA_VERSION
        assert reopened.resolve_event_id("e2") == "e1"
