"""The topic stage of enrichment: a topic on every article of a chunk.

It runs after the event stage, whose e5 vectors of the same texts are in the store's embedding
cache. A duplicate takes its original's topic. When the chunk cannot be classified at once, each
article is classified alone, so one bad article fails alone and the others get their topic.
"""

from __future__ import annotations

from typing import Any

from sujet.model import Article
from sujet.pipeline.ingest import FAILED, ArticleFailure
from sujet.store.base import Store
from sujet.topics.classifier import TopicModel, load_topic_model, topic_text


class TopicEnricher:
    stage = "topics"

    def __init__(self, model: TopicModel | None = None) -> None:
        self._model = model

    def _predict(self, articles: list[Article], store: Store) -> dict[str, str]:
        model = self._model or load_topic_model()
        texts = [topic_text(a.title, a.text) for a in articles]
        return dict(zip((a.id for a in articles),
                        model.predict(texts, cache=store), strict=True))

    def __call__(self, articles: list[Article], store: Store) -> dict[str, Any]:
        originals = [a for a in articles if not a.duplicate_of]
        failures: list[ArticleFailure] = []
        try:
            topics = self._predict(originals, store)
        except Exception:  # noqa: BLE001 - retried one by one below
            topics = {}
            for a in originals:
                try:
                    topics.update(self._predict([a], store))
                except Exception as err:  # noqa: BLE001 - handed back: the chunk goes on
                    failures.append(ArticleFailure.of(a.id, err))
        for a in originals:
            a.topic = topics.get(a.id, a.topic)
        missing = sorted({a.duplicate_of for a in articles
                          if a.duplicate_of and a.duplicate_of not in topics})
        topics.update((o.id, o.topic) for o in store.get_articles(missing) if o.topic)
        for a in articles:
            if a.duplicate_of:
                a.topic = topics.get(a.duplicate_of, a.topic)
        return {"topics": sum(1 for a in articles if a.topic), FAILED: failures}


def assign_stored_topics(store: Store, *, redo_all: bool = False,
                         chunk: int = 256) -> dict[str, int]:
    """Topics for the stored articles without one (all with ``redo_all``), a chunk at a time;
    an article that fails keeps none and is counted."""
    stage = TopicEnricher()
    done = failed = 0
    pending: list[Article] = []

    def flush() -> None:
        nonlocal done, failed
        out = stage(pending, store)
        store.update_articles([a for a in pending if a.topic])
        done += sum(1 for a in pending if a.topic)
        failed += len(out[FAILED])
        pending.clear()

    # originals first, so that a copy finds its original's topic in the store
    for copies in (False, True):
        for a in store.iter_articles():
            if bool(a.duplicate_of) != copies or (a.topic and not redo_all):
                continue
            pending.append(a)
            if len(pending) >= chunk:
                flush()
        if pending:
            flush()
    return {"topics": done, "failed": failed}
