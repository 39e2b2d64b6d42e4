"""Word clusters of the German CRF tagger (built by scripts/build_ner_clusters.py).

The map gives each frequent word its cluster id at a few granularities; the tagger uses them as
features so that a name it never saw in training ("Bamberg") shares evidence with the names of
its cluster that it did see ("Würzburg", "Regensburg").
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
CLUSTERS_FILE = MODELS_DIR / "ner_clusters_de.tsv.gz"
# Granularities of the k-means clusterings, coarse to fine.
CLUSTER_SIZES: tuple[int, ...] = (64, 256, 1024)


def cluster_key(word: str) -> str:
    """The form under which a word is stored: case kept, typographic apostrophes unified."""
    return word.replace("’", "'")


@lru_cache(maxsize=2)
def load_clusters(path: Path = CLUSTERS_FILE) -> dict[str, tuple[str, ...]]:
    """word -> its cluster ids, coarse to fine; empty when the file is missing."""
    if not path.is_file():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                out[parts[0]] = tuple(parts[1:])
    return out


def word_clusters(word: str, clusters: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Cluster ids of ``word``; a sentence-initial capital falls back to the lower-case form."""
    key = cluster_key(word)
    found = clusters.get(key)
    if found is None and key[:1].isupper():
        found = clusters.get(key.lower()) or clusters.get(key[:1] + key[1:].lower())
    return found or ()
