"""Search by normal form and across scripts, on both backends: Соколова, Соколову, Sokolov,
Sokolow and Соколов find the same articles; "Parkhomchik" finds Пархомчик; a query that names
a known person offers the person's dossier."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sujet.model import Article, Entity
from sujet.pipeline.search import expansion_terms, named_entities, search_articles
from sujet.store import Store
from sujet.store.stemming import normal_forms, query_stems


@pytest.fixture
def people(store: Store, make_article: Callable[..., Article]) -> Store:
    store.add_articles(
        [
            make_article(
                "ru1",
                language="ru",
                text="Министр промышленности Владимир Соколов провёл переговоры в Екатеринбурге.",
            ),
            make_article(
                "ru2",
                language="ru",
                text="Делегация встретилась с Владимиром Соколовым и обсудила поставки.",
            ),
            make_article("en1", language="en", text="Belarusian minister Vladimir Sokolov said."),
            make_article(
                "de1", language="de", text="Der Minister Wladimir Sokolow sagte am Montag."
            ),
            make_article(
                "ru3", language="ru", text="Вице-премьер Петр Пархомчик открыл выставку в Минске."
            ),
        ]
    )
    store.upsert_entities(
        [
            Entity(
                "p-sok",
                "PER",
                "Владимир Соколов",
                [
                    "Владимир Соколов",
                    "Владимиром Соколовым",
                    "Vladimir Sokolov",
                    "Wladimir Sokolow",
                ],
                mentions=4,
            ),
            Entity("p-par", "PER", "Петр Пархомчик", ["Петр Пархомчик"], mentions=1),
        ]
    )
    return store


def _ids(store: Store, q: str) -> set[str]:
    return {h.article.id for h in search_articles(store, q)}


def test_inflected_and_transliterated_surnames_find_the_same_articles(people: Store) -> None:
    expected = {"ru1", "ru2", "en1", "de1"}
    for q in ("Соколов", "Соколова", "Соколову", "Sokolov", "Sokolow"):
        assert _ids(people, q) == expected, q


def test_english_spelling_finds_the_cyrillic_name(people: Store) -> None:
    assert _ids(people, "Parkhomchik") == {"ru3"}
    assert "Пархомчик" in expansion_terms(people, "Parkhomchik")


def test_a_query_naming_a_person_offers_the_dossier(people: Store) -> None:
    assert [e.id for e in named_entities(people, "Соколову")] == ["p-sok"]
    assert [e.id for e in named_entities(people, "Sokolow")] == ["p-sok"]
    assert named_entities(people, "переговоры") == []


def test_query_words_meet_their_normal_forms() -> None:
    assert "соколов" in normal_forms("соколову")
    assert query_stems("соколова", ["ru"]) & query_stems("соколов", ["ru"])
    assert normal_forms("Berlin") == ()
