"""Italian: month names for dates of pages in Italian (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile, PageLabels, forms

_MONTHS = """
gennaio
febbraio
marzo
aprile
maggio
giugno
luglio
agosto
settembre
ottobre
novembre
dicembre
"""

PROFILE = register(
    LanguageProfile(
        code="it",
        name="Italian",
        months=forms(_MONTHS),
        page=PageLabels(
            date_labels=(r"pubblicato(?:\s+il)?",),
            published=("pubblicato",),
        ),
    )
)
