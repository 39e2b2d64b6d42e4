"""One article in, its entities out: mentions with normal forms, per-person positions, facts.

:func:`analyze_entities` runs the recogniser of the article's language over its title and text,
normalises each mention, groups the mentions of one thing within the article (a bare surname
joins the full name, an acronym joins the long name it abbreviates) and ties positions to
persons. :class:`sujet.entities.resolve.EntityResolver` then merges articles into entities.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from sujet.entities.gazetteer import (
    entity_type,
    fold,
    generic_prefix,
    is_generic,
    place_adjective,
    region_mention,
    region_normal,
)
from sujet.entities.normalize import (
    acronym_map,
    apply_alias,
)
from sujet.entities.org_cues import extra_org_spans
from sujet.entities.positions import RoleMatch
from sujet.entities.roles import mentions_and_roles
from sujet.entities.span import Span
from sujet.lang import guess
from sujet.model import Article, EntityType, Fact, Mention


@dataclass(slots=True)
class PersonPosition:
    """A position stated for a person in one article."""

    person: str  # the article's name of the person (its local entity name)
    title: str  # normalised ("губернатор Томской области")
    surface: str  # as written ("губернатора Томской области")
    start: int
    end: int
    person_start: int
    person_end: int
    organisation: str | None = None
    field: str = "text"


@dataclass(slots=True)
class LocalEntity:
    """The mentions of one person, organisation or place within one article."""

    type: EntityType
    name: str  # the fullest normal form in the article
    variants: list[str] = field(default_factory=list)  # surfaces and normal forms, first seen first
    mentions: list[int] = field(default_factory=list)  # indexes into ArticleEntities.mentions

    def key(self) -> str:
        return f"{self.type}:{fold(self.name)}"


@dataclass(slots=True)
class ArticleEntities:
    """Everything the entity stage finds in one article."""

    article_id: str
    language: str
    date: str | None
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    positions: list[PersonPosition] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def entity_of(self, mention_index: int) -> LocalEntity | None:
        for ent in self.entities:
            if mention_index in ent.mentions:
                return ent
        return None

    def persons(self) -> dict[str, list[str]]:
        """Person name -> position titles stated in the article (in text order)."""
        out: dict[str, list[str]] = {e.name: [] for e in self.entities if e.type == "PER"}
        for p in self.positions:
            titles = out.setdefault(p.person, [])
            if p.title not in titles:
                titles.append(p.title)
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def guess_language(text: str) -> str:
    """The code of the language ``text`` is written in, by the profiles' scripts and marker
    words (:func:`sujet.lang.guess`)."""
    return guess(text).code


@dataclass(slots=True)
class _Found:
    span: Span
    normal: str
    field: str
    roles: list[RoleMatch]


def _places_and_orgs(text: str, pairs: list[tuple[Span, str]], lang: str) -> list[tuple[Span, str]]:
    """The tagger's spans with places and organisations repaired: a common noun alone
    ("Республика", "Umweltschutz") dropped, a city name after or before a region word made the
    region ("des Gebietes Tomsk" -> "Gebiet Tomsk"), and organisations the tagger missed
    (acronyms, enumerations of organisations) added."""
    out: list[tuple[Span, str]] = []
    for sp, normal in pairs:
        if sp.type != "PER":
            if is_generic(normal, lang):
                continue
            cut = generic_prefix(sp.text, lang)
            if cut and generic_prefix(normal, lang):
                sp = Span(sp.start + cut, sp.end, sp.type, sp.text[cut:])
                normal = normal[generic_prefix(normal, lang) :]
            if (place := place_adjective(normal, lang)) is not None:
                sp, normal = Span(sp.start, sp.end, "LOC", sp.text), place
            region = region_mention(text, sp.start, sp.end, lang)
            if region is not None:
                start, end, normal = region
                sp = Span(start, end, "LOC", text[start:end])
            elif (named := region_normal(normal, lang)) is not None:
                sp, normal = Span(sp.start, sp.end, "LOC", sp.text), named
        out.append((sp, normal))
    extra = extra_org_spans(text, [sp for sp, _n in out], lang)
    out.extend((sp, sp.text) for sp in extra)
    return sorted(out, key=lambda x: x[0].start)


def _listed_type(
    normal: str, typ: EntityType, lang: str, dateline: tuple[str | None, str | None]
) -> EntityType:
    """A listed place or organisation keeps the gazetteer's type whatever the tagger said
    ("Republik Belarus" tagged ORG is the country); the place and the news agency of the
    article's own dateline are a place and an organisation ("OMSK, Aug 22 (Siberia Wire) -")."""
    place, agency = dateline
    if agency and fold(normal) == agency:
        return "ORG"
    if place and fold(normal) == place:
        return "LOC"
    if typ == "PER":
        return typ
    listed = entity_type(normal, lang)
    return "ORG" if listed == "ORG" else "LOC" if listed == "LOC" else typ


