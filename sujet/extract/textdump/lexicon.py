"""Small lexicons of page furniture, a secondary signal of the cleaner.

The cleaner decides mostly from the shape of the text (line length, punctuation, runs of short
lines, position); these patterns only tip the balance for short and medium lines. Each pattern is
matched case-insensitively against a whole line with collapsed whitespace.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sujet.lang import generation, profiles


# Phrases that make up a whole furniture line, or start one ("Share on Facebook", "Foto: dpa"):
# the ``furniture`` of every language profile (a dump's language is often unknown).
def furniture_re() -> re.Pattern[str]:
    return _furniture_re(generation())


@lru_cache(maxsize=4)
def _furniture_re(generation: int) -> re.Pattern[str]:
    alternatives = "|".join(p for prof in profiles() for p in prof.furniture)
    return re.compile(r"^\W{0,3}(?:" + alternatives + ")", re.I)


# Relative-time markers of teaser lists ("3 часа ago", "vor 2 Stunden", "5 hours ago"): the
# ``relative_time`` of every language profile.
def relative_time_re() -> re.Pattern[str]:
    return _relative_time_re(generation())


@lru_cache(maxsize=4)
def _relative_time_re(generation: int) -> re.Pattern[str]:
    return re.compile("(" + "|".join(p for prof in profiles() for p in prof.relative_time) + ")", re.I)


# Photo and rights credits that may be long enough to pass for a sentence: marks and agencies,
# and the ``credits`` words of every language profile.
_CREDIT_MARKS = (
    r"©|\(c\)\s|getty images|\bdpa-infocom\b|shutterstock|\breuters/|\bap photo\b"
)


def credit_re() -> re.Pattern[str]:
    return _credit_re(generation())


@lru_cache(maxsize=4)
def _credit_re(generation: int) -> re.Pattern[str]:
    words = "|".join(p for prof in profiles() for p in prof.credits)
    return re.compile(f"({_CREDIT_MARKS}|{words})", re.I)


# Headers that open the section after an article: comments, related stories, teaser lists (the
# ``section_stops`` of every language profile). Inside the selected region the body stops at
# such a line.
def section_stop_re() -> re.Pattern[str]:
    return _section_stop_re(generation())


@lru_cache(maxsize=4)
def _section_stop_re(generation: int) -> re.Pattern[str]:
    alternatives = "|".join(p for prof in profiles() for p in prof.section_stops)
    return re.compile(r"^\W{0,3}(?:" + alternatives + r")", re.I)


SECTION_STOP_MAX_WORDS = 10  # a section header is short; a sentence starting alike is text
