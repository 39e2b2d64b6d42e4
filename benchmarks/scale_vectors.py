"""Cached article vectors of generated articles, as a store filled by ingest holds them.

Ingest puts the vectors event clustering reads into the store's embedding cache
(``sujet.pipeline.enrich.PrepareVectors``, ``sujet.stories.represent.article_vectors``), and
restoring the events later reads them back through :func:`sujet.stories.represent.represent`
instead of encoding the stored articles again. A generated store holds them too, in the same
rows: table ``cache``, namespace ``emb:<encoder name>``, key
:func:`sujet.stories.encoder.content_key` of the encoder name and the text, value the float32
bytes of a unit vector:

- static (distilled USE, 512-d): the headline, and the headline with the lead;
- e5 (multilingual-e5, 384-d): the headline with the short lead, for every original report (a
  duplicate is never compared, so it has none; its static texts are its original's).

The texts are the ones ``represent`` derives (``headline_and_rest``, ``lead_of``); the encoder
names are those of the loaded encoders, so a changed table or engine changes the keys as it
does for the product. The vectors are drawn, not encoded: each vector is a common part plus a
residual, ``normalize(c + r · normalize(u_event + σ g / √d))``, where ``u_event`` is a random
unit direction per event and vector kind, ``g`` Gaussian noise per article, ``r`` the norm that
makes ``|c + r·unit| ≈ 1``. The common part of the e5 vectors is the language centre the pair
model was fitted with; that of the static vectors a random direction of fixed norm. The norms
and the noise were set on 40 same-event and 40 other pairs of the tg pair set encoded by the
real encoders (medians): static headlines 0.79 within an event, 0.24 between unrelated news
(common norm 0.49, σ 0.61); static headline + lead 0.87 and 0.36 (common norm 0.61, σ 0.51); e5
centred on the language 0.81 within an event (σ 0.48), raw 0.96. Unrelated events' residuals
are orthogonal (real unrelated news shares some topic, so it sits a little higher).

Identical texts (titles drawn twice, duplicates) have one cache row, as in the product: the
first article of the text writes it, the others find it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from sujet.stories.encoder import content_key, get_encoder
from sujet.stories.represent import DEEP_LEAD_CHARS, headline_and_rest, lead_of

# (common norm, σ) per vector kind, measured as the module doc says
TITLE_SHAPE = (0.49, 0.61)
LEAD_SHAPE = (0.61, 0.51)
DEEP_SIGMA = 0.48
DEEP_COMMON = 0.87  # norm of the common part when the pair model has no language centres


@dataclass(frozen=True, slots=True)
class Texts:
    """The texts ``represent`` embeds for one article."""

    title: str
    lead: str
    deep: str


def texts_of(title: str | None, text: str) -> Texts:
    """What :func:`sujet.stories.represent.represent` embeds for an article."""
    head, rest = headline_and_rest(title, text)
    lead = lead_of(rest)
    short = lead_of(rest, DEEP_LEAD_CHARS)
    return Texts(head, f"{head}\n{lead}" if lead else head, f"{head}\n{short}" if short else head)


def _unit(m: np.ndarray) -> np.ndarray:
    return m / np.maximum(np.linalg.norm(m, axis=-1, keepdims=True), 1e-12)


@dataclass(slots=True)
class Space:
    """One kind of cached vector: the encoder's namespace and name, common parts, noise."""

    encoder: str
    dim: int
    common: dict[str, np.ndarray]  # by language ("" for any)
    sigma: float

    @property
    def namespace(self) -> str:
        return f"emb:{self.encoder}"

    def draw(self, direction: np.ndarray, languages: Sequence[str],
             rng: np.random.Generator) -> np.ndarray:
        """Unit vectors of the articles of one event (``direction``: the event's)."""
        noise = rng.standard_normal((len(languages), self.dim)) * (self.sigma / math.sqrt(self.dim))
        residual = _unit(direction[None, :] + noise)
        common = np.stack([self.common.get(lang, self.common[""]) for lang in languages])
        scale = np.sqrt(np.maximum(0.0, 1.0 - np.einsum("ij,ij->i", common, common)))
        return _unit(common + scale[:, None] * residual).astype(np.float32)


class ArticleVectors:
    """Cache rows of the vectors of generated articles, an event at a time."""

    def __init__(self, seed: int) -> None:
        from sujet.config import StorySettings
        from sujet.stories.pair import default_scorer

        rng = np.random.default_rng([seed, 0xEC])
        static, e5 = get_encoder("static"), get_encoder("e5")
        static_dim, deep_dim = (int(enc.encode(["."]).shape[1]) for enc in (static, e5))

        def fixed(norm: float, dim: int) -> dict[str, np.ndarray]:
            return {"": norm * _unit(rng.standard_normal(dim))}

        centres = dict(default_scorer(StorySettings()).model.centres)
        deep_common = ({k: np.asarray(v, dtype=np.float64) for k, v in centres.items()}
                       if centres else fixed(DEEP_COMMON, deep_dim))
        if "" not in deep_common:
            deep_common[""] = np.mean(list(deep_common.values()), axis=0)
        self.title = Space(static.name, static_dim, fixed(TITLE_SHAPE[0], static_dim),
                           TITLE_SHAPE[1])
        self.lead = Space(static.name, static_dim, fixed(LEAD_SHAPE[0], static_dim),
                          LEAD_SHAPE[1])
        self.deep = Space(e5.name, deep_dim, deep_common, DEEP_SIGMA)

    def rows(self, articles: Sequence[dict[str, Any]], rng: np.random.Generator,
             into: dict[tuple[str, str], bytes]) -> None:
        """Add the cache rows of one event's article rows to ``into`` (the first row of a
        text is kept)."""
        originals = [a for a in articles if not a["duplicate_of"]]
        if not originals:
            return
        texts = [texts_of(a["title"], a["text"]) for a in originals]
        languages = [a["language"] or "" for a in originals]
        for space, field in ((self.title, "title"), (self.lead, "lead"), (self.deep, "deep")):
            direction = _unit(rng.standard_normal(space.dim))
            vectors = space.draw(direction, languages, rng)
            namespace = space.namespace
            for t, vector in zip(texts, vectors, strict=True):
                key = (namespace, content_key(space.encoder, getattr(t, field)))
                if key not in into:
                    into[key] = vector.tobytes()


def cache_rows(found: dict[tuple[str, str], bytes]) -> list[dict[str, Any]]:
    """Rows of the store's ``cache`` table."""
    return [{"namespace": ns, "key": key, "value": value} for (ns, key), value in found.items()]
