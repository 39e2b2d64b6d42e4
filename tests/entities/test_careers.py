"""Positions as careers: one row per distinct position across languages and case forms."""

from __future__ import annotations

from sujet.entities.careers import (
    careers,
    concept_of,
    current_position,
    finder_over,
    org_key_of,
    scope_of,
)
from sujet.entities.roles import roles_in_text
from sujet.model import Entity, Position


def _p(title: str, date: str, aid: str, lang: str, org: str | None = None) -> Position:
    return Position(title, date, aid, org, lang)


MAZUR = [
    _p("губернатор области", "2024-08-30", "a1", "ru"),
    _p("Gouverneur des Gebietes Tomsk", "2024-08-30", "a2", "de", "Gebiet Tomsk"),
    _p("губернатор Томской области", "2024-09-01", "a3", "ru", "Томская область"),
    _p("губернатора Томской области", "2024-10-01", "a4", "ru", "Томская область"),
    _p("Governor of Tomsk Region", "2024-10-02", "a5", "en", "Tomsk Region"),
    _p("губернатор", "2025-01-10", "a6", "ru"),
]
SOKOLOV = [
    _p("министр промышленности Беларуси", "2024-07-09", "b1", "ru", "Беларусь"),
    _p("Belarusian Industry Minister", "2024-07-09", "b2", "en"),
    _p(
        "stellvertretenden Premierminister der Republik Belarus",
        "2025-06-17",
        "b3",
        "de",
        "Belarus",
    ),
    _p("Belarusian Deputy Prime Minister", "2025-06-17", "b4", "en"),
    _p("заместитель премьер-министра Республики Беларусь", "2025-06-17", "b5", "ru", "Беларусь"),
    _p("вице-премьер Беларуси", "2025-07-08", "b6", "ru", "Беларусь"),
]


def test_one_governor_career_across_languages_and_cases() -> None:
    found = careers(MAZUR, "ru")
    assert len(found) == 1
    career = found[0]
    assert career.concept == "governor" and career.scope is not None
    assert career.first_seen == "2024-08-30" and career.last_seen == "2025-01-10"
    assert career.articles == ["a1", "a2", "a3", "a4", "a5", "a6"]
    assert career.title == "губернатор Томской области"  # a title that names the region
    assert careers(MAZUR, "de")[0].title == "Gouverneur des Gebietes Tomsk"
    assert careers(MAZUR, "en")[0].title == "Governor of Tomsk Region"


def test_two_positions_stay_two_and_the_latest_is_current() -> None:
    found = careers(SOKOLOV, "en")
    assert [c.concept for c in found] == ["minister", "deputy_head_of_government"]
    assert [len(c.articles) for c in found] == [2, 4]
    current = current_position(SOKOLOV, "en")
    assert current is not None and current.title == "Belarusian Deputy Prime Minister"
    current = current_position(SOKOLOV, "ru")
    assert (
        current is not None and current.title == "заместитель премьер-министра Республики Беларусь"
    )


def test_concepts_and_scopes() -> None:
    assert concept_of("MIRS-Rektor", "de")[0] == "rector"
    assert concept_of("вице-премьер омского правительства", "ru")[0] == "deputy_head_of_government"
    assert concept_of("Oberkellner", "de")[0].startswith("title:")
    assert scope_of("Belarusian Industry Minister", None) == scope_of("министр", "Беларусь")
    assert scope_of("министр", "Свердловская область") == scope_of("x", "Gebiet Swerdlowsk")


def test_organisations_are_one_scope_through_their_entity() -> None:
    institute = Entity(
        "org1", "ORG", "NIPI", ["NIPI", "НИПИ", "Новосибирский институт прикладной информатики"]
    )
    key = org_key_of(finder_over([institute]))
    positions = [
        _p("NIPI rector", "2025-03-12", "c1", "en", "NIPI"),
        _p(
            "ректор НИПИ", "2025-03-12", "c2", "ru", "Новосибирский институт прикладной информатики"
        ),
    ]
    assert len(careers(positions, "en", key)) == 1
    assert len(careers(positions, "en")) == 2  # without the entities the names differ


def test_titles_are_whole_and_in_the_nominative() -> None:
    en = roles_in_text(
        "The memo was signed by Belarusian deputy prime minister Vladimir Sokolov.", "en"
    )
    assert [r.title for r in en] == ["Belarusian deputy prime minister"]
    ru = roles_in_text("Состоялась встреча главы Минпромторга РФ Дениса Мантурова.", "ru")
    assert "глава Минпромторга РФ" in [r.title for r in ru]
    two = roles_in_text(
        "It was witnessed by Belarusian Industry Minister Vladimir Sokolov and Yevgeny Martynov.",
        "en",
    )
    assert [r.person.text for r in two] == ["Vladimir Sokolov"]
