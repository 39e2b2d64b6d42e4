"""HTML article extraction on small hand-written pages."""

from __future__ import annotations

import pytest

from sujet.extract.html import extract_html
from sujet.extract.html.dates import find_publication_date, is_utc_timestamp, parse_day, url_day
from sujet.extract.html.expand import expand_siblings
from sujet.extract.html.merge import split_paragraphs, vote
from sujet.extract.html.meta import page_meta
from sujet.extract.html.parse import parse_html, visible_text
from sujet.extract.html.textdates import day_near_headline, labelled_day, parse_text_day

EN_PARAS = [
    "The regional government signed a cooperation agreement with three universities on Monday, "
    "committing funds for joint laboratories in materials science and medicine over five years.",
    "Officials said the agreement builds on a pilot programme that placed forty doctoral students "
    "in industrial partners last year, and that the first laboratories should open next spring.",
    "The universities will contribute staff and equipment, while the region pays for buildings and "
    "running costs; an independent board will review the projects every twelve months.",
    "Critics in the opposition welcomed the investment but asked why vocational colleges were left "
    "out of the scheme, and announced questions in the next session of the regional parliament.",
]
RU_PARAS = [
    "Губернатор Томской области Владимир Мазур провёл рабочую встречу с делегацией Республики "
    "Беларусь, на которой стороны обсудили поставки техники и совместные проекты в образовании.",
    "По словам участников встречи, товарооборот между регионами за первое полугодие вырос на "
    "двадцать процентов по сравнению с аналогичным периодом прошлого года.",
    "Стороны договорились провести следующее заседание рабочей группы осенью в Минске и "
    "подготовить к нему дорожную карту сотрудничества на ближайшие три года.",
]
NAV = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World news</a></li></ul></nav>"
SIDEBAR = (
    "<aside class='sidebar'><h3>Most read</h3><ul>"
    "<li><a href='/a'>Celebrity chef opens restaurant on the moon</a></li>"
    "<li><a href='/b'>Ten tips for a cheaper summer holiday abroad</a></li></ul></aside>"
)
FOOTER = "<footer><p>Copyright 2024 Example Media Group. All rights reserved. Imprint.</p></footer>"
COMMENTS = (
    "<section id='comments' class='comments'><h3>Comments</h3>"
    "<div class='comment'><p>Zorglub wrote: this is the worst decision since the flood.</p></div>"
    "<div class='comment'><p>Anna wrote: finally some good news for our students here.</p></div>"
    "</section>"
)


def article_page(
    paras: list[str] = EN_PARAS,
    *,
    title: str = "Region signs research pact with universities",
    head: str = "",
    charset: str | None = "utf-8",
    extra_body: str = "",
    lang: str = "en",
) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head>{meta}<title>{title} | Example News</title>"
        f"{head}</head><body>{NAV}<main><article><h1>{title}</h1>{body}</article>"
        f"{COMMENTS}</main>{SIDEBAR}{extra_body}{FOOTER}"
        "<script>var tracking = 'SECRET_SCRIPT_TEXT'; document.write(tracking);</script>"
        "</body></html>"
    )


def test_body_keeps_article_and_drops_page_furniture() -> None:
    out = extract_html(article_page().encode("utf-8"), url="https://example.com/news/1")
    for p in EN_PARAS:
        assert p in out.text
    for junk in ("World news", "Most read", "Celebrity chef", "Copyright 2024", "Zorglub", "Anna"):
        assert junk not in out.text


def test_paragraphs_are_separated_by_blank_lines() -> None:
    out = extract_html(article_page())
    assert out.text.split("\n\n") == EN_PARAS


def test_title_is_headline_and_not_repeated_in_body() -> None:
    out = extract_html(article_page())
    assert out.title == "Region signs research pact with universities"
    assert not out.text.startswith("Region signs")


def test_script_text_never_leaks() -> None:
    out = extract_html(article_page())
    assert "SECRET_SCRIPT_TEXT" not in out.text
    assert "SECRET_SCRIPT_TEXT" not in out.metadata["visible_text"]
    assert "tracking" not in out.metadata["visible_text"]


