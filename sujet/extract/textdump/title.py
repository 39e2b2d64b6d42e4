"""Find the headline of a text dump: a headline-shaped line just before the article body."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from sujet import lang
from sujet.extract.textdump.lines import Line
from sujet.extract.textdump.score import is_flagged

_SLUG_WORD_RE = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_DATE_LIKE_RE = re.compile(r"\d{1,4}[./:-]\d{1,2}|\b(19|20)\d\d\b.*\d:\d\d")

LOOKBACK = 15  # lines before the body searched for the headline


@lru_cache(maxsize=4)
def _byline(generation: int) -> re.Pattern[str]:
    """A line that opens with a byline word of any language profile ("by", "von", "автор")."""
    alts = "|".join(lang.page_labels("byline")) or "(?!)"
    return re.compile(rf"^(?:{alts})\b", re.I)


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = unquote(urlsplit(url).path).lower()
    return set(_SLUG_WORD_RE.findall(path))


def _title_score(line: Line, distance: int, counts: dict[str, int], slug: set[str]) -> float:
    if is_flagged(line) and not line.truncated:
        return -1.0
    if line.words < 2 or line.words > 35 or len(line.text) > 300:
        return -1.0
    if _byline(lang.generation()).search(line.text) or (_DATE_LIKE_RE.search(line.text) and line.words < 8):
        return -1.0
    score = 1.0 - 0.04 * distance
    if line.text.endswith(".") and line.sentences >= 1:
        score -= 0.6  # headlines rarely end with a full stop, sentences do
    if line.sentences >= 2:
        score -= 0.5
    if 4 <= line.words <= 20:
        score += 0.3
    if line.is_paragraph:
        score += 0.2
    if counts.get(line.text.lower(), 0) > 1:
        score += 0.6  # the headline repeats (page title, breadcrumb, share text)
    if slug:
        words = {w.lower() for w in _SLUG_WORD_RE.findall(line.text)}
        if words:
            score += 1.2 * len(words & slug) / len(words)
    return score


def find_title(lines: list[Line], body_start: int, url: str | None = None) -> int | None:
    """Index of the headline line, searched just before ``body_start``, or None."""
    counts: dict[str, int] = {}
    for line in lines:
        key = line.text.lower()
        counts[key] = counts.get(key, 0) + 1
    first_body = lines[body_start].text.lower() if body_start < len(lines) else ""
    slug = _slug_words(url)
    best, best_i = 0.5, None
    for i in range(max(0, body_start - LOOKBACK), body_start):
        line = lines[i]
        s = _title_score(line, body_start - i - 1, counts, slug)
        if first_body.startswith(line.text.lower()) and len(first_body) > len(line.text):
            s += 0.6  # the headline glued to the start of the first paragraph
        if s > best:
            best, best_i = s, i
    return best_i
