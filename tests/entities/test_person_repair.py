"""Person repairs after the CRF tagger, and countries under their formal state names."""

from __future__ import annotations

from sujet.entities.gazetteer import canonical_alias, entity_type
from sujet.entities.ner.person_repair import repair_person_spans
from sujet.entities.span import Span
from sujet.entities.tokenize import tokenize


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