def test_visible_text_holds_the_whole_page() -> None:
    out = extract_html(article_page().encode("utf-8"))
    visible = out.metadata["visible_text"]
    assert "Most read" in visible and "Copyright 2024" in visible and EN_PARAS[0] in visible
    assert out.metadata["encoding"] == "utf-8"


@pytest.mark.parametrize("charset", ["windows-1251", None])
def test_cp1251_bytes_with_and_without_declaration(charset: str | None) -> None:
    html = article_page(RU_PARAS, title="Мазур встретился с делегацией Беларуси", charset=charset,
                        lang="ru")
    out = extract_html(html.encode("cp1251"))
    assert RU_PARAS[0] in out.text and RU_PARAS[2] in out.text
    assert out.title == "Мазур встретился с делегацией Беларуси"
    assert out.metadata["encoding"] in ("cp1251", "windows-1251")


def test_koi8r_without_declaration() -> None:
    html = article_page(RU_PARAS, title="Мазур встретился с делегацией Беларуси", charset=None)
    out = extract_html(html.encode("koi8-r"))
    assert RU_PARAS[1] in out.text


def test_str_input_is_accepted() -> None:
    out = extract_html(article_page(RU_PARAS, title="Встреча в Томске", lang="ru"))
    assert RU_PARAS[1] in out.text


def test_page_without_article_gives_empty_body() -> None:
    html = (
        "<html><head><title>Example News</title></head><body>"
        f"{NAV}{SIDEBAR}<div class='menu'><a href='/x'>Login</a> <a href='/y'>Register</a></div>"
        f"{FOOTER}</body></html>"
    )
    out = extract_html(html.encode("utf-8"))
    assert "Celebrity chef" not in out.text
    assert "Login" not in out.text
    assert len(out.text) < 80


@pytest.mark.parametrize("raw", [b"", b"   ", "<html><body></body></html>"])
def test_empty_input_does_not_raise(raw: bytes | str) -> None:
    out = extract_html(raw)
    assert out.text == ""


def test_truncated_html_still_yields_the_article() -> None:
    html = article_page()
    cut = html[: html.index(EN_PARAS[3]) + 60]  # ends inside the last paragraph, no closing tags
    out = extract_html(cut.encode("utf-8"))
    assert EN_PARAS[0] in out.text and EN_PARAS[2] in out.text


def test_xml_declaration_in_str_input() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + article_page()
    assert EN_PARAS[1] in extract_html(html).text


def test_date_from_json_ld_keeps_local_day() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2020-12-25T01:59:50+02:00"}</script>'
        '<meta property="article:published_time" content="2020-12-24T23:59:50+00:00">'
    )
    out = extract_html(article_page(head=head))
    assert out.date == "2020-12-25"
    assert out.date_precision == "day"
    assert out.date_source == "jsonld"


def test_date_from_url_beats_utc_meta() -> None:
    head = '<meta property="article:published_time" content="2023-11-09T01:49:09+00:00">'
    out = extract_html(article_page(head=head), url="https://example.com/2023/11/08/story/")
    assert out.date == "2023-11-08"
    assert out.date_source == "url"


def test_date_from_byline_under_headline() -> None:
    page = article_page().replace("</h1>", "</h1><div class='byline'>Mittwoch, 26.01.2022 - 14:30</div>")
    out = extract_html(page)
    assert out.date == "2022-01-26"
    assert out.date_source == "byline"


def test_author_and_site() -> None:
    head = '<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">'
    out = extract_html(article_page(head=head))
    assert out.author == "Jane Doe"
    assert out.site == "Example News"


def test_title_drops_site_suffix_without_h1() -> None:
    html = "<html><head><title>Budget deal reached late at night | Example News</title>" \
        "<meta property='og:site_name' content='Example News'></head><body><p>x</p></body></html>"
    tree = parse_html(html)
    assert tree is not None
    assert page_meta(tree, None).title == "Budget deal reached late at night"


