from __future__ import annotations

from sujet.entities.gazetteer import canonical_alias
from sujet.entities.normalize import acronym_of, fix_ru_person, strip_titles, vote_genitive
from sujet.model import Article


def test_aliases() -> None:
    assert canonical_alias("РФ", "ru") == "Россия"
    assert canonical_alias("Weißrussland", "de") == "Belarus"
    assert canonical_alias("Томск", "ru") == "Томск"


def test_acronym_by_initials() -> None:
    assert acronym_of(
        "ТУСУР", "Томский государственный университет систем управления и радиоэлектроники"
    )
    assert acronym_of(
        "БГУИР", "Белорусский государственный университет информатики и радиоэлектроники"
    )
    assert not acronym_of("МГУ", "Томский государственный университет")


def test_surname_repair_by_gender() -> None:
    assert fix_ru_person("Анна Лукашевской") == "Анна Лукашевская"
    assert fix_ru_person("Иван Петрова") == "Иван Петров"
    assert fix_ru_person("Мария Петрова") == "Мария Петрова"


def test_german_titles_and_genitive() -> None:
    assert strip_titles("des Gouverneurs Wladimir Masur") == "Wladimir Masur"
    assert strip_titles("Herr Dr. Müller") == "Müller"
    assert vote_genitive(["Merkel", "Merkels"], ["PER", "PER"]) == ["Merkel", "Merkel"]


def test_russian_normal_forms(ru_recognizer) -> None:
    from sujet.entities.analyze import analyze_entities

    text = (
        "Делегацию возглавил губернатор Томской области Владимир Мазур. Мазура встретил министр "
        "Сергей Масляк. Позже Владимира Мазура поблагодарили представители ТУСУРа и РФ. "
        "Томский государственный университет систем управления и радиоэлектроники подписал соглашение."
    )
    res = analyze_entities(Article(id="a1", source="t", text=text, language="ru"))
    normals = {(m.surface, m.normal) for m in res.mentions}
    assert ("Владимира Мазура", "Владимир Мазур") in normals
    assert ("Томской области", "Томская область") in normals
    names = {e.name: e for e in res.entities}
    assert "Владимир Мазур" in names
    assert len(names["Владимир Мазур"].mentions) == 3  # the bare "Мазура" joined the full name
    assert "Россия" in names  # РФ -> Россия
    tusur = names["Томский государственный университет систем управления и радиоэлектроники"]
    assert "ТУСУРа" in tusur.variants
