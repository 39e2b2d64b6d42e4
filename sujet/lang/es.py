"""Spanish: month names for dates of pages in Spanish (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile, PageLabels, forms, words

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
        page=PageLabels(
            date_labels=(r"publicado(?:\s+el)?",),
            published=("publicado",),
            date_cues=("por",),
            updated=("actualizado",),
        ),
        stop_words=words("el la los las un una y o de del en con por para que se lo"),
    )
)
