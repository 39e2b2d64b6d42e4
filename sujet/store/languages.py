"""Which stemmer and which PostgreSQL text-search configuration serve each language.

Adding a language is adding a line here: the Snowball algorithm name (``snowballstemmer``) and,
when PostgreSQL ships one, its text-search configuration (else ``simple``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextLanguage:
    iso: str  # ISO 639-1
    snowball: str | None  # snowballstemmer algorithm, None when there is none
    pg_config: str  # PostgreSQL text-search configuration
    cyrillic: bool = False  # written in Cyrillic script


LANGUAGES: dict[str, TextLanguage] = {
    lang.iso: lang
    for lang in (
        TextLanguage("ru", "russian", "russian", cyrillic=True),
        TextLanguage("uk", None, "simple", cyrillic=True),
        TextLanguage("be", None, "simple", cyrillic=True),
        TextLanguage("bg", None, "simple", cyrillic=True),
        TextLanguage("sr", "serbian", "serbian", cyrillic=True),
        TextLanguage("de", "german", "german"),
        TextLanguage("en", "english", "english"),
        TextLanguage("fr", "french", "french"),
        TextLanguage("es", "spanish", "spanish"),
        TextLanguage("it", "italian", "italian"),
        TextLanguage("pt", "portuguese", "portuguese"),
        TextLanguage("nl", "dutch", "dutch"),
        TextLanguage("pl", "polish", "simple"),
        TextLanguage("cs", "czech", "simple"),
        TextLanguage("da", "danish", "danish"),
        TextLanguage("sv", "swedish", "swedish"),
        TextLanguage("no", "norwegian", "norwegian"),
        TextLanguage("fi", "finnish", "finnish"),
        TextLanguage("hu", "hungarian", "hungarian"),
        TextLanguage("ro", "romanian", "romanian"),
        TextLanguage("tr", "turkish", "turkish"),
        TextLanguage("lt", "lithuanian", "lithuanian"),
        TextLanguage("el", "greek", "greek"),
    )
}

# Stemmers applied to words whose article language is unknown or has no stemmer, by script.
CYRILLIC_FALLBACK = "ru"
LATIN_FALLBACK = "en"


def text_language(iso: str | None) -> TextLanguage | None:
    """The entry for an ISO code ("ru", "de-AT" -> "de"), or None when unknown."""
    if not iso:
        return None
    return LANGUAGES.get(iso.lower().split("-")[0].split("_")[0])


def pg_config(iso: str | None) -> str:
    """PostgreSQL text-search configuration for an ISO code (``simple`` when none fits)."""
    lang = text_language(iso)
    return lang.pg_config if lang else "simple"
