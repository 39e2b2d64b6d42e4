"""Dossiers of entities and search-term expansion over their variants."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sujet.entities.gazetteer import fold
from sujet.entities.names import name_score
from sujet.entities.translit import is_cyrillic, skeleton, transliterations
from sujet.model import Article, Entity, Mention


def build_dossier(
    entity: Entity, mentions: list[Mention], articles: dict[str, Article]
) -> dict[str, Any]:
    """A person's (or organisation's, place's) file: names, positions over time, articles.

    ``mentions`` are the mentions of the articles the entity appears in (those of other entities
    give the co-mentions); ``articles`` maps article ids to articles (for dates and titles).
    """
    own = [m for m in mentions if m.entity_id == entity.id]
    article_ids = list(
        dict.fromkeys([m.article_id for m in own] + list(entity.metadata.get("articles") or []))
    )
    article_ids.sort(key=lambda a: (articles[a].date or "9999") if a in articles else "9999")
    co: Counter[str] = Counter()
    names: dict[str, str] = {}
    for aid in set(article_ids):
        others = {
            m.entity_id
            for m in mentions
            if m.article_id == aid and m.entity_id and m.entity_id != entity.id
        }
        for eid in others:
            co[eid] += 1
        for m in mentions:
            if m.article_id == aid and m.entity_id in others and m.entity_id not in names:
                names[m.entity_id] = m.normal
    positions = sorted(entity.positions, key=lambda p: (p.date is None, p.date or "", p.article_id))
    last = entity.last_position
    dates = [d for a in article_ids if a in articles and (d := articles[a].date)]
    return {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "variants": list(entity.variants),
        "mentions": max(entity.mentions, len(own)),
        "positions": [
            {
                "title": p.title,
                "date": p.date,
                "article": p.article_id,
                "organisation": p.organisation,
            }
            for p in positions
        ],
        "last_position": (
            {
                "title": last.title,
                "date": last.date,
                "article": last.article_id,
                "organisation": last.organisation,
            }
            if last
            else None
        ),
        "articles": article_ids,
        "co_mentions": [
            {"id": eid, "name": names.get(eid, eid), "count": n} for eid, n in co.most_common()
        ],
        "first_seen": entity.first_seen or (min(dates) if dates else None),
        "last_seen": entity.last_seen or (max(dates) if dates else None),
    }


def names_entity(query: str, entity: Entity) -> bool:
    """True when ``query`` names ``entity``: a name or variant, a word of one (a surname), the
    same in sound skeleton across scripts, or (persons) a close full name."""
    q = fold(query)
    qs = skeleton(query)
    for v in [entity.name, *entity.variants]:
        fv = fold(v)
        if q == fv or q in fv.split():
            return True
        sv = skeleton(v)
        if qs and (qs == sv or qs in sv.split()):
            return True
    if entity.type == "PER" and len(query.split()) >= 2:
        return name_score(query, entity.name) >= 0.9
    return False


def search_terms(query: str, entities: Iterable[Entity]) -> list[str]:
    """Forms to search for ``query``: the query, the variants of entities it names (all cases,
    both scripts) and their surnames, and transliterations (Мазур -> Мазура, Masur, Mazur)."""
    terms: list[str] = [query]
    for ent in entities:
        if not names_entity(query, ent):
            continue
        forms = [ent.name, *ent.variants]
        if ent.type == "PER" and len(query.split()) == 1:
            # a bare surname: every written form of the surname
            forms = [f.split()[-1] for f in forms if f.split()] + forms
        terms.extend(forms)
    for t in list(terms[:1]):
        terms.extend(transliterations(t, "ru" if is_cyrillic(t) else None))
    seen: set[str] = set()
    out: list[str] = []
    for t in terms:
        if t and fold(t) not in seen:
            seen.add(fold(t))
            out.append(t)
    return out
