"""PostgreSQL finds entity names by substring through trigram indexes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_backend import backend_url
from sqlalchemy import text

from sujet.model import Entity
from sujet.store import open_store
from sujet.store.base import EntityQuery
from sujet.store.name_trigrams import INDEXES
from sujet.store.sql_store import SqlStore

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    yield from backend_url("postgres", tmp_path, "sujet_trigrams")


def test_entity_names_are_found_by_substring_through_trigram_indexes(pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert isinstance(store, SqlStore)
        store.upsert_entities([Entity(id="e1", type="PER", name="Wolodymyr Selenskyj",
                                      variants=["Владимир Зеленский"]),
                               Entity(id="e2", type="PER", name="Olaf Scholz")])
        assert [e.id for e in store.list_entities(EntityQuery(name="selensk"))] == ["e1"]
        assert [e.id for e in store.list_entities(EntityQuery(name="зеленск"))] == ["e1"]
        with store.backend.engine.connect() as conn:
            names = set(conn.execute(text(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
            )).scalars())
            assert {name for name, _, _ in INDEXES} <= names
            conn.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(str(r[0]) for r in conn.exec_driver_sql(
                "EXPLAIN SELECT id FROM entities WHERE name_key LIKE '%%selensk%%'"))
        assert "ix_entities_name_trgm" in plan
