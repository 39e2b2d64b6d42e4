"""Macedonian: how its Cyrillic letters are romanised (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile

PROFILE = register(
    LanguageProfile(
        code="mk",
        name="Macedonian",
        script="Cyrl",
        romanisation={"ѓ": "gj", "ќ": "kj", "ѕ": "dz", "ј": "j", "љ": "lj", "њ": "nj", "џ": "dz"},
    )
)
