"""Round trips, idempotence, atomicity, schema versions, lists and filters on every backend."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import update

from sujet.errors import InputError, SchemaVersionError, StoreError
from sujet.model import Article, Entity, Event, EventMember, Fact, Mention, Position, Storyline
from sujet.store import SCHEMA_VERSION, ArticleQuery, EntityQuery, IngestRecord, Store, open_store
from sujet.store.schema import meta
from sujet.store.sql_store import SqlStore

MakeArticle = Callable[..., Article]


def test_article_round_trip_keeps_every_field(store: Store) -> None:
    article = Article(
        id="a1", source="/seeds/ria.txt", text="ТОМСК, 30 авг – РИА Томск. Текст «статьи».",
        title="Заголовок", url="https://example.org/a1", date="2024-08-30",
        date_precision="day", date_source="dateline", language="ru", dateline="Томск",
        agency="РИА Томск", author="Иван", site="riatomsk.ru", content_hash="h1",
        duplicate_of="a0", event_id="e1", storyline_id="s1", fetched_at="2024-08-30T10:00:00",
        metadata={"paragraphs": 3, "nested": {"ключ": ["значение", 1.5, None]}},
    )
    assert store.add_articles([article]) == 1
    assert store.get_article("a1") == article
    assert store.has_article("a1") and not store.has_article("nope")
    assert store.get_article("nope") is None


def test_add_is_idempotent_and_counts_only_new(store: Store, make_article: MakeArticle) -> None:
    first = [make_article(f"a{i}") for i in range(5)]
    assert store.add_articles(first) == 5
    again = [*first[2:], make_article("a5"), make_article("a5")]
    assert store.add_articles(again) == 1
    assert store.count_articles() == 6
    assert store.add_articles([]) == 0


def test_add_leaves_existing_article_alone(store: Store, make_article: MakeArticle) -> None:
    store.add_articles([make_article("a1", title="original")])
    store.add_articles([make_article("a1", title="changed")])
    stored = store.get_article("a1")
    assert stored is not None and stored.title == "original"


def test_failure_mid_batch_leaves_nothing(store: Store, make_article: MakeArticle,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sujet.store.database.CHUNK", 2)
    store.add_articles([make_article("kept")])
    batch = [make_article(f"b{i}") for i in range(5)]
    batch[3] = make_article("b3", text=None)  # fails after the first chunk was written
    with pytest.raises(TypeError):
        store.add_articles(batch)
    assert store.count_articles() == 1
    assert not store.has_article("b0")
    assert store.add_articles([make_article(f"b{i}") for i in range(5)]) == 5


def test_database_error_rolls_back_and_is_a_store_error(store: Store,
                                                        make_article: MakeArticle) -> None:
    store.add_articles([make_article("a1")])
    bad = Mention("missing-article", 0, 5, "PER", "Мазур", "Мазур")
    with pytest.raises(StoreError) as info:
        store.replace_mentions("missing-article", [bad])
    assert info.value.code == "E300"
    assert store.mentions_of_article("missing-article") == []


def test_update_articles_overwrites_fields_and_search(store: Store,
                                                      make_article: MakeArticle) -> None:
    store.add_articles([make_article("a1", text="Erste Fassung des Textes.", language="de")])
    changed = make_article("a1", text="Zweite Fassung über Zusammenarbeit.", language="de",
                           event_id="e9", duplicate_of="a0", metadata={"v": 2})
    store.update_articles([changed])
    assert store.get_article("a1") == changed
    assert [h.article.id for h in store.search("Zusammenarbeit")] == ["a1"]
    assert store.search("Erste") == []


def test_find_by_hash_returns_first_stored(store: Store, make_article: MakeArticle) -> None:
    store.add_articles([make_article("a1", content_hash="same"),
                        make_article("a2", content_hash="same")])
    assert store.find_by_hash("same") == "a1"
    assert store.find_by_hash("other") is None
    assert store.find_by_hash("") is None


def test_list_articles_newest_first_then_id(store: Store, make_article: MakeArticle) -> None:
    store.add_articles([
        make_article("c", date="2024-08-30"), make_article("a", date="2024-08-30"),
        make_article("b", date="2025-01-02"), make_article("n"), make_article("m", date="2023"),
    ])
    assert [a.id for a in store.list_articles()] == ["b", "a", "c", "m", "n"]
    page = store.list_articles(ArticleQuery(limit=2, offset=1))
    assert [a.id for a in page] == ["a", "c"]


def test_article_filters(store: Store, make_article: MakeArticle) -> None:
    store.add_articles([
        make_article("ru1", language="ru", date="2024-08-30", source="/x/riatomsk/1.txt"),
        make_article("de1", language="de", date="2024-08", site="belta.by",
                     source="/y/2.txt", duplicate_of="ru1"),
        make_article("en1", language="en", date="2023-01-05", url="https://news.example/100%"),
    ])
    store.replace_mentions("ru1", [Mention("ru1", 0, 5, "PER", "Мазур", "Мазур", "p1")])
    store.upsert_events([Event("ev1", "Встреча", members=[EventMember("de1", 0.9)])])

    def ids(**kw: object) -> list[str]:
        q = ArticleQuery(**kw)  # type: ignore[arg-type]
        assert store.count_articles(q) == len(store.list_articles(q))
        return sorted(a.id for a in store.list_articles(q))

    assert ids(language="de") == ["de1"]
    assert ids(source="riatomsk") == ["ru1"]
    assert ids(source="belta.by") == ["de1"]
    assert ids(source="100%") == ["en1"]
    assert ids(source="%") == ["en1"]  # LIKE wildcards are literal
    assert ids(date_from="2024-08-15") == ["de1", "ru1"]  # "2024-08" may be on the 15th
    assert ids(date_to="2024-08-01") == ["de1", "en1"]
    assert ids(date_from="2024-01-01", date_to="2024-12-31") == ["de1", "ru1"]
    assert ids(entity_id="p1") == ["ru1"]
    assert ids(event_id="ev1") == ["de1"]
    assert ids(include_duplicates=False) == ["en1", "ru1"]


def test_iter_articles_in_insertion_order(store: Store, make_article: MakeArticle) -> None:
    order = ["z", "a", "m", "b", "y", "c", "x"]
    for article_id in order:
        store.add_articles([make_article(article_id)])
    assert [a.id for a in store.iter_articles(batch=3)] == order


def test_signatures_round_trip_and_overwrite(store: Store) -> None:
    store.add_signatures([("a2", b"\x00\x01\xff"), ("a1", b"old")])
    store.add_signatures([("a1", b"new" * 100)])
    assert dict(store.iter_signatures()) == {"a1": b"new" * 100, "a2": b"\x00\x01\xff"}


def test_mentions_and_facts_replace(store: Store, make_article: MakeArticle) -> None:
    store.add_articles([make_article("a1"), make_article("a2")])
    first = [Mention("a1", 0, 16, "PER", "Владимира Мазура", "Владимир Мазур", "p1"),
             Mention("a1", 20, 25, "LOC", "Томск", "Томск", None, field="title")]
    store.replace_mentions("a1", first)
    store.replace_mentions("a2", [Mention("a2", 3, 8, "PER", "Masur", "Wladimir Masur", "p1")])
    assert store.mentions_of_article("a1") == first
    assert [m.article_id for m in store.mentions_of_entity("p1")] == ["a1", "a2"]
    store.replace_mentions("a1", first[1:])
    assert store.mentions_of_article("a1") == first[1:]

    facts = [Fact("a1", "agreement", "подписали соглашение", 10, 30, {"parties": ["A", "B"]}),
             Fact("a1", "figure", "рост на 12%", 40, 51, {"number": 12, "unit": "%"})]
    store.replace_facts("a1", facts)
    assert store.facts_of_article("a1") == facts
    store.replace_facts("a1", [])
    assert store.facts_of_article("a1") == []


def _person(entity_id: str, name: str, variants: list[str], mentions: int) -> Entity:
    return Entity(
        id=entity_id, type="PER", name=name, variants=variants, mentions=mentions,
        first_seen="2023-08-01", last_seen="2024-08-30",
        positions=[
            Position("министр промышленности", "2023-08-01", "a1", "Беларусь", "ru"),
            Position("Vizepremier", "2024-08-30", "a2", None, "de"),
        ],
        metadata={"source": "ner"},
    )


def test_entities_round_trip_find_list_delete(store: Store) -> None:
    masur = _person("p1", "Владимир Мазур", ["Владимира Мазура", "Wladimir Masur"], 7)
    other = Entity("o1", "ORG", "Томский политехнический университет", ["ТПУ"], mentions=2)
    store.upsert_entities([masur, other])
    assert store.get_entity("p1") == masur
    assert store.get_entity("o1") == other
    assert [e.id for e in store.find_entities("wladimir masur")] == ["p1"]
    assert [e.id for e in store.find_entities("ВЛАДИМИР МАЗУР")] == ["p1"]
    assert store.find_entities("Мазур") == []  # equality, not substring
    assert [e.id for e in store.list_entities(EntityQuery(name="masur"))] == ["p1"]
    assert [e.id for e in store.list_entities(EntityQuery(type="ORG"))] == ["o1"]
    assert [e.id for e in store.list_entities()] == ["p1", "o1"]  # most mentioned first
    assert [e.id for e in store.list_entities(EntityQuery(limit=1, offset=1))] == ["o1"]

    renamed = _person("p1", "Wladimir Masur", ["Мазур"], 9)
    store.upsert_entities([renamed])
    assert store.get_entity("p1") == renamed
    assert store.find_entities("Wladimir Masur")[0].mentions == 9

    store.delete_entities(["p1"])
    assert store.get_entity("p1") is None
    assert store.find_entities("Мазур") == []


def _event(event_id: str, date: str | None, members: int, **kw: object) -> Event:
    return Event(
        id=event_id, title=f"Event {event_id}", languages=["ru", "de"], date_from=date,
        date_to=date, members=[EventMember(f"{event_id}-a{i}", 0.5 + i / 10, ["entities", "date"])
                               for i in range(members)],
        key_entities=["p1"], summary={"ru": "Кратко.", "de": "Kurz."}, metadata={"k": 1},
        **kw,  # type: ignore[arg-type]
    )


def test_events_round_trip_order_filters_delete(store: Store, make_article: MakeArticle) -> None:
    events = [_event("e1", "2024-08-30", 2, storyline_id="s1"), _event("e2", "2024-08-30", 3),
              _event("e3", "2023-08-01", 5), _event("e4", None, 1)]
    events[2].languages = ["en"]
    events[2].key_entities = ["p2"]
    store.upsert_events(events)
    assert store.get_event("e1") == events[0]
    assert [e.id for e in store.list_events()] == ["e2", "e1", "e3", "e4"]
    assert [e.id for e in store.list_events(limit=2, offset=1)] == ["e1", "e3"]
    assert [e.id for e in store.list_events(language="en")] == ["e3"]
    assert [e.id for e in store.list_events(date_from="2024-01-01")] == ["e2", "e1"]
    assert [e.id for e in store.list_events(date_to="2023-12-31")] == ["e3"]
    assert [e.id for e in store.list_events(entity_id="p2")] == ["e3"]

    # An entity mentioned in a member article counts too.
    store.add_articles([make_article("e1-a0")])
    store.replace_mentions("e1-a0", [Mention("e1-a0", 0, 3, "PER", "X", "X", "p9")])
    assert [e.id for e in store.list_events(entity_id="p9")] == ["e1"]

    events[0].members = events[0].members[:1]
    store.upsert_events([events[0]])
    got = store.get_event("e1")
    assert got is not None and len(got.members) == 1
    assert [e.id for e in store.list_events()][:2] == ["e2", "e1"]
    store.delete_events(["e1", "e2"])
    assert store.get_event("e1") is None
    assert [e.id for e in store.list_events()] == ["e3", "e4"]


def test_storylines_round_trip_order_delete(store: Store) -> None:
    old = Storyline("s1", "Сотрудничество Томска и Беларуси", ["e3", "e1"], "2023-08-01",
                    "2024-08-30", ["p1", "o1"], {"score": 0.7})
    new = Storyline("s2", "Other", ["e9"], "2025-01-01", "2025-02-01")
    store.upsert_storylines([old, new])
    assert store.get_storyline("s1") == old
    assert [s.id for s in store.list_storylines()] == ["s2", "s1"]
    assert [s.id for s in store.list_storylines(limit=1, offset=1)] == ["s1"]
    assert store.storyline_ids() == {"s1", "s2"}
    old.event_ids = ["e1"]
    store.upsert_storylines([old])
    assert store.get_storyline("s1") == old
    store.delete_storylines(["s2"])
    assert [s.id for s in store.list_storylines()] == ["s1"]
    assert store.storyline_ids() == {"s1"}
    assert store.get_storyline("s2") is None


def test_cache_round_trip_by_namespace(store: Store) -> None:
    store.put_cached("emb", [("h1", b"\x00" * 2048), ("h2", b"two")])
    store.put_cached("other", [("h1", b"else")])
    store.put_cached("emb", [("h2", b"replaced")])
    keys = ["h1", "h2", "missing"] + [f"k{i}" for i in range(1200)]
    assert store.get_cached("emb", keys) == {"h1": b"\x00" * 2048, "h2": b"replaced"}
    assert store.get_cached("other", ["h1"]) == {"h1": b"else"}
    assert store.get_cached("emb", []) == {}


def test_runs_newest_first_and_updated(store: Store) -> None:
    store.record_run(IngestRecord("r1", "2024-09-01T10:00:00", inputs=["/data/a"]))
    store.record_run(IngestRecord("r2", "2024-09-02T10:00:00", inputs=["feed.xml"],
                                  stats={"seen": 3}))
    finished = IngestRecord("r1", "2024-09-01T10:00:00", "2024-09-01T10:05:00", ["/data/a"],
                            {"seen": 10, "kept": 8, "dropped": {"E107 no article": 2}})
    store.record_run(finished)
    runs = store.list_runs()
    assert [r.run_id for r in runs] == ["r2", "r1"]
    assert runs[1] == finished
    assert [r.run_id for r in store.list_runs(limit=1)] == ["r2"]


def test_sources_merge_by_url(store: Store) -> None:
    store.upsert_source({"url": "https://b.example/feed", "schedule": "hourly"})
    store.upsert_source({"url": "https://a.example/rss", "schedule": "daily"})
    store.upsert_source({"url": "https://b.example/feed", "last_error": "E202 timed out"})
    assert store.list_sources() == [
        {"url": "https://a.example/rss", "schedule": "daily"},
        {"url": "https://b.example/feed", "schedule": "hourly", "last_error": "E202 timed out"},
    ]
    with pytest.raises(InputError):
        store.upsert_source({"schedule": "daily"})


def test_schema_version_and_newer_store_refused(store_url: str) -> None:
    with open_store(store_url) as opened:
        assert opened.schema_version() == SCHEMA_VERSION
    with open_store(store_url) as reopened:  # reopening migrates nothing and keeps the version
        assert reopened.schema_version() == SCHEMA_VERSION
        assert isinstance(reopened, SqlStore)
        with reopened.backend.engine.begin() as conn:
            conn.execute(update(meta).where(meta.c.key == "schema_version")
                         .values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(SchemaVersionError) as info:
        open_store(store_url)
    assert info.value.code == "E301"


def test_every_entity_and_event_read_a_batch_at_a_time(store: Store) -> None:
    store.upsert_entities([Entity(f"e{i}", "PER", f"Name {i}", mentions=i) for i in range(5)])
    store.upsert_events([Event(f"v{i}", f"Event {i}", members=[]) for i in range(3)])
    assert [e.id for e in store.iter_entities(batch=2)] == [f"e{i}" for i in range(5)]
    assert [e.id for e in store.iter_events(batch=2)] == ["v0", "v1", "v2"]
    assert store.get_entity("e3") == next(e for e in store.iter_entities() if e.id == "e3")
