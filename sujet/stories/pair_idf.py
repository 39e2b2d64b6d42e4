"""Document frequencies of content-word stems, hashed into a small table, for IDF weighting.

A stem (the transliterated skeleton prefix of :func:`sujet.stories.represent.stem_vector`) is
hashed into one of ``2**BITS`` buckets; each bucket keeps how many texts contained a stem of
that bucket (capped at 65535). Rare stems shared by two articles (a place, a surname, a
product) then weigh more than common ones ("said", "year") in the lexical overlap of a pair.
The shipped table is counted over the dev pair texts by ``scripts/train_pairs.py``; it holds
counts only, no text.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

BITS = 18
IDF_PATH = Path(__file__).with_name("models") / "pair_idf.npz"


def bucket(stem: str) -> int:
    """Stable bucket of a stem (CRC-32, the same in every process and platform)."""
    return zlib.crc32(stem.encode("utf-8")) & ((1 << BITS) - 1)


@dataclass(slots=True)
class IdfTable:
    df: np.ndarray  # [2**BITS] texts per bucket
    n_docs: int

    def idf(self, stem: str) -> float:
        """Smoothed inverse document frequency: ``log((n + 1) / (df + 1)) + 1``."""
        return math.log((self.n_docs + 1) / (int(self.df[bucket(stem)]) + 1)) + 1.0

    @classmethod
    def fit(cls, docs: Iterable[Mapping[str, float]]) -> IdfTable:
        """Count the texts each stem occurs in (``docs``: one stem mapping per text)."""
        df = np.zeros(1 << BITS, dtype=np.int64)
        n = 0
        for stems in docs:
            n += 1
            if stems:
                df[np.unique(np.fromiter((bucket(s) for s in stems), dtype=np.int64))] += 1
        return cls(np.minimum(df, 65535).astype(np.uint16), n)

    def save(self, path: Path = IDF_PATH) -> None:
        np.savez_compressed(path, df=self.df, n_docs=np.int64(self.n_docs))

    @classmethod
    def load(cls, path: Path = IDF_PATH) -> IdfTable:
        with np.load(path) as z:
            return cls(np.asarray(z["df"], dtype=np.uint16), int(z["n_docs"]))


@lru_cache(maxsize=2)
def default_table(path: Path = IDF_PATH) -> IdfTable | None:
    """The shipped table (None when absent: every stem then weighs the same)."""
    return IdfTable.load(path) if path.is_file() else None


def idf_weighted(stems: Mapping[str, float], table: IdfTable | None) -> dict[str, float]:
    """A stem vector reweighted by IDF and L2-normalised again."""
    if table is None:
        return dict(stems)
    w = {k: v * table.idf(k) for k, v in stems.items()}
    norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
    return {k: v / norm for k, v in w.items()}
