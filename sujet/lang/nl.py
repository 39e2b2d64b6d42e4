"""Dutch: month names for dates of pages in Dutch (no other rules yet)."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile, forms

_MONTHS = """
januari
februari
maart
april
mei
juni
juli
augustus
september
oktober
november
december
"""

PROFILE = register(LanguageProfile(code="nl", name="Dutch", months=forms(_MONTHS)))
