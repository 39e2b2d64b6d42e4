"""The watchlist query language: parsing, bad queries with a coded error, and matching under
the normal forms of search."""

from __future__ import annotations

import pytest

from sujet.alerts.matching import ArticleText, compile_query
from sujet.alerts.query import All, Any_, Not, Term, parse_query
from sujet.errors import BadWatchlist
from sujet.model import Article


def test_precedence_and_implicit_and() -> None:
    assert parse_query('a b OR "c d" NOT e') == Any_((
        All((Term("a", False), Term("b", False))),
        All((Term("c d", True), Not(Term("e", False)))),
    ))
    assert parse_query("a AND (b OR c) -d") == All((
        Term("a", False), Any_((Term("b", False), Term("c", False))), Not(Term("d", False))))


@pytest.mark.parametrize("bad", ["", "(a", 'a "b', "a AND", "NOT a", "a )", "OR"])
def test_bad_queries_are_refused(bad: str) -> None:
    with pytest.raises(BadWatchlist) as err:
        parse_query(bad)
    assert err.value.code == "E130"


def _matches(query: str, text: str, language: str = "ru") -> bool:
    article = Article(id="x", source="x", text=text, language=language)
    return compile_query(query, lambda _: []).found_in(ArticleText.of(article))


def test_matching_under_normal_forms() -> None:
    assert _matches("Заболоцкий", "Встреча с Прохором Заболоцким прошла в Омске.")
    assert _matches('"рабочая группа" Минск', "Рабочей группы в Минске не было.")
    assert not _matches('"рабочая группа"', "Группа была рабочая.")
    assert not _matches("Минск NOT Омск", "Из Минска в Омск.")
    assert _matches("Zusammenarbeit", "Die Zusammenarbeiten gehen weiter.", "de")
    assert not _matches("Заболоцкий", "Пётр Заболотный выступил.")


def test_title_and_text_are_not_one_phrase() -> None:
    article = Article(id="x", source="x", title="Рабочая", text="группа собралась", language="ru")
    matcher = compile_query('"рабочая группа"', lambda _: [])
    assert not matcher.found_in(ArticleText.of(article))


def test_expansion_alternatives_match() -> None:
    matcher = compile_query("Заболоцкий", lambda _: ["Zabolotsky"])
    article = Article(id="x", source="x", text="Prokhor Zabolotsky said.", language="en")
    assert matcher.found_in(ArticleText.of(article))
