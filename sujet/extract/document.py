"""One page in, one Extracted out: decode, pick the extractor, fill metadata and language."""

from __future__ import annotations

import re
from typing import Literal

from sujet.errors import NoArticle
from sujet.extract.language import detect_language
from sujet.extract.pubdate import DateClaim
from sujet.extract.types import Extracted
from sujet.ingest.encoding import decode

Kind = Literal["auto", "html", "text"]

_WORD_RE = re.compile(r"\w+")
# A sentence end: Latin, CJK, Arabic, Devanagari and Urdu terminators, followed by a space, a
# closing quote or bracket, the end, or (scraped text often loses the space) a capital letter.
_SENTENCE_END_RE = re.compile(r"[.!?…。！？؟।۔](?=[\s\"»”')]|$|[^\W\d_])")
# A paragraph of running text: headline and link lists are set one item to a line, and a
# headline is under 20 words; a paragraph four times that long with a sentence end is prose.
LONG_PARAGRAPH_WORDS = 80
_BULLETS = "-–—•*·"
_MIN_REPEAT = 40  # characters of words; shorter paragraphs may legitimately recur

_HTML_SNIFF = re.compile(r"<(!doctype html|html|head|body|div|p|article|meta|title)[\s>]", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:5000]))


def extract_document(
    content: bytes | str,
    *,
    kind: Kind = "auto",
    url: str | None = None,
    site_lines: frozenset[str] | None = None,
    reference_year: int | None = None,
    min_text_chars: int = 0,
    source: str | None = None,
    record_date: DateClaim | None = None,
) -> Extracted:
    """Extract the article of one page (HTML or a plain-text dump).

    ``site_lines`` are lines known to be boilerplate of the page's site (shared by its other
    pages); ``reference_year`` resolves datelines without a year when the page gives none;
    ``record_date`` is the date its container gives (a feed item's, a JSON record's), which
    outranks every date found in the page (pubdate.decide_date).
    Raises NoArticle (E107) when the body is empty, with the extractor's reason (a page is never
    returned, and so never stored, without its text), or shorter than ``min_text_chars``.
    """
    from sujet.extract import html as html_extractor
    from sujet.extract import metadata, textdump

    text, _enc = decode(content, source=source)
    if kind == "auto":
        kind = "html" if looks_like_html(text) else "text"
    if kind == "html":
        raw = content if isinstance(content, bytes) else text
        result = html_extractor.extract_html(raw, url=url)
        visible = result.metadata.pop("visible_text", None) or result.text
    else:
        result = textdump.clean_text_dump(text, url=url, site_lines=site_lines)
        visible = text
    metadata.enrich(
        result,
        visible,
        reference_year=reference_year,
        keep_dateline=kind == "html",
        record_date=record_date,
    )
    if kind == "text":  # HTML pages may repeat paragraphs on purpose (a menu for each day)
        result.text = each_paragraph_once(result.text)
    no_article = result.metadata.pop("no_article", None)
    if not result.text.strip():
        raise NoArticle(f"no article text: {no_article or 'the page holds no text block'}",
                        source=source)
    if not result.language:
        result.language = detect_language(((result.title or "") + "\n" + result.text).strip())
    if min_text_chars:
        prose = prose_chars(result.text)
        if prose < min_text_chars:
            raise NoArticle(
                f"no article text ({prose} characters of prose in {len(result.text)})",
                source=source,
            )
    return result


def _key(paragraph: str) -> str:
    return " ".join(_WORD_RE.findall(paragraph.casefold()))


def each_paragraph_once(text: str) -> str:
    """Drop a paragraph that repeats an earlier one word for word.

    Pages print a body twice, once with the dateline glued to the first paragraph and once
    without; after the dateline is taken off, the copies compare equal. Short paragraphs
    ("Read more", table rules) may recur legitimately and are left alone.
    """
    kept: list[str] = []
    seen: set[str] = set()
    for paragraph in text.split("\n\n"):
        if not paragraph.strip():
            continue
        key = _key(paragraph)
        if len(key) >= _MIN_REPEAT and key in seen:
            continue
        seen.add(key)
        kept.append(paragraph.strip())
    return "\n\n".join(kept)


def prose_chars(text: str) -> int:
    """Characters in paragraphs that read as prose: sentences, not lists of headlines.

    A paragraph counts when it holds two sentence ends, or one at its end after eight or more
    words, or one anywhere in a long paragraph (``LONG_PARAGRAPH_WORDS``); bulleted headline
    lists ("- 08.07.2025 Title") and link lists do not.
    """
    total = 0
    for paragraph in text.split("\n\n"):
        p = paragraph.strip()
        if not p or p[0] in _BULLETS:
            continue
        ends = sum(1 for m in _SENTENCE_END_RE.finditer(p) if _ends_sentence(p, m.end()))
        words = len(p.split())
        if ends >= 2 or (ends == 1 and (_SENTENCE_END_RE.search(p[-3:]) and words >= 8
                                        or words >= LONG_PARAGRAPH_WORDS)):
            total += len(p)
    return total


def _ends_sentence(text: str, end: int) -> bool:
    """A terminator ends a sentence unless a lower-case letter follows it directly (1.5, e.g)."""
    return end >= len(text) or not text[end].isalpha() or text[end].isupper()
