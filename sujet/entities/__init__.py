"""People, organisations and places: NER by language, normal forms, names across scripts,
positions, facts, entity resolution and dossiers.

Entry points:

- :func:`analyze_entities` — one :class:`~sujet.model.Article` in, :class:`ArticleEntities` out;
- :class:`EntityResolver` — merges many articles' entities into :class:`~sujet.model.Entity`;
- :func:`search_terms` — search-term expansion over entities' variants;
- :func:`same_person`, :func:`name_score` — are two names (any script) one person;
- :func:`get_recognizer` / :func:`register` — the NER registry keyed by language.

Models load lazily on first use (natasha for Russian, the shipped CRF for German).
"""

from sujet.entities.analyze import ArticleEntities, LocalEntity, PersonPosition, analyze_entities
from sujet.entities.dossier import search_terms
from sujet.entities.facts import find_facts
from sujet.entities.names import name_score, same_person
from sujet.entities.ner import get_recognizer, recognize, register
from sujet.entities.resolve import EntityResolver, ResolveReport, resolve
from sujet.entities.span import Span

__all__ = [
    "ArticleEntities",
    "EntityResolver",
    "LocalEntity",
    "PersonPosition",
    "ResolveReport",
    "Span",
    "analyze_entities",
    "find_facts",
    "get_recognizer",
    "name_score",
    "recognize",
    "register",
    "resolve",
    "same_person",
    "search_terms",
]
