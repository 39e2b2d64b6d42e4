"""Full-text search on every backend: inflection, extra terms, filters, ranking, hostile input."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sujet.model import Article
from sujet.store import ArticleQuery, SearchHit, Store
from sujet.store.stemming import words

MakeArticle = Callable[..., Article]

RU_MEETING = (
    "ТОМСК, 30 авг – РИА Томск. Губернатор Томской области Владимир Мазур встретился с "
    "делегацией Беларуси. Стороны обсудили сотрудничество в промышленности. «Мы довольны "
    "результатами», — сказал Мазур."
)
RU_LATER = "Заместитель губернатора рассказал о встрече с Владимиром Мазуром и планах на год."
DE_MEETING = (
    "MINSK, 30. August (BelTA) - Wladimir Masur, Gouverneur des Gebiets Tomsk, sprach über "
    "die Zusammenarbeiten mit belarussischen Unternehmen in der Industrie."
)
EN_OTHER = "Markets closed higher on Friday as investors weighed new figures on inflation."


@pytest.fixture
def corpus(store: Store, make_article: MakeArticle) -> Store:
    store.add_articles([
        make_article("ru1", title="Мазур встретился с делегацией", text=RU_MEETING,
                     language="ru", date="2024-08-30", source="/seeds/riatomsk.txt"),
        make_article("ru2", title="Планы на год", text=RU_LATER, language="ru",
                     date="2025-08-29", source="/seeds/tomsk-news.txt", duplicate_of="ru1"),
        make_article("de1", title="Tomsk und Belarus", text=DE_MEETING, language="de",
                     date="2024-08-30", source="/seeds/belta.txt"),
        make_article("en1", title="Markets", text=EN_OTHER, language="en", date="2024-09-01",
                     source="/seeds/markets.txt"),
    ])
    return store


def ids(hits: list[SearchHit]) -> list[str]:
    return [h.article.id for h in hits]


def test_russian_inflection_both_ways(corpus: Store) -> None:
    assert sorted(ids(corpus.search("Мазур"))) == ["ru1", "ru2"]  # "Мазуром" in ru2
    assert sorted(ids(corpus.search("Мазуром"))) == ["ru1", "ru2"]
    assert ids(corpus.search("сотрудничества")) == ["ru1"]  # "сотрудничество" in the text


def test_german_inflection(corpus: Store) -> None:
    assert ids(corpus.search("Zusammenarbeit")) == ["de1"]
    assert ids(corpus.search("belarussische Unternehmens")) == ["de1"]


def test_all_query_words_must_match(corpus: Store) -> None:
    assert ids(corpus.search("Мазур делегацией")) == ["ru1"]
    assert corpus.search("Мазур inflation") == []


def test_extra_terms_are_ored_in(corpus: Store) -> None:
    assert sorted(ids(corpus.search("Мазур", extra_terms=["Wladimir Masur", "Masur"]))) == [
        "de1", "ru1", "ru2"]
    assert ids(corpus.search("nothing-here", extra_terms=["Masur"])) == ["de1"]
    # A multi-word extra term needs all its words.
    assert corpus.search("nothing-here", extra_terms=["Masur inflation"]) == []


def test_diacritics_and_case_are_folded(corpus: Store, make_article: MakeArticle) -> None:
    corpus.add_articles([make_article("fr1", text="La coopération régionale avance.",
                                      language="fr")])
    assert ids(corpus.search("COOPERATION")) == ["fr1"]
    assert ids(corpus.search("regionale")) == ["fr1"]


def test_filters_apply_to_search(corpus: Store) -> None:
    assert ids(corpus.search("Мазур", ArticleQuery(include_duplicates=False))) == ["ru1"]
    assert ids(corpus.search("Мазур", ArticleQuery(date_from="2025-01-01"))) == ["ru2"]
    assert ids(corpus.search("Tomsk", ArticleQuery(language="de"))) == ["de1"]
    assert ids(corpus.search("Masur", ArticleQuery(source="belta"))) == ["de1"]
    assert corpus.search("Masur", ArticleQuery(language="ru")) == []


def test_ranking_and_pagination(corpus: Store) -> None:
    hits = corpus.search("Мазур")
    assert hits[0].article.id == "ru1"  # in the title and twice in the text
    assert hits[0].score >= hits[1].score
    first = corpus.search("Мазур", ArticleQuery(limit=1))
    second = corpus.search("Мазур", ArticleQuery(limit=1, offset=1))
    assert ids(first) == ["ru1"] and ids(second) == ["ru2"]
    assert corpus.search("Мазур", ArticleQuery(limit=1, offset=2)) == []


def test_snippets_mark_matches_and_not_quotes(corpus: Store) -> None:
    hit = next(h for h in corpus.search("Мазур") if h.article.id == "ru2")
    assert "«Мазуром»" in hit.snippet
    ru1 = corpus.search("довольны")[0]
    assert "«довольны»" in ru1.snippet
    # The text's own guillemets must not look like match markers.
    assert ru1.snippet.count("«") == 1 and ru1.snippet.count("»") == 1
    de = corpus.search("Zusammenarbeit")[0]
    assert "«Zusammenarbeiten»" in de.snippet


def test_snippet_of_a_long_text_is_a_window(store: Store, make_article: MakeArticle) -> None:
    filler = " ".join(f"слово{i}" for i in range(300))
    store.add_articles([make_article("long", text=f"{filler} Мазур приехал. {filler}",
                                     language="ru")])
    snippet = store.search("Мазур")[0].snippet
    assert "«Мазур»" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet.split()) < 60


HOSTILE = [
    '"', '""', "'", "a\"b", 'Мазур"', "NEAR(Мазур", "Мазур*", "* OR *", "title:Мазур",
    "{title text}: Мазур", "^Мазур", "Мазур AND", "(Мазур", "Мазур)", "-Мазур", "a:b:c",
    "\\", "%", "_", "Мазур; DROP TABLE articles; --", "\x00Мазур", "«Мазур»", "Мазу\u0301ра",
    "NOT", "OR", "AND", "&", "|", "!", "<->", ":*", "x" * 5000, "Мазур " * 500,
]


def test_hostile_queries_do_not_raise(corpus: Store) -> None:
    for hostile in HOSTILE:
        hits = corpus.search(hostile, extra_terms=[hostile])
        if words(hostile) in (["мазур"], ["мазура"]):  # syntax characters are just separators
            assert "ru1" in ids(hits), hostile
    assert corpus.count_articles() == 4


def test_empty_queries_find_nothing(corpus: Store) -> None:
    assert corpus.search("") == []
    assert corpus.search("  ... !!! ") == []
    assert corpus.search("", extra_terms=["", "  "]) == []
    assert corpus.search("Мазур", ArticleQuery(limit=0)) == []


def test_index_follows_updates(corpus: Store, make_article: MakeArticle) -> None:
    corpus.update_articles([make_article("en1", title="Markets", text="Новый текст о Мазуре.",
                                         language="ru", date="2024-09-01")])
    assert "en1" in ids(corpus.search("Мазур"))
    assert corpus.search("inflation") == []
    # Updating only non-text fields keeps the article findable.
    article = corpus.get_article("en1")
    assert article is not None
    article.event_id = "ev1"
    corpus.update_articles([article])
    assert "en1" in ids(corpus.search("Мазур"))
