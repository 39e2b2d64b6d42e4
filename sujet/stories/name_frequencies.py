"""How common each name key is: document frequencies in a reference corpus of news and other
text, for weighing shared names by their rarity.

A name key is the cross-script key of a capitalised word (:func:`sujet.stories.keys.name_key`:
Мазур = Masur -> "masur"). The table counts, for each key, the reference texts (cut into pieces
of about an article's length) that hold it. It is built by ``scripts/build_name_frequencies.py``
from the training texts (``train/ner``: Russian and German news, German court decisions) and the
English article bodies of the extraction set, never from the pairs the pair model is measured
on; it holds counts only.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sujet.errors import ModelError

TABLE = Path(__file__).with_name("models") / "name_frequencies.json.gz"


@dataclass(frozen=True, slots=True)
class NameFrequencies:
    df: dict[str, int]  # texts holding the key
    n_docs: int
    meta: dict[str, Any]

    def idf(self, key: str) -> float:
        """Smoothed inverse document frequency, ``log((n + 1) / (df + 1))``: 0 for a key in
        every text, largest for one never seen."""
        return math.log((self.n_docs + 1) / (self.df.get(key, 0) + 1))

    def save(self, path: Path = TABLE) -> None:
        data = {"n_docs": self.n_docs, "meta": self.meta,
                "df": dict(sorted(self.df.items()))}
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path = TABLE) -> NameFrequencies:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls({str(k): int(v) for k, v in data["df"].items()}, int(data["n_docs"]),
                   dict(data.get("meta", {})))

    @staticmethod
    def shipped() -> NameFrequencies:
        """The table inside the package (loaded once per process)."""
        return _shipped()


@lru_cache(maxsize=1)
def _shipped() -> NameFrequencies:
    if not TABLE.is_file():
        raise ModelError(f"name frequency table missing: {TABLE} (make models)")
    return NameFrequencies.load(TABLE)
