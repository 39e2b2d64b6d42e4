from __future__ import annotations

import pytest

from sujet.entities.names import name_score, same_person
from sujet.entities.translit import skeleton, to_cyrillic, to_latin, transliterations


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Владимир Мазур", "Wladimir Masur"),
        ("Сергей Масляк", "Sergej Masljak"),
        ("Петр Пархомчик", "Pjotr Parchomtschik"),
        ("Петр Пархомчик", "Petr Parkhomchik"),
        ("Бари Голдуотър", "Barry Goldwater"),
        ("Vladimír Putin", "Владимир Путин"),
        ("Marie Zacharovová", "Мария Захарова"),
    ],
)
def test_same_person_across_scripts(a: str, b: str) -> None:
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Владимир Мазур", "Владимир Путин"),
        ("Сергей Масляк", "Сергей Лавров"),
        ("Donald Trump", "Donald Tusk"),
        ("Дмитрий Медведев", "Dmitrij Peskow"),
    ],
)
def test_different_people(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_score_is_a_probability() -> None:
    s = name_score("Владимир Мазур", "Wladimir Masur", "ru", "de")
    assert 0.9 <= s <= 1.0
    assert name_score("Anna Schmidt", "Anna Schmidt") == 1.0


def test_transliteration_styles() -> None:
    assert to_latin("Сергей Масляк", "ru", "de") == "Sergej Masljak"
    assert to_latin("Сергей Масляк", "ru", "en") == "Sergey Maslyak"
    assert to_latin("Петр Пархомчик", "ru", "de") == "Petr Parchomtschik"
    assert to_latin("Щербаков", "bg", "en") == "Shterbakov"
    assert to_latin("Київ", "uk", "en") == "Kyyiv"
    assert "Мазур" in to_cyrillic("Wladimir Masur") or "Масур" in to_cyrillic("Wladimir Masur")
    assert "Masljak" in " ".join(transliterations("Масляк"))


def test_skeleton_agrees_across_spellings() -> None:
    assert skeleton("Мазур") == skeleton("Masur", "de") == skeleton("Mazur")
    assert skeleton("Масляк") == skeleton("Masljak") == skeleton("Maslyak")
    assert skeleton("Szczepański", "pl") == skeleton("Щепански", "bg")
