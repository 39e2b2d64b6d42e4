"""Exact (normalised-text hash) and near (MinHash LSH) duplicate detection."""

from sujet.dedup.fingerprint import content_hash, normalise, signature
from sujet.dedup.index import NearDuplicateIndex

__all__ = ["NearDuplicateIndex", "content_hash", "normalise", "signature"]
