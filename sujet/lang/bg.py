"""Bulgarian: how its Cyrillic letters are romanised (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile

PROFILE = register(
    LanguageProfile(
        code="bg",
        name="Bulgarian",
        script="Cyrl",
        romanisation={"щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya", "й": "y"},
    )
)
