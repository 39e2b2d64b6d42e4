"""Exact (normalised-text hash) and near (MinHash LSH) duplicate detection."""

from sujet.dedup.fingerprint import content_hash, normalise, signature
from sujet.dedup.index import NearDuplicateIndex
from sujet.dedup.store_index import store_index

__all__ = ["NearDuplicateIndex", "content_hash", "normalise", "signature", "store_index"]
