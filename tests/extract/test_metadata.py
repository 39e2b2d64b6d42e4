"""Datelines, agencies and dates (ru/de/en)."""

from __future__ import annotations

import pytest

from sujet.extract.dateparse import find_dates, month_number
from sujet.extract.metadata import enrich, find_dateline
from sujet.extract.types import Extracted


@pytest.mark.parametrize(
    ("text", "place", "agency", "day", "month"),
    [
        ("ТОМСК, 30 авг – РИА Томск. Томская область и", "Томск", "РИА Томск", 30, 8),
        ("MINSK, 30. August (BelTA) - Am 30. August fand", "Minsk", "BelTA", 30, 8),
        ("MOSCOW, Aug 30 (Reuters) - Oil prices fell", "Moscow", "Reuters", 30, 8),
        ("Berlin (dpa) - Die Regierung hat", "Berlin", "dpa", None, None),
        ("ЕКАТЕРИНБУРГ, 9 июля. /ТАСС/. Глава региона", "Екатеринбург", "ТАСС", 9, 7),
        ("NEW YORK (Reuters) - Oil prices fell", "New York", "Reuters", None, None),
        ("VIENNA — The house where", "Vienna", None, None, None),
    ],
)
def test_find_dateline(text: str, place: str, agency: str | None, day: int | None,
                       month: int | None) -> None:
    dl = find_dateline(text)
    assert dl is not None
    assert (dl.place, dl.agency, dl.day, dl.month) == (place, agency, day, month)
    rest = text[dl.span[1]:]
    assert rest[:1].isupper()


@pytest.mark.parametrize(
    "text",
    ["Делегация от Томской области приняла участие", "The big teardown is done, and",
     "(Reuters) — The New York State", "Am 30. August fand in Tomsk"],
)
def test_no_dateline_in_ordinary_sentences(text: str) -> None:
    assert find_dateline(text) is None


def test_find_dates_single_and_ranges() -> None:
    got = [(f.date_from, f.date_to, f.precision) for f in find_dates(
        "Выставка проходит с 8 по 11 июля 2024 года. Am 30. August 2024 und am 30.08.2024; "
        "on August 30, 2024; im Dezember 2023; July 8-11, 2024; 8–11 июля 2024 года."
    )]
    assert got == [
        ("2024-07-08", "2024-07-11", "day"), ("2024-08-30", "2024-08-30", "day"),
        ("2024-08-30", "2024-08-30", "day"), ("2024-08-30", "2024-08-30", "day"),
        ("2023-12", "2023-12", "month"), ("2024-07-08", "2024-07-11", "day"),
        ("2024-07-08", "2024-07-11", "day"),
    ]


def test_find_dates_year_less_need_a_reference_year() -> None:
    text = "Форум пройдет с 27 по 30 августа в Новосибирске."
    assert find_dates(text) == []
    (f,) = find_dates(text, reference_year=2024)
    assert (f.date_from, f.date_to, f.has_year) == ("2024-08-27", "2024-08-30", False)
    assert text[f.start:f.end] == "с 27 по 30 августа"


def test_find_dates_rejects_impossible_dates() -> None:
    assert find_dates("31.02.2024 and 45 March 2024") == []


def test_month_number() -> None:
    assert [month_number(w) for w in ("авг", "августа", "März", "Sept.", "dec", "июня")] == [
        8, 8, 3, 9, 12, 6]
    assert month_number("Montag") is None


def test_dateline_year_from_page_header_and_body_stripped() -> None:
    visible = "ru24.net\nАвгуст\n2024\n\nЗаголовок\n\nТОМСК, 30 авг – РИА Томск. Текст новости."
    res = Extracted(text="ТОМСК, 30 авг – РИА Томск. Текст новости.")
    enrich(res, visible)
    assert (res.date, res.date_precision, res.date_source) == ("2024-08-30", "day", "dateline")
    assert (res.dateline, res.agency) == ("Томск", "РИА Томск")
    assert res.text == "Текст новости."


def test_dateline_year_from_latest_month_in_text() -> None:
    body = ("MINSK, 30. August (BelTA) - Die Delegationen besuchten sich im Dezember 2023 "
            "und im Juni dieses Jahres.")
    res = Extracted(text=body)
    enrich(res, body)
    assert res.date == "2024-08-30"


def test_dateline_year_from_reference_year_argument() -> None:
    body = "MOSCOW, Aug 30 (Reuters) - Oil prices fell sharply."
    res = Extracted(text=body)
    enrich(res, body, reference_year=2019)
    assert res.date == "2019-08-30"


def test_header_month_year_without_dateline() -> None:
    res = Extracted(text="Новость без даты в тексте.")
    enrich(res, "Август 2024\n\nНовость без даты в тексте.")
    assert (res.date, res.date_precision, res.date_source) == ("2024-08", "month", "header")


def test_text_date_range_gives_month_and_comparison_gives_next_year() -> None:
    res = Extracted(text="Выставка проходит с 8 по 11 июля 2024 года в Екатеринбурге.")
    enrich(res, res.text)
    assert (res.date, res.date_precision, res.date_source) == ("2024-07", "month", "text")
    res = Extracted(text="Товарооборот вырос на 60% по сравнению с аналогичным периодом 2024 года.")
    enrich(res, res.text)
    assert (res.date, res.date_precision) == ("2025", "year")


def test_htmldate_kept_without_dateline_and_overridden_by_dateline_day() -> None:
    res = Extracted(text="Ordinary text of 1 May 2020.", date="2020-05-03",
                    date_precision="day", date_source="htmldate")
    enrich(res, res.text)
    assert res.date == "2020-05-03"
    res = Extracted(text="MOSCOW, Aug 30 (Reuters) - Oil fell.", date="2019-09-02",
                    date_precision="day", date_source="htmldate")
    enrich(res, res.text)
    assert (res.date, res.date_source) == ("2019-08-30", "dateline")


def test_source_credit_after_body_gives_agency() -> None:
    body = "Форум объединит более 12 тысяч участников."
    res = Extracted(text=body)
    enrich(res, f"Заголовок\n\n{body}\n\nСайт Правительства НСО.\n\nРедакция\n\nRecent Posts")
    assert res.agency == "Сайт Правительства НСО"
    res = Extracted(text=body)
    enrich(res, f"{body}\n\nQuelle: Deutsche Presse-Agentur")
    assert res.agency == "Deutsche Presse-Agentur"


def test_enrich_on_empty_and_headerless_pages() -> None:
    res = Extracted(text="")
    enrich(res, "")
    assert res.date is None and res.agency is None
    res = Extracted(text="Some text.")
    enrich(res, "Some text.")
    assert res.date is None


def test_dateline_day_replaces_a_page_date_of_the_dump() -> None:
    res = Extracted(text="ТОМСК, 30 авг – РИА Томск. Томская область и Беларусь договорились.",
                    date="2024-08-01", date_precision="day", date_source="page")
    enrich(res, res.text)
    assert (res.date, res.date_source, res.dateline) == ("2024-08-30", "dateline", "Томск")


def test_page_date_of_the_dump_stays_without_a_dateline() -> None:
    res = Extracted(text="Die Stadt hat am 3. Mai 2020 beschlossen, neue Schulen zu bauen.",
                    date="2020-05-04", date_precision="day", date_source="page")
    enrich(res, res.text)
    assert (res.date, res.date_source) == ("2020-05-04", "page")
