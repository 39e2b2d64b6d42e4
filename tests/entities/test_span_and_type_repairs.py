"""Repairs after tagging: persons split off or added, countries under their formal names, the
dateline's place and agency, and the English tagger's titles, possessives and calendar words."""

from __future__ import annotations

from sujet.entities.gazetteer import canonical_alias, entity_type
from sujet.entities.ner import recognize
from sujet.entities.ner.person_repair import repair_person_spans
from sujet.entities.span import Span
from sujet.entities.tokenize import tokenize


def _en_spans(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.type) for s in recognize(text, "en")]


def _en_persons(text: str) -> list[str]:
    return [t for t, typ in _en_spans(text) if typ == "PER"]


def _span(text: str, part: str, typ: str) -> Span:
    s = text.index(part)
    return Span(s, s + len(part), typ, part)  # type: ignore[arg-type]


def test_trailing_person_is_split_off_a_place() -> None:
    text = "Der Gouverneur des Gebiets Swerdlowsk Jewgeni Martynow sprach."
    spans = [_span(text, "Swerdlowsk Jewgeni Martynow", "ORG")]
    out = repair_person_spans(text, tokenize(text), spans)
    assert [(s.text, s.type) for s in out] == [
        ("Swerdlowsk", "ORG"),
        ("Jewgeni Martynow", "PER"),
    ]


def test_two_token_span_and_person_spans_stay() -> None:
    text = "Pawel Dubrowski besuchte Jewgeni Martynow."
    spans = [_span(text, "Pawel Dubrowski", "PER"), _span(text, "Jewgeni Martynow", "ORG")]
    out = repair_person_spans(text, tokenize(text), spans)
    assert [(s.text, s.type) for s in out] == [
        ("Pawel Dubrowski", "PER"),
        ("Jewgeni Martynow", "ORG"),  # too short to split: the tagger's call stands
    ]


def test_missed_given_surname_pair_becomes_person() -> None:
    text = "Es unterzeichnete der MIRS-Rektor Pawel Dubrowski in Minsk."
    out = repair_person_spans(text, tokenize(text), [_span(text, "Minsk", "LOC")])
    assert [(s.text, s.type) for s in out] == [("Pawel Dubrowski", "PER"), ("Minsk", "LOC")]


def test_unlisted_or_lower_case_pairs_are_not_persons() -> None:
    text = "Die Firma Nordwind Logistik und pawel dubrowski."
    assert repair_person_spans(text, tokenize(text), []) == []


def test_formal_state_names_resolve_to_the_country() -> None:
    assert canonical_alias("Republik Belarus", "de") == "Belarus"
    assert canonical_alias("Republic of Belarus", "en") == "Belarus"
    assert entity_type("Republik Belarus", "de") == "LOC"
    assert canonical_alias("Федеративная Республика Германия", "ru") == "Германия"
    # a region called "Republic" is not a listed country: left alone
    assert canonical_alias("Республика Татарстан", "ru") == "Республика Татарстан"
    assert entity_type("Republik Omsk", "de") is None


def test_the_datelines_place_and_agency_keep_their_types() -> None:
    from sujet.entities.analyze import analyze_entities
    from sujet.model import Article

    text = (
        "OMSK, Aug 22 (Siberia Wire) - Andrei Golovanov, deputy chairman of the regional "
        "government, met Siberia Wire reporters on Thursday."
    )
    article = Article(
        id="a1",
        source="x",
        text=text,
        language="en",
        content_hash="h",
        dateline="Omsk",
        agency="Siberia Wire",
    )
    types = {m.surface: m.type for m in analyze_entities(article).mentions}
    assert types.get("Siberia Wire") in (None, "ORG")
    assert types.get("Andrei Golovanov") == "PER"
    assert types.get("OMSK") in (None, "LOC")


def test_english_titles_do_not_become_names() -> None:
    assert _en_persons("Dmitry Leshchenko, Belarus's Minister of Agriculture and Food, said.") == [
        "Dmitry Leshchenko"
    ]
    assert _en_persons("The Minister of Agriculture Dmitry Leshchenko spoke.") == [
        "Dmitry Leshchenko"
    ]
    assert _en_persons("Anna Maria Schmidt arrived.") == ["Anna Maria Schmidt"]
    assert _en_persons("Deputy PM Viktor Karankevich spoke.") == ["Viktor Karankevich"]


def test_english_possessives_end_names() -> None:
    assert _en_spans("Omsk Region's trade with Belarus grew.") == [
        ("Omsk Region", "LOC"),
        ("Belarus", "LOC"),
    ]
    assert ("Omsk Region", "LOC") in _en_spans("He visited Russia's Omsk Region on Monday.")


def test_german_genitive_of_listed_places_and_calendar_words() -> None:
    from sujet.entities.normalize import apply_alias

    assert apply_alias("Russlands", "LOC", "de") == "Russland"
    assert apply_alias("Paris", "LOC", "de") == "Paris"  # listed as it is: no "s" taken off
    assert _en_spans("Sales grew in January-April and in July.") == []


def test_russian_sentence_initial_common_nouns_are_not_names(ru_recognizer) -> None:
    from sujet.entities.ner.ru_rules import _sentence_initial_common_noun

    text = "Товарооборот вырос на 45%. Шумов приехал в Омск. Министр Шумов подписал соглашение."
    at = text.index("Товарооборот")
    assert _sentence_initial_common_noun(text, Span(at, at + 12, "LOC", "Товарооборот"))
    at = text.index("Шумов")  # known to the dictionary as a noun, but a name mid-sentence later
    assert not _sentence_initial_common_noun(text, Span(at, at + 5, "PER", "Шумов"))
    at = text.index("Омск")  # a place name in the dictionary
    assert not _sentence_initial_common_noun(text, Span(at, at + 4, "LOC", "Омск"))
    names = [s.text for s in ru_recognizer.recognize(text)]
    assert "Товарооборот" not in names and "Омск" in names


def test_english_title_between_a_place_and_a_name() -> None:
    assert _en_spans("Belarus Deputy PM Viktor Karankevich met them.") == [
        ("Belarus", "LOC"),
        ("Viktor Karankevich", "PER"),
    ]
    assert ("Vitaly Khotsenko", "PER") in _en_spans(
        "The Omsk Region Governor Vitaly Khotsenko said."
    )
    assert _en_spans("Martin Luther King spoke.") == [("Martin Luther King", "PER")]
    assert _en_spans("He met the Omsk Region Governor today.") == [("Omsk Region", "LOC")]