def test_visible_text_skips_hidden_and_keeps_cells_apart() -> None:
    tree = parse_html(
        "<body><div>Hi <b>there</b><!-- note -->!</div><p hidden>secret</p>"
        "<p style='display: none'>also secret</p><table><tr><td>a</td><td>b</td></tr></table></body>"
    )
    assert tree is not None
    assert visible_text(tree) == "Hi there!\na\tb"


def test_vote_keeps_paragraphs_another_extractor_found() -> None:
    base = [EN_PARAS[0], "Share this article on social media and subscribe to our newsletter today",
            EN_PARAS[1]]
    kept = vote(base, ["\n".join(EN_PARAS[:2]), "\n".join(EN_PARAS)])
    assert kept == [EN_PARAS[0], EN_PARAS[1]]


def test_vote_without_usable_voter_keeps_base() -> None:
    base = split_paragraphs("\n".join(EN_PARAS))
    assert vote(base, ["", "too short"]) == base


def test_expand_recovers_sibling_article_blocks() -> None:
    chunk = "<div class='grid'><div class='article-body'>{}</div></div>"
    first = "".join(f"<p>{p}</p>" for p in EN_PARAS[:2])
    second = "".join(f"<p>{p}</p>" for p in EN_PARAS[2:])
    html = (f"<html><body><div class='chunks'>{chunk.format(first)}<div class='ad'>Advert</div>"
            f"{chunk.format(second)}</div></body></html>")
    tree = parse_html(html)
    assert tree is not None
    assert expand_siblings(tree, EN_PARAS[:2]) == EN_PARAS


def test_expand_leaves_unrelated_pages_alone() -> None:
    tree = parse_html("<html><body>" + "".join(f"<p>{p}</p>" for p in EN_PARAS) + "</body></html>")
    assert tree is not None
    assert expand_siblings(tree, EN_PARAS[:2]) == EN_PARAS[:2]


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2022-01-06T08:29:34", "2022-01-06"),
        ("2022-1-26T14:32:06+02:00", "2022-01-26"),
        ("2019/12/09", "2019-12-09"),
        ("Di., 25.01.2022 - 14:45", "2022-01-25"),
        ("2022-25-10", None),
        ("1990-05-01", None),
        ("not a date", None),
    ],
)
def test_parse_day(value: str, day: str | None) -> None:
    assert parse_day(value) == day


def test_utc_detection() -> None:
    assert is_utc_timestamp("2023-11-09T01:49:09Z")
    assert is_utc_timestamp("2023-11-09T01:49:09+00:00")
    assert not is_utc_timestamp("2023-11-09T01:49:09+03:00")
    assert not is_utc_timestamp("2023-11-09")


def test_url_day() -> None:
    assert url_day("https://x.com/2019/12/09/story") == "2019-12-09"
    assert url_day("https://x.com/news-20200131-story.html") == "2020-01-31"
    assert url_day("https://x.com/2019/43/story") is None
    assert url_day(None) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Veröffentlicht am 16.08.2019 von Redaktion", "2019-08-16"),
        ("Erschienen am: 01.11.2023", "2023-11-01"),
        ("Issue Published: 7 April 2020", "2020-04-07"),
        ("Published on March 3rd, 2020 by Jane", "2020-03-03"),
        ("Опубликовано 12 марта 2021", "2021-03-12"),
        ("Ihre E-Mail-Adresse wird nicht veröffentlicht.", None),
    ],
)
def test_labelled_day(text: str, day: str | None) -> None:
    assert labelled_day(text) == day


def test_day_near_headline_prefers_closest_short_line() -> None:
    visible = "Menu\n01.01.2020\nStory headline here\nby Jane | 5 March 2021\nBody text 02.02.2019"
    assert day_near_headline(visible, "Story headline here") == "2021-03-05"
    assert day_near_headline(visible, "Missing headline") is None
    assert parse_text_day("Montag, 7. März 2022") == "2022-03-07"


def test_find_publication_date_none_without_evidence() -> None:
    tree = parse_html("<html><body><p>No dates at all in this page.</p></body></html>")
    assert tree is not None
    assert find_publication_date(tree, None, visible_text(tree), None) is None
