"""The topic stage: stored per article, a duplicate takes its original's, one bad article fails
alone, the store filters by topic, and an older store gains the column."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sujet.config import EntitySettings, Settings, StorySettings
from sujet.model import Article
from sujet.pipeline.enrich import default_enrichers
from sujet.pipeline.ingest import FAILED, IngestReport, run_enrichers
from sujet.store import open_store
from sujet.store.base import ArticleQuery
from sujet.topics.classifier import TopicModel, load_topic_model
from sujet.topics.enrich import TopicEnricher

SPORT = Article(id="a1", source="s", language="en", title="Liverpool beat Chelsea 3-1",
                text="Mohamed Salah scored twice as Liverpool beat Chelsea 3-1 at Anfield on "
                     "Sunday to stay top of the Premier League table.")
MARKET = Article(id="a2", source="s", language="ru", title="Курс доллара вырос до 80 рублей",
                 text="На Московской бирже курс доллара поднялся выше 80 рублей впервые с "
                      "весны, рубль дешевеет вслед за нефтью.")
COPY = Article(id="a3", source="t", language="en", title=SPORT.title, text=SPORT.text,
               duplicate_of="a1")


class Breaking(TopicModel):
    """The shipped head, failing on one text (a stand-in for an article the encoder rejects)."""

    def predict(self, texts, *, cache=None):
        if any("Курс" in t for t in texts):
            raise ValueError("cannot read this article")
        return super().predict(texts, cache=cache)


def _copy(a: Article) -> Article:
    return Article(**{k: getattr(a, k) for k in a.__slots__})


def test_topics_stored_and_filtered(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    batch = [_copy(SPORT), _copy(MARKET), _copy(COPY)]
    store.add_articles(batch)
    settings = Settings(db="sqlite://", entities=EntitySettings(enabled=False),
                        stories=StorySettings(enabled=False))
    enrichers = default_enrichers(settings)
    assert [getattr(e, "stage", "") for e in enrichers] == ["topics"]
    run_enrichers(batch, store, enrichers, IngestReport())
    got = {a.id: a.topic for a in store.get_articles(["a1", "a2", "a3"])}
    assert got == {"a1": "sports", "a2": "economy", "a3": "sports"}
    sports = store.list_articles(ArticleQuery(topic="sports"))
    assert sorted(a.id for a in sports) == ["a1", "a3"]
    assert store.count_articles(ArticleQuery(topic="economy")) == 1


def test_one_bad_article_fails_alone(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    shipped = load_topic_model()
    stage = TopicEnricher(Breaking(shipped.classes, shipped.coef, shipped.intercept))
    batch = [_copy(SPORT), _copy(MARKET)]
    store.add_articles(batch)
    out = stage(batch, store)
    assert [f.article_id for f in out[FAILED]] == ["a2"]
    assert batch[0].topic == "sports" and batch[1].topic is None


def test_older_store_gains_the_topic_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = open_store(f"sqlite:///{path}")
    store.add_articles([_copy(SPORT)])
    store.close()
    con = sqlite3.connect(path)
    con.execute("DROP INDEX ix_articles_topic")
    con.execute("ALTER TABLE articles DROP COLUMN topic")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    store = open_store(f"sqlite:///{path}")
    assert store.get_article("a1") is not None
    con = sqlite3.connect(path)
    cols = {r[1] for r in con.execute("PRAGMA table_info(articles)")}
    idx = {r[1] for r in con.execute("PRAGMA index_list(articles)")}
    assert "topic" in cols and "ix_articles_topic" in idx
    plan = " ".join(str(r) for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE topic = 'sports'"))
    assert "ix_articles_topic" in plan


def test_stored_articles_get_their_topics(tmp_path: Path) -> None:
    from sujet.topics.enrich import assign_stored_topics

    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    store.add_articles([_copy(COPY), _copy(SPORT), _copy(MARKET)])
    assert assign_stored_topics(store) == {"topics": 3, "failed": 0}
    got = {a.id: a.topic for a in store.get_articles(["a1", "a2", "a3"])}
    assert got == {"a1": "sports", "a2": "economy", "a3": "sports"}
    assert assign_stored_topics(store) == {"topics": 0, "failed": 0}  # nothing twice