def analyze_entities(article: Article, *, with_facts: bool = True) -> ArticleEntities:
    """Mentions (with normal forms and local grouping), positions and facts of one article."""
    lang = (article.language or guess_language(article.text or article.title or ""))[:2].lower()
    result = ArticleEntities(article.id, lang, article.date)
    found: list[_Found] = []
    for fld, text in (("title", article.title or ""), ("text", article.text or "")):
        pairs, roles = mentions_and_roles(text, lang)
        for sp, normal in _places_and_orgs(text, pairs, lang):
            found.append(_Found(sp, apply_alias(normal, sp.type, lang), fld, []))
        for r in roles:
            found_person = next((f for f in found if f.field == fld and f.span == r.person), None)
            if found_person is not None:
                found_person.roles.append(r)
    for fld, text in (("title", article.title or ""), ("text", article.text or "")):
        acr = acronym_map(
            [f.normal for f in found if f.field == fld],
            [f.span.type for f in found if f.field == fld],
            text,
        )
        for f in found:
            if f.field == fld and f.span.type == "ORG" and f.normal in acr:
                f.normal = acr[f.normal]  # the long name; the acronym stays a variant (the surface)
    dateline = (
        fold(article.dateline) if article.dateline else None,
        fold(article.agency) if article.agency else None,
    )
    for f in found:
        result.mentions.append(
            Mention(
                article.id,
                f.span.start,
                f.span.end,
                _listed_type(f.normal, f.span.type, lang, dateline),
                f.span.text,
                f.normal,
                None,
                "title" if f.field == "title" else "text",
            )
        )
    result.entities = group_mentions(result.mentions)
    name_of = {i: e.name for e in result.entities for i in e.mentions}
    for idx, f in enumerate(found):
        if result.mentions[idx].type != "PER":
            continue  # a span the tagger called a person but the checks above did not
        for r in f.roles:
            org = _organisation_in(found, f.field, r.start, r.end)
            result.positions.append(
                PersonPosition(
                    name_of.get(idx, f.normal),
                    r.title,
                    r.surface,
                    r.start,
                    r.end,
                    r.person.start,
                    r.person.end,
                    org,
                    f.field,
                )
            )
    if with_facts:
        from sujet.entities.facts import find_facts

        result.facts = find_facts(
            article.text or "",
            lang,
            article.id,
            reference_year=_year(article.date),
            mentions=result.mentions,
        )
    return result


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _organisation_in(found: list[_Found], fld: str, start: int, end: int) -> str | None:
    for f in found:
        if (
            f.field == fld
            and f.span.type in ("ORG", "LOC")
            and start <= f.span.start
            and f.span.end <= end
        ):
            return f.normal
    return None


def group_mentions(mentions: list[Mention]) -> list[LocalEntity]:
    """Group one article's mentions by the thing they name.

    Persons: a full name (two or more words) is a group; a one-word mention joins the full name
    whose surname (or given name) it equals in normal form, or a full name whose surname it
    starts (oblique forms the normaliser missed). The group's name is its most frequent full
    normal form. Organisations and places: equal normal forms (after aliases and acronyms).
    """
    groups: list[LocalEntity] = []
    by_key: dict[str, LocalEntity] = {}
    # full names first (two words before three: "Владимир Мазур" before "Владимир Владимирович Мазур")
    order = sorted(
        range(len(mentions)),
        key=lambda i: (
            mentions[i].type != "PER",
            len(mentions[i].normal.split()) < 2,
            len(mentions[i].normal.split()),
            i,
        ),
    )
    for i in order:
        m = mentions[i]
        key = f"{m.type}:{fold(m.normal)}"
        ent = by_key.get(key)
        if ent is None and m.type == "PER":
            ent = (
                _full_name_for(m.normal, groups)
                if len(m.normal.split()) == 1
                else _same_full_name(m.normal, groups)
            )
        if ent is None:
            ent = LocalEntity(m.type, m.normal)
            groups.append(ent)
        by_key.setdefault(key, ent)
        ent.mentions.append(i)
        for v in (m.surface, m.normal):
            if v not in ent.variants:
                ent.variants.append(v)
    for ent in groups:
        fulls = Counter(
            mentions[i].normal
            for i in ent.mentions
            if len(mentions[i].normal.split()) >= 2 or ent.type != "PER"
        )
        if fulls:
            top = max(fulls.values())
            # ties: the form written in the text as is (nominative in the text), then the longest
            best = [n for n, c in fulls.items() if c == top]
            in_text = [n for n in best if any(mentions[i].surface == n for i in ent.mentions)]
            ent.name = max(in_text or best, key=len)
        ent.mentions.sort()
    return sorted(groups, key=lambda e: e.mentions[0])


_PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична)$")


def person_key(name: str) -> tuple[str, str] | None:
    """(given name, surname) of a full person name, patronymics dropped; None for one word."""
    parts = [
        fold(p) for p in name.split() if not _PATRONYMIC.search(fold(p)) or len(name.split()) == 2
    ]
    parts = [p for p in parts if len(p.rstrip(".")) > 1 or len(parts) == 2]
    if len(parts) < 2:
        return None
    return parts[0], parts[-1]


def _full_name_for(word: str, groups: list[LocalEntity]) -> LocalEntity | None:
    w = fold(word)
    for ent in groups:
        key = person_key(ent.name) if ent.type == "PER" else None
        if key and w in key:
            return ent
    for ent in groups:
        key = person_key(ent.name) if ent.type == "PER" else None
        if key and len(w) >= 4 and key[1].startswith(w[: max(4, len(w) - 2)]):
            return ent
    return None


def _same_full_name(name: str, groups: list[LocalEntity]) -> LocalEntity | None:
    """A person group with the same given name and surname, in either order."""
    key = person_key(name)
    if key is None:
        return None
    for ent in groups:
        other = person_key(ent.name) if ent.type == "PER" else None
        if other and (other == key or other == (key[1], key[0])):
            return ent
    return None
