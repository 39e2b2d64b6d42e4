"""French: month names for dates of pages in French (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile, PageLabels, forms, words

_MONTHS = """
janvier
février fevrier
mars
avril
mai
juin
juillet
août aout
septembre
octobre
novembre
décembre decembre
"""

PROFILE = register(
    LanguageProfile(
        code="fr",
        name="French",
        months=forms(_MONTHS),
        page=PageLabels(
            date_labels=(r"publié(?:\s+le)?", r"date\s+de\s+publication"),
            published=("publié",),
            date_cues=("par", "le"),
            updated=("mis à jour",),
        ),
        stop_words=words("le les du des et ou un une à"),
    )
)
