"""Italian: month names for dates of pages in Italian (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile, forms

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

PROFILE = register(LanguageProfile(code="it", name="Italian", months=forms(_MONTHS)))
