"""Light keys of an article: names, numbers and dates that survive translation.

Used when no entity ids are given (and to explain matches). A name key is a capitalised word
transliterated to Latin, reduced to a spelling skeleton that Russian and German renderings of the
same name share (Мазура / Masur -> "masur", Пархомчик / Parchomtschik -> "parhomhik"), and cut to
its first letters so that case endings fall away.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from sujet.entities.translit import coarse_skeleton as skeleton
from sujet.entities.translit import simple_latin as transliterate
from sujet.lang import generation, profiles

KEY_LEN = 5  # a skeleton prefix of 5 letters drops Russian/German case endings of most names

_WORD_RE = re.compile(r"[^\W\d_][^\W_]*(?:[-'][^\W\d_]+)*", re.UNICODE)
_NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0.,]\d{3})+(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_YEAR_RE = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
_SENT_END = re.compile(r"[.!?…:]\s*$")


@lru_cache(maxsize=4)
def _common(gen: int) -> frozenset[str]:
    """Capitalised words that are not names: the stop words of every language profile (function
    words, month and weekday names, frequent title and place words)."""
    return frozenset(w for p in profiles() for w in p.stop_words)


def common_words() -> frozenset[str]:
    """The words (lower case) that never make a name key, from the registered profiles."""
    return _common(generation())


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """The cross-script key of one capitalised word ("" when too short to be telling)."""
    s = skeleton(word)
    s = "".join(ch for ch in s if ch.isalpha())
    if len(s) < 3:
        return ""
    return s[:KEY_LEN]


@dataclass(slots=True)
class LightKeys:
    """Keys of one article and the surface form each key was seen as (for explanations)."""

    names: Counter[str] = field(default_factory=Counter)
    numbers: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    surfaces: dict[str, str] = field(default_factory=dict)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or bool(_SENT_END.search(before)) or "\n" in before


def _normalise_number(raw: str) -> str:
    digits = re.sub(r"[ \u00a0]", "", raw)
    # 1.500 / 1,500 / 1 500 are thousands when three digits follow; else a decimal mark
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", digits):
        return digits.replace(".", "").replace(",", "")
    return digits.replace(",", ".")


def light_keys(title: str, text: str, *, max_chars: int = 6000) -> LightKeys:
    """Name keys (counted), numbers and years of an article's title and text."""
    body = text[:max_chars]
    names: Counter[str] = Counter()
    surfaces: dict[str, str] = {}
    common = common_words()
    for source in (title, body):
        for m in _WORD_RE.finditer(source):
            word = m.group(0)
            if not word[0].isupper() or word.lower() in common:
                continue
            # a sentence-initial word counts only when it is not a common word (checked above)
            # and is capitalised again elsewhere, or is all-caps (an acronym)
            if (_sentence_initial(source, m.start()) and not word.isupper()
                    and not re.search(rf"(?<=[\w,;] ){re.escape(word[:4])}", source)):
                continue
            key = name_key(word)
            if key:
                names[key] += 1
                # the shortest form seen is usually the base form (Мазур, not Мазура/Мазуром)
                if key not in surfaces or len(word) < len(surfaces[key]):
                    surfaces[key] = word
    numbers, years = set(), set()
    for m in _NUMBER_RE.finditer(f"{title}\n{body}"):
        n = _normalise_number(m.group(0))
        if _YEAR_RE.match(n):
            years.add(n)
        elif len(n.replace(".", "")) >= 2:
            numbers.add(n)
    return LightKeys(names=names, numbers=frozenset(numbers), years=frozenset(years),
                     surfaces=surfaces)


__all__ = ["KEY_LEN", "LightKeys", "light_keys", "name_key", "skeleton", "transliterate"]
