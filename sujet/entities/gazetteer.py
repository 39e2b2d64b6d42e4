"""Place and organisation name lists in en / de / ru, and a small alias table per language.

The lists in ``data/places.txt`` and ``data/orgs.txt`` were written for this project by hand
(countries, continents, capitals, German states, the Russian and Belarusian regions of the news;
international organisations and agencies); they are not derived from any evaluation set.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LANG_COLUMNS = {"en": 0, "de": 1, "ru": 2}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    kind: str  # "country", "continent", "city", "region", "org"
    names: dict[str, tuple[str, ...]]  # language -> variants, canonical first

    def canonical(self, lang: str) -> str:
        names = self.names.get(lang) or self.names["en"]
        return names[0]


def _read(name: str) -> list[list[str]]:
    text = resources.files("sujet.entities").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def fold(name: str) -> str:
    """Lower case, ё as е, single spaces: the key form of names."""
    return " ".join(name.lower().replace("ё", "е").split())


@lru_cache(maxsize=1)
def entries() -> tuple[GazetteerEntry, ...]:
    out: list[GazetteerEntry] = []
    for row in _read("places.txt"):
        kind, cols = row[0], row[1:]
        out.append(
            GazetteerEntry(kind, {lg: tuple(cols[i].split("|")) for lg, i in LANG_COLUMNS.items()})
        )
    for cols in _read("orgs.txt"):
        out.append(
            GazetteerEntry("org", {lg: tuple(cols[i].split("|")) for lg, i in LANG_COLUMNS.items()})
        )
    return tuple(out)


@lru_cache(maxsize=8)
def name_index(lang: str) -> dict[str, GazetteerEntry]:
    """Lower-cased name (any variant, in ``lang`` and in English) -> entry."""
    idx: dict[str, GazetteerEntry] = {}
    for e in entries():
        for lg in (lang, "en"):
            for n in e.names.get(lg, ()):
                idx.setdefault(fold(n), e)
    return idx


@lru_cache(maxsize=8)
def place_words(lang: str) -> frozenset[str]:
    """Single-word place names of ``lang`` (lower case), for features and rules."""
    return frozenset(
        fold(n) for e in entries() if e.kind != "org" for n in e.names.get(lang, ()) if " " not in n
    )


@lru_cache(maxsize=8)
def org_words(lang: str) -> frozenset[str]:
    return frozenset(fold(n) for e in entries() if e.kind == "org" for n in e.names.get(lang, ()))


# Formal state names put before a listed country name ("Republik Belarus", "Republic of
# Belarus", "Федеративная Республика Германия"); longest first.
_STATE_FORMS: tuple[str, ...] = tuple(
    sorted(
        [
            "bundesrepublik",
            "republik",
            "volksrepublik",
            "königreich",
            "fürstentum",
            "großherzogtum",
            "föderative republik",
            "islamische republik",
            "the republic of",
            "republic of",
            "federal republic of",
            "the federal republic of",
            "people's republic of",
            "islamic republic of",
            "kingdom of",
            "the kingdom of",
            "principality of",
            "grand duchy of",
            "state of",
            "республика",
            "федеративная республика",
            "народная республика",
            "исламская республика",
            "королевство",
            "княжество",
            "великое герцогство",
        ],
        key=len,
        reverse=True,
    )
)


def lookup(name: str, lang: str) -> GazetteerEntry | None:
    """The entry a (nominative) name belongs to, if listed; a country also under its formal
    state name ("Republik Belarus" -> Belarus)."""
    key = fold(name)
    found = name_index(lang).get(key)
    if found is not None:
        return found
    for form in _STATE_FORMS:
        if key.startswith(form + " "):
            rest = name_index(lang).get(key[len(form) + 1 :])
            return rest if rest is not None and rest.kind == "country" else None
    return None


def canonical_alias(name: str, lang: str) -> str:
    """The canonical form of a listed alias in the same language (РФ -> Россия), else ``name``."""
    e = lookup(name, lang)
    if e is None:
        return name
    return e.canonical(lang if lang in LANG_COLUMNS else "en")


def entity_type(name: str, lang: str) -> str | None:
    """ "LOC" or "ORG" for a listed name, else None."""
    e = lookup(name, lang)
    if e is None:
        return None
    return "ORG" if e.kind == "org" else "LOC"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names in Latin script (lower case), a person-name cue."""
    text = resources.files("sujet.entities").joinpath("data", "given_names.txt").read_text("utf-8")
    return frozenset(
        fold(w) for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )
