"""Place and organisation name lists in en / de / ru, and a small alias table per language.

The lists in ``data/places.txt`` and ``data/orgs.txt`` were written for this project by hand
(countries, continents, capitals, German states, the Russian and Belarusian regions of the news;
international organisations and agencies); they are not derived from any evaluation set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sujet.lang import generation, profile, profiles


def lang_columns() -> dict[str, int]:
    """Language -> its column of the name lists, from the profiles (English first)."""
    return _columns(generation())


@lru_cache(maxsize=4)
def _columns(generation: int) -> dict[str, int]:
    cols = {p.code: p.gazetteer_column for p in profiles() if p.gazetteer_column is not None}
    return dict(sorted(cols.items(), key=lambda kv: kv[1]))


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
    columns = lang_columns()
    for row in _read("places.txt"):
        kind, cols = row[0], row[1:]
        out.append(GazetteerEntry(kind, {lg: tuple(cols[i].split("|")) for lg, i in columns.items()}))
    for cols in _read("orgs.txt"):
        out.append(GazetteerEntry("org", {lg: tuple(cols[i].split("|")) for lg, i in columns.items()}))
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
    return e.canonical(lang)


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


# --- one key per place or organisation across languages and scripts -------------------------

# Region names by language (the profiles' ``regions``): the key of a region is its kind and the
# sound skeleton of the city it is named after, so "Томская область", "Gebiet Tomsk" and "Tomsk
# Region" share one key, apart from the city "Томск".
@lru_cache(maxsize=4)
def _compiled_regions(gen: int) -> dict[str, list[tuple[re.Pattern[str], str, str]]]:
    """Language -> its region name patterns (compiled), kinds and city roots, by code."""
    return {
        p.code: [(re.compile(pat), kind, root) for pat, kind, root in p.regions.names]
        for p in profiles()
        if p.regions.names
    }


def _regions() -> dict[str, list[tuple[re.Pattern[str], str, str]]]:
    return _compiled_regions(generation())


def region_key(name: str) -> str | None:
    """``"oblast:tomsk"`` for a region named after a city in any listed language, else None."""
    from sujet.entities.translit import skeleton

    key = fold(name)
    for rows in _regions().values():
        for pattern, kind, root in rows:
            m = pattern.match(key)
            if m:
                return f"{kind}:{skeleton(root.format(m.group(1)))}"
    return None


def region_mention(text: str, start: int, end: int, lang: str) -> tuple[int, int, str] | None:
    """A place mention that a region word before or after turns into the region:
    (start, end, normal name) of the region, or None."""
    rules = profile(lang).regions
    before, after, canonical = rules.words_before, rules.words_after, rules.canonical
    name = text[start:end]
    if canonical is None or " " in name.strip():
        return None
    if before:
        m = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
        if m and fold(m.group(1)) in before:
            return start - len(m.group(0)), end, canonical.format(name)
    if after:
        m = re.match(r"\s+(\w+)", text[end : end + 20])
        if m and fold(m.group(1)) in after:
            return start, end + len(m.group(0)), canonical.format(name)
    return None


def region_normal(name: str, lang: str) -> str | None:
    """The region's name in the language's usual form ("Gebietes Tomsk" -> "Gebiet Tomsk")
    when ``name`` is a region named after a city, else None."""
    form = profile(lang).regions.canonical
    if form is None:
        return None
    for pattern, _kind, _root in _regions().get(profile(lang).code, []):
        m = pattern.match(fold(name))
        if m:
            word = next(w for w in name.split() if fold(w) == m.group(1))
            return form.format(word)
    return None


@lru_cache(maxsize=1)
def _any_language_index() -> dict[str, int]:
    """Folded name in any language -> index of its entry (the first entry wins a clash)."""
    idx: dict[str, int] = {}
    for k, e in enumerate(entries()):
        for names in e.names.values():
            for n in names:
                idx.setdefault(fold(n), k)
    return idx


def place_key(name: str) -> str | None:
    """One key per place or organisation whatever the language or script of its name: a
    region's kind and city, else the gazetteer entry (under a formal state name too)."""
    reg = region_key(name)
    if reg is not None:
        return f"reg:{reg}"
    k = _any_language_index().get(fold(name))
    if k is None:
        for lang in lang_columns():
            e = lookup(name, lang)
            if e is not None:
                return f"gaz:{entries().index(e)}"
        return None
    return f"gaz:{k}"


def listed_kind_any(name: str) -> str | None:
    """The gazetteer kind ("country", "continent", "city", "region", "org") of a name listed in
    any language, under a formal state name too; "region" for a region name; else None."""
    if region_key(name) is not None:
        return "region"
    k = _any_language_index().get(fold(name))
    if k is not None:
        return entries()[k].kind
    for lang in lang_columns():
        e = lookup(name, lang)
        if e is not None:
            return e.kind
    return None


def listed_type_any(name: str) -> str | None:
    """ "LOC" or "ORG" for a name listed in any language, or a region name; else None."""
    if region_key(name) is not None:
        return "LOC"
    k = _any_language_index().get(fold(name))
    if k is None:
        return None
    return "ORG" if entries()[k].kind == "org" else "LOC"


@lru_cache(maxsize=1)
def _generic() -> dict[str, frozenset[str]]:
    text = (
        resources.files("sujet.entities").joinpath("data", "generic_names.txt").read_text("utf-8")
    )
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        key, words = line.split(":", 1)
        out[key.strip()] = frozenset(fold(w) for w in words.split())
    return out


def generic_prefix(name: str, lang: str) -> int:
    """Length of a leading common noun that is not part of the name ("Messe " in "Messe
    INNOPROM"), or 0."""
    words = name.split()
    if len(words) >= 2 and fold(words[0]) in _generic().get(f"{lang}_prefixes", frozenset()):
        return name.index(words[1], len(words[0]))
    return 0


def place_adjective(name: str, lang: str) -> str | None:
    """The place a place adjective names (German "Minsker" -> "Minsk"), when it is listed."""
    suffix = profile(lang).place_adjective_suffix
    if not suffix or " " in name or not fold(name).endswith(suffix) or len(name) < 6:
        return None
    base = name[: -len(suffix)]
    return base if place_key(base) is not None else None


def is_generic(name: str, lang: str) -> bool:
    """True for a one-word common noun that is never a place or organisation by itself:
    "Республика", "Правительство", "Government", or a German compound of a common-noun head
    such as "Umweltschutz" (listed names and acronyms excepted)."""
    words = name.split()
    if len(words) != 1 or name.isupper() or lookup(name, lang) is not None:
        return False
    key = fold(name)
    table = _generic()
    if key in table.get(lang, frozenset()) or key in table.get("any", frozenset()):
        return True
    endings = table.get(f"{lang}_endings", frozenset())
    return any(key.endswith(e) and len(key) > len(e) + 2 for e in endings)
