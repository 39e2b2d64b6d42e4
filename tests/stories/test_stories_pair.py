"""Pair scores on short texts written for the tests (ru / de / en)."""

from __future__ import annotations

import numpy as np
import pytest

from sujet.config import StorySettings
from sujet.stories.features import feature_matrix
from sujet.stories.pair import default_scorer, pair_score
from sujet.stories.represent import ArticleInput, represent

RU = ArticleInput(
    id="ru1", language="ru", date="2024-08-30",
    title="Томская область и Беларусь договорились о сотрудничестве в высоких технологиях",
    text="ТОМСК, 30 авг – РИА Томск. Губернатор Томской области Владимир Мазур и министр "
         "природных ресурсов Беларуси Сергей Масляк провели в Томске пятое заседание рабочей "
         "группы по сотрудничеству. Стороны обсудили совместные проекты в сфере высоких "
         "технологий, образования и переработки отходов. Следующее заседание пройдет в Минске.",
)
DE = ArticleInput(
    id="de1", language="de", date="2024-08-31",
    title="Gebiet Tomsk und Belarus vereinbaren Zusammenarbeit bei Hochtechnologien",
    text="MINSK, 30. August (BelTA) - Der Gouverneur des Gebiets Tomsk Wladimir Masur und "
         "der belarussische Minister für Naturressourcen Sergej Masljak haben in Tomsk die "
         "fünfte Sitzung der Arbeitsgruppe für Zusammenarbeit abgehalten. Besprochen wurden "
         "gemeinsame Projekte in Hochtechnologie, Bildung und Abfallverwertung.",
)
EN_OTHER = ArticleInput(
    id="en1", language="en", date="2024-08-30",
    title="Heavy rain floods streets in southern Spain",
    text="Torrential rain flooded streets and homes in Valencia and Murcia on Friday, "
         "forcing hundreds of residents to leave. Emergency services rescued drivers trapped "
         "in their cars, and schools were closed across the region.",
)
EN_SAME = ArticleInput(
    id="en2", language="en", date="2024-08-30",
    title="Tomsk region and Belarus agree to cooperate in high technology",
    text="Tomsk governor Vladimir Mazur and Belarusian natural resources minister Sergei "
         "Maslyak held the fifth meeting of the working group on cooperation in Tomsk on "
         "Friday, discussing joint projects in high technology, education and waste recycling.",
)


@pytest.fixture(scope="module")
def reprs():
    return {r.id: r for r in represent([RU, DE, EN_OTHER, EN_SAME], deep=True)}


def test_same_event_across_languages_scores_high(reprs):
    ru_de = pair_score(reprs["ru1"], reprs["de1"])
    ru_en = pair_score(reprs["ru1"], reprs["en2"])
    assert ru_de.same and ru_en.same
    assert 0.0 <= ru_de.score <= 1.0


def test_different_events_score_low(reprs):
    for other in ("ru1", "de1", "en2"):
        ps = pair_score(reprs[other], reprs["en1"])
        assert not ps.same
        assert ps.score < pair_score(reprs["ru1"], reprs["de1"]).score


def test_the_static_mode_decides_the_same_here(reprs):
    scorer = default_scorer(StorySettings(encoder="static"))
    assert not scorer.needs_deep
    assert pair_score(reprs["ru1"], reprs["de1"], scorer=scorer).same
    assert not pair_score(reprs["ru1"], reprs["en1"], scorer=scorer).same


def test_reasons_speak_of_names_and_days(reprs):
    reasons = pair_score(reprs["ru1"], reprs["de1"]).reasons
    text = " | ".join(reasons)
    assert "same names" in text and ("Мазур" in text or "Masur" in text)
    assert "1 day apart" in reasons
    assert any("across languages" in r for r in reasons)
    assert any(r.startswith("leads tell the same story") for r in reasons)
    other = " | ".join(pair_score(reprs["ru1"], reprs["en1"]).reasons)
    assert "leads tell different stories" in other


def test_a_coarse_date_is_compatible_not_the_same_day():
    a, b = represent([RU, ArticleInput(id="de2", language="de", date="2024", title=DE.title,
                                       text=DE.text)], deep=True)
    reasons = pair_score(a, b).reasons
    assert "dates compatible (2024-08-30 and 2024)" in reasons and "same day" not in reasons


def test_far_apart_dates_are_not_the_same_event():
    later = ArticleInput(id="ru2", language=RU.language, date="2025-09-12", title=RU.title,
                         text=RU.text)
    a, b = represent([RU, later], deep=True)
    ps = pair_score(a, b, window_days=7)
    assert not ps.same and ps.score > 0.9  # the same text: only the dates keep them apart
    assert any("beyond the 7-day event window" in r for r in ps.reasons)


def test_bulk_features_equal_pair_by_pair(reprs):
    items = list(reprs.values())
    names = ["e5_lead", "use_lead", "use_title", "names", "stems", "numbers", "years_conflict"]
    pairs = [(0, 1), (0, 2), (1, 3), (2, 3)]
    bulk = feature_matrix(items, pairs, names)
    for row, (i, j) in zip(bulk, pairs, strict=True):
        assert row == pytest.approx(feature_matrix([items[i], items[j]], [(0, 1)], names)[0])
    assert bulk[0, names.index("names")] > 0 and bulk[1, names.index("names")] == 0


def test_entity_keys_name_the_shared_entities():
    keys = {"ru1": ["E:mazur", "E:tomsk"], "de1": ["E:mazur", "E:minsk"]}
    names = {"E:mazur": "Владимир Мазур", "E:tomsk": "Томск", "E:minsk": "Минск"}
    a, b, c = represent([RU, DE, EN_OTHER], deep=True, entity_keys=keys, entity_names=names)
    assert a.entity_keys == frozenset({"E:mazur", "E:tomsk"}) and c.entity_keys is None
    reasons = pair_score(a, b).reasons
    assert "same people, organisations or places: Владимир Мазур" in reasons
    # without entity keys on one side, light keys are compared instead (none shared here)
    other = pair_score(a, c).reasons
    assert not any(r.startswith(("same names", "same people")) for r in other)
    assert "same day" in other


def test_a_missing_deep_vector_is_an_error_not_a_zero(reprs):
    flat = represent([RU, DE])
    with pytest.raises(ValueError, match="vec_deep"):
        default_scorer().scores(flat, [(0, 1)])


def test_vector_features_of_many_pairs_are_taken_a_block_at_a_time() -> None:
    """The cosine of each pair is the same whatever the block size, and no block gathers more
    than its own pairs' vectors."""
    from sujet.stories.features import _pair_cosines, as_pairs

    rng = np.random.default_rng(3)
    m = rng.normal(size=(50, 16))
    pairs = [(int(a), int(b)) for a, b in rng.integers(0, 50, size=(1000, 2))]
    whole = np.einsum("ij,ij->i", m[[a for a, _ in pairs]], m[[b for _, b in pairs]])
    for block in (1, 7, 999, 1000, 5000):
        assert np.array_equal(_pair_cosines(m, as_pairs(pairs), block=block), whole)
