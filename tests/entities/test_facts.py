from __future__ import annotations

from sujet.entities.facts import find_facts
from sujet.extract.dateparse import find_dates
from sujet.model import Mention


def test_figures_with_measure_and_direction() -> None:
    text = (
        "Товарооборот за полгода вырос на 60% к тому же периоду 2024 года, экспорт вырос на 30%. "
        "Die Exporte stiegen um 45 Prozent. Imports fell 12% to $1.2 billion."
    )
    figs = [f.value for f in find_facts(text, "ru", "a") if f.kind == "figure"]
    assert {"number": 60.0, "unit": "%", "measure": "Товарооборот", "change": "+"} in figs
    assert {"number": 30.0, "unit": "%", "measure": "экспорт", "change": "+"} in figs
    assert {"number": 45.0, "unit": "%", "measure": "Exporte", "change": "+"} in figs
    assert {"number": 12.0, "unit": "%", "measure": "Imports", "change": "-"} in figs
    assert any(f["unit"] == "$ billion" and f["number"] == 1.2 for f in figs)
    assert not any(f["number"] == 2024.0 for f in figs)  # a year is not a figure


def test_agreement_parties() -> None:
    text = "ТУСУР подписал соглашение с БГУИР о сотрудничестве в области микроэлектроники."
    mentions = [
        Mention("a", 0, 5, "ORG", "ТУСУР", "ТУСУР"),
        Mention("a", 29, 34, "ORG", "БГУИР", "БГУИР"),
    ]
    (fact,) = [f for f in find_facts(text, "ru", "a", mentions=mentions) if f.kind == "agreement"]
    assert fact.value["parties"] == ["ТУСУР", "БГУИР"]
    assert fact.value["subject"].startswith("сотрудничестве")


def test_no_agreement_without_signing() -> None:
    assert not [
        f for f in find_facts("Соглашение обсуждается уже год.", "ru", "a") if f.kind == "agreement"
    ]


def test_dates_and_ranges() -> None:
    found = {
        (d.date_from, d.date_to if d.is_range else None)
        for d in find_dates(
            "Выставка прошла 8–11 июля 2024 года, форум — с 27 по 30 августа. Am 30. August 2024 "
            "und im Dezember 2023; on August 30, 2024; 2024-08-30.",
            reference_year=2024,
        )
    }
    assert ("2024-07-08", "2024-07-11") in found
    assert ("2024-08-27", "2024-08-30") in found
    assert ("2024-08-30", None) in found
    assert ("2023-12", None) in found


def test_dates_without_year_need_reference() -> None:
    assert find_dates("30 августа", None) == []
