"""Dates in the page's chrome (site header, top bar, navigation, footer, sidebars) never date the
article: a page of a news site whose header shows today's date, a clock or the weather."""

from __future__ import annotations

import pytest

from sujet.extract.html import extract_html
from sujet.extract.html.chrome import PageChrome
from sujet.extract.html.dates import find_publication_date
from sujet.extract.html.parse import parse_html, visible_texts

HEADLINE = "Council approves new harbour bridge after a decade of planning"
PARAS = [
    "The city council voted on Thursday to build a second bridge across the harbour, ending a "
    "debate that began when the old crossing was closed to heavy traffic ten years ago.",
    "Engineers expect construction to take four years; the regional government will pay half of "
    "the cost, and the remainder is to come from a toll charged during the first two decades.",
    "Residents of the southern districts welcomed the decision, while shop owners near the old "
    "bridge fear that fewer drivers will pass their streets once the new crossing opens.",
    "An independent panel will review the design next spring before the first contracts are "
    "signed, and the council promised public hearings in every district affected by the works.",
]
REAL_DAY = "2021-06-12"
# Widgets that show the day the page was fetched, 21 months after the article, each in one of the
# forms sites give them: a top bar, a page-level <header>, a clock with a <time>, a weather box.
WIDGETS = {
    "top bar": "<div class='top-bar'><span>Saturday, 18 March 2023</span></div>",
    "site header": (
        "<header><a href='/'>The Daily Paper</a><div>18 March 2023</div>"
        "<p>Today's paper</p></header>"
    ),
    "clock": (
        "<div class='c-header__clock'><time datetime='2023-03-18T09:12'>18.03.2023</time>"
        " 09:12</div>"
    ),
    "weather": "<div id='weather-widget'><div>London 14°C</div><div>Sat 18 Mar 2023</div></div>",
    "date today": "<p class='date-today'>March 18, 2023</p>",
}
NAV = "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"


def _page(widget: str, byline: str, head: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>{HEADLINE} | The Daily Paper</title>{head}</head><body>"
        f"{widget}{NAV}<div class='content'><h1>{HEADLINE}</h1>{byline}{paras}</div>"
        "<footer><p>Copyright The Daily Paper. All rights reserved.</p></footer></body></html>"
    )


# The byline the reader sees gives the day in a line that is not a bare date (it holds the
# author), so the page's meta tag or its <time> states the day.
LONG_BYLINE = "<p class='byline'>By Jane Roe, Transport Correspondent, for The Daily Paper</p>"
META = f"<meta property='article:published_time' content='{REAL_DAY}T08:30:00+01:00'>"
TIME_BYLINE = (
    "<p class='byline'>By Jane Roe, Transport Correspondent, "
    f"<time datetime='{REAL_DAY}T08:30'>12 June 2021 08:30</time></p>"
)


@pytest.mark.parametrize("widget", sorted(WIDGETS))
def test_header_widget_date_is_not_the_publication_date(widget: str) -> None:
    page = _page(WIDGETS[widget], LONG_BYLINE, head=META)
    result = extract_html(page, url="https://www.example.com/news/harbour-bridge")
    assert result.date == REAL_DAY, widget
    assert PARAS[0] in result.text


@pytest.mark.parametrize("widget", sorted(WIDGETS))
def test_article_time_wins_over_a_widget_before_it(widget: str) -> None:
    # no metadata: the first <time> of the page outside its chrome is the article's
    page = _page(WIDGETS[widget], TIME_BYLINE)
    assert extract_html(page, url="https://www.example.com/news/harbour-bridge").date == REAL_DAY


def test_widget_date_stays_in_the_visible_text() -> None:
    tree = parse_html(_page(WIDGETS["top bar"], LONG_BYLINE))
    assert tree is not None
    visible, unframed = visible_texts(tree, PageChrome(tree))
    assert "Saturday, 18 March 2023" in visible
    assert "Saturday, 18 March 2023" not in unframed
    assert HEADLINE in unframed and PARAS[-1] in unframed


def test_article_header_with_the_byline_is_not_chrome() -> None:
    # a <header> inside the article, or a page-level one holding the headline, is the article's
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    for header in (
        f"<article><header><h2>{HEADLINE}</h2><p>12 June 2021</p></header>{paras}</article>",
        f"<header><h1>{HEADLINE}</h1><p>12 June 2021</p></header><div>{paras}</div>",
    ):
        page = f"<html><head><title>{HEADLINE}</title></head><body>{NAV}{header}</body></html>"
        tree = parse_html(page)
        assert tree is not None
        chrome = PageChrome(tree)
        assert chrome.holds(tree.find(".//nav/a"))
        assert not any(chrome.holds(p) for p in tree.iter("p"))
        _, unframed = visible_texts(tree, chrome)
        found = find_publication_date(tree, None, None, HEADLINE, chrome, unframed)
        assert found is not None and (found.date, found.source) == (REAL_DAY, "byline")


def test_a_wrapper_around_the_article_is_not_chrome() -> None:
    # a layout class naming a sidebar on the container of the whole article leaves it readable
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    page = (
        f"<html><body><div class='layout has-sidebar'><h1>{HEADLINE}</h1><p>12 June 2021</p>"
        f"{paras}</div></body></html>"
    )
    assert extract_html(page).date == REAL_DAY


def test_a_labelled_date_in_the_sidebar_dates_a_page_that_states_none_elsewhere() -> None:
    # a blog's sidebar "this article was posted on ...": a labelled date names what it dates
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    sidebar = (
        "<div id='sidebar'><p>About this article</p>"
        f"<p>{HEADLINE} was posted on 12 June 2021 under Local news.</p></div>"
    )
    page = f"<html><body><div id='content'><h2>{HEADLINE}</h2>{paras}</div>{sidebar}</body></html>"
    result = extract_html(page)
    assert (result.date, result.date_source) == (REAL_DAY, "label")
