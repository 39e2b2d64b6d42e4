"""Tokens for the position rules: from the tagger where one runs (natasha: lemmas and
morphology), else simple tokens tagged by capitalisation and the closed word lists of the role
rules (:class:`sujet.lang.RoleRules`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sujet.entities.gazetteer import fold
from sujet.entities.position_words import PToken, head_nominative, heads, rules, shared_words
from sujet.entities.tokenize import tokenize
from sujet.lang import generation, profiles


@lru_cache(maxsize=4)
def _articles(generation: int) -> frozenset[str]:
    return frozenset().union(*(p.role_rules.articles for p in profiles()))


def _simple_lemma(word: str, lang: str) -> str:
    low = fold(word)
    r = rules(lang)
    if r.inflected_heads:
        return fold(head_nominative(word, lang))
    if r.plural_s and low.endswith("s") and low[:-1] in heads(lang):
        return low[:-1]
    return low


def simple_tokens(text: str, lang: str) -> list[PToken]:
    """Tokens of ``text`` for the role rules named ``lang``, without a tagger."""
    out: list[PToken] = []
    r = rules(lang)
    articles = _articles(generation())
    for tok in tokenize(text):
        low = fold(tok.text)
        if not any(c.isalnum() for c in tok.text):
            pos = "PUNCT"
        elif low in articles:
            pos = "DET"
        elif low in r.adpositions:
            pos = "CCONJ" if low in r.conjunctions else "ADP"
        elif tok.text[:1].isupper():
            pos = "PROPN"
        elif tok.text.isdigit():
            pos = "NUM"
        else:
            pos = "X"
        out.append(PToken(tok.text, tok.start, tok.end, _simple_lemma(tok.text, lang), pos))
    return out


def ru_tokens(natasha_tokens: Sequence[Any], lang: str = "ru") -> list[PToken]:
    """Tokens from natasha's tagger, lemmatised where they may be a word of a title."""
    from sujet.entities.natasha_models import natasha_models

    vocab = natasha_models().vocab
    stems = _stems(lang, generation())
    out = []
    for t in natasha_tokens:
        word = t.text.lower()
        # Lemmatising is the costly part: only words that may be a head, modifier or linking
        # verb (same first three letters as one) are looked up; the rest keep their own form.
        if fold(word)[:3] in stems:
            lemma = tagger_lemma(vocab, word, t.pos, tuple(sorted((t.feats or {}).items())))
        else:
            lemma = fold(word)
        out.append(PToken(t.text, t.start, t.stop, lemma, t.pos or "X", t))
    return out


@lru_cache(maxsize=8)
def _stems(lang: str, generation: int) -> frozenset[str]:
    shared = shared_words()
    words = heads(lang) | rules(lang).modifiers | shared.link_verbs | shared.link_fillers
    return frozenset(fold(w)[:3] for w in words) | frozenset(
        fold(p)[:3] for w in heads(lang) if "-" in w for p in w.split("-")
    )


_LEMMA_CACHE: dict[tuple[str, str], str] = {}


def tagger_lemma(vocab: Any, word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    key = (word, pos)
    hit = _LEMMA_CACHE.get(key)
    if hit is not None:
        return hit
    try:
        lemma = str(vocab.lemmatize(word, pos, dict(feats))).replace("ё", "е")
    except Exception:  # noqa: BLE001 - unknown tags: fall back to the word
        lemma = word
    if len(_LEMMA_CACHE) < 200_000:
        _LEMMA_CACHE[key] = lemma
    return lemma
