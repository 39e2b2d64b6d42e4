from __future__ import annotations

from sujet.entities.roles import roles_in_text


def _pairs(text: str, lang: str) -> dict[str, str]:
    return {r.person.text: r.title for r in roles_in_text(text, lang)}


def test_russian_positions(ru_recognizer) -> None:
    text = (
        "Губернатор Томской области Владимир Мазур встретился с министром природных ресурсов и "
        "охраны окружающей среды Беларуси Сергеем Масляком. Делегацию возглавил первый заместитель "
        "Губернатора Юрий Петухов. Алексей Кудрин, министр финансов РФ, выступил. Иванов стал президентом компании."
    )
    pairs = _pairs(text, "ru")
    assert pairs["Владимир Мазур"] == "губернатор Томской области"
    assert (
        pairs["Сергеем Масляком"] == "министр природных ресурсов и охраны окружающей среды Беларуси"
    )
    assert pairs["Юрий Петухов"] == "первый заместитель Губернатора"
    assert pairs["Алексей Кудрин"] == "министр финансов РФ"
    assert pairs["Иванов"] == "президент компании"


def test_german_positions(de_recognizer) -> None:
    text = (
        "Am 30. August fand in Tomsk die Sitzung unter dem Vorsitz des Ministers für Naturressourcen "
        "und Umweltschutz Sergej Masljak und des Gouverneurs des Gebietes Tomsk Wladimir Masur statt."
    )
    pairs = _pairs(text, "de")
    assert pairs["Sergej Masljak"] == "Minister für Naturressourcen und Umweltschutz"
    assert pairs["Wladimir Masur"] == "Gouverneur des Gebietes Tomsk"


def test_english_positions() -> None:
    text = "Belarusian Deputy Prime Minister Petr Parkhomchik met Vladimir Mazur, the governor of Tomsk Oblast, in Minsk."
    pairs = _pairs(text, "en")
    assert pairs["Petr Parkhomchik"] == "Belarusian Deputy Prime Minister"
    assert pairs["Vladimir Mazur"] == "governor of Tomsk Oblast"
