"""Language profiles behind one registry: :func:`profile` gives the profile of a language code,
the default profile for a language without one.

Adding a language is adding one module here that calls :func:`register` with its
:class:`LanguageProfile` (script and marker words, months, weekdays, dateline letters,
boilerplate lines, page labels of dates and sources, role rules, region names, gazetteer column,
quote cues, NER triggers and backend, name-key stop words). Modules of this package named by a
language code are imported on first use. Word sets that serve text of unknown language (month
names, dateline letters, stop words, page labels) are the union of all registered profiles; they
are rebuilt whenever a profile is registered (:func:`generation` tells caches when). The language
of a text no caller names is guessed from the profiles alone (:func:`guess`).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import threading
from functools import lru_cache

from sujet.lang.profile import (
    LanguageProfile,
    NerTriggers,
    PageLabels,
    QuoteCues,
    RegionRules,
    RoleRules,
    words,
)

# Languages without a profile: English role rules, English gazetteer names, the rule-based tagger
# with titles of the Slavic languages of the news (pl, uk, cs, bg).
DEFAULT = LanguageProfile(
    code="xx",
    name="default",
    roles="en",
    list_conjunctions=("and", "or"),
    ner=NerTriggers(
        person_before=words(
            """
            ambasador burmistrz marszałek minister ministr pan pani paní premier prezes
            prezident prezydent pán předseda starosta wojewoda голова мер министър міністр пан
            пані посол президент президентът прем'єр-міністр премиерът
            """
        )
    ),
)

_PROFILES: dict[str, LanguageProfile] = {}
_LOCK = threading.RLock()
_loaded = False
_generation = 0


def register(prof: LanguageProfile) -> LanguageProfile:
    """Make ``prof`` the profile of its language (replacing an earlier one)."""
    global _generation
    with _LOCK:
        _PROFILES[prof.code] = prof
        _generation += 1
    return prof


def unregister(code: str) -> None:
    """Forget the profile of ``code`` (for profiles registered at run time)."""
    global _generation
    with _LOCK:
        if _PROFILES.pop(code, None) is not None:
            _generation += 1


def _load_builtins() -> None:
    global _loaded
    if _loaded:
        return
    with _LOCK:
        if _loaded:
            return
        for info in pkgutil.iter_modules(__path__):
            if len(info.name) == 2 and info.name.isalpha():
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True


def generation() -> int:
    """A number that changes whenever the set of profiles changes."""
    _load_builtins()
    return _generation


def profile(code: str | None) -> LanguageProfile:
    """The profile of ``code`` ("ru", "de-AT", ...), or :data:`DEFAULT`."""
    _load_builtins()
    return _PROFILES.get((code or "").lower()[:2], DEFAULT)


def known(code: str | None) -> bool:
    """Whether ``code`` has a profile of its own."""
    _load_builtins()
    return (code or "").lower()[:2] in _PROFILES


def profiles() -> list[LanguageProfile]:
    """Every registered profile, by code."""
    _load_builtins()
    return [_PROFILES[c] for c in sorted(_PROFILES)]


def all_months() -> dict[str, int]:
    """Month word (lower case, any registered language) -> 1-12."""
    out: dict[str, int] = {}
    for p in profiles():
        for table in (p.months, p.month_abbreviations):
            for word, month in table.items():
                out.setdefault(word, month)
    return out


def full_months() -> dict[str, int]:
    """Month names written out (no abbreviations), any registered language -> 1-12."""
    out: dict[str, int] = {}
    for p in profiles():
        for word, month in p.months.items():
            out.setdefault(word, month)
    return out


def all_weekdays() -> dict[str, int]:
    """Weekday word (lower case, any registered language) -> 1-7."""
    out: dict[str, int] = {}
    for p in profiles():
        for word, day in p.weekdays.items():
            out.setdefault(word, day)
    return out


def all_words(attr: str) -> tuple[str, ...]:
    """The union of one tuple field (``year_words``, ``range_from``, ...) over all profiles,
    longest first (for regular-expression alternations)."""
    words = {w for p in profiles() for w in getattr(p, attr)}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


# Scripts other than Latin by their letters (Unicode blocks); a text with none of them is Latin.
_SCRIPTS: dict[str, re.Pattern[str]] = {"Cyrl": re.compile(r"[\u0400-\u04FF]")}


def script_of(text: str) -> str:
    """The script of ``text``: "Cyrl" where it holds a Cyrillic letter, else "Latn"."""
    for script, letters_re in _SCRIPTS.items():
        if letters_re.search(text):
            return script
    return "Latn"


def for_script(script: str) -> LanguageProfile:
    """The profile a text of ``script`` is taken to be in when nothing else tells (the first by
    code of those marked ``script_default``), else :data:`DEFAULT`."""
    return next((p for p in profiles() if p.script == script and p.script_default), DEFAULT)


@lru_cache(maxsize=4)
def _markers(gen: int) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(script, code, whole-word pattern of its marker words) of each profile that has some."""
    out = []
    for p in profiles():
        if p.marker_words:
            alts = "|".join(map(re.escape, sorted(p.marker_words)))
            out.append((p.script, p.code, re.compile(rf"\b(?:{alts})\b")))
    return tuple(out)


def guess(text: str) -> LanguageProfile:
    """The language of ``text`` from its script (first 2,000 characters) and the marker words
    (case kept) in its first 3,000 characters: of the profiles of that script, the one whose
    markers occur most often (the first by code in a tie), else the script's default."""
    script = script_of(text[:2000])
    head = text[:3000]
    best: tuple[int, str] | None = None
    for p_script, code, pattern in _markers(generation()):
        if p_script != script:
            continue
        n = len(pattern.findall(head))
        if n and (best is None or n > best[0]):
            best = (n, code)
    return profile(best[1]) if best is not None else for_script(script)


def page_labels(attr: str) -> tuple[str, ...]:
    """One field of the profiles' :class:`PageLabels` (``date_labels``, ``published``, ...): the
    union over all profiles, by code and in each profile's order."""
    return tuple(dict.fromkeys(a for p in profiles() for a in getattr(p.page, attr)))


def letters() -> tuple[str, str]:
    """Upper- and lower-case letters beyond ASCII of all profiles."""
    ps = profiles()
    upper = "".join(sorted({ch for p in ps for ch in p.upper}))
    lower = "".join(sorted({ch for p in ps for ch in p.lower}))
    return upper, lower


__all__ = [
    "DEFAULT",
    "LanguageProfile",
    "NerTriggers",
    "PageLabels",
    "QuoteCues",
    "RegionRules",
    "RoleRules",
    "all_months",
    "all_weekdays",
    "all_words",
    "for_script",
    "full_months",
    "generation",
    "guess",
    "known",
    "letters",
    "page_labels",
    "profile",
    "profiles",
    "register",
    "script_of",
    "unregister",
]
