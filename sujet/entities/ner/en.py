"""English NER: the capitalised-sequence tagger with English trigger words and gazetteers.

No English gold data is available to the project, so English is rule-based and covered by unit
tests only; in English capitalisation alone marks names far better than in German.
"""

from __future__ import annotations

from sujet.entities.ner import Recognizer, register
from sujet.entities.ner.fallback import FallbackRecognizer


@register("en")
def _make() -> Recognizer:
    return FallbackRecognizer("en")
