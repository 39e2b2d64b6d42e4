"""Text-dump cleaner on small inline pages (ru, de, en), and site boilerplate."""

from __future__ import annotations

import json
import math

import pytest

from sujet.extract.site_boilerplate import SiteBoilerplate, site_key
from sujet.extract.textdump import OUTSIDE_THRESHOLD, clean_text_dump, decide_lines, rule_selection
from sujet.extract.textdump.blocks import BLOCK, block_features
from sujet.extract.textdump.dates import dates_in_line
from sujet.extract.textdump.features import line_features
from sujet.extract.textdump.lines import split_lines
from sujet.extract.textdump.model import LineModel, default_model

EN_PARAS = [
    "The city council approved the new budget on Tuesday after a long debate that lasted "
    "well into the night, officials said.",
    "The plan raises spending on schools and roads by four percent, while cutting the "
    "administrative costs of several departments that had grown quickly.",
    "Opponents argued that the increase would force higher local taxes within two years, "
    "but the majority rejected every amendment they proposed.",
]

MENU = "\n".join(["Home", "News", "Politics", "Sport", "Business", "Culture", "Contact"])


def test_menus_footer_and_related_links_are_dropped() -> None:
    page = (
        f"{MENU}\n\nCouncil approves new city budget\n\nBy Jane Doe\n\n"
        + "\n\n".join(EN_PARAS)
        + "\n\nShare on Facebook\nShare on Twitter\n\nRelated stories\n\n"
        "Mayor opens new bridge over the river\n\nSchool strike enters second week\n\n"
        "Police close the old market for repairs\n\n"
        "© 2024 City News. All rights reserved.\nPrivacy Policy\nCookies"
    )
    res = clean_text_dump(page)
    assert res.title == "Council approves new city budget"
    assert res.text.split("\n\n") == EN_PARAS


def test_cookie_notice_credit_and_recent_posts_with_relative_times() -> None:
    page = (
        "We use cookies to improve your experience.\nAccept all cookies\n\n"
        "Photo: Getty Images\n\n" + "\n\n".join(EN_PARAS)
        + "\n\nRecent Posts\n\nStorm hits the coast\n\n3 hours ago\n\n"
        "Prices rise again in the city centre\n\n5 hours ago"
    )
    res = clean_text_dump(page)
    assert "cookies" not in res.text.lower()
    assert "Getty" not in res.text
    assert "ago" not in res.text and "Storm" not in res.text
    assert res.text.startswith(EN_PARAS[0])


def test_title_repeated_and_glued_to_first_paragraph_ru() -> None:
    title = "Губернатор обсудил с министром развитие промышленности региона"
    paras = [
        "Встреча прошла в областной администрации, где стороны обсудили новые проекты "
        "и планы на следующий год.",
        "Министр отметил, что регион показывает хорошие результаты в машиностроении и "
        "электронике, а также в подготовке инженеров.",
    ]
    page = f"{title}\n\n{title}\n\n{title}{paras[0]}\n\n{paras[1]}\n\nМы можем вам\nперезвонить"
    res = clean_text_dump(page)
    assert res.title == title
    assert res.text.split("\n\n") == paras
    assert "перезвонить" not in res.text


def test_whole_body_repeated_keeps_each_paragraph_once_de() -> None:
    paras = [
        "Die Stadtverwaltung hat am Montag den neuen Haushalt vorgestellt, der höhere "
        "Ausgaben für Schulen und Straßen vorsieht.",
        "Die Opposition kritisierte den Entwurf scharf und forderte Einsparungen bei der "
        "Verwaltung, bevor neue Schulden aufgenommen werden.",
    ]
    page = "\n".join(paras + paras)
    res = clean_text_dump(page)
    assert res.text.split("\n\n") == paras


