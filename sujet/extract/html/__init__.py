"""HTML article extraction: several extractors, reconciled paragraph by paragraph.

The page is parsed once; every extractor works on that tree (html.candidates). ``<article>``
elements that are not the page's article (cards in a carousel, sibling posts) are demoted first
(html.choice). trafilatura (balanced mode) gives the base body; its paragraphs are kept when
trafilatura's precision mode also found them (html.merge), then article blocks split across
sibling containers are recovered (html.expand). A body that holds only a small part of the page's
prose is replaced by another extractor's much larger one (readability runs only then), card
paragraphs are dropped and the article's intro joins the body (html.intro). Title, author and
site come from the page's metadata (html.meta), the page's own date from its byline, URL and
markup (html.dates). The whole visible text goes to ``metadata["visible_text"]`` so that
datelines can be found downstream, where pubdate.decide_date weighs the page's date against the
record's, the dateline and the text. A page without article text comes back empty with
``metadata["no_article"]``, its reason.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from sujet.extract.html.candidates import Candidates, run_candidates
from sujet.extract.html.choice import (
    demote_minor_articles,
    drop_aside_paragraphs,
    is_fragment,
    main_text_candidate,
    page_prose,
)
from sujet.extract.html.chrome import PageChrome
from sujet.extract.html.dates import find_publication_date
from sujet.extract.html.expand import expand_siblings
from sujet.extract.html.intro import join_intro
from sujet.extract.html.merge import paragraph_index, split_paragraphs, text_key, vote
from sujet.extract.html.meta import page_meta
from sujet.extract.html.parse import parse_html, visible_texts
from sujet.extract.types import Extracted
from sujet.ingest.encoding import decode

# When the vote keeps less than this share of the base body's characters, the extractors chose
# different blocks rather than disagreeing on boilerplate. Measured on the dev sets: 0.3 and 0.5
# leave aeb unchanged and raise trafilatura snippet F1 from 0.912 to 0.914 / 0.915.
MIN_AGREED_SHARE = 0.5
# trafilatura's own MIN_EXTRACTED_SIZE (settings.cfg): below it, a body that only the balanced
# mode found is not trusted. No dev page of aeb or trafilatura falls under it.
MIN_LONE_BODY_CHARS = 250


def extract_html(raw: bytes | str, *, url: str | None = None) -> Extracted:
    """The article of one HTML page; an empty body when the page holds none.

    An empty body comes with ``metadata["no_article"]``, the reason, which extract_document turns
    into NoArticle (E107): a page is never stored without its text.
    Raises BinaryInput / DecodeFailed (sujet.errors) for bytes that are not text.
    """
    text, encoding = decode(raw)
    tree = parse_html(text)
    if tree is None:
        return Extracted(
            text="",
            metadata={"encoding": encoding, "visible_text": "", "no_article": "empty page"},
        )
    meta = page_meta(tree, url)
    chrome = PageChrome(tree)
    visible, unframed = visible_texts(tree, chrome)
    found = find_publication_date(tree, url, visible, meta.title, chrome, unframed)
    prose = page_prose(visible)
    by_key = paragraph_index(tree)
    body = article_body(tree, url, prose, by_key)
    body = drop_aside_paragraphs(body, by_key)
    body = join_intro(tree, _drop_leading_title(body, meta.title), by_key)
    metadata: dict[str, object] = {"encoding": encoding, "visible_text": visible}
    if not body:
        metadata["no_article"] = (
            f"no extractor found article text ({prose} characters of prose on the page)"
        )
    return Extracted(
        text="\n\n".join(body),
        title=meta.title,
        date=found.date if found else None,
        date_precision="day" if found else None,
        date_source=found.source if found else None,
        author=meta.author,
        site=meta.site,
        metadata=metadata,
    )


def article_body(
    tree: HtmlElement, url: str | None, prose: int, by_key: dict[str, HtmlElement]
) -> list[str]:
    """The article's paragraphs, in page order; ``prose``: characters of prose on the page;
    ``by_key``: the page's html.merge.paragraph_index."""
    demote_minor_articles(tree, prose)
    cands = run_candidates(tree, url)
    body = _balanced_body(tree, cands, by_key)
    if is_fragment(body, prose):
        # the body may be a teaser, an intro or one post: another extractor that found much
        # more of the page's prose covers its main text
        # (readability, the costliest, only when trafilatura's own bodies do not)
        other = main_text_candidate(body, [cands.balanced, cands.precise]) \
            or main_text_candidate(body, [cands.readability])
        if other is not None:
            return _reconciled(
                tree, by_key, split_paragraphs(other), [cands.balanced, cands.precise]
            )
    return body


def _balanced_body(
    tree: HtmlElement, cands: Candidates, by_key: dict[str, HtmlElement]
) -> list[str]:
    """trafilatura's balanced body, reconciled with the other extractors."""
    base = split_paragraphs(cands.balanced)
    if len(cands.balanced) < MIN_LONE_BODY_CHARS and not cands.precise:
        return []  # a few lines that the precision mode rejects: menus of a page with no article
    if not base:
        return split_paragraphs(cands.precise)
    return _reconciled(tree, by_key, base, [cands.precise])


def _reconciled(
    tree: HtmlElement, by_key: dict[str, HtmlElement], base: list[str], others: list[str]
) -> list[str]:
    """The paragraphs of ``base`` that another body confirms, siblings of the article added."""
    kept = vote(base, others)
    if sum(map(len, kept)) < MIN_AGREED_SHARE * sum(map(len, base)):
        # the others chose another block of the page: no agreement to act on, trust the base
        kept = base
    return expand_siblings(tree, kept, by_key)


def _drop_leading_title(paragraphs: list[str], title: str | None) -> list[str]:
    if paragraphs and title and text_key(paragraphs[0]) == text_key(title):
        return paragraphs[1:]
    return paragraphs
