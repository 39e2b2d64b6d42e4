"""Serbian: how its Cyrillic letters are romanised (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile

PROFILE = register(
    LanguageProfile(
        code="sr",
        name="Serbian",
        script="Cyrl",
        romanisation={"ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz"},
    )
)
