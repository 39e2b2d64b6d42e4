"""Portuguese: month names for dates of pages in Portuguese (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile, forms

_MONTHS = """
janeiro
fevereiro
março
abril
maio
junho
julho
agosto
setembro
outubro
novembro
dezembro
"""

PROFILE = register(LanguageProfile(code="pt", name="Portuguese", months=forms(_MONTHS)))
