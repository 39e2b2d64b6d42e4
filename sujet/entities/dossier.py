"""Search-term expansion over entities' variants (the dossier itself: sujet.services.dossier)."""

from __future__ import annotations

from collections.abc import Iterable

from sujet.entities.gazetteer import fold
from sujet.entities.names import name_score
from sujet.entities.translit import is_cyrillic, skeleton, transliterations
from sujet.model import Entity


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
