"""One entity per place and organisation across languages, scripts and tagger types."""

from __future__ import annotations

from sujet.entities.analyze import ArticleEntities, LocalEntity, analyze_entities
from sujet.entities.gazetteer import is_generic, place_key, region_key, region_mention
from sujet.entities.org_cues import extra_org_spans
from sujet.entities.resolve import EntityResolver
from sujet.entities.span import Span
from sujet.model import Article, Mention


def _analysis(aid: str, lang: str, *mentions: tuple[str, str]) -> ArticleEntities:
    """An analysed article holding one mention per (type, name)."""
    out = ArticleEntities(aid, lang, "2025-01-01")
    for k, (typ, name) in enumerate(mentions):
        out.mentions.append(Mention(aid, k * 10, k * 10 + len(name), typ, name, name))  # type: ignore[arg-type]
        out.entities.append(LocalEntity(typ, name, [name], [k]))  # type: ignore[arg-type]
    return out


def test_region_keys_agree_across_languages_and_differ_from_the_city() -> None:
    keys = {
        region_key(n) for n in ("Свердловская область", "Gebiet Swerdlowsk", "Sverdlovsk Region")
    }
    assert len(keys) == 1 and None not in keys
    assert place_key("Свердловск") != place_key("Свердловская область")
    assert place_key("Russland") == place_key("Россия") == place_key("Russia")
    assert place_key("Republik Belarus") == place_key("Беларусь")
    assert place_key("Минск") == place_key("Minsk") != place_key("Minsk Region")


def test_region_word_makes_the_region() -> None:
    text = "Gouverneur des Gebietes Tomsk Wladimir Masur"
    start = text.index("Tomsk")
    found = region_mention(text, start, start + 5, "de")
    assert (
        found is not None
        and found[2] == "Gebiet Tomsk"
        and text[found[0] : found[1]] == "Gebietes Tomsk"
    )
    text = "the Sverdlovsk Region government"
    found = region_mention(text, 4, 14, "en")
    assert found is not None and found[2] == "Sverdlovsk Region"
    assert region_mention("in Tomsk today", 3, 8, "de") is None


def test_common_nouns_are_never_places_or_organisations() -> None:
    assert is_generic("Республика", "ru")
    assert is_generic("Umweltschutz", "de")
    assert is_generic("Government", "en")
    assert not is_generic("Belarus", "de")
    assert not is_generic("Республика Беларусь", "ru")
    assert not is_generic("OSZE", "de")


def test_acronyms_and_enumerations_of_organisations() -> None:
    text = (
        "MINSK, 30. August (BelTA) - Man kaufte Maschinen bei Unternehmen wie MAZ, MTZ, "
        "Minsker Motorenwerk und Gomselmasch sowie die Gründung eines Zentrums. Die IV. Sitzung."
    )
    found = [s.text for s in extra_org_spans(text, [Span(0, 5, "LOC", "MINSK")], "de")]
    assert found == ["BelTA", "MAZ", "MTZ", "Minsker Motorenwerk", "Gomselmasch"]


def test_places_and_orgs_merge_across_scripts_and_types() -> None:
    resolver = EntityResolver()
    resolver.add(_analysis("a", "ru", ("LOC", "Омск"), ("LOC", "Россия"), ("ORG", "Иннопром")))
    resolver.add(_analysis("b", "en", ("ORG", "Omsk"), ("LOC", "Russia"), ("LOC", "Innoprom")))
    resolver.add(_analysis("c", "de", ("LOC", "Russland"), ("ORG", "Innoprom"), ("LOC", "Omsk")))
    resolver.add(_analysis("d", "ru", ("LOC", "Свердловская область"), ("LOC", "Екатеринбург")))
    resolver.add(_analysis("e", "de", ("LOC", "Gebiet Swerdlowsk"), ("ORG", "Swerdlowsk")))
    resolver.add(_analysis("f", "en", ("LOC", "Sverdlovsk Region")))
    by_name = {v: e for e in resolver.entities.values() for v in e.variants}
    assert by_name["Омск"].type == "LOC" and by_name["Омск"].mentions == 3
    assert by_name["Россия"].mentions == 3
    assert by_name["Иннопром"].type == "ORG" and by_name["Иннопром"].mentions == 3
    region = by_name["Свердловская область"]
    assert region.mentions == 3 and "Swerdlowsk" not in region.variants
    assert by_name["Swerdlowsk"] is not region  # the city, apart from the region


def test_sample_article_regions_and_acronyms() -> None:
    art = Article(
        id="x",
        source="x",
        language="de",
        date="2024-08-30",
        text=(
            "Am 30. August trafen sich in Tomsk der Minister für Naturressourcen und "
            "Umweltschutz und der Gouverneur des Gebietes Tomsk. Unternehmen wie MAZ, MTZ "
            "und AMKODOR stellten aus."
        ),
    )
    result = analyze_entities(art, with_facts=False)
    names = {(m.type, m.normal) for m in result.mentions}
    assert ("LOC", "Gebiet Tomsk") in names
    assert not any(n == "Umweltschutz" for _t, n in names)
    assert {("ORG", "MAZ"), ("ORG", "MTZ"), ("ORG", "AMKODOR")} <= names
