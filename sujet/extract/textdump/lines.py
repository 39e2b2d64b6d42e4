"""Lines of a text dump and their shape: the features the cleaner decides on."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sujet.extract.textdump.lexicon import (
    SECTION_STOP_MAX_WORDS,
    credit_re,
    furniture_re,
    relative_time_re,
    section_stop_re,
)

_WORD_RE = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_TERMINAL_RE = re.compile(r"[.!?…:;。！？」»\"'”’)\]]\s*$")
# a sentence end after a word of two or more letters (not "U.S.", not "Nr."-like initials)
_SENTENCE_END_RE = re.compile(r"(?<=[^\W\d_][^\W\d_])[.!?…](?=[\s\"'”’»)\]]|$)|[。！？]")
_TRUNCATED_RE = re.compile(r"\w\s*(?:…|\.\.\.)\s*$")
_URL_RE = re.compile(r"(https?://|www\.)\S+|\S+@\S+\.\w+", re.I)
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def normalize_line(line: str) -> str:
    """Collapse every kind of space (tabs, NBSP, thin spaces) and strip."""
    line = unicodedata.normalize("NFC", line).replace("\u00ad", "").replace("\ufeff", "")
    return _SPACES_RE.sub(" ", line).strip()


def word_count(text: str) -> int:
    """Words, counting two CJK characters as one word (those scripts have no spaces)."""
    cjk = len(_CJK_RE.findall(text))
    if not cjk:
        return len(_WORD_RE.findall(text))
    rest = _CJK_RE.sub(" ", text)
    return len(_WORD_RE.findall(rest)) + (cjk + 1) // 2


@dataclass(slots=True)
class Line:
    """One non-empty line of the dump with the features the cleaner scores."""

    index: int  # position among the non-empty lines
    text: str
    words: int
    blank_before: bool  # a blank line precedes it: a paragraph-like block, not a list item
    blank_after: bool
    terminal: bool  # ends like a sentence or a quotation
    sentences: int  # sentence ends inside the line
    truncated: bool  # a teaser cut with an ellipsis
    furniture: bool  # lexicon: menu, share, credit, cookie ... phrases
    relative_time: bool
    credit: bool
    link_like: bool  # mostly a URL or e-mail address
    numeric: bool  # numbers and punctuation only
    upper_ratio: float  # share of words that start with a capital letter
    section_stop: bool  # a header that opens comments, related stories, teaser lists
    score: float = 0.0  # content likelihood, set by the scorer
    keep: bool = False

    @property
    def is_paragraph(self) -> bool:
        return self.blank_before or self.blank_after


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their features; blank lines only mark paragraph boundaries."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    normed = [normalize_line(r) for r in raw]
    lines: list[Line] = []
    for i, s in enumerate(normed):
        if not s:
            continue
        before = i == 0 or not normed[i - 1]
        after = i + 1 >= len(normed) or not normed[i + 1]
        lines.append(_features(len(lines), s, before, after))
    return lines


def _features(index: int, s: str, before: bool, after: bool) -> Line:
    words = word_count(s)
    tokens = _WORD_RE.findall(s)
    alpha = [t for t in tokens if not t.isdigit()]
    upper = sum(1 for t in alpha if t[:1].isupper()) / len(alpha) if alpha else 0.0
    url_chars = sum(len(m.group(0)) for m in _URL_RE.finditer(s))
    short = words <= 25
    return Line(
        index=index,
        text=s,
        words=words,
        blank_before=before,
        blank_after=after,
        terminal=bool(_TERMINAL_RE.search(s)),
        sentences=len(_SENTENCE_END_RE.findall(s)),
        truncated=words <= 40 and bool(_TRUNCATED_RE.search(s)),
        furniture=short and bool(furniture_re().search(s)),
        relative_time=words <= 8 and bool(relative_time_re().search(s)),
        credit=words <= 30 and bool(credit_re().search(s)),
        link_like=url_chars >= 0.6 * len(s),
        numeric=not alpha,
        upper_ratio=upper,
        section_stop=words <= SECTION_STOP_MAX_WORDS and bool(section_stop_re().search(s)),
    )
