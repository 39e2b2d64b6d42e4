"""Quotes stored per article, read per article and per entity, moved on entity merges."""

from __future__ import annotations

from collections.abc import Callable

from sujet.model import Article, Quote
from sujet.store import Store


def test_quotes_round_trip_and_follow_merges(
    store: Store, make_article: Callable[..., Article]
) -> None:
    store.add_articles(
        [
            make_article("a1", language="ru", date="2024-08-30"),
            make_article("a2", language="de", date="2025-01-10"),
        ]
    )
    first = [
        Quote("a1", "Мы расширим поставки", 1, 21, "Иван Петров", "p1", "direct", "сказал"),
        Quote("a1", "завод откроется весной", 30, 52, "Иван Петров", "p1", "indirect", "сообщил"),
    ]
    store.replace_quotes("a1", first)
    store.replace_quotes("a1", first)  # re-running adds nothing twice
    store.replace_quotes(
        "a2", [Quote("a2", "Der Umsatz stieg", 0, 16, "Iwan Petrow", "p2", "indirect", "sagte")]
    )
    assert store.quotes_of_articles(["a1"]) == {"a1": first}
    assert [q.text for q in store.quotes_of_entity("p1")] == [q.text for q in first]
    store.repoint_quotes({"p2": "p1"})
    assert [q.article_id for q in store.quotes_of_entity("p1")] == ["a2", "a1", "a1"]
    assert store.quotes_of_entity("p2") == []
    store.replace_quotes("a1", [])
    assert store.quotes_of_articles(["a1", "a2"]).keys() == {"a2"}
