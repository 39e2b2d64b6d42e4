"""Text normalisation, exact-duplicate hashes and MinHash signatures."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
import rensa

_WORD_RE = re.compile(r"\w+", re.UNICODE)
SEED = 42  # fixed so stored signatures stay comparable across runs


def normalise(text: str) -> str:
    """Case-folded words joined by single spaces: layout and punctuation do not count."""
    text = unicodedata.normalize("NFKC", text or "").casefold().replace("ё", "е")
    return " ".join(_WORD_RE.findall(text))


def content_hash(text: str) -> str:
    """Hash of the normalised text: equal hashes are exact duplicates."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def word_shingles(text: str, n: int) -> list[str]:
    words = normalise(text).split()
    if len(words) <= n:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]


def signature(text: str, *, num_perm: int, shingle_words: int) -> np.ndarray:
    """MinHash digest (uint32 array of ``num_perm``) of the text's word shingles."""
    mh = rensa.RMinHash(num_perm=num_perm, seed=SEED)
    mh.update(word_shingles(text, shingle_words))
    return np.asarray(mh.digest(), dtype=np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b)) if len(a) == len(b) and len(a) else 0.0
