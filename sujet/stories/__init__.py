"""Events and storylines across languages: article representations (multilingual USE or its
distilled static table), pair similarity with reasons, incremental event clustering, storylines.

Typical use::

    reprs = represent(articles, entity_keys=ids_per_article)
    clusterer = EventClusterer()
    update = clusterer.add(reprs)          # events created / changed / deleted
    lines = build_storylines(clusterer.events, clusterer.reprs())
"""

from sujet.stories.cluster import ClusterUpdate, EventClusterer
from sujet.stories.encoder import DiskCache, MemoryCache, embed_texts, get_encoder
from sujet.stories.pair import PairScore, pair_score
from sujet.stories.represent import ArticleInput, ArticleRepr, represent
from sujet.stories.storylines import build_storylines

__all__ = [
    "ArticleInput",
    "ArticleRepr",
    "ClusterUpdate",
    "DiskCache",
    "EventClusterer",
    "MemoryCache",
    "PairScore",
    "build_storylines",
    "embed_texts",
    "get_encoder",
    "pair_score",
    "represent",
]