def test_link_farm_of_unrelated_headlines_after_the_article_ru() -> None:
    body = (
        "Томская область и Республика Беларусь договорились продолжать сотрудничество в "
        "производственной и научной сферах, сообщает пресс-служба администрации.\n\n"
        "Стороны обсудили ход реализации совместных проектов и подготовку новой программы, "
        "которую планируется представить осенью."
    )
    farm = "\n\n".join([
        "Спорт в России и мире", "Новости спорта", "Андрей Рублёв",
        "По России могут амнистировать часть заключенных в преддверии праздника",
        "Клиенты выбрали новую ювелирную сеть лучшей сетью страны",
        "В Подмосковье запускается новый сезон кадрового проекта",
        "Тридцать два подростка пострадали на железной дороге в Подмосковье",
    ])
    res = clean_text_dump(f"Добавить новость\nНовости по-русски\n\n{body}\n\n\n{farm}")
    assert res.text == body


def test_analytics_panel_and_rights_notice_are_dropped_ru() -> None:
    body = (
        "Делегация области приняла участие в заседании рабочей группы, посвященном "
        "сотрудничеству региона и республики в промышленности.\n\n"
        "Встреча завершилась подписанием соглашений между университетами и предприятиями "
        "двух стран о совместных проектах."
    )
    panel = (
        "Данные о правообладателе фото и видеоматериалов взяты с сайта «Example.ru», "
        "подробнее в Условиях использования\nАнализ\n×\nИван Иванович Петров\n"
        "Последняя должность: Губернатор (Администрация области)\n207\nСидоров Пётр"
    )
    res = clean_text_dump(f"Заголовок статьи о сотрудничестве\n\n{body}\n\n{panel}")
    assert res.text == body


def test_site_lines_are_dropped_even_when_long() -> None:
    shared = "Our reporters cover the region every day from offices in three cities of the state."
    page = "\n\n".join([*EN_PARAS[:2], shared, EN_PARAS[2]])
    assert shared in clean_text_dump(page).text
    assert shared not in clean_text_dump(page, site_lines=frozenset({shared})).text


def test_empty_and_furniture_only_pages() -> None:
    assert clean_text_dump("").text == ""
    assert clean_text_dump(MENU).text == ""


def test_site_boilerplate_collects_shared_short_lines() -> None:
    sb = SiteBoilerplate()
    long_quote = " ".join(["word"] * 40)
    for i in range(4):
        sb.add("example.org", f"Home\nNews\n\nArticle number {i} text here.\n{long_quote}")
    sb.add("other.org", "Home")
    lines = sb.lines_for("example.org")
    assert {"Home", "News"} <= lines
    assert long_quote not in lines  # long lines may be real text quoted twice
    assert not any(line.startswith("Article number") for line in lines)
    assert sb.lines_for("other.org") == frozenset()  # one page proves nothing


def test_site_boilerplate_needs_a_large_share_of_pages() -> None:
    sb = SiteBoilerplate(min_share=0.5)
    for i in range(10):
        sb.add("s", "Footer\n" + ("Rare\n" if i < 2 else "") + f"Body {i}")
    assert sb.lines_for("s") == frozenset({"Footer"})


def test_site_key() -> None:
    assert site_key("x.txt", "https://www.Example.com/a/b.html") == "example.com"
    assert site_key("/data/ru24/page1.txt", None) == "/data/ru24"


@pytest.mark.parametrize(
    ("line", "month_first", "expected"),
    [
        ("Veröffentlicht am 16.08.2019", False, ["2019-08-16"]),
        ("12. März 2019, 14:30 Uhr", False, ["2019-03-12"]),
        ("Published March 12, 2019 at 9:00", False, ["2019-03-12"]),
        ("Stand: 12.03.2019", False, ["2019-03-12"]),
        ("13. 1. 2020", False, ["2020-01-13"]),
        ("macbacchi28.09.1912:44", False, ["2019-09-28"]),
        ("12/30/2019 05:03 AM EST", False, ["2019-12-30"]),
        ("04/05/2020", True, ["2020-04-05"]),
        ("04/05/2020", False, ["2020-05-04"]),
        ("Por Juliet Jimenez 5 mayo, 2022, 6:12 pm", False, ["2022-05-05"]),
        ("Lutz2021-12-14T12:38:19+01:00", False, ["2021-12-14"]),
        ("выставка проходит с 8 по 11 июля 2024 года", False, []),
        ("vor 3 Stunden", False, []),
        ("31.02.2019", False, []),
    ],
)
def test_dates_in_line(line: str, month_first: bool, expected: list[str]) -> None:
    assert dates_in_line(line, month_first) == expected


