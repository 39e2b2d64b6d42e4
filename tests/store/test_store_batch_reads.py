"""Batch reads, counts and aggregates that the API pages are built from, on every backend."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from sujet.model import Article, Entity, Event, EventMember, Fact, Mention, Storyline
from sujet.store import ArticleQuery, EntityQuery, Store

MakeArticle = Callable[..., Article]


def _mention(article_id: str, entity_id: str | None, at: int = 0) -> Mention:
    return Mention(article_id, at, at + 3, "PER", "Имя", entity_id or "Имя", entity_id)


@pytest.fixture
def people(store: Store, make_article: MakeArticle) -> Store:
    """Six articles over three dates; p1 in all but one, p2 and p3 beside it, o1 alone."""
    dates = {"a1": "2024-08-30", "a2": "2024-08-30", "a3": "2024-09-02", "a4": "2023",
             "a5": None, "a6": "2024-09-02"}
    store.add_articles([make_article(i, date=d, language="ru" if i != "a3" else "de")
                        for i, d in dates.items()])
    cast: dict[str, list[str | None]] = {
        "a1": ["p1", "p1", "p2"], "a2": ["p1", "p3"], "a3": ["p1", "p2", "p2"],
        "a4": ["p1", "p2", "p3"], "a5": ["p1", None], "a6": ["o1"]}
    for article_id, ids in cast.items():
        store.replace_mentions(article_id, [_mention(article_id, e, 10 * k)
                                            for k, e in enumerate(ids)])
    store.upsert_entities([
        Entity("p1", "PER", "Владимир Мазур", ["Wladimir Masur"], mentions=6),
        Entity("p2", "PER", "Сергей Масляк", ["Sergej Masljak"], mentions=4),
        Entity("p3", "PER", "Иван Петров", [], mentions=2),
        Entity("o1", "ORG", "ТПУ", ["Томский политехнический университет"], mentions=1),
    ])
    return store


def test_get_articles_in_asked_order_once_each(store: Store, make_article: MakeArticle) -> None:
    ids = [f"a{i:04d}" for i in range(1203)]  # more than one IN-list chunk
    store.add_articles([make_article(i) for i in ids])
    asked = ["a0007", "missing", "a1202", "a0007", "a0000"]
    assert [a.id for a in store.get_articles(asked)] == ["a0007", "a1202", "a0000"]
    assert store.get_articles([]) == []
    assert [a.id for a in store.get_articles(list(reversed(ids)))] == list(reversed(ids))
    assert store.get_articles(["a0001"])[0] == store.get_article("a0001")


def test_get_entities_in_asked_order(people: Store) -> None:
    found = people.get_entities(["p3", "nobody", "p1", "p3"])
    assert [e.id for e in found] == ["p3", "p1"]
    assert found[1] == people.get_entity("p1")
    assert people.get_entities([]) == []


def test_entity_filter_finds_each_article_once(people: Store) -> None:
    query = ArticleQuery(entity_id="p1")
    assert [a.id for a in people.list_articles(query)] == ["a3", "a1", "a2", "a4", "a5"]
    assert people.count_articles(query) == 5
    assert people.count_articles(ArticleQuery(entity_id="p1", language="de")) == 1
    assert people.count_articles(ArticleQuery(entity_id="nobody")) == 0


def test_mention_timeline_counts_mentions_per_date(people: Store) -> None:
    # a1 holds two mentions of p1; a5 has no date and is left out.
    assert people.mention_timeline("p1") == [("2023", 1), ("2024-08-30", 3), ("2024-09-02", 1)]
    assert people.mention_timeline("p2") == [("2023", 1), ("2024-08-30", 1), ("2024-09-02", 2)]
    assert people.mention_timeline("nobody") == []


def test_co_mentions_count_shared_articles(people: Store) -> None:
    # p2 shares a1, a3 and a4 with p1 (three mentions in a3 count as one article).
    assert people.co_mentions("p1") == [("p2", 3), ("p3", 2)]
    assert people.co_mentions("p1", limit=1) == [("p2", 3)]
    assert people.co_mentions("p3") == [("p1", 2), ("p2", 1)]
    assert people.co_mentions("o1") == []
    # Only the newest articles: a3 (2024-09-02), then a1 and a2 (2024-08-30, by id).
    assert people.co_mentions("p1", recent=2) == [("p2", 2)]
    assert people.co_mentions("p1", recent=3) == [("p2", 2), ("p3", 1)]


def test_co_mentions_skip_entities_no_longer_stored(people: Store) -> None:
    people.delete_entities(["p2"])
    assert people.co_mentions("p1") == [("p3", 2)]


def test_count_entities_matches_list(people: Store) -> None:
    for query in (EntityQuery(), EntityQuery(type="PER"), EntityQuery(type="ORG"),
                  EntityQuery(name="masur"), EntityQuery(name="политехнический"),
                  EntityQuery(name="zzz"), EntityQuery(type="ORG", name="мазур")):
        everything = people.list_entities(EntityQuery(type=query.type, name=query.name,
                                                      limit=1000))
        assert people.count_entities(query) == len(everything), query
    assert people.count_entities() == 4
    assert people.count_entities(EntityQuery(type="PER", limit=1, offset=2)) == 3


def _event(event_id: str, date: str | None, articles: list[str], languages: list[str],
           key: list[str]) -> Event:
    return Event(id=event_id, title=event_id, languages=languages, date_from=date, date_to=date,
                 members=[EventMember(a, 0.9) for a in articles], key_entities=key)


def test_count_events_matches_list_for_every_filter(people: Store) -> None:
    people.upsert_events([
        _event("e1", "2024-08-30", ["a1", "a2"], ["ru"], ["p1"]),
        _event("e2", "2024-09-02", ["a3", "a6"], ["de", "ru"], ["o1"]),
        _event("e3", "2023", ["a4"], ["ru"], []),
        _event("e4", None, ["gone"], ["en"], ["p9"]),
    ])
    filters: list[dict[str, str]] = [
        {}, {"language": "ru"}, {"language": "en"}, {"language": "pl"},
        {"date_from": "2024-09-01"}, {"date_to": "2023-12-31"},
        {"entity_id": "p1"},  # key entity of e1, mentioned in members of e2 and e3
        {"entity_id": "p3"}, {"entity_id": "p9"}, {"entity_id": "nobody"},
        {"language": "ru", "entity_id": "p2", "date_from": "2024"},
    ]
    for f in filters:
        listed = people.list_events(limit=1000, **f)  # type: ignore[arg-type]
        assert people.count_events(**f) == len(listed), f
    assert [e.id for e in people.list_events(entity_id="p1")] == ["e2", "e1", "e3"]
    assert [e.id for e in people.list_events(entity_id="p3")] == ["e1", "e3"]
    assert people.count_events() == 4
    assert people.count_events(entity_id="p9") == 1


def test_event_filter_on_articles(people: Store) -> None:
    people.upsert_events([_event("e1", "2024-08-30", ["a1", "a2"], ["ru"], [])])
    people.update_articles([Article(**{**people.get_article("a4").to_dict(),  # type: ignore[union-attr]
                                       "event_id": "e1"})])
    query = ArticleQuery(event_id="e1")
    assert sorted(a.id for a in people.list_articles(query)) == ["a1", "a2", "a4"]
    assert people.count_articles(query) == 3


def test_count_storylines(store: Store) -> None:
    assert store.count_storylines() == 0
    store.upsert_storylines([Storyline(f"s{i}", "t", [f"e{i}"]) for i in range(3)])
    assert store.count_storylines() == 3
    store.delete_storylines(["s1"])
    assert store.count_storylines() == 2


def test_facts_of_articles_by_article(store: Store, make_article: MakeArticle) -> None:
    store.add_articles([make_article("a1"), make_article("a2"), make_article("a3")])
    f1 = [Fact("a1", "figure", "12%", 0, 3, {"number": 12}),
          Fact("a1", "agreement", "соглашение", 5, 15, {})]
    f3 = [Fact("a3", "figure", "5 млн", 0, 5, {"number": 5_000_000})]
    store.replace_facts("a1", f1)
    store.replace_facts("a3", f3)
    assert store.facts_of_articles(["a3", "a1", "a2", "missing"]) == {"a1": f1, "a3": f3}
    assert store.facts_of_articles([]) == {}


def test_delete_source(store: Store) -> None:
    store.upsert_source({"url": "https://a.example/rss", "name": "A"})
    store.upsert_source({"url": "https://b.example/rss"})
    assert store.delete_source("https://a.example/rss") is True
    assert store.delete_source("https://a.example/rss") is False
    assert store.delete_source("https://nowhere.example/") is False
    assert [s["url"] for s in store.list_sources()] == ["https://b.example/rss"]


def test_nul_characters_are_stored_on_every_backend(store: Store,
                                                    make_article: MakeArticle) -> None:
    text = "Мазур\x00 приехал в Томск.\x00"
    store.add_articles([make_article("a1", text=text, title="Ti\x00tle",
                                     metadata={"raw": "x\x00y"})])
    stored = store.get_article("a1")
    assert stored is not None
    assert "\x00" not in stored.text and len(stored.text) == len(text)  # spans stay valid
    assert stored.text.replace("\ufffd", "\x00") == text
    assert stored.title == "Ti\ufffdtle"
    store.replace_mentions("a1", [Mention("a1", 0, 5, "PER", "Мазур\x00", "Мазур", "p1")])
    assert store.mentions_of_article("a1")[0].surface == "Мазур\ufffd"
    store.upsert_entities([Entity("p1", "PER", "Владимир\x00Мазур", ["Ma\x00sur"])])
    entity = store.get_entity("p1")
    assert entity is not None and "\x00" not in entity.name + "".join(entity.variants)
    store.upsert_source({"url": "https://a.example/\x00rss", "name": "N\x00"})
    assert store.list_sources()[0]["url"] == "https://a.example/\ufffdrss"
    assert store.delete_source("https://a.example/\x00rss") is True
    assert [h.article.id for h in store.search("Томск")] == ["a1"]


def test_search_pages_follow_one_order(store: Store, make_article: MakeArticle) -> None:
    # Equal scores: the order is still total, so pages neither repeat nor skip hits.
    store.add_articles([make_article(f"a{i}", text="Мазур приехал в Томск.", language="ru",
                                     date="2024-08-30", duplicate_of="a0" if i == 3 else None)
                        for i in range(7)])
    everything = [h.article.id for h in store.search("Мазур")]
    assert sorted(everything) == [f"a{i}" for i in range(7)]
    pages = [h.article.id for k in range(4)
             for h in store.search("Мазур", ArticleQuery(limit=2, offset=2 * k))]
    assert pages == everything
    originals = ArticleQuery(include_duplicates=False, limit=3)
    filtered = [h.article.id for h in store.search("Мазур", originals)]
    assert filtered == [i for i in everything if i != "a3"][:3]
    assert Counter(h.snippet.count("«") for h in store.search("Мазур")) == Counter({1: 7})
