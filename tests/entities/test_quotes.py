"""Quotes: direct and reported speech attributed to the resolved person, in ru, de and en."""

from __future__ import annotations

from pathlib import Path

from sujet.entities.analyze import analyze_entities
from sujet.entities.quotes import find_quotes
from sujet.eval.quotes import evaluate_quotes
from sujet.model import Article

QUOTES_DATA = Path(__file__).resolve().parents[1] / "data" / "quotes"


def _quotes(text: str, lang: str) -> list[tuple[str, str, str]]:
    art = Article(id="q", source="q", text=text, language=lang)
    return [
        (q.speaker, q.kind, q.text)
        for q in find_quotes(text, analyze_entities(art, with_facts=False))
    ]


def test_direct_speech_after_and_before_the_speaker() -> None:
    ru = _quotes("«Мы расширим поставки комбайнов в регион», – сказал Иван Петров.", "ru")
    assert ru == [("Иван Петров", "direct", "Мы расширим поставки комбайнов в регион")]
    de = _quotes("„Wir brauchen mehr Austausch zwischen den Städten“, sagte Anna Becker.", "de")
    assert de == [("Anna Becker", "direct", "Wir brauchen mehr Austausch zwischen den Städten")]
    en = _quotes('John Miller said: "We will open the plant next spring."', "en")
    assert en == [("John Miller", "direct", "We will open the plant next spring")]


def test_reported_speech() -> None:
    ru = _quotes("Иван Петров сообщил журналистам, что завод откроется весной.", "ru")
    assert ru == [("Иван Петров", "indirect", "завод откроется весной")]
    de = _quotes("Der Umsatz stieg um zehn Prozent, sagte Anna Becker am Montag.", "de")
    assert de == [("Anna Becker", "indirect", "Der Umsatz stieg um zehn Prozent")]
    en = _quotes("According to John Miller, the plant will open next spring.", "en")
    assert en == [("John Miller", "indirect", "the plant will open next spring")]


def test_a_position_or_a_pronoun_names_the_speaker() -> None:
    text = (
        "Губернатор Томской области Владимир Мазур провёл встречу. «Эти направления – будущее "
        "нашего сотрудничества», – цитируется томский губернатор. Он напомнил, что проект "
        "программы представят осенью."
    )
    found = _quotes(text, "ru")
    assert [(s, k) for s, k, _t in found] == [
        ("Владимир Мазур", "direct"),
        ("Владимир Мазур", "indirect"),
    ]


def test_no_speaker_no_quote() -> None:
    assert _quotes("Выставка «Иннопром» проходит в Екатеринбурге с 8 по 11 июля.", "ru") == []
    assert _quotes("Officials said trade grew by a third last year.", "en") == []


def test_harness_on_the_corpus_set() -> None:
    """The project's set written from its sample corpus (tests/data/quotes): the cues were
    written while reading the corpus, so this is a dev figure that guards against losses."""
    res = evaluate_quotes(QUOTES_DATA)
    assert res["gold"] == 23
    assert res["precision"] >= 0.95 and res["recall"] >= 0.9, res
