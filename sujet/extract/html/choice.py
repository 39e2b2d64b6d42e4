"""Which block of a page is its article: no teaser card for the body, no fragment for the whole.

Guards around the extractors of html.candidates:

- ``demote_minor_articles`` runs before them. An ``<article>`` element inside a carousel, slider,
  related or recommendation container, or one that holds only a small part of the page's prose
  (a promotion box), is not the page's article, and neither is one of several sibling
  ``<article>`` elements (posts of a live blog, answers, items of a list); it becomes a
  ``<div>``, so that extractors which take the first ``<article>`` of a page as its body look
  further.
- ``main_text_candidate`` runs after them. When the chosen body holds only a small part of the
  page's prose and another extractor found much more, that extractor covers the page's main
  text and its body is taken instead.
- ``drop_aside_paragraphs`` takes the paragraphs of card containers out of the chosen body.

Prose is measured as document.prose_chars measures it: characters of blocks that read as
sentences, not menus or headline lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import lxml.html

from sujet.extract.document import prose_chars
from sujet.extract.html.merge import Voter, shingle_set, text_key
from sujet.extract.html.parse import visible_text

# Class or id words of containers that hold cards of other pages, matched on each class token
# ("related-posts", "swiper-slide", "c-carousel__item"), case-insensitively.
_ASIDE_WORDS = re.compile(
    r"(?:^|[_-])(?:carousel|slider|swiper|slick|glide|related|recommend\w*|read-?next"
    r"|more-(?:news|stories|articles|from)|teasers?|promo\w*|trending|popular|most-read"
    r"|you-may|also-like|see-also)(?:$|[_-])",
    re.I,
)
# Any of those words anywhere in a class or id: a quick test before the token by token one.
_ANY_ASIDE_WORD = re.compile(
    r"carousel|slider|swiper|slick|glide|related|recommend|read-?next|more-|teaser|promo"
    r"|trending|popular|most-read|you-may|also-like|see-also",
    re.I,
)
# Tokens that label what a post is about, not what a block is (WordPress's "tag-popular",
# "category-related-news" on the article itself).
_TAXONOMY = ("tag-", "category-", "categories-", "topic-", "tags-")
# An <article> with less than this share of the page's prose is a part of the page, not its
# article. Dev figures in docs/benchmarks/extraction.md.
MINOR_ARTICLE_SHARE = 0.2
# A body with less than this share of the page's prose may be a fragment of the article ...
FRAGMENT_SHARE = 0.3
# ... and is replaced when another extractor's body holds at least this many times its prose
# and its characters ...
FRAGMENT_GAIN = 2.0
# ... and at least this much prose: a copyright line is not the main text of a recipe whose body
# is a list (trafilatura's MIN_EXTRACTED_SIZE, as html.MIN_LONE_BODY_CHARS).
MIN_MAIN_PROSE = 250
# When the body is not a part of the other one (under PART_SHARE of its word 4-grams there), the two
# chose different blocks of the page, and the other replaces it only with this many times its
# characters: a teaser card beside a guide (1:40 on the dev pages), not two halves of a page
# (1:2.2 on a shop page whose other block is its glossary).
DISJOINT_GAIN = 4.0
# The body is a part of the other when at least this share of its word 4-grams is in it.
PART_SHARE = 0.5


def page_prose(visible: str) -> int:
    """Characters of prose in the page's visible text (one block a line)."""
    return prose_chars(visible.replace("\n", "\n\n"))


def _marked_aside(el: lxml.html.HtmlElement) -> bool:
    labels = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not _ANY_ASIDE_WORD.search(labels):
        return False
    return any(
        _ASIDE_WORDS.search(t) for t in labels.split() if not t.lower().startswith(_TAXONOMY)
    )


def in_aside(el: lxml.html.HtmlElement) -> bool:
    """``el`` or one of its containers is marked as a container of cards of other pages."""
    return _marked_aside(el) or any(_marked_aside(a) for a in el.iterancestors())


