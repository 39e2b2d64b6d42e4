"""A user's search string and extra terms, reduced to words and stems both backends can match.

Only word characters survive, so no query string can inject full-text syntax. A hit must contain
every word of the query, or every word of one extra term (a normal form, a name variant).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sujet.store.stemming import fold, query_stems, words

MAX_QUERY_WORDS = 32
MAX_EXTRA_TERMS = 64
MAX_TERM_WORDS = 12


@dataclass(frozen=True, slots=True)
class WordTerm:
    """One word of a query: it matches its own form or any of its stems."""

    word: str  # cleaned, lower-cased
    stems: frozenset[str]  # folded stems under each candidate language


@dataclass(slots=True)
class SearchTerms:
    """Alternatives ORed together; the words inside one alternative are ANDed."""

    alternatives: list[list[WordTerm]] = field(default_factory=list)
    # Alternatives whose every match another alternative already finds ("Владимир Мазур" beside
    # "Мазур"): left out of the query, whose cost grows with its size, but still highlighted.
    implied: list[list[WordTerm]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.alternatives)

    def _all(self) -> list[list[WordTerm]]:
        return self.alternatives + self.implied

    def folded_words(self) -> set[str]:
        return {fold(t.word) for alt in self._all() for t in alt}

    def all_stems(self) -> set[str]:
        return {s for alt in self._all() for t in alt for s in t.stems}


def build_terms(
    text: str, extra_terms: Iterable[str], languages: Iterable[str | None]
) -> SearchTerms:
    """Words and stems of the query and of each distinct extra term."""
    langs = list(languages)
    seen: set[tuple[str, ...]] = set()
    terms = SearchTerms()
    phrases = [(text, MAX_QUERY_WORDS)]
    phrases.extend((extra, MAX_TERM_WORDS) for extra in list(extra_terms)[:MAX_EXTRA_TERMS])
    built: list[list[WordTerm]] = []
    for phrase, max_words in phrases:
        found = list(dict.fromkeys(words(phrase or "")))[:max_words]
        key = tuple(sorted(fold(w) for w in found))
        if not found or key in seen:
            continue
        seen.add(key)
        built.append([WordTerm(w, frozenset(query_stems(w, langs))) for w in found])
    # An alternative that holds all the words of another matches nothing more: keep the smaller.
    kept: list[frozenset[WordTerm]] = []
    for alternative in sorted(built, key=len):
        words_of = frozenset(alternative)
        if any(other <= words_of for other in kept):
            terms.implied.append(alternative)
        else:
            kept.append(words_of)
    keep = set(kept)
    terms.alternatives = [alt for alt in built if frozenset(alt) in keep]
    return terms
