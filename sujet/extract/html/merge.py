"""Reconcile the bodies of several extractors paragraph by paragraph, by shingle overlap.

The base extractor's paragraphs are kept when another extractor also found them: two extractors
built on different heuristics rarely agree on boilerplate (related links, share bars, newsletter
boxes), while they agree on the article. Overlap is measured on word 4-grams, the unit of the
article-extraction benchmark, so that small differences in whitespace or punctuation do not count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import lxml.html

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
# A paragraph counts as found by another extractor when at least this share of its 4-grams is in
# that extractor's body. Half keeps paragraphs that one extractor cut short or glued to the next.
# Dev figures (aeb F1 / trafilatura snippet F1): 0.3 gave 0.9731 / 0.9151, 0.5 0.9734 / 0.9151,
# 0.7 0.9734 / 0.9142.
SUPPORT_COVERAGE = 0.5
# An extractor whose body has fewer 4-grams than this is treated as having found nothing: it
# cannot vote (a failed voter would otherwise delete the whole base body).
MIN_VOTER_SHINGLES = 20

Shingle = tuple[str, ...]


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines of an extractor's output, whitespace collapsed."""
    out = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            out.append(line)
    return out


def text_key(text: str) -> str:
    """Word tokens joined by single spaces: equal for texts differing only in spacing/punctuation."""
    return " ".join(_TOKEN.findall(text))


def paragraph_index(tree: lxml.html.HtmlElement) -> dict[str, lxml.html.HtmlElement]:
    """The first ``<p>`` element of the page for each paragraph text (by ``text_key``): built
    once a page and shared by the steps that find an extracted paragraph in the tree."""
    index: dict[str, lxml.html.HtmlElement] = {}
    for p in tree.iter("p"):
        key = text_key(p.text_content())
        if key:
            index.setdefault(key, p)
    return index


def shingle_set(text: str) -> set[Shingle]:
    toks = _TOKEN.findall(text)
    if len(toks) < SHINGLE:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}


class Voter:
    """One extractor's body, ready for coverage queries."""

    __slots__ = ("shingles", "key")

    def __init__(self, text: str) -> None:
        self.shingles = shingle_set(text)
        self.key = f" {text_key(text)} "

    @property
    def usable(self) -> bool:
        return len(self.shingles) >= MIN_VOTER_SHINGLES

    def covers(self, paragraph: str) -> bool:
        toks = _TOKEN.findall(paragraph)
        if not toks:
            return True
        if len(toks) < SHINGLE:  # too short for 4-grams: look for the token run itself
            return f" {' '.join(toks)} " in self.key
        own = shingle_set(paragraph)
        return len(own & self.shingles) >= SUPPORT_COVERAGE * len(own)


def vote(base: Sequence[str], others: Sequence[str], *, min_support: int = 1) -> list[str]:
    """The paragraphs of ``base`` that at least ``min_support`` usable other bodies contain.

    With no usable other body, ``base`` is returned unchanged: absence of evidence is not a vote.
    """
    voters = [v for v in (Voter(t) for t in others) if v.usable]
    if not voters:
        return list(base)
    need = min(min_support, len(voters))
    return [p for p in base if sum(v.covers(p) for v in voters) >= need]


def overlap_f1(a: str, b: str) -> float:
    """Shingle-set F1 of two texts: how much two extractors agree on a page."""
    sa, sb = shingle_set(a), shingle_set(b)
    if not sa or not sb:
        return 0.0
    common = len(sa & sb)
    return 2 * common / (len(sa) + len(sb))
