"""Belarusian: how its Cyrillic letters are romanised (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile

PROFILE = register(
    LanguageProfile(
        code="be",
        name="Belarusian",
        script="Cyrl",
        romanisation={"г": "h", "і": "i", "ў": "u", "'": ""},
    )
)
