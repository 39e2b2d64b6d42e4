"""Organisations a tagger misses, found from the shape of the text.

Two cues, both independent of the names of any data set:

- a Latin-script acronym or a name with capitals inside ("MAZ", "MTZ", "BelTA") standing in running text
  (lower-case words around it; a capitalised dateline word before a comma and Roman numerals
  excepted) is an organisation unless the gazetteer lists it as a place;
- an enumeration that already holds two organisations ("MAZ, MTZ, AMKODOR, Minsker Motorenwerk
  und Gomselmasch") makes its other capitalised items organisations too.

Conjunctions of enumerations are language knowledge: the profiles' ``list_conjunctions`` (a
language without them takes the default profile's).
"""

from __future__ import annotations

import re

from sujet.entities.gazetteer import entity_type, fold
from sujet.entities.span import Span
from sujet.lang import DEFAULT, profile

# Upper-case tokens that are units, currencies or formats rather than organisations.
_NOT_ORGS = frozenset(
    ["usd", "eur", "rub", "byn", "gbp", "chf", "cny", "uah", "kzt", "pdf", "html", "tv"]
    + ["ceo", "cfo", "cto", "gmbh", "ag", "kg", "ltd", "plc", "inc", "pm", "mp"]
)
# Latin script only: the Russian tagger finds Cyrillic acronyms itself, and many of them are
# common nouns ("АПК", "БПЛА").
_ACRONYM = re.compile(r"\b(?:[A-Z]{2,8}|[A-Z][a-z]+[A-Z]{2,4})\b")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_ITEM = re.compile(r"(?:[A-ZА-ЯЁ][\w-]*)(?:\s+[A-ZА-ЯЁ][\w-]*){0,2}")


def _line_has_lower(text: str, start: int, end: int) -> bool:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    line = text[a : b if b >= 0 else len(text)]
    return sum(c.islower() for c in line) > sum(c.isupper() for c in line)


def acronym_spans(text: str, taken: list[Span], lang: str) -> list[Span]:
    """Acronyms in running text not covered by ``taken`` and not listed as places."""
    out: list[Span] = []
    for m in _ACRONYM.finditer(text):
        word = m.group()
        if _ROMAN.match(word) or fold(word) in _NOT_ORGS:
            continue
        span = Span(m.start(), m.end(), "ORG", word)
        if any(span.overlaps(t) for t in taken) or entity_type(word, lang) == "LOC":
            continue
        after = text[m.end() : m.end() + 2]
        line_start = text.rfind("\n", 0, m.start()) + 1
        if after.startswith(",") and not text[line_start : m.start()].strip():
            continue  # a dateline: "MINSK, 22. August"
        if not _line_has_lower(text, m.start(), m.end()):
            continue
        out.append(span)
    return out


def _separator(text: str, lang: str) -> re.Pattern[str]:
    conj = profile(lang).list_conjunctions or DEFAULT.list_conjunctions
    alts = "|".join(re.escape(c) for c in conj)
    return re.compile(rf"\s*(?:,\s*(?:(?:{alts})\s+)?|\s+(?:{alts})\s+)")


def list_spans(text: str, spans: list[Span], lang: str) -> list[Span]:
    """Capitalised items of an enumeration that holds two or more organisations."""
    sep = _separator(text, lang)
    orgs = sorted((s for s in spans if s.type == "ORG"), key=lambda s: s.start)
    out: list[Span] = []
    done: set[int] = set()
    for first in orgs:
        if first.start in done:
            continue
        items: list[Span] = [first]
        pos = first.end
        while True:
            m = sep.match(text, pos)
            if not m:
                break
            nxt = _ITEM.match(text, m.end())
            if not nxt:
                break
            known = next((s for s in spans if s.start == nxt.start()), None)
            item = known or Span(nxt.start(), nxt.end(), "ORG", nxt.group())
            if known is None and any(item.overlaps(s) for s in spans):
                break
            items.append(item)
            pos = item.end
        done.update(s.start for s in items)
        if sum(s in spans and s.type == "ORG" for s in items) < 2:
            continue
        for s in items:
            if s not in spans and entity_type(s.text, lang) != "LOC":
                out.append(s)
    return out


def extra_org_spans(text: str, spans: list[Span], lang: str) -> list[Span]:
    """Organisation spans the tagger missed (see the module's cues), in text order."""
    acr = acronym_spans(text, spans, lang)
    listed = list_spans(text, sorted(spans + acr, key=lambda s: s.start), lang)
    return sorted(acr + listed, key=lambda s: s.start)
