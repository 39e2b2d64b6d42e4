"""Short texts for pages: an article's headline when it has no title, a card's lead sentence."""

from __future__ import annotations

import re

from sujet.api.schemas import ArticleSummaryPublic
from sujet.extract.metadata import find_dateline
from sujet.model import Article

HEADLINE_CHARS = 90
LEAD_CHARS = 240
# A sentence ends at . ! ? … (or their full-width forms) followed by a space or the end.
_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"»”’)]?\s+")


def first_sentence(text: str, max_chars: int) -> str:
    """The first sentence of ``text`` (its first paragraph, after a dateline such as "MINSK,
    17. Juni (BelTA) -"), cut at a word within ``max_chars`` with an ellipsis."""
    paragraph = next((p.strip() for p in text.strip().splitlines() if p.strip()), "")
    dateline = find_dateline(paragraph)
    if dateline is not None and dateline.span[1] < len(paragraph):
        paragraph = paragraph[dateline.span[1]:].strip()
    sentence = _SENTENCE_END.split(paragraph, maxsplit=1)[0].strip()
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence[:max_chars].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def headline(article: Article | ArticleSummaryPublic) -> str:
    """The title, or for a page without one its lead sentence, shortened (a summary without
    its text falls back to "Untitled article")."""
    if article.title and article.title.strip():
        return article.title.strip()
    text = article.text if isinstance(article, Article) else ""
    return first_sentence(text, HEADLINE_CHARS) or "Untitled article"


def lead(text: str) -> str:
    return first_sentence(text, LEAD_CHARS)
