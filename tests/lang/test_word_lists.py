"""The word lists that core code takes from the language profiles: the same words as the lists
they replace (frozen here, so that nothing drifts), and the generic rules over the registry that
give the same answers as the per-language code did."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from sujet import lang
from sujet.entities.analyze import guess_language
from sujet.entities.careers import concept_of
from sujet.entities.gazetteer import region_key, region_mention, region_normal
from sujet.entities.org_cues import list_spans
from sujet.entities.span import Span
from sujet.lang.profile import words
from sujet.stories.keys import common_words, light_keys

# The words of the name-key stop list as it stood in sujet/stories/keys.py before it was built
# from the profiles: function words of ru, de, en, es and fr, month names (ru, de, en), weekday
# names (de, en), frequent words of titles and places.
_COMMON_BEFORE = words(
    """
    а август апрель без бы в во вы генеральный глава главы город губернатор губернатора
    декабрь директор для до его ее её же за заместитель и из или источник их июль июнь как
    компания край края кроме ли май март между министерство министр министра мы мэр на над
    не ни но новости ноябрь о об области область областью однако октябрь он она они от перед
    по под после посол правительства правительство председатель президент президента премьер
    при республика республики республикой республику сентябрь та так также те тогда тот уже
    февраль фото что эта эти это этот я январь
    """
) | words(
    """
    a aber after als am ambassador an and april are as at auch auf august aus be been before
    bei botschafter but by bürgermeister chef city company con das dass de december del dem
    den der des dezember die dienstag dies diese dieser dieses director direktor doch
    donnerstag dort dr du durch ein eine einem einen einer eines el en er es et februar
    february for foto freitag friday from für gebiet gebiets gegen gouverneur government
    governor he her hier his i ich if ihr im in is it its jahr jahren jahres januar january
    juli july june juni la las le les lo los mai man march may mayor minister ministerin
    ministers mit mittwoch monday montag mr mrs ms märz nach nachrichten news nicht no noch
    not november nur o october oder of ohne oktober on or ou our para photo por president
    präsident präsidenten que quelle regierung region republic republik samstag saturday
    schon se september she sich sie so sonntag source stadt sunday that the their these they
    this those thursday to tuesday um un una und une unter unternehmen von vor vorsitzende
    was we wednesday wenn were when while wie wir with y year yes you zu zum zur
    zusammenarbeit à über
    """
)


def test_common_words_are_the_list_they_replace() -> None:
    assert common_words() == _COMMON_BEFORE
    keys = light_keys("Die Sitzung", "Am Montag traf Kanzler Scholz in Berlin ein. Juli")
    # "Die", "Am", "Montag" and "Juli" are stop words of the profiles
    assert set(keys.names) == {"sisun", "kansl", "shols", "berli"}


def _guess_before(text: str) -> str:
    """The language guess as core code wrote it before the profiles held its words."""
    if re.search(r"[\u0400-\u04FF]", text[:2000]):
        return "ru"
    if re.search(r"\b(der|die|und|das|nicht|mit|für)\b", text[:3000]):
        return "de"
    return "en"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12345",
        "Президент встретился с губернатором.",
        "Президент України провів зустріч.",
        "Der Minister traf sich mit dem Gouverneur.",
        "Die Sitzung. Heute Abend.",
        "Berlin ist schön, das Wetter nicht.",
        "Der Präsident für alle",
        "The minister met the governor of Tomsk Region.",
        "Prezydent spotkał się z premierem w Warszawie.",
        "Le président a rencontré le ministre.",
        "Kanzler Scholz und Президент",
        "x" * 2500 + " die Sitzung",
        "a" * 2100 + " Москва",
        "Das ist " + "a" * 3000,
        "a" * 3000 + " und",
    ],
)
def test_guess_gives_the_answer_it_gave_before(text: str) -> None:
    assert guess_language(text) == _guess_before(text)


def test_script_defaults() -> None:
    assert lang.script_of("Томск") == "Cyrl"
    assert lang.script_of("Tomsk") == "Latn"
    assert lang.for_script("Cyrl").code == "ru"
    assert lang.for_script("Latn").code == "en"
    assert lang.for_script("Grek") is lang.DEFAULT


def test_titles_without_a_concept_skip_the_joining_words() -> None:
    joining = {w for p in lang.profiles() for w in p.role_rules.joining_words}
    assert joining == {
        "der", "des", "die", "dem", "den", "von", "für", "the", "of", "for", "и", "по", "and", "und"
    }
    # a title of no listed concept is keyed by its first word that is no joining word; a title
    # of a language without concept names is read by its script's default language
    assert concept_of("the Zorblax of Quux", "en")[0] == "title:zorblax"
    assert concept_of("the Zorblax of Quux", "pl") == concept_of("the Zorblax of Quux", "en")
    assert concept_of("и Зорбакс", "uk") == concept_of("и Зорбакс", "ru")
    assert concept_of("и Зорбакс", "uk")[0] == "title:зорбакс"


@pytest.mark.parametrize(
    ("code", "conjunctions"),
    [
        ("ru", ("и", "или", "а также")),
        ("de", ("und", "oder", "sowie")),
        ("en", ("and", "or", "as well as")),
    ],
)
def test_list_conjunctions(code: str, conjunctions: tuple[str, ...]) -> None:
    assert lang.profile(code).list_conjunctions == conjunctions


def test_enumerations_of_languages_without_conjunctions_take_the_default() -> None:
    assert lang.DEFAULT.list_conjunctions == ("and", "or")
    assert lang.profile("pl").list_conjunctions == ()
    text = "Gazprom, Rosneft and Lukoil"
    spans = [Span(0, 7, "ORG", "Gazprom"), Span(9, 16, "ORG", "Rosneft")]
    for code in ("pl", "zu", "en"):
        assert [s.text for s in list_spans(text, spans, code)] == ["Lukoil"]
    # "sowie" joins an enumeration in German only
    text = "Gazprom, Rosneft sowie Lukoil"
    assert [s.text for s in list_spans(text, spans, "de")] == ["Lukoil"]
    assert list_spans(text, spans, "pl") == []


def test_region_names_from_the_profiles() -> None:
    key = region_key("Томская область")
    assert key is not None and key.startswith("oblast:")
    assert region_key("Gebiet Tomsk") == region_key("Tomsk Region") == key
    assert region_key("Kreis Tomsk") == region_key("Томский район")
    assert region_key("Tomsk") is None
    text = "Der Gouverneur des Gebietes Tomsk sprach."
    start = text.index("Tomsk")
    assert region_mention(text, start, start + 5, "de") == (
        text.index("Gebietes"), start + 5, "Gebiet Tomsk"
    )
    assert region_mention(text, start, start + 5, "ru") is None
    text = "the Sverdlovsk Region said"
    assert region_mention(text, 4, 14, "en") == (4, 21, "Sverdlovsk Region")
    assert region_normal("Gebietes Tomsk", "de") == "Gebiet Tomsk"
    assert region_normal("Tomsk Oblast", "en") == "Tomsk Region"
    assert region_normal("Томская область", "ru") is None


@pytest.fixture
def markers() -> Iterator[lang.LanguageProfile]:
    prof = lang.LanguageProfile(
        code="qz",
        name="Qalian",
        marker_words=frozenset({"estos", "kaj"}),
        stop_words=frozenset({"lunda"}),
        regions=lang.RegionRules(names=((r"^(\w+) provinco$", "oblast", "{}"),)),
    )
    lang.register(prof)
    yield prof
    lang.unregister("qz")


def test_a_profile_brings_its_markers_stop_words_and_regions(
    markers: lang.LanguageProfile,
) -> None:
    # more Qalian markers than German ones: Qalian; as many: the first by code (German)
    assert guess_language("la kaj estos kaj und") == "qz"
    assert guess_language("kaj und") == "de"
    assert "lunda" in common_words()
    assert region_key("Tomsk provinco") == region_key("Tomsk Region")
    lang.unregister("qz")
    assert guess_language("la kaj estos kaj und") == "de"
    assert "lunda" not in common_words()
    lang.register(markers)


def test_profiles_stay_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        lang.profile("de").regions.canonical = "x"  # type: ignore[misc]


def test_page_labels_of_the_profiles_find_dates_and_credits() -> None:
    from sujet.extract.html.textdates import labelled_day
    from sujet.extract.metadata import _credits
    from sujet.extract.textdump.dates import _cues
    from sujet.extract.textdump.title import _byline

    # a label before the date (Russian, French), the German verb after it
    assert labelled_day("Опубликовано: 12.03.2019 10:00") == "2019-03-12"
    assert labelled_day("Publié le 3 mars 2020 à 10h") == "2020-03-03"
    assert labelled_day("Der Text wurde am 19. Mai 2010 um 23:03 Uhr gepostet.") == "2010-05-19"
    assert labelled_day("Am 19. Mai 2010 regnete es.") is None
    cues = _cues()
    assert cues.strong.search("Veröffentlicht 12.03.2019") and not cues.strong.search("Stand:")
    assert cues.cue.search("Stand: 12.03.2019") and cues.update.search("Mis à jour le 3 mars")
    assert len(cues.month_first.findall("The man and the dog")) == 3
    assert _byline(lang.generation()).search("Автор: Иван Петров")
    credits = _credits()
    found = credits.source_prefix.match("Quelle: dpa.")
    assert found is not None and found.group("agency") == "dpa"
    assert credits.source_words.search("пресс-служба губернатора")
    found = credits.comparison.search("за аналогичный период 2023 года")
    assert found is not None and [g for g in found.groups() if g] == ["2023"]
    assert lang.profile("xx").page == lang.PageLabels()
