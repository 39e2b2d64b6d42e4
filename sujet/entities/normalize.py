"""Normal forms of mentions: nominative, titles and genitive endings stripped, aliases resolved.

Russian uses natasha's morphology: a person's name is inflected word by word to the nominative
(Владимира Мазура -> Владимир Мазур); an organisation or place inflects its leading adjectives
and head noun only (Томской области -> Томская область, министерства природных ресурсов ->
министерство природных ресурсов), quoted names never. Names the dictionary does not know are
repaired by surname-ending rules keyed by the gender of the given name. German and other
languages strip leading titles and a genitive "-s" that the document also writes without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from sujet.entities.gazetteer import canonical_alias, fold, lookup
from sujet.lang import DEFAULT, profile, profiles

_INFLECTABLE = ("NOUN", "PROPN", "ADJ")
_ACRONYM_INFLECTED = re.compile(r"^([A-ZА-ЯЁ]{2,})-?([а-яё]{1,3})$")


def _recover(words: list[str], tokens: Sequence[Any]) -> str:
    from natasha.norm import recover_shapes, recover_spaces

    return str(recover_spaces(list(recover_shapes(words, tokens)), tokens))


def ru_normal(vocab: Any, tokens: Sequence[Any], typ: str) -> str:
    """Nominative of a Russian span from natasha tokens carrying ``pos`` and ``feats``."""
    from natasha.norm import inflect_word

    if not tokens:
        return ""
    if typ != "PER" and len(tokens) == 1:
        word = tokens[0].text
        acr = _ACRONYM_INFLECTED.match(word)
        if acr:  # "ТУСУРа" -> "ТУСУР"
            return acr.group(1)
        if word.isupper() and len(word) > 1:
            return word
        forms = vocab(word.lower())
        if forms:  # a single place or organisation word: its dictionary form ("Беларусью")
            return _recover([str(forms[0].normal)], tokens)
    if typ == "PER":
        words = [inflect_word(vocab, t) for t in tokens]
        return fix_ru_person(_recover(words, tokens))
    words = []
    inflecting = True
    for t in tokens:
        if inflecting and t.text in '«"„“':
            inflecting = False
        if inflecting and t.pos in _INFLECTABLE:
            words.append(inflect_word(vocab, t))
            if t.pos in ("NOUN", "PROPN"):
                inflecting = False  # the head noun is done; its dependents keep their case
        else:
            words.append(t.text)
            if t.pos not in ("ADJ", "PUNCT"):
                inflecting = False
    return _recover(words, tokens)


# Surname endings of oblique cases -> nominative, by the gender of the given name.
_FEMALE_SURNAME = (
    ("овой", "ова"),
    ("евой", "ева"),
    ("иной", "ина"),
    ("ыной", "ына"),
    ("ской", "ская"),
    ("цкой", "цкая"),
    ("ову", "ова"),
    ("еву", "ева"),
    ("ину", "ина"),
    ("скую", "ская"),
    ("цкую", "цкая"),
)
_MALE_SURNAME = (
    ("ского", "ский"),
    ("скому", "ский"),
    ("ским", "ский"),
    ("цкого", "цкий"),
    ("ова", "ов"),
    ("ову", "ов"),
    ("овым", "ов"),
    ("ове", "ов"),
    ("ева", "ев"),
    ("еву", "ев"),
    ("евым", "ев"),
    ("ина", "ин"),
    ("ину", "ин"),
    ("иным", "ин"),
)
_MALE_IN_A = frozenset({"никита", "илья", "кузьма", "фома", "лука", "савва", "данила", "фоко"})


def fix_ru_person(name: str) -> str:
    """Repair a surname left in an oblique case when the given name shows the gender."""
    parts = name.split()
    if len(parts) < 2:
        return name
    given, surname = fold(parts[0]), parts[-1]
    female = given.endswith(("а", "я")) and given not in _MALE_IN_A
    table = _FEMALE_SURNAME if female else _MALE_SURNAME
    low = surname.lower()
    for old, new in table:
        if low.endswith(old) and len(low) > len(old) + 2:
            parts[-1] = surname[: len(surname) - len(old)] + new
            break
    return " ".join(parts)


_TITLE_WORDS = frozenset().union(*(p.ner.person_before for p in (*profiles(), DEFAULT))) | frozenset(
    ["des", "der", "die", "dem", "den", "the", "von", "vom", "herr", "herrn", "frau"]
)


def strip_titles(name: str) -> str:
    """Drop leading titles and articles: "des Gouverneurs Wladimir Masur" -> "Wladimir Masur"."""
    parts = name.split()
    while len(parts) > 1 and fold(parts[0]).rstrip(".") in _TITLE_WORDS | {
        "gouverneurs",
        "ministers",
    }:
        parts = parts[1:]
    return " ".join(parts)


def vote_genitive(normals: list[str], types: list[str]) -> list[str]:
    """German/Latin genitive: "Merkels" -> "Merkel" when the document also has "Merkel"."""
    seen = {fold(n) for n in normals}
    out = []
    for n, t in zip(normals, types, strict=True):
        if t in ("PER", "LOC", "ORG") and n.endswith("s") and fold(n[:-1]) in seen:
            n = n[:-1]
        out.append(n)
    return out


def apply_alias(name: str, typ: str, lang: str) -> str:
    """Listed aliases to their canonical form (РФ -> Россия, EU -> Europäische Union); in
    languages with a genitive "-s" also a listed name in the genitive (German: Russlands ->
    Russland)."""
    if typ not in ("LOC", "ORG"):
        return name
    genitive = profile(lang).genitive_s and name.endswith("s") and len(name) > 4
    if genitive and lookup(name, lang) is None and lookup(name[:-1], lang) is not None:
        name = name[:-1]
    return canonical_alias(name, lang)


_ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]{1,9}$")
_STOP_INITIALS = frozenset(
    ["и", "на", "в", "по", "для", "of", "and", "for", "the", "und", "für", "der", "des"]
)


def is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name))


def acronym_of(acr: str, long: str) -> bool:
    """True when ``acr`` abbreviates ``long``: its letters are a subsequence of the long name's
    word-initial letters and word-internal capitals, starting with the first word
    (ТУСУР / Томский государственный университет систем управления и радиоэлектроники)."""
    words = [w for w in re.findall(r"[\w]+", long) if w]
    if len(words) < 2 or not acr or fold(words[0])[:1] != fold(acr)[:1]:
        return False
    letters = "".join(fold(w)[0] for w in words if fold(w) not in _STOP_INITIALS)
    letters_all = "".join(fold(w)[0] for w in words)
    target = fold(acr)
    return _subseq(target, letters) or _subseq(target, letters_all)


def _subseq(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short) and len(short) >= 2


_PARENS = re.compile(r"\(\s*([^()\n]{2,120}?)\s*\)")
_BREAKS = re.compile(r"[()\n]")


def _parenthesised(text: str) -> Iterator[tuple[str, str]]:
    """(what precedes, what is inside) of each short parenthesis: the up to 120 characters
    before it on its line and outside other parentheses, both stripped."""
    done = 0
    for m in _PARENS.finditer(text):
        before = text[max(done, m.start() - 120) : m.start()]
        cut = max((b.end() for b in _BREAKS.finditer(before)), default=0)
        before = before[cut:]
        done = m.end()
        if len(before) >= 3:
            yield before.strip(), m.group(1).strip()


_NAME_LINKS = frozenset(["and", "und", "of", "for", "für", "и", "der", "des"])


def _ends_with_name(left: str, name: str) -> bool:
    """``left`` ends with ``name``, or with ``name`` and a few more words of a name the tagger
    cut ("Minsk Institute of Radio Engineering" + "and Communications")."""
    at = fold(left).rfind(fold(name))
    if at < 0:
        return False
    rest = left[at + len(name) :].split()
    return len(rest) <= 4 and all(w[:1].isupper() or fold(w) in _NAME_LINKS for w in rest)


def acronym_map(normals: list[str], types: list[str], text: str) -> dict[str, str]:
    """Acronym -> long name defined in the document, by parentheses ("Long Name (ACR)",
    "ACR (Long Name)") or by matching initials against the document's long names."""
    out: dict[str, str] = {}
    longs = [n for n, t in zip(normals, types, strict=True) if t == "ORG" and len(n.split()) >= 2]
    for left, inner in _parenthesised(text):
        for acr, long in ((inner, left), (left.split()[-1] if left.split() else "", inner)):
            if is_acronym(acr):
                cand = [n for n in longs if n and acronym_of(acr, n)]
                if not cand:  # the long name as written: the shortest tail the acronym fits
                    words = long.split()
                    tails = (" ".join(words[-k:]) for k in range(2, min(len(words), 12) + 1))
                    cand = [t for t in tails if acronym_of(acr, t)][:1]
                if not cand and acr == inner:
                    # "Long Name (ACR)" right after a long name of the document: an acronym of
                    # the name in another language ("Novosibirsk Institute ... (NIPI)")
                    cand = [
                        n
                        for n in longs
                        if _ends_with_name(left, n) and fold(n)[:1] == fold(acr)[:1]
                    ][:1]
                if cand:
                    out.setdefault(acr, cand[0])
    for n, t in zip(normals, types, strict=True):
        if t == "ORG" and is_acronym(n) and n not in out:
            cand = [lg for lg in longs if acronym_of(n, lg)]
            if len(cand) >= 1:
                out[n] = max(cand, key=len)
    return out
