"""The near-duplicate index kept in the store: memory that does not grow with the store.

The same banding as :class:`sujet.dedup.index.NearDuplicateIndex` (bands of a MinHash
signature, candidates verified against the estimated Jaccard, the earliest indexed text above
the threshold wins), but the band keys live in the store's ``dedup_bands`` table beside the
stored signatures (:mod:`sujet.store.repositories.bands`): a query reads only the candidates of
one signature, whatever the size of the store. A store indexed before the table existed (or
under another banding) is indexed once, from its stored signatures, when the index is first
opened.
"""

from __future__ import annotations

import hashlib
from typing import Any, Protocol

import numpy as np

from sujet.config import DedupSettings
from sujet.dedup.fingerprint import from_bytes, jaccard_estimate, to_bytes
from sujet.dedup.index import NearDuplicateIndex, _bands_for
from sujet.store.base import Store

INDEXED_NAMESPACE = "dedup-index"  # cache rows: the banding schemes a store is indexed under
BACKFILL_BATCH = 500


class DuplicateIndex(Protocol):
    def add(self, key: str, sig: np.ndarray) -> None: ...

    def query(self, sig: np.ndarray) -> tuple[str, float] | None: ...


class StoreIndex:
    """Near-duplicate lookups through the store's band keys (see the module's docstring)."""

    def __init__(self, store: Store, bands: Any, settings: DedupSettings) -> None:
        self.num_perm = settings.num_perm
        self.threshold = settings.threshold
        self.bands = _bands_for(self.num_perm, self.threshold)
        self.rows = self.num_perm // self.bands
        self.scheme = f"{self.num_perm}:{self.bands}x{self.rows}"
        self._repo = bands
        self._index_stored(store)

    def buckets(self, sig: np.ndarray) -> list[int]:
        out = []
        for band in range(self.bands):
            h = hashlib.blake2b(digest_size=8)
            h.update(f"{self.scheme}:{band}:".encode())
            h.update(to_bytes(sig[band * self.rows:(band + 1) * self.rows]))
            out.append(int.from_bytes(h.digest(), "big", signed=True))
        return out

    def add(self, key: str, sig: np.ndarray) -> None:
        if len(sig) == self.num_perm:
            self._repo.add(key, self.buckets(sig), to_bytes(sig))

    def query(self, sig: np.ndarray) -> tuple[str, float] | None:
        """(key, estimated Jaccard) of the earliest indexed near duplicate, or None."""
        if len(sig) != self.num_perm:
            return None
        for key, data in self._repo.candidates(self.buckets(sig)):  # earliest first
            j = jaccard_estimate(sig, from_bytes(data))
            if j >= self.threshold:
                return key, j
        return None

    def _index_stored(self, store: Store) -> None:
        """Index the stored originals once per banding scheme (nothing to do on a new store)."""
        if store.get_cached(INDEXED_NAMESPACE, [self.scheme]):
            return
        self._repo.ensure_table()
        batch: list[tuple[str, list[int]]] = []
        for _seq, article_id, data in self._repo.unindexed_originals():
            sig = from_bytes(data)
            if len(sig) == self.num_perm:
                batch.append((article_id, self.buckets(sig)))
            if len(batch) >= BACKFILL_BATCH:
                self._repo.add_many(batch)
                batch = []
        if batch:
            self._repo.add_many(batch)
        store.put_cached(INDEXED_NAMESPACE, [(self.scheme, b"1")])


def store_index(store: Store, settings: DedupSettings) -> DuplicateIndex:
    """The near-duplicate index of ``store``: in the store for a SQL store; in memory, loaded
    from the stored signatures, for any other."""
    bands = getattr(store, "bands", None)
    if bands is not None:
        return StoreIndex(store, bands, settings)
    index = NearDuplicateIndex(settings.num_perm, settings.threshold)
    for key, data in store.iter_signatures():
        index.add_bytes(key, data)
    return index
