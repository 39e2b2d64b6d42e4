"""Helpers of the Dask tests that Dask workers and bounded workers import by name."""

from __future__ import annotations

import time
from typing import Any

from sujet.model import Article
from sujet.pipeline.ingest import FAILED, ArticleFailure
from sujet.store import open_store
from sujet.store.base import EntityQuery, Store

SLOW = "slowpoke"  # an article whose text holds this word makes prepare overrun


def text_length(article: Article) -> int:
    """A prepare function: pure, per article; overruns any bound on a marked article."""
    if SLOW in (article.text or ""):
        time.sleep(600)
    return len(article.text or "")


def warm_lengths() -> None:
    """Nothing to load: unpickling it imports this module before the first article's bound."""


class LengthEnricher:
    """An enricher with a prepare step: notes each article's text length on the article."""

    stage = "lengths"
    prepare = staticmethod(text_length)
    warm = staticmethod(warm_lengths)

    def __call__(self, articles: list[Article], store: Store,
                 prepared: dict[str, Any] | None = None) -> dict[str, Any]:
        failures: list[ArticleFailure] = []
        done = 0
        for a in articles:
            out = prepared[a.id] if prepared is not None else text_length(a)
            if isinstance(out, ArticleFailure):
                failures.append(out)
                continue
            a.metadata["text_length"] = out
            done += 1
        return {"lengths": done, FAILED: failures}


def snapshot(url: str) -> dict[str, Any]:
    """Everything an ingest writes, in a comparable form."""
    with open_store(url) as store:
        articles = sorted(store.iter_articles(), key=lambda a: a.id)
        entities: list[Any] = []
        while page := store.list_entities(EntityQuery(limit=500, offset=len(entities))):
            entities.extend(page)
        events: list[Any] = []
        while chunk := store.list_events(limit=500, offset=len(events)):
            events.extend(chunk)
        return {
            "articles": [(a.id, a.content_hash, a.language, a.title, a.date, a.duplicate_of,
                          a.event_id, a.storyline_id, a.metadata.get("enriched"),
                          a.metadata.get("text_length")) for a in articles],
            "mentions": {a.id: sorted((m.start, m.end, m.type, m.entity_id)
                                      for m in store.mentions_of_article(a.id))
                         for a in articles},
            "entities": sorted((e.id, e.name, e.type, e.mentions) for e in entities),
            "events": sorted((e.id, tuple(sorted(m.article_id for m in e.members)))
                             for e in events),
            "rejects": sorted((r.key, r.code) for r in store.list_rejects(limit=10_000)),
        }
