"""Candidate choice on pages of several kinds: never a teaser, an intro or one post for the body,
never an empty text without an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sujet.errors import NoArticle
from sujet.eval.extraction import evaluate_extraction
from sujet.extract.document import extract_document
from sujet.extract.html import extract_html
from sujet.extract.html.choice import (
    demote_minor_articles,
    in_aside,
    is_fragment,
    main_text_candidate,
    page_prose,
)
from sujet.extract.html.intro import join_intro
from sujet.extract.html.parse import parse_html, visible_text

KINDS = Path(__file__).resolve().parents[1] / "data" / "extraction_kinds"

GUIDE = [
    "Winter cycling starts with light: a bright front lamp and two rear lights, one steady and one "
    "flashing, make a rider visible long before the driver reaches the junction.",
    "Tyres matter next. Wider tyres at lower pressure grip better on wet leaves, and studded tyres "
    "are worth the money where the roads freeze for weeks rather than days.",
    "Mudguards keep the spray off your back and off the rider behind you; full-length ones with a "
    "flap at the bottom keep the chain cleaner too, which saves a lot of cleaning.",
    "Dress in layers that can come off. A windproof shell over a thin fleece is warmer on the move "
    "than one thick coat, and a buff under the helmet keeps the ears from aching.",
    "Clean and oil the chain every week. Road salt eats metal quickly, and a chain that squeaks in "
    "January will need replacing in March if it is left alone until spring.",
]
TEASERS = [
    ("Ten cafes for cyclists", "Good coffee and a place to lean the bike. Our pick of the stops "
     "that welcome riders in mud-splashed clothes."),
    ("The best saddle bags", "Room for a spare tube and a jacket. We tested twelve bags on rough "
     "lanes for a month of commutes."),
]


def _page(body: str, title: str = "Riding through the winter") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        "</head><body><nav><a href='/'>Home</a> <a href='/bikes'>Bikes</a></nav>"
        f"<main>{body}</main><footer><p>Contact us</p></footer></body></html>"
    )


def _cards(wrapper: str) -> str:
    cards = "".join(
        f"<article class='card'><h3>{t}</h3>" + "".join(f"<p>{s}.</p>" for s in p.split(". "))
        + "</article>"
        for t, p in TEASERS
    )
    return f"<div class='{wrapper}'>{cards}</div>"


def _paras(paras: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def test_article_in_a_carousel_is_not_the_body() -> None:
    html = _page(_cards("related-slider") + f"<h1>Riding through the winter</h1>"
                 f"<div class='guide'>{_paras(GUIDE)}</div>")
    text = extract_html(html).text
    assert all(p in text for p in GUIDE)
    assert "saddle bags" not in text and "Ten cafes" not in text


def test_teaser_cards_after_the_body_are_not_recovered_as_its_siblings() -> None:
    html = _page(f"<h1>Riding through the winter</h1><div class='guide'>{_paras(GUIDE)}</div>"
                 + _cards("read-next"))
    text = extract_html(html).text
    assert GUIDE[0] in text and GUIDE[-1] in text
    assert "rough lanes" not in text


def test_live_blog_keeps_every_post() -> None:
    posts = "".join(
        f"<article class='entry'><time>{9 + i}:00</time><div class='post-content'>"
        + "".join(f"<p>{s}.</p>" for s in p.split(". ")) + "</div></article>"
        for i, p in enumerate(GUIDE)
    )
    html = _page(f"<h1>Live: winter riding</h1><div class='feed'>{posts}</div>")
    text = extract_html(html).text
    assert "studded tyres" in text and "replacing in March" in text  # the second and last posts


def test_question_page_keeps_its_answers() -> None:
    question = ("My chain squeaks after every wet ride even though I oil it. "
                "Am I using the wrong oil, or too much of it?")
    answers = [GUIDE[4], "Wipe the chain dry before oiling it, then wipe off the excess after ten "
               "minutes: oil on the outside of the chain only collects grit and salt."]
    html = _page(
        "<div class='question'><h1>Chain squeaks after wet rides</h1><div class='post-text'>"
        + "".join(f"<p>{s}</p>" for s in question.split(". ")) + "</div></div>"
        "<div class='answers'>" + "".join(
            f"<div class='answer'><div class='answer-text'><p>{a}</p></div>"
            f"<span>answered by rider{i}</span></div>" for i, a in enumerate(answers)) + "</div>"
    )
    text = extract_html(html).text
    assert "wrong oil" in text
    assert all(a in text for a in answers)


def test_standfirst_joins_the_body() -> None:
    lead = "Cold, wet and dark mornings need not end the commute: five habits keep a bike running."
    html = _page(
        f"<header class='article-head'><h1>Riding through the winter</h1>"
        f"<p class='standfirst'>{lead}</p><p class='byline'>By Ann Lee</p></header>"
        f"<figure><img src='a.jpg'><figcaption>A rider on a frosty lane at dawn, in the hills "
        f"above the town, last January.</figcaption></figure>"
        f"<div class='article-body'>{_paras(GUIDE)}</div>"
    )
    text = extract_html(html).text
    assert text.startswith(lead)
    assert "frosty lane" not in text


def test_intro_is_not_added_twice_nor_from_outside_the_header() -> None:
    tree = parse_html(_page(f"<h1>Title of it</h1><div class='intro'><p>{GUIDE[0]}</p></div>"
                            f"<div class='body'>{_paras(GUIDE[1:])}</div>"))
    assert tree is not None
    assert join_intro(tree, GUIDE) == GUIDE  # already in the body
    assert join_intro(tree, GUIDE[1:]) == GUIDE  # joins when missing
    tree = parse_html(_page(f"<div class='summary'><p>{GUIDE[0]}</p></div><h1>Title of it</h1>"
                            f"<div class='body'>{_paras(GUIDE[1:])}</div>"))
    assert tree is not None
    assert join_intro(tree, GUIDE[1:]) == GUIDE[1:]  # above the headline: not this body's intro


def test_asides_and_demotion() -> None:
    html = _page(_cards("c-carousel__track") + f"<article class='story'>{_paras(GUIDE)}</article>")
    tree = parse_html(html)
    assert tree is not None
    cards = [a for a in tree.iter("article") if a.get("class") == "card"]
    assert all(in_aside(a) for a in cards)
    assert demote_minor_articles(tree, page_prose(visible_text(tree))) == len(cards)
    assert [a.get("class") for a in tree.iter("article")] == ["story"]


def test_taxonomy_classes_of_the_article_do_not_make_it_an_aside() -> None:
    html = _page("<article class='post tag-popular category-related-news'><h1>Riding through "
                 f"the winter</h1>{_paras(GUIDE)}</article>")
    tree = parse_html(html)
    assert tree is not None
    assert not any(in_aside(a) for a in tree.iter("article"))
    assert all(p in extract_html(html).text for p in GUIDE)


def test_main_text_candidate_needs_much_more_and_prose() -> None:
    teaser = ["Good coffee and a place to lean the bike, our pick of the stops for riders."]
    assert main_text_candidate(teaser, ["\n".join(GUIDE)]) == "\n".join(GUIDE)
    # a list body against a short prose line (a copyright notice): keep the list
    listing = [f"- {n} g of flour, sugar and butter" for n in (100, 200, 300, 400)]
    assert main_text_candidate(listing, ["All rights reserved. Reproduction is forbidden."]) is None
    # two different blocks of similar size: no switch
    half = GUIDE[:3]
    assert main_text_candidate(half, ["\n".join(GUIDE[3:] + GUIDE[3:])]) is None
    assert is_fragment(teaser, page_prose("\n".join(GUIDE)))
    assert not is_fragment(GUIDE, page_prose("\n".join(GUIDE)))


def test_page_without_article_is_rejected_with_a_reason() -> None:
    html = _page("<ul><li><a href='/a'>Archive</a></li><li><a href='/b'>Login</a></li></ul>")
    out = extract_html(html)
    assert out.text == "" and "no extractor found article text" in out.metadata["no_article"]
    with pytest.raises(NoArticle) as err:
        extract_document(html, kind="html")
    assert err.value.code == "E107"
    assert "no article text" in str(err.value)


def test_every_kind_page_has_its_body() -> None:
    """The project's own dev pages of other kinds (tests/data/extraction_kinds): every page
    keeps most of its gold body, none comes back empty."""
    gold = [json.loads(line) for line in (KINDS / "gold.jsonl").read_text().splitlines()]
    assert len({g["kind"] for g in gold}) == len(gold) >= 10
    result = evaluate_extraction(KINDS, kind="extraction", extract=lambda raw, url: extract_html(
        raw, url=url))
    assert not result["errors"]
    assert result["recall"] >= 0.95, result
