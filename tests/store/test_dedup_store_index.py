"""The near-duplicate index in the store answers as the in-memory one, holds nothing in memory,
and indexes a store written before it existed."""

from __future__ import annotations

from collections.abc import Callable

from sujet.config import DedupSettings
from sujet.dedup import NearDuplicateIndex, signature, store_index
from sujet.dedup.fingerprint import to_bytes
from sujet.dedup.store_index import StoreIndex
from sujet.model import Article
from sujet.store import Store

SETTINGS = DedupSettings()
BASE = ("The regional government signed an agreement on a new school and a hospital in the "
        "northern district on Monday, officials said, after talks that lasted three days. ")
TEXTS = {
    "a": BASE * 3,
    "b": BASE * 3 + "One sentence more was added by the second agency.",  # near a
    "c": "A completely different story about football results and the weather this week. " * 3,
    "d": BASE * 2 + "The rest of this rewrite differs a lot from the original report " * 4,
}


def _sig(text: str):  # noqa: ANN202 - numpy array
    return signature(text, num_perm=SETTINGS.num_perm, shingle_words=SETTINGS.shingle_words)


def test_store_index_answers_as_the_memory_index(store: Store) -> None:
    in_store = store_index(store, SETTINGS)
    assert isinstance(in_store, StoreIndex)
    in_memory = NearDuplicateIndex(SETTINGS.num_perm, SETTINGS.threshold)
    for key, text in TEXTS.items():
        sig = _sig(text)
        assert in_store.query(sig) == in_memory.query(sig), key
        if in_memory.query(sig) is None:
            in_store.add(key, sig)
            in_memory.add(key, sig)
    hit = in_store.query(_sig(TEXTS["b"]))
    assert hit is not None and hit[0] == "a" and hit[1] >= SETTINGS.threshold
    assert in_store.query(_sig(TEXTS["c"])) == ("c", 1.0)
    in_store.add("a", _sig(TEXTS["a"]))  # again: nothing changes
    assert in_store.query(_sig(TEXTS["a"])) == ("a", 1.0)


def test_a_store_written_before_the_index_is_indexed_when_opened(
        store: Store, make_article: Callable[..., Article]) -> None:
    store.add_articles([make_article("a", text=TEXTS["a"]),
                        make_article("b", text=TEXTS["b"], duplicate_of="a"),
                        make_article("c", text=TEXTS["c"])])
    store.add_signatures([(k, to_bytes(_sig(TEXTS[k]))) for k in ("a", "b", "c")])
    index = store_index(store, SETTINGS)
    assert index.query(_sig(TEXTS["b"]))[0] == "a"  # type: ignore[index]
    assert index.query(_sig(TEXTS["c"])) == ("c", 1.0)
    assert isinstance(index, StoreIndex)
    indexed = {key for key, _ in store.bands.candidates(index.buckets(_sig(TEXTS["b"])))}  # type: ignore[attr-defined]
    assert indexed == {"a"}  # a duplicate is never indexed: its original answers for it
