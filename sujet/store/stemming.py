"""Words, folded forms and Snowball stems for full-text search across inflection.

SQLite FTS5 has no Russian or German stemmer, so each article also stores the stems of its title
and text (``articles.search_stems``); a query word matches its own form in the text or any of its
stems in that column, so "Мазур" finds "Мазура" and "Zusammenarbeit" finds "Zusammenarbeiten".
PostgreSQL indexes the same column beside its own language configurations.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import snowballstemmer

from sujet.store.languages import CYRILLIC_FALLBACK, LANGUAGES, LATIN_FALLBACK, text_language

# Word characters plus the marks that may sit inside a word (stress accents, soft hyphen).
WORD_RE = re.compile(r"\w[\w\u0300\u0301\u00ad]*")
_INWORD_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u00ad"))
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")

_local = threading.local()  # Snowball stemmers keep state while stemming: one set per thread


def clean_word(token: str) -> str:
    """A token without stress marks and soft hyphens, lower-cased."""
    return token.translate(_INWORD_MARKS).lower()


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Case- and diacritic-folded form, as FTS5 ``unicode61 remove_diacritics 2`` compares."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The cleaned words of a text, in order."""
    return [clean_word(m.group()) for m in WORD_RE.finditer(text)]


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, cleaned word) for every word of a text."""
    for m in WORD_RE.finditer(text):
        yield m.start(), m.end(), clean_word(m.group())


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC_RE.search(word))


def _stemmer(algorithm: str) -> snowballstemmer.stemmer:
    cache: dict[str, snowballstemmer.stemmer] | None = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if algorithm not in cache:
        cache[algorithm] = snowballstemmer.stemmer(algorithm)
    return cache[algorithm]


@lru_cache(maxsize=200_000)
def stem(word: str, algorithm: str) -> str:
    """Folded Snowball stem of a cleaned word; numbers are kept as they are."""
    if word.isdigit():
        return word
    return fold(_stemmer(algorithm).stemWord(word))


def algorithm_for(word: str, language: str | None) -> str:
    """The stemmer for one word of an article: its language's, else the script's fallback."""
    lang = text_language(language)
    cyrillic = is_cyrillic(word)
    if lang is not None and lang.snowball and lang.cyrillic == cyrillic:
        return lang.snowball
    fallback = LANGUAGES[CYRILLIC_FALLBACK if cyrillic else LATIN_FALLBACK]
    assert fallback.snowball is not None
    return fallback.snowball


def index_stems(title: str | None, text: str, language: str | None) -> str:
    """The stems of an article's title and text, space separated, for the stem column."""
    parts = [stem(w, algorithm_for(w, language)) for w in words(title or "")]
    parts.extend(stem(w, algorithm_for(w, language)) for w in words(text))
    return " ".join(parts)


def query_stems(word: str, languages: Iterable[str | None]) -> set[str]:
    """Every stem a query word may have been indexed under, given the stored languages.

    The query's language is unknown, so the word is stemmed as each stored language of its
    script would have stemmed it (plus the script's fallback used for unknown languages). The
    word's normal forms are stemmed too, so an inflected query meets every form of its
    dictionary word: Snowball cuts "соколова" to "соколов" but "соколов" to "сокол", and the
    normal form "соколов" of "Соколова" and "Соколову" brings them together.
    """
    algorithms = {algorithm_for(word, None)}
    algorithms.update(algorithm_for(word, lang) for lang in languages)
    forms = {word, *normal_forms(word)}
    return {stem(form, algorithm) for form in forms for algorithm in algorithms}


# Normal forms by script: Cyrillic words by the Russian morphological dictionary (pymorphy);
# other scripts have no dictionary here and rely on their Snowball stems.
MAX_NORMAL_FORMS = 4


@lru_cache(maxsize=50_000)
def normal_forms(word: str) -> tuple[str, ...]:
    """Dictionary forms of a query word (its likeliest parses first); none outside Cyrillic."""
    if not is_cyrillic(word) or word.isdigit():
        return ()
    forms: list[str] = []
    for parse in _morph().parse(word):
        form = str(parse.normal_form).replace("ё", "е")
        if form not in forms:
            forms.append(form)
        if len(forms) >= MAX_NORMAL_FORMS:
            break
    return tuple(forms)


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
