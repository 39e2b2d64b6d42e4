"""Cross-script name expansion for search: "Мазур" also finds "Wladimir Masur".

The query, its normal form ("Соколову" -> "Соколов") and its spellings in the other script
(by the transliteration schemes that merge people: "Parkhomchik" -> "Пархомчик") are looked up
in the entity index; the entity module then picks, among the entities found, those the query
names and returns all their written forms (cases, scripts, bare surnames) and the query's
transliterations. The store ORs these terms into the full-text query, whose words also match
under the stems of their normal forms (:func:`sujet.store.stemming.query_stems`). The entities
a query names are offered as dossiers beside the hits (:func:`named_entities`).
"""

from __future__ import annotations

from sujet.entities.dossier import names_entity, search_terms
from sujet.entities.translit import cyrillic_spellings, is_cyrillic, skeleton, transliterations
from sujet.model import Entity
from sujet.store.base import ArticleQuery, EntityQuery, SearchHit, Store
from sujet.store.stemming import normal_forms

MIN_QUERY_CHARS = 3  # shorter queries would match too many names by substring
MAX_ENTITIES = 8
MAX_SPELLINGS = 3
MAX_TERMS = 40
_QUERY_SYNTAX = set('"*():')


def query_forms(q: str) -> list[str]:
    """The query as written and with each word in its normal form ("Соколову" -> "Соколов"),
    capitalised as written."""
    forms = [q]
    words = q.split()
    normal = [_normal_word(w) for w in words]
    if normal != words:
        forms.append(" ".join(normal))
    return forms


def _normal_word(word: str) -> str:
    found = normal_forms(word.lower())
    if not found:
        return word
    form = found[0]
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


def spellings(q: str) -> list[str]:
    """The query in the other script, by the schemes that merge people."""
    found = transliterations(q, "ru") if is_cyrillic(q) else cyrillic_spellings(q)
    return sorted(found)[:MAX_SPELLINGS]


def candidate_entities(store: Store, q: str) -> list[Entity]:
    """Entities whose name or a variant equals or contains ``q``, its normal form or one of
    its spellings in the other script."""
    found: dict[str, Entity] = {}
    for form in query_forms(q):
        found.update(_lookup(store, form))
    if not found:  # stored variants usually hold the other script; else try its spellings
        for spelling in spellings(q):
            found.update(_lookup(store, spelling))
    return list(found.values())[:MAX_ENTITIES]


def named_entities(store: Store, q: str) -> list[Entity]:
    """The known entities a query names (a person's surname in any case or script, a place's
    name), most mentioned first: their dossiers are offered beside the hits."""
    q = " ".join(q.split())
    if len(q) < MIN_QUERY_CHARS or _QUERY_SYNTAX & set(q):
        return []
    forms = [*query_forms(q), *spellings(q)]
    named = [e for e in candidate_entities(store, q) if _named(forms, e)]
    return sorted(named, key=lambda e: -e.mentions)


def _named(forms: list[str], entity: Entity) -> bool:
    """A person by any name form (a surname alone too); a place or organisation by a whole
    name ("Minsk" names the city, not the "Minsk Institute ...")."""
    if entity.type == "PER":
        return any(names_entity(form, entity) for form in forms)
    names = {skeleton(v) for v in [entity.name, *entity.variants]}
    return any(skeleton(form) in names for form in forms)


def _lookup(store: Store, name: str) -> dict[str, Entity]:
    found = {e.id: e for e in store.find_entities(name)}
    if len(found) < MAX_ENTITIES:
        for entity in store.list_entities(EntityQuery(name=name, limit=MAX_ENTITIES)):
            found.setdefault(entity.id, entity)
    return found


def expansion_terms(store: Store, q: str) -> list[str]:
    """Other forms to search for ``q`` (``q`` itself excluded); none for short or operator
    queries."""
    q = " ".join(q.split())
    if len(q) < MIN_QUERY_CHARS or _QUERY_SYNTAX & set(q):
        return []
    own = q.casefold()
    cands = candidate_entities(store, q)
    found: list[str] = []
    for form in query_forms(q):
        found.extend(search_terms(form, cands))
    found.extend(spellings(q))
    terms = [t for t in dict.fromkeys(found) if t.casefold() != own]
    return terms[:MAX_TERMS]


def search_articles(
    store: Store, query: str, filters: ArticleQuery | None = None
) -> list[SearchHit]:
    """Full-text search with the query's name variants ORed in (CLI and Python API)."""
    return store.search(query, filters, extra_terms=expansion_terms(store, query))
