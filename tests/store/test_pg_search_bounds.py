"""PostgreSQL search ranks a bounded set of matches (the newest ones) and finds entity names by
substring through trigram indexes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_backend import backend_url
from sqlalchemy import text

from sujet.model import Article, Entity
from sujet.store import open_store, postgres_backend
from sujet.store.base import ArticleQuery, EntityQuery
from sujet.store.name_trigrams import INDEXES
from sujet.store.sql_store import SqlStore

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    yield from backend_url("postgres", tmp_path, "sujet_bounds")


def _articles() -> list[Article]:
    # The oldest has the word in its title and its text: it ranks first when every match is
    # ranked, and is left out when only the newest three are.
    oldest = Article(id="old", source="/s/old", title="Hydrolysis", content_hash="h-old",
                     text="Hydrolysis and hydrolysis again.", date="2020-01-01")
    newer = [Article(id=f"n{i}", source=f"/s/{i}", title=f"Report {i}", content_hash=f"h{i}",
                     text=f"A note on hydrolysis number {i}.", date=f"2024-0{i}-01")
             for i in range(1, 5)]
    return [oldest, *newer]


def test_only_the_newest_matches_are_ranked(pg_url: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(pg_url) as store:
        store.add_articles(_articles())
        every = [h.article.id for h in store.search("hydrolysis", ArticleQuery(limit=10))]
        assert every[0] == "old" and len(every) == 5
        monkeypatch.setattr(postgres_backend, "RANKED_MATCHES", 3)
        bounded = [h.article.id for h in store.search("hydrolysis", ArticleQuery(limit=10))]
        assert sorted(bounded) == ["n2", "n3", "n4"]
        # Filters choose the candidates: the newest three of the matches that pass them.
        dated = ArticleQuery(limit=10, date_to="2023-12-31")
        assert [h.article.id for h in store.search("hydrolysis", dated)] == ["old"]


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
