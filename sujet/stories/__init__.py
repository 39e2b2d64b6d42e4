"""Events and storylines across languages: article representations (multilingual-e5 and a
distilled USE table), a learned same-event decision with reasons, incremental average-link event
clustering with ids that hold, storylines.

Typical use::

    clusterer = EventClusterer(settings.stories)
    reprs = represent(articles, deep=clusterer.scorer.needs_deep, entity_keys=ids_per_article)
    update = clusterer.add(reprs)          # events created / changed / merged away
    lines = link_storylines(clusterer.events, clusterer.reprs())
"""

from sujet.stories.cluster import ClusterUpdate, EventClusterer
from sujet.stories.encoder import DiskCache, MemoryCache, embed_texts, get_encoder
from sujet.stories.pair import PairScore, PairScorer, default_scorer, pair_score
from sujet.stories.represent import ArticleInput, ArticleRepr, represent
from sujet.stories.storylines import build_storylines, link_storylines

__all__ = [
    "ArticleInput",
    "ArticleRepr",
    "ClusterUpdate",
    "DiskCache",
    "EventClusterer",
    "MemoryCache",
    "PairScore",
    "PairScorer",
    "build_storylines",
    "link_storylines",
    "default_scorer",
    "embed_texts",
    "get_encoder",
    "pair_score",
    "represent",
]
