"""Snippets of a hit's text around its best cluster of matches, matches wrapped in « and ».

Both backends build snippets here, so a word matched through its stem ("Мазуром" for "Мазур") is
marked the same way on SQLite and PostgreSQL. Guillemets already in the text (Russian quotes)
become “ ” so that « and » only ever mark matches.
"""

from __future__ import annotations

from itertools import islice

from sujet.store.search_terms import SearchTerms
from sujet.store.stemming import WORD_RE, algorithm_for, clean_word, fold, stem

SNIPPET_WORDS = 32
_QUOTES = str.maketrans({"«": "“", "»": "”"})


class Matcher:
    """Tells which words of a text match the search terms; one per search, shared by the
    snippets of all its hits, so each distinct word form is cleaned and stemmed once."""

    __slots__ = ("_folded", "_stems", "_seen")

    def __init__(self, terms: SearchTerms) -> None:
        self._folded = terms.folded_words()
        self._stems = terms.all_stems()
        self._seen: dict[tuple[str, str | None], bool] = {}

    def __call__(self, token: str, language: str | None) -> bool:
        key = (token, language)
        hit = self._seen.get(key)
        if hit is None:
            word = clean_word(token)
            hit = fold(word) in self._folded or (
                stem(word, algorithm_for(word, language)) in self._stems)
            self._seen[key] = hit
        return hit


def make_snippet(text: str, language: str | None, terms: SearchTerms,
                 width: int = SNIPPET_WORDS, matcher: Matcher | None = None) -> str:
    """About ``width`` words of ``text`` around the densest run of matches (``matcher``: the
    search's shared one, made from ``terms`` when not given)."""
    tokens = WORD_RE.findall(text)
    if not tokens:
        return " ".join(text.translate(_QUOTES).split())[:300]
    is_match = matcher or Matcher(terms)
    # Each distinct form is tested once; then the matches are only positions.
    matching = {t for t in set(tokens) if is_match(t, language)}
    positions = [i for i, t in enumerate(tokens) if t in matching]
    first = _window_start(positions, len(tokens), width)
    last = min(len(tokens), first + width) - 1
    spans = list(islice(WORD_RE.finditer(text), first, last + 1))
    pieces: list[str] = []
    pos = spans[0].start()
    for m in spans:
        if m.group() in matching:
            start, end = m.span()
            pieces.append(text[pos:start].translate(_QUOTES))
            pieces.append("«" + text[start:end].translate(_QUOTES) + "»")
            pos = end
    # Through the end of the text when the window reaches it (closing punctuation included).
    end = len(text) if last == len(tokens) - 1 else spans[-1].end()
    pieces.append(text[pos:end].translate(_QUOTES))
    body = " ".join("".join(pieces).split())
    prefix = "… " if first > 0 else ""
    suffix = " …" if last < len(tokens) - 1 else ""
    return prefix + body + suffix


def _window_start(positions: list[int], n_words: int, width: int) -> int:
    """First word of the snippet: a few words before the earliest match that opens a window of
    ``width`` words holding the most matches (the window is kept full when the text ends
    before it would). ``positions``: the indexes of the matching words, ascending."""
    if not positions:
        return 0
    best, first_hit = 0, positions[0]
    end = 0
    for k, start in enumerate(positions):  # windows opening at a match hold the best ones
        end = max(end, k)
        while end < len(positions) and positions[end] < start + width:
            end += 1
        if end - k > best:
            best, first_hit = end - k, start
    # Start a few words before the window's first match, so that it reads in context.
    return max(0, min(first_hit - 4, n_words - width))
