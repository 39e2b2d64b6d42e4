from __future__ import annotations

import numpy as np

from sujet.stories.encoder import MemoryCache, embed_texts

TEXTS = [
    "Der Gouverneur traf den Minister in Tomsk.",
    "Губернатор встретился с министром в Томске.",
    "The governor met the minister in Tomsk.",
    "Heavy rain flooded the streets of Valencia.",
]


def test_static_encoder_rows_are_unit_and_cross_lingual(static_encoder):
    v = static_encoder.encode(TEXTS)
    assert v.shape == (4, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 3] and sims[1, 2] > sims[1, 3]


def test_static_encoder_agrees_with_the_full_encoder(static_encoder, full_encoder):
    s = static_encoder.encode(TEXTS)
    f = full_encoder.encode(TEXTS)
    agreement = np.sum(s * f, axis=1)
    assert agreement.min() > 0.6  # the distilled vector points where the full one does


class CountingCache(MemoryCache):
    def __init__(self) -> None:
        super().__init__()
        self.puts = 0

    def put_cached(self, namespace, items):
        self.puts += len(items)
        super().put_cached(namespace, items)


def test_embeddings_are_cached_by_content(static_encoder):
    cache = CountingCache()
    a = embed_texts(static_encoder, TEXTS + TEXTS[:1], cache=cache)
    assert cache.puts == 4  # the repeated text is encoded once
    b = embed_texts(static_encoder, TEXTS, cache=cache)
    assert cache.puts == 4
    assert np.array_equal(a[:4], b)


def test_e5_encoder_rows_are_unit_and_cross_lingual():
    from sujet.stories.encoder import get_encoder

    e5 = get_encoder("e5")
    v = e5.encode(TEXTS)
    assert v.shape == (4, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 3] and sims[1, 2] > sims[1, 3] and sims[0, 2] > sims[2, 3]
    assert "e5-small" in e5.name and e5.encode([]).shape == (0, 384)


def test_unknown_encoder_kind_is_a_clear_error():
    import pytest

    from sujet.stories.encoder import get_encoder

    with pytest.raises(ValueError, match="unknown encoder"):
        get_encoder("word2vec")
