"""The intro block of an article (standfirst, lead, summary) joins the body it introduces.

Pages set the intro apart from the body container, in the article's header between the headline
and the first paragraph; extractors that score containers keep the body and drop the intro.
A block there is taken when its markup names it an intro and it reads as prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

import lxml.html

from sujet.extract.document import prose_chars
from sujet.extract.html.merge import Voter, paragraph_index, text_key

# Class, id or itemprop words of intro blocks, matched on the words of the attribute.
_INTRO_WORDS = re.compile(
    r"(?:^|[\s_-])(?:intro\w*|lead|lede|standfirst|dek|summary|description|abstract"
    r"|sapo|chapo|chapeau|subtitle|subheadline|deck)(?:$|[\s_-])",
    re.I,
)
# Parts of a page that never hold the intro even when they sit between headline and body.
_NOT_INTRO = frozenset({"figure", "figcaption", "aside", "nav", "footer", "form", "a", "button"})
_INTRO_TAGS = ("p", "div", "h2", "section")
_CUT = ("...", "…")
# How many elements before the body's first paragraph (in document order) the intro may sit.
MAX_INTRO_DISTANCE = 40


def _labels(el: lxml.html.HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"


def _excluded(el: lxml.html.HtmlElement) -> bool:
    return any(isinstance(a.tag, str) and a.tag in _NOT_INTRO for a in el.iterancestors())


def join_intro(
    tree: lxml.html.HtmlElement,
    paragraphs: list[str],
    by_key: dict[str, lxml.html.HtmlElement] | None = None,
) -> list[str]:
    """``paragraphs`` with the page's intro block put in front, when the body lacks it;
    ``by_key``: the page's html.merge.paragraph_index, when the caller has it already."""
    if not paragraphs:
        return paragraphs
    start = (by_key if by_key is not None else paragraph_index(tree)).get(text_key(paragraphs[0]))
    if start is None:
        return paragraphs
    body = Voter("\n".join(paragraphs))
    for el in islice(_preceding(start), MAX_INTRO_DISTANCE):
        if el.tag == "h1":
            break  # the headline: the intro sits below it
        if (
            el.tag not in _INTRO_TAGS
            or sum(1 for _ in el.iter("p")) > 1  # a container of several blocks, not one intro
            or not _INTRO_WORDS.search(_labels(el))
            or _excluded(el)
        ):
            continue
        text = " ".join(el.text_content().split())
        if not prose_chars(text) or text.endswith(_CUT) or body.covers(text):
            continue  # not prose, an excerpt cut short (a teaser of the text), or already there
        return [text, *paragraphs]
    return paragraphs


def _preceding(el: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The elements before ``el`` in document order, nearest first, its own containers left out."""
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            yield from (e for e in reversed(list(sibling.iter())) if isinstance(e.tag, str))
        node = node.getparent()
