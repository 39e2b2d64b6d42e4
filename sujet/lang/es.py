"""Spanish: month names for dates of pages in Spanish (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile, forms, words

_MONTHS = """
enero
febrero
marzo
abril
mayo
junio
julio
agosto
septiembre
octubre
noviembre
diciembre
"""

PROFILE = register(
    LanguageProfile(
        code="es",
        name="Spanish",
        months=forms(_MONTHS),
        stop_words=words("el la los las un una y o de del en con por para que se lo"),
    )
)
