"""Language profiles: the registry, and Polish and Ukrainian dates, datelines and names."""

from __future__ import annotations

import pytest

from sujet import lang
from sujet.entities.ner import get_recognizer
from sujet.extract.dateparse import find_dates, month_number
from sujet.extract.metadata import find_dateline


def test_registry_has_the_profiles_and_a_default() -> None:
    assert {"en", "de", "ru", "pl", "uk"} <= {p.code for p in lang.profiles()}
    assert lang.profile("pl-PL").code == "pl"
    assert lang.profile("zu") is lang.DEFAULT
    assert lang.profile(None) is lang.DEFAULT


def test_no_month_word_names_two_months() -> None:
    seen: dict[str, int] = {}
    for p in lang.profiles():
        for table in (p.months, p.month_abbreviations):
            for word, month in table.items():
                assert seen.setdefault(word, month) == month, (p.code, word)
                assert 1 <= month <= 12


@pytest.mark.parametrize(
    ("code", "forms"),
    [
        ("pl", ["styczeń", "stycznia", "styczniu", "maj", "maja", "maju", "grudnia", "grudniu"]),
        ("uk", ["січень", "січня", "січні", "травень", "травня", "травні", "грудня", "грудні"]),
    ],
)
def test_months_in_every_case(code: str, forms: list[str]) -> None:
    prof = lang.profile(code)
    assert len(set(prof.months.values())) == 12
    assert len(set(prof.weekdays.values())) == 7
    for word in forms:
        assert month_number(word.capitalize()) == prof.months[word]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spotkanie odbyło się 5 maja 2024 r. w Warszawie.", ("2024-05-05", "2024-05-05")),
        ("Targi trwały od 8 do 11 lipca 2024 roku.", ("2024-07-08", "2024-07-11")),
        ("W grudniu 2023 roku rząd przyjął plan.", ("2023-12", "2023-12")),
        ("Зустріч відбулася 5 травня 2024 року в Києві.", ("2024-05-05", "2024-05-05")),
        ("Виставка тривала з 8 по 11 липня 2024 року.", ("2024-07-08", "2024-07-11")),
        ("У грудні 2023 року уряд ухвалив план.", ("2023-12", "2023-12")),
    ],
)
def test_polish_and_ukrainian_dates(text: str, expected: tuple[str, str]) -> None:
    found = find_dates(text)
    assert [(f.date_from, f.date_to) for f in found] == [expected]


def test_date_without_year_takes_the_reference_year() -> None:
    assert find_dates("5 maja", None) == []
    assert [f.date_from for f in find_dates("5 maja", 2024)] == ["2024-05-05"]


@pytest.mark.parametrize(
    ("text", "place", "agency", "day", "month"),
    [
        ("WARSZAWA, 5 maja (PAP) - Prezydent spotkał się z premierem.", "Warszawa", "PAP", 5, 5),
        ("ŁÓDŹ, 12 czerwca (PAP) - Radni przyjęli budżet.", "Łódź", "PAP", 12, 6),
        ("КИЇВ, 5 травня (Укрінформ) - Президент провів нараду.", "Київ", "Укрінформ", 5, 5),
        ("ІВАНО-ФРАНКІВСЬК, 3 квітня /УНН/. Міська рада зібралася.", "Івано-Франківськ", "УНН", 3, 4),
    ],
)
def test_polish_and_ukrainian_datelines(
    text: str, place: str, agency: str, day: int, month: int
) -> None:
    dl = find_dateline(text)
    assert dl is not None
    assert (dl.place, dl.agency, dl.day, dl.month) == (place, agency, day, month)


def test_polish_names_by_rules() -> None:
    spans = get_recognizer("pl").recognize(
        "Prezydent Andrzej Duda spotkał się w Warszawie z premierem Donaldem Tuskiem "
        "i przedstawicielami Komisji Europejskiej."
    )
    found = {(s.type, s.text) for s in spans}
    assert ("PER", "Andrzej Duda") in found
    assert ("LOC", "Warszawie") in found
    assert ("ORG", "Komisji Europejskiej") in found


def test_ukrainian_names_by_rules() -> None:
    spans = get_recognizer("uk").recognize(
        "Президент Володимир Зеленський у понеділок зустрівся в Києві з міністром Денисом "
        "Шмигалем і представниками Європейської комісії."
    )
    found = {(s.type, s.text) for s in spans}
    assert ("PER", "Володимир Зеленський") in found
    assert ("LOC", "Києві") in found
    assert any(t == "PER" and "Шмигал" in x for t, x in found)


def test_a_calendar_word_is_no_name() -> None:
    spans = get_recognizer("pl").recognize("Decyzja zapadnie w Poniedziałek, a nie w Czerwcu.")
    assert not [s for s in spans if s.text in ("Poniedziałek", "Czerwcu")]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Opublikowano: 5 maja 2024, 14:30", "2024-05-05"),
        ("Опубліковано 12 березня 2024 року", "2024-03-12"),
        ("Veröffentlicht am 16. August 2019", "2019-08-16"),
    ],
)
def test_page_dates_in_every_profile(line: str, iso: str) -> None:
    """The HTML byline reader and the text-dump date lines read the profiles' month names."""
    from sujet.extract.html.textdates import parse_text_day
    from sujet.extract.textdump.dates import dates_in_line

    assert parse_text_day(line.split(" ", 1)[1].removeprefix("am ")) == iso
    assert dates_in_line(line) == [iso]