def _in_aside_seen(
    el: lxml.html.HtmlElement, marked: dict[lxml.html.HtmlElement, bool]
) -> bool:
    """in_aside, each container's label read once for all the elements that share it."""
    for node in (el, *el.iterancestors()):
        if node not in marked:
            marked[node] = _marked_aside(node)
        if marked[node]:
            return True
    return False


def demote_minor_articles(tree: lxml.html.HtmlElement, prose: int) -> int:
    """Turn the ``<article>`` elements that are not the page's article into ``<div>``; how many.

    Not the page's article: one inside a container of cards of other pages; one of several
    sibling ``<article>`` elements (posts of a live blog or a thread, cards of a list, parts of
    one text; the article is their container); one with under ``MINOR_ARTICLE_SHARE`` of the
    page's prose, when the page has enough prose for shares to mean something.
    """
    demoted = [
        el for el in tree.iter("article")
        if _has_article_siblings(el) or in_aside(el) or _minor(el, prose)
    ]
    for el in demoted:
        el.tag = "div"
    return len(demoted)


def _minor(el: lxml.html.HtmlElement, prose: int) -> bool:
    if prose < MIN_MAIN_PROSE:
        return False
    limit = MINOR_ARTICLE_SHARE * prose
    # prose never exceeds the characters: a short element needs no rendering to be judged
    return len(el.text_content()) < limit or page_prose(visible_text(el)) < limit


def _has_article_siblings(el: lxml.html.HtmlElement) -> bool:
    parent = el.getparent()
    return parent is not None and sum(1 for _ in parent.iterchildren("article")) > 1


def drop_aside_paragraphs(
    paragraphs: list[str], by_key: dict[str, lxml.html.HtmlElement]
) -> list[str]:
    """``paragraphs`` without those that sit in containers of cards of other pages.

    Left as they are when those would be half of the body or more: then the marked container is
    the one around the article (a class such as "post related-enabled"). ``by_key``: the page's
    html.merge.paragraph_index.
    """
    found = [by_key.get(text_key(par)) for par in paragraphs]
    marked: dict[lxml.html.HtmlElement, bool] = {}  # the paragraphs share their containers
    aside = [el is not None and _in_aside_seen(el, marked) for el in found]
    dropped = sum(len(par) for par, a in zip(paragraphs, aside, strict=True) if a)
    if not dropped or dropped >= 0.5 * sum(map(len, paragraphs)):
        return paragraphs
    return [par for par, a in zip(paragraphs, aside, strict=True) if not a]


def is_fragment(paragraphs: Sequence[str], prose: int) -> bool:
    """The body holds too little of the page's prose to be sure it is the whole article."""
    return prose_chars("\n\n".join(paragraphs)) < FRAGMENT_SHARE * prose


def main_text_candidate(paragraphs: Sequence[str], others: Sequence[str]) -> str | None:
    """The other extractor's body that holds the most prose, when it holds ``FRAGMENT_GAIN``
    times the prose and the characters of ``paragraphs``; None when none covers much more."""
    own_text = "\n\n".join(paragraphs)
    own = prose_chars(own_text)
    best, best_prose = None, 0
    for text in others:
        prose = prose_chars("\n\n".join(line for line in text.splitlines() if line.strip()))
        if prose > best_prose:
            best, best_prose = text, prose
    if best is None or best_prose < max(FRAGMENT_GAIN * own, MIN_MAIN_PROSE):
        return None
    part = Voter(best).usable and _share_inside(paragraphs, best) >= PART_SHARE
    gain = FRAGMENT_GAIN if part else DISJOINT_GAIN
    return best if len(best) >= gain * len(own_text) else None


def _share_inside(paragraphs: Sequence[str], text: str) -> float:
    """Share of the word 4-grams of ``paragraphs`` that ``text`` holds too."""
    own = shingle_set(" \n".join(paragraphs))
    return len(own & shingle_set(text)) / len(own) if own else 1.0
