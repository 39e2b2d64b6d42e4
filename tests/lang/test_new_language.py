"""Adding a language is adding its profile: a made-up language registered at test time gets its
dates, its dateline and its names through ``sujet.analyze`` and the entity stage, with no other
change to the code."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

import sujet
from sujet import lang
from sujet.entities import analyze_entities
from sujet.extract.dateparse import find_dates
from sujet.lang.profile import LanguageProfile, NerTriggers, forms, words

# "Qalian", a made-up language with its own month names and a capital letter (Ŧ) no other
# profile has.
_QALIAN = LanguageProfile(
    code="qz",
    name="Qalian",
    months=forms(
        """
        unmo unmei
        dumo dumei
        trimo trimei
        kvarmo kvarmei
        zumbo zumbei
        sesmo sesmei
        sepmo sepmei
        okmo okmei
        novmo novmei
        dekmo dekmei
        elmo elmei
        dudmo dudmei
        """
    ),
    weekdays=forms("lunda\nmarda\nmerka\njauda\nvenda\nsabda\ndimda"),
    year_words=("jaro",),
    range_from=("ek",),
    range_to=("ĝis",),
    upper="Ŧ",
    lower="ŧ",
    function_words=words("la en ek estos"),
    ner=NerTriggers(
        person_before=words("prezo ministro"),
        org_heads=words("kompanio asocio"),
        place_heads=words("urbo"),
    ),
)

_PAGE = """Prezo renkontis ministron

ŦARVONA, 5 zumbei (QNA) - Prezo Kalo Mimbu renkontis ministro Ŧeda Varo en urbo Lomira.
La Kompanio Hestora subskribis kontrakton ek 8 ĝis 11 sepmei 2024 jaro. La kunveno okazis
lunda. Venonta kunveno estos 12 sesmei 2024 jaro en Lomira.
"""


@pytest.fixture
def qalian() -> Iterator[LanguageProfile]:
    lang.register(_QALIAN)
    yield _QALIAN
    lang.unregister("qz")


def test_unknown_before_registration() -> None:
    assert not lang.known("qz")
    assert find_dates("5 zumbei 2024 jaro") == []


def test_a_profile_alone_brings_a_language_end_to_end(qalian: LanguageProfile) -> None:
    article = sujet.analyze(_PAGE, kind="text")
    # the dateline and the day it states, from the profile's letters and month names
    assert article.dateline == "Ŧarvona"
    assert article.agency == "QNA"
    assert article.date is not None and article.date.endswith("-05-05")
    # the article's language is told by the caller here (no detector knows Qalian)
    entities = analyze_entities(dataclasses.replace(article, language="qz"))
    found = {(m.type, m.surface) for m in entities.mentions}
    assert ("PER", "Kalo Mimbu") in found
    assert ("PER", "Ŧeda Varo") in found
    assert ("ORG", "Kompanio Hestora") in found
    dates = {
        (f.value["date"], f.value.get("date_to")) for f in entities.facts if f.kind == "date"
    }
    assert ("2024-07-08", "2024-07-11") in dates
    assert ("2024-06-12", None) in dates


def test_unregistering_removes_the_language(qalian: LanguageProfile) -> None:
    assert find_dates("5 zumbei 2024 jaro")
    lang.unregister("qz")
    assert find_dates("5 zumbei 2024 jaro") == []
    lang.register(qalian)
