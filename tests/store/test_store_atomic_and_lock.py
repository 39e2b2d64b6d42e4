"""One transaction across store calls (``atomic``), and the ingest lock, on every backend."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from sujet.errors import StoreError
from sujet.model import Article, Entity, Mention
from sujet.store import Store, open_store

MakeArticle = Callable[..., Article]


def test_atomic_block_commits_together_and_reads_its_own_writes(
        store: Store, make_article: MakeArticle) -> None:
    store.add_articles([make_article("a1")])
    with store.atomic():
        store.replace_mentions("a1", [Mention("a1", 0, 4, "PER", "Text", "Text", "e1")])
        store.upsert_entities([Entity("e1", "PER", "Text", mentions=1)])
        assert [m.entity_id for m in store.mentions_of_article("a1")] == ["e1"]
        assert store.get_entity("e1") is not None
    assert store.get_entity("e1") is not None and len(store.mentions_of_entity("e1")) == 1


def test_atomic_block_that_fails_leaves_nothing(store: Store, make_article: MakeArticle) -> None:
    store.add_articles([make_article("a1")])
    with pytest.raises(StoreError), store.atomic():
        store.upsert_entities([Entity("e1", "PER", "Text", mentions=1)])
        store.replace_mentions("a1", [Mention("a1", 0, 4, "PER", "Text", "Text", "e1")])
        store.replace_mentions("missing", [Mention("missing", 0, 4, "PER", "x", "x")])
    assert store.get_entity("e1") is None
    assert store.mentions_of_article("a1") == []


def test_second_holder_of_the_ingest_lock_waits_and_learns_of_the_first(
        store_url: str, caplog: pytest.LogCaptureFixture) -> None:
    with open_store(store_url) as first, open_store(store_url) as second:
        waited: list[float] = []
        with first.ingest_lock() as at_once:
            assert at_once < 1.0

            def take() -> None:
                with second.ingest_lock() as seconds:
                    waited.append(seconds)

            other = threading.Thread(target=take)
            other.start()
            time.sleep(0.5)
            assert other.is_alive(), "the second took a lock the first holds"
            with first.ingest_lock() as again:  # re-entrant in its holder
                assert again == 0.0
        other.join(30)
        assert waited and waited[0] >= 0.4
        assert "waiting for its ingest lock" in caplog.text
        before = first.state_generation
        with first.ingest_lock():
            assert first.state_generation == before + 1  # the second ingested in between
        with first.ingest_lock():
            assert first.state_generation == before + 1  # nobody did since
