"""Cross-script name expansion for search: "Мазур" also finds "Wladimir Masur".

The query (and its spellings in the other script) is looked up in the entity index; the entity
module then picks, among the entities found, those the query names and returns all their
written forms (cases, scripts, bare surnames) and the query's transliterations. The store ORs
these terms into the full-text query.
"""

from __future__ import annotations

from sujet.entities.dossier import search_terms
from sujet.entities.translit import is_cyrillic, transliterations
from sujet.model import Entity
from sujet.store.base import ArticleQuery, EntityQuery, SearchHit, Store

MIN_QUERY_CHARS = 3  # shorter queries would match too many names by substring
MAX_ENTITIES = 8
MAX_SPELLINGS = 3
MAX_TERMS = 40
_QUERY_SYNTAX = set('"*():')


def candidate_entities(store: Store, q: str) -> list[Entity]:
    """Entities whose name or a variant equals or contains ``q`` or one of its spellings."""
    found = _lookup(store, q)
    if not found:  # stored variants usually hold the other script; else try its spellings
        for spelling in sorted(transliterations(q, "ru" if is_cyrillic(q) else None))[
            :MAX_SPELLINGS
        ]:
            found.update(_lookup(store, spelling))
    return list(found.values())[:MAX_ENTITIES]


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
    terms = [t for t in search_terms(q, candidate_entities(store, q)) if t.casefold() != own]
    return terms[:MAX_TERMS]


def search_articles(
    store: Store, query: str, filters: ArticleQuery | None = None
) -> list[SearchHit]:
    """Full-text search with the query's name variants ORed in (CLI and Python API)."""
    return store.search(query, filters, extra_terms=expansion_terms(store, query))
