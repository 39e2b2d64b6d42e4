"""Near-duplicate index: MinHash signatures with LSH banding, restorable from the store.

Banding is kept here (not inside rensa's LSH) because the index must be rebuilt from stored
digests on every run, and rensa's LSH takes only live MinHash objects.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from sujet.dedup.fingerprint import from_bytes, jaccard_estimate


def _bands_for(num_perm: int, threshold: float) -> int:
    """Number of bands whose S-curve midpoint (1/b)^(1/r) sits well below ``threshold``.

    Candidates are verified against the estimated Jaccard afterwards, so the banding only has
    to find them: a midpoint ~0.15 below the threshold keeps recall near 1 at the cost of a few
    extra verifications.
    """
    best = 1
    for b in range(1, num_perm + 1):
        if num_perm % b:
            continue
        r = num_perm // b
        if (1 / b) ** (1 / r) <= threshold - 0.15:
            return b
        best = b
    return best


class NearDuplicateIndex:
    """Finds, for a new signature, the earliest indexed text above the Jaccard threshold."""

    def __init__(self, num_perm: int, threshold: float) -> None:
        self.num_perm = num_perm
        self.threshold = threshold
        self.bands = _bands_for(num_perm, threshold)
        self.rows = num_perm // self.bands
        self._buckets: list[dict[bytes, list[str]]] = [defaultdict(list) for _ in range(self.bands)]
        self._sigs: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def _band_keys(self, sig: np.ndarray) -> list[bytes]:
        return [sig[i * self.rows : (i + 1) * self.rows].tobytes() for i in range(self.bands)]

    def add(self, key: str, sig: np.ndarray) -> None:
        if key in self._sigs or len(sig) != self.num_perm:
            return
        self._sigs[key] = sig
        self._order[key] = len(self._order)
        for band, bkey in zip(self._buckets, self._band_keys(sig), strict=True):
            band[bkey].append(key)

    def add_bytes(self, key: str, data: bytes) -> None:
        self.add(key, from_bytes(data))

    def query(self, sig: np.ndarray) -> tuple[str, float] | None:
        """(key, estimated Jaccard) of the earliest indexed near duplicate, or None."""
        if len(sig) != self.num_perm:
            return None
        candidates: set[str] = set()
        for band, bkey in zip(self._buckets, self._band_keys(sig), strict=True):
            candidates.update(band.get(bkey, ()))
        best: tuple[int, str, float] | None = None
        for key in candidates:
            j = jaccard_estimate(sig, self._sigs[key])
            if j >= self.threshold and (best is None or self._order[key] < best[0]):
                best = (self._order[key], key, j)
        return (best[1], best[2]) if best else None
