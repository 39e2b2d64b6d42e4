"""Search across languages: the query plus the name variants the entity index knows."""

from __future__ import annotations

from sujet.store.base import ArticleQuery, SearchHit, Store


def expansion_terms(store: Store, query: str) -> list[str]:
    """Variants of entities named by the query (whole query or any word of it).

    "Мазур" finds the entity whose variants include "Мазура" and "Wladimir Masur", so a search
    finds every article about that person in any case and script.
    """
    words = query.split()
    names = {query.strip(), *words}
    terms: list[str] = []
    seen = {query.strip().casefold()}
    for name in sorted(names):
        if len(name) < 3:
            continue
        for entity in store.find_entities(name):
            for variant in [entity.name, *entity.variants]:
                key = variant.casefold()
                if key not in seen:
                    seen.add(key)
                    terms.append(variant)
    return terms


def search_articles(store: Store, query: str, filters: ArticleQuery | None = None) -> list[SearchHit]:
    return store.search(query, filters, extra_terms=expansion_terms(store, query))