def test_page_date_prefers_the_byline_over_dates_in_the_body() -> None:
    page = (
        f"{MENU}\n\nCouncil approves new city budget\n\nPublished 12.03.2019, 14:30\n\n"
        "The council first met on 1 January 2015 and has approved every budget since then, "
        "officials said on Tuesday evening.\n\n" + "\n\n".join(EN_PARAS)
    )
    res = clean_text_dump(page)
    assert (res.date, res.date_source, res.date_precision) == ("2019-03-12", "page", "day")


def test_relative_times_give_no_date() -> None:
    page = "Council approves new city budget\n\nvor 3 Stunden\n\n" + "\n\n".join(EN_PARAS)
    assert clean_text_dump(page).date is None


def test_bundled_line_model_matches_the_features_and_gives_probabilities() -> None:
    model = default_model()
    assert model is not None
    lines = split_lines(f"{MENU}\n\n" + "\n\n".join(EN_PARAS))
    sel = rule_selection(lines)
    probs = model.predict(line_features(lines, sel.start, sel.end, set(sel.kept), MENU))
    assert all(0.0 <= p <= 1.0 for p in probs)
    assert max(probs[:7]) < model.threshold <= min(probs[7:])  # menu items out, paragraphs in


def test_line_model_round_trips_through_json() -> None:
    model = default_model()
    assert model is not None
    again = LineModel.from_json(json.loads(json.dumps(model.to_json())))
    row = [0.5] * len(model.names)
    assert again.predict([row]) == model.predict([row])


def test_rules_alone_still_clean_a_page() -> None:
    page = f"{MENU}\n\nCouncil approves new city budget\n\n" + "\n\n".join(EN_PARAS)
    assert clean_text_dump(page, use_model=False).text.split("\n\n") == EN_PARAS


def test_block_features_describe_blocks_table_runs_and_distance_to_the_region() -> None:
    text = ("Home\nNews\n\nMix the flour and the eggs\nAdd the milk slowly\nBake for an hour\n\n"
            "Size\t10\nWeight\t20\n\nContact us")
    lines = split_lines(text)
    tabs = [1 if "\t" in raw else 0 for raw in text.split("\n") if raw.strip()]
    rows = [dict(zip(BLOCK, r, strict=True)) for r in block_features(lines, 2, 5, tabs)]
    step = rows[3]
    assert step["blk_words"] == math.log1p(6 + 4 + 4) and step["blk_lines"] == math.log1p(3)
    assert rows[2]["prose_run"] == math.log1p(6) and step["prose_run"] == 0  # 4 words: too short
    assert 0 < step["region_pos"] < 1 and rows[0]["region_pos"] == 0
    assert rows[5]["tab_run"] == rows[6]["tab_run"] == math.log1p(2) and rows[3]["tab_run"] == 0
    assert rows[0]["before_dist"] == math.log1p(2) and rows[0]["between_words"] == math.log1p(1)
    assert rows[7]["after_dist"] == math.log1p(3) and rows[7]["before_dist"] == 0
    assert all(r["region_share"] == rows[0]["region_share"] for r in rows)


def test_classifier_region_keeps_weak_lines_inside_and_drops_isolated_ones_outside() -> None:
    probs = [0.05, 0.9, 0.5, 0.95, 0.1, 0.02, 0.01, 0.05, OUTSIDE_THRESHOLD - 0.05, 0.1]
    assert decide_lines(probs, 0.5) == [1, 2, 3]
    probs[8] = OUTSIDE_THRESHOLD + 0.05
    assert decide_lines(probs, 0.5) == [1, 2, 3, 8]
