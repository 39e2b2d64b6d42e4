"""Language identification with lingua (models inside the wheel), loaded once per process."""

from __future__ import annotations

import threading

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# Languages Sujet monitors; restricting the set makes lingua faster and more accurate.
MONITORED = [
    Language.RUSSIAN, Language.GERMAN, Language.ENGLISH, Language.UKRAINIAN,
    Language.BELARUSIAN, Language.POLISH, Language.FRENCH, Language.SPANISH,
    Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.CZECH,
    Language.BULGARIAN, Language.SERBIAN, Language.TURKISH, Language.CHINESE,
    Language.ARABIC, Language.KAZAKH, Language.SLOVENE, Language.CROATIAN,
]

_lock = threading.Lock()
_detector: LanguageDetector | None = None


def _get() -> LanguageDetector:
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                _detector = LanguageDetectorBuilder.from_languages(*MONITORED).build()
    return _detector


def detect_language(text: str, *, max_chars: int = 600) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short to tell."""
    sample = (text or "").strip()[:max_chars]
    if len(sample) < 3:
        return None
    lang = _get().detect_language_of(sample)
    if lang is None:
        return None
    code: IsoCode639_1 = lang.iso_code_639_1
    return code.name.lower()
