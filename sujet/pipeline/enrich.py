"""Enrichment after storage: entities (mentions, people, positions, facts), then events.

Each enricher is called with a chunk of stored articles and the store, writes what it found,
and returns counters for the ingest report. Its per-article work is its ``prepare`` (entities:
the analysis of an article; events: the article's vectors), which the pipeline runs on the
executor and hands over as ``prepared`` (:mod:`sujet.pipeline.enriching`); called without it,
the enricher prepares in this process. What spans articles (the entity index, the event graph)
runs here, in order, and everything an enricher writes for a chunk is one transaction: a crash
leaves a chunk's entities (or events) wholly written or not at all.

State that spans chunks is restored from the store on first use, so a later run continues where
the last one stopped, and dropped when another process has ingested since (the store's ingest
lock tells, :attr:`Store.state_generation`). The entity resolver keeps only merged-away ids
between chunks: it looks a chunk's candidates up by name keys in the store and drops them once
they are written (:mod:`sujet.entities.holding`). Enriching an article again replaces what it
contributed to the entities instead of adding it twice; after an interrupted run, the articles
whose entities were committed are not merged again. A failure on one article never stops the
chunk: :func:`run_enrichers <sujet.pipeline.ingest.run_enrichers>` isolates it, reports it and
marks the article (the convention is described in :mod:`sujet.pipeline.ingest`).

The event clusterer holds only the stored events a chunk's days can touch, read before the chunk
(:mod:`sujet.stories.event_window`); storylines are linked again only where the chunk's events
touch them (:mod:`sujet.stories.storyline_state`). Neither reads the whole store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sujet.config import Settings
from sujet.model import Article, Mention
from sujet.pipeline.ingest import FAILED, ArticleFailure, Enricher
from sujet.store.base import Store

if TYPE_CHECKING:
    from sujet.entities import ArticleEntities, EntityResolver
    from sujet.stories.event_window import EventWindow
    from sujet.stories.pair import PairScorer

log = logging.getLogger(__name__)


def warm_entities() -> None:
    """Load the entity models of every registered language (once per bounded worker, before
    its first article, so that no article's time bound pays for a model load)."""
    from sujet.entities import analyze_entities
    from sujet.entities.ner import languages

    for lang in languages():
        analyze_entities(Article(id="warm", source="warm", language=lang,
                                 title="Warm Up", text="Warm Up met Warm Down in Warmington."))


def prepare_entities(article: Article) -> ArticleEntities | None:
    """The entity analysis of one article (NER, normal forms, positions, facts); None for a
    duplicate, which repeats its original and is counted once."""
    if article.duplicate_of:
        return None
    from sujet.entities import analyze_entities

    return analyze_entities(article)


@dataclass(frozen=True, slots=True)
class PrepareVectors:
    """The vectors event clustering needs for one article, as embedding-cache entries (None
    for a duplicate: it is never compared, its cheap vectors are made when represented)."""

    deep: bool

    def __call__(self, article: Article) -> list[tuple[str, str, bytes]] | None:
        if article.duplicate_of:
            return None
        from sujet.stories.represent import article_vectors

        return article_vectors(article, deep=self.deep)


@dataclass(frozen=True, slots=True)
class WarmVectors:
    """Load the encoders :class:`PrepareVectors` uses, once per worker."""

    deep: bool

    def __call__(self) -> None:
        from sujet.stories.encoder import get_encoder

        get_encoder("static")
        if self.deep:
            get_encoder("e5")


def gather(articles: Sequence[Article], prepared: Mapping[str, Any] | None,
           prepare: Callable[[Article], Any]) -> tuple[list[tuple[Any, Article]],
                                                      list[ArticleFailure]]:
    """Each article's prepared result (prepared here when not given) and the failures; the
    articles prepared to None are left out."""
    done: list[tuple[Any, Article]] = []
    failures: list[ArticleFailure] = []
    for article in articles:
        if prepared is not None:
            got = prepared.get(article.id)
        else:
            try:
                got = prepare(article)
            except Exception as err:  # noqa: BLE001 - handed back: the chunk goes on
                got = ArticleFailure.of(article.id, err)
        if isinstance(got, ArticleFailure):
            failures.append(got)
        elif got is not None:
            done.append((got, article))
    return done, failures


class EntityEnricher:
    """Finds mentions, normal forms, positions and facts, and merges them into entities.

    Each article's analysis (NER, normal forms, facts: :func:`prepare_entities`) runs on the
    executor in a bounded worker process whose models load once (an article that overruns the
    time or memory bound fails alone, E601, E602). The merge into entities runs here, and a
    chunk's mentions, facts, quotes and entities are written in one transaction (an entity's
    counts are raised in the transaction that stores the mentions they count)."""

    stage = "entities"
    prepare = staticmethod(prepare_entities)
    warm = staticmethod(warm_entities)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._resolver: EntityResolver | None = None
        self._generation = 0
        # Finishing an interrupted run: articles whose entities it committed are not redone.
        self._resuming = False

    def reset(self) -> None:
        """Forget the entity index: a failed call may have merged part of its chunk into it."""
        self._resolver = None

    def resume(self, store: Store) -> None:
        """Before finishing an interrupted run: the articles whose mentions it stored were
        merged into the stored entities in the same transaction; they are not merged again
        (their names would count twice). New articles have no stored mentions, so the same
        enricher goes on with them as usual."""
        self._resuming = True

    def _resolver_for(self, store: Store) -> EntityResolver:
        if self._resolver is not None and self._generation != store.state_generation:
            self._resolver = None  # another process ingested: its merges are not ours
        if self._resolver is None:
            from sujet.entities import EntityResolver

            self._generation = store.state_generation
            self._resolver = EntityResolver()
        from sujet.entities.entity_source import StoreEntities

        self._resolver.source = StoreEntities(store)  # looked up on demand, by name keys
        return self._resolver

    def __call__(self, articles: list[Article], store: Store,
                 prepared: Mapping[str, Any] | None = None) -> dict[str, Any]:
        analyses, failures = gather(articles, prepared, prepare_entities)
        with store.atomic():
            counts = self._merge(analyses, store, resuming=self._resuming)
        return {**counts, FAILED: failures}

    def _merge(self, analyses: list[tuple[ArticleEntities, Article]], store: Store, *,
               resuming: bool) -> dict[str, int]:
        from sujet.entities.quotes import quotes_of
        from sujet.entities.retract import retract

        resolver = self._resolver_for(store)
        stored = {a.id: found for _, a in analyses if (found := store.mentions_of_article(a.id))}
        if resuming:  # committed with their entities before the interruption: counted once
            analyses = [(x, a) for x, a in analyses if a.id not in stored]
            stored = {}
        taken_back = retract(resolver, stored)  # enriched again: replace, never add twice
        report = resolver.add_many(analyses)
        mentions = 0
        for analysis, article in analyses:
            for m in analysis.mentions:
                if m.entity_id:
                    m.entity_id = resolver.resolve_id(m.entity_id)
            store.replace_mentions(article.id, analysis.mentions)
            store.replace_facts(article.id, analysis.facts)
            store.replace_quotes(article.id, quotes_of(analysis, article.text or ""))
            mentions += len(analysis.mentions)
        if report.merged:
            self._repoint(store, report.merged, resolver)
            store.repoint_quotes({old: resolver.resolve_id(old) for old in report.merged})
        gone = set(report.merged) | (taken_back.removed - resolver.entities.keys())
        if gone:
            store.delete_entities(sorted(gone))
        changed = {resolver.resolve_id(i) for i in [*report.changed, *taken_back.updated]}
        kept = sorted(i for i in changed if i in resolver.entities)
        store.upsert_entities([resolver.entities[i] for i in kept])
        resolver.release()  # written: the next chunk reads them from the store again
        return {
            "entity_mentions": mentions,
            "entities_created": len(report.created),
            "entities_merged": len(report.merged),
        }

    @staticmethod
    def _repoint(store: Store, merged: dict[str, str], resolver: EntityResolver) -> None:
        """Point the stored mentions of merged-away entities at the entity they joined."""
        articles: set[str] = set()
        for old in merged:
            articles.update(m.article_id for m in store.mentions_of_entity(old))
        for article_id in sorted(articles):
            fixed: list[Mention] = []
            for m in store.mentions_of_article(article_id):
                if m.entity_id:
                    m.entity_id = resolver.resolve_id(m.entity_id)
                fixed.append(m)
            store.replace_mentions(article_id, fixed)


class EventEnricher:
    """Groups articles into events (any language) and events into storylines.

    Each article's vectors (:class:`PrepareVectors`) are computed on the executor and put into
    the store's embedding cache, where the representations read them; clustering runs here,
    and a chunk's events, their profiles, storylines and article assignments are written in one
    transaction."""

    stage = "events"

    def __init__(self, settings: Settings, *, scorer: PairScorer | None = None) -> None:
        """``scorer``: the same-event decision (default: the configured pair model)."""
        self.settings = settings
        self._scorer = scorer
        self._window: EventWindow | None = None
        self._generation = 0
        self._names: dict[str, str] = {}

    def _deep(self) -> bool:
        """Whether the same-event decision reads e5 vectors (loads the decision model once)."""
        if self._scorer is None:
            from sujet.stories.pair import default_scorer

            self._scorer = default_scorer(self.settings.stories)
        return self._scorer.needs_deep

    @property
    def prepare(self) -> PrepareVectors:
        return PrepareVectors(self._deep())

    @property
    def warm(self) -> WarmVectors:
        return WarmVectors(self._deep())

    def _keys(self, store: Store, articles: Sequence[Article]) -> dict[str, list[str]]:
        keys: dict[str, list[str]] = {}
        for a in articles:
            # A duplicate has no mentions of its own (it repeats its original): use the original's.
            source_id = a.duplicate_of or a.id
            ids = sorted({m.entity_id for m in store.mentions_of_article(source_id) if m.entity_id})
            if ids:
                keys[a.id] = ids
        missing = sorted({eid for ids in keys.values() for eid in ids} - self._names.keys())
        self._names.update((ent.id, ent.name) for ent in store.get_entities(missing))
        return keys

    def reset(self) -> None:
        """Forget the in-memory events: a failed call may have left them half updated (they
        are read from the store again on the next call)."""
        self._window = None

    @property
    def held_articles(self) -> int:
        """Articles the event clusterer holds between chunks (a window of the store's)."""
        return self._window.clusterer.size if self._window is not None else 0

    def _represent(self, store: Store, articles: Sequence[Article],
                   deep: bool) -> list[Any]:
        from sujet.stories.represent import represent

        return represent(
            articles,
            deep=deep,
            cache=store,
            entity_keys=self._keys(store, articles),
            entity_names=self._names,
        )

    def _window_for(self, store: Store) -> EventWindow:
        """The clusterer over the stored events a chunk can touch (:mod:`sujet.stories.
        event_window`); the events of a store from before event profiles are profiled first."""
        if self._window is not None and self._generation != store.state_generation:
            self._window = None  # another process ingested: the events are stale
        if self._window is None:
            from sujet.stories.cluster import EventClusterer
            from sujet.stories.event_window import EventWindow, profile_stored_events

            self._generation = store.state_generation
            clusterer = EventClusterer(
                self.settings.stories, scorer=self._scorer,
                taken=lambda i: store.resolve_event_id(i) is not None)
            deep = clusterer.scorer.needs_deep
            window = EventWindow(clusterer, store,
                                 lambda articles: self._represent(store, articles, deep))
            if store.count_event_profiles() < store.count_events():  # profiles need no e5
                profile_stored_events(store, lambda arts: self._represent(store, arts, False))
            self._window = window
        return self._window

    def __call__(self, articles: list[Article], store: Store,
                 prepared: Mapping[str, Any] | None = None) -> dict[str, Any]:
        failures: list[ArticleFailure] = []
        if prepared is not None:  # else represent() embeds what the cache does not hold
            vectors, failures = gather(articles, prepared, self.prepare)
            by_namespace: dict[str, list[tuple[str, bytes]]] = {}
            for items, _ in vectors:
                for namespace, key, value in items:
                    by_namespace.setdefault(namespace, []).append((key, value))
            for namespace, rows in sorted(by_namespace.items()):
                store.put_cached(namespace, rows)
        failed = {f.article_id for f in failures}
        with store.atomic():
            counts = self._cluster([a for a in articles if a.id not in failed], store)
        return {**counts, FAILED: failures}

    def _cluster(self, articles: list[Article], store: Store) -> dict[str, Any]:
        from sujet.stories.event_window import assign_articles
        from sujet.stories.profiles import profile_of
        from sujet.stories.storyline_state import relink

        batch = {a.id: a for a in articles}
        window = self._window_for(store)
        clusterer = window.clusterer
        facts = {a.id: store.facts_of_article(a.id) for a in articles if not a.duplicate_of}
        reprs = window.represent(articles)
        needed = window.before(articles, reprs)
        update = clusterer.add(reprs, facts=facts, widen=window.widen)
        touched = update.created + update.changed
        # survivors first, then the aliases that lead to them, then the merged-away rows
        store.upsert_events(touched)
        if update.aliases:
            store.add_event_aliases(update.aliases)
        if update.deleted:
            store.delete_events([e.id for e in update.deleted])
        by_id = {m.article_id: r for e in touched for m in e.members
                 if (r := clusterer.repr_of(m.article_id)) is not None}
        store.put_event_profiles([p for e in touched if (p := profile_of(e, by_id))])
        lines = relink(store, touched, update.deleted, clusterer.get_event,
                       self.settings.stories)
        store.upsert_events(lines.events)  # their storyline changed
        store.upsert_storylines(lines.storylines)
        if lines.aliases:
            store.add_storyline_aliases(lines.aliases)
        if lines.gone:
            store.delete_storylines(lines.gone)
        assign_articles(store, batch, [*touched, *lines.events])
        window.after(needed)
        return {
            "events_created": len(update.created),
            "events_changed": len(update.changed),
            "events_merged": len(update.aliases),
            "storylines": len(lines.storylines),
        }


def default_enrichers(settings: Settings) -> Sequence[Enricher]:
    """Entities first (events use their ids), then events, then topics; each can be switched
    off."""
    chosen: list[Enricher] = []
    if settings.entities.enabled:
        chosen.append(EntityEnricher(settings))
    if settings.stories.enabled:
        chosen.append(EventEnricher(settings))
    if settings.topics.enabled:  # after events: their e5 vectors of the same texts are cached
        from sujet.topics.enrich import TopicEnricher

        chosen.append(TopicEnricher())
    return chosen


__all__ = ["EntityEnricher", "EventEnricher", "default_enrichers"]
