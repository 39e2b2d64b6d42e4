from __future__ import annotations

from sujet.entities.ner import get_recognizer, languages, register
from sujet.entities.ner.fallback import FallbackRecognizer
from sujet.entities.span import Span


def _found(spans: list[Span]) -> set[tuple[str, str]]:
    return {(s.type, s.text) for s in spans}


def test_registry_knows_ru_de_en_pl_uk() -> None:
    assert {"ru", "de", "en", "pl", "uk"} <= set(languages())


def test_unknown_language_gets_fallback() -> None:
    rec = get_recognizer("pl")
    assert isinstance(rec, FallbackRecognizer)
    spans = rec.recognize("Prezydent Andrzej Duda spotkał się w Warszawie z premierem.")
    assert ("PER", "Andrzej Duda") in _found(spans)


def test_fallback_never_raises_on_odd_input() -> None:
    rec = get_recognizer("uk")
    for text in ("", "   ", "\x00\x01", "1234 5678", "ÄÖÜ" * 1000, "((((", "A" * 10000):
        assert isinstance(rec.recognize(text), list)


def test_register_adds_a_language() -> None:
    class Fixed:
        lang = "zz"

        def recognize(self, text: str) -> list[Span]:
            return [Span(0, 3, "PER", text[:3])]

    register("zz")(lambda: Fixed())
    assert get_recognizer("zz").recognize("Bob went") == [Span(0, 3, "PER", "Bob")]


def test_russian_spans_and_conventions(ru_recognizer) -> None:
    text = (
        "Губернатор Томской области Владимир Мазур встретился в Минске с министром Сергеем Масляком. "
        "Договор подписало ОАО «Газпром». Комитет защиты журналистов (КЗЖ) осудил арест."
    )
    found = _found(ru_recognizer.recognize(text))
    assert ("PER", "Владимир Мазур") in found
    assert ("PER", "Сергеем Масляком") in found
    assert ("LOC", "Минске") in found
    assert ("ORG", "Газпром") in found  # legal form left out
    assert ("ORG", "КЗЖ") in found  # parenthesised alias is its own span


def test_russian_title_word_not_in_person(ru_recognizer) -> None:
    spans = ru_recognizer.recognize(
        "Делегацию возглавил первый заместитель Губернатора Юрий Петухов."
    )
    persons = [s.text for s in spans if s.type == "PER"]
    assert persons == ["Юрий Петухов"]


def test_german_model_finds_names(de_recognizer) -> None:
    text = (
        "Am 30. August fand in Tomsk die Sitzung unter dem Vorsitz des Ministers Sergej Masljak "
        "und des Gouverneurs Wladimir Masur statt. Bundeskanzler Olaf Scholz reiste nach Berlin."
    )
    found = _found(de_recognizer.recognize(text))
    assert ("PER", "Sergej Masljak") in found
    assert ("PER", "Wladimir Masur") in found
    assert ("LOC", "Berlin") in found


def test_english_rules() -> None:
    rec = get_recognizer("en")
    text = "Belarusian Deputy Prime Minister Petr Parkhomchik met Vladimir Mazur, the governor of Tomsk Oblast, in Minsk."
    found = _found(rec.recognize(text))
    assert ("PER", "Petr Parkhomchik") in found
    assert ("PER", "Vladimir Mazur") in found
    assert ("LOC", "Minsk") in found
