"""Pair features of article representations: the few signals the same-event decision combines.

Every feature is computed for many pairs at once (index pairs into a list of representations),
by the same code at training and at run time:

- ``e5_lead``: cosine of the multilingual-e5 vectors of title and lead, each first centred on
  the mean vector of its language (the strongest signal). Raw e5 vectors carry their language:
  on the labelled dev pairs two reports in different languages sit 0.05 closer to
  "different" than two in one language, same event or not; after centring the unrelated pairs
  of both kinds score alike and a Russian and a German report of one meeting are no longer
  less alike than two Russian reports of different meetings;
- ``use_lead``, ``use_title``: cosines of the distilled USE vectors of title + lead and title;
- ``names``: share of the smaller article's name keys that the other article has too (light
  keys: capitalised words transliterated to one spelling skeleton, so Мазур = Masur);
- ``rare_names``: how rare the shared name keys are (a shared surname tells more than a shared
  country);
- ``stems``: cosine of content-word stem counts (transliterated skeleton prefixes);
- ``numbers``: log(1 + figures both articles give);
- ``years_conflict``: both name years and none in common.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from sujet.stories.name_frequencies import NameFrequencies
from sujet.stories.represent import ArticleRepr

Pairs = tuple[np.ndarray, np.ndarray]  # two index arrays into the representations
ANY_LANGUAGE = ""  # key of the centre used for a language without one of its own


@dataclass(slots=True)
class FeatureContext:
    """What features need beyond the two articles: the language centres of the e5 vectors
    (fitted with the pair model, see :func:`sujet.stories.training.language_centres`)."""

    centres: Mapping[str, np.ndarray] = field(default_factory=dict)
    names: NameFrequencies | None = None  # the shipped table unless another is given

    def name_frequencies(self) -> NameFrequencies:
        return self.names if self.names is not None else NameFrequencies.shipped()

    def centre(self, language: str | None) -> np.ndarray | None:
        return self.centres.get(language or ANY_LANGUAGE, self.centres.get(ANY_LANGUAGE))


Feature = Callable[[Sequence[ArticleRepr], Pairs, FeatureContext], np.ndarray]


# Pairs whose two vectors are gathered at once: a window of stored reports can hold millions of
# candidate pairs, and gathering both rows of every pair at once costs pairs × dimensions.
PAIR_BLOCK = 16_384


def _pair_cosines(m: np.ndarray, pairs: Pairs, block: int = PAIR_BLOCK) -> np.ndarray:
    """Row ``i`` of ``m`` dotted with row ``j`` for index pairs, a block of pairs at a time."""
    ia, ib = pairs
    out = np.empty(len(ia), dtype=np.float64)
    for lo in range(0, len(ia), block):
        hi = lo + block
        out[lo:hi] = np.einsum("ij,ij->i", m[ia[lo:hi]], m[ib[lo:hi]])
    return out


def _vectors(reprs: Sequence[ArticleRepr], name: str) -> np.ndarray:
    rows = [getattr(r, name) for r in reprs]
    if any(v is None for v in rows):
        raise ValueError(f"{name} is missing: embed the articles first")
    return np.stack(rows).astype(np.float64)


def _cosine_of(name: str) -> Feature:
    def cosine(reprs: Sequence[ArticleRepr], pairs: Pairs, ctx: FeatureContext) -> np.ndarray:
        return _pair_cosines(_vectors(reprs, name), pairs)

    return cosine


def e5_lead(reprs: Sequence[ArticleRepr], pairs: Pairs, ctx: FeatureContext) -> np.ndarray:
    m = _vectors(reprs, "vec_deep")
    if ctx.centres:
        zero = np.zeros(m.shape[1])
        m = m - np.stack([c if (c := ctx.centre(r.language)) is not None else zero
                          for r in reprs])
        m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
    return _pair_cosines(m, pairs)


def _sparse_rows(items: Sequence[dict[str, float]]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, vec in enumerate(items):
        for k, v in vec.items():
            rows.append(i)
            cols.append(vocab.setdefault(k, len(vocab)))
            vals.append(v)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(items), max(1, len(vocab))))


def _pair_dots(m: sparse.csr_matrix, pairs: Pairs, other: sparse.csr_matrix | None = None,
               block: int = 4096) -> np.ndarray:
    """Row ``i`` of ``m`` dotted with row ``j`` of ``other`` (default ``m``) for index pairs,
    in blocks (the products are sparse)."""
    ia, ib = pairs
    right = m if other is None else other
    out = np.empty(len(ia), dtype=np.float64)
    for lo in range(0, len(ia), block):
        hi = lo + block
        out[lo:hi] = np.asarray(m[ia[lo:hi]].multiply(right[ib[lo:hi]]).sum(axis=1)).ravel()
    return out


def stems(reprs: Sequence[ArticleRepr], pairs: Pairs, ctx: FeatureContext) -> np.ndarray:
    return _pair_dots(_sparse_rows([r.stems for r in reprs]), pairs)


def names(reprs: Sequence[ArticleRepr], pairs: Pairs, ctx: FeatureContext) -> np.ndarray:
    keys = [dict.fromkeys(r.keys.names, 1.0) for r in reprs]
    shared = _pair_dots(_sparse_rows(keys), pairs)
    sizes = np.array([len(k) for k in keys], dtype=np.float64)
    smaller = np.maximum(1.0, np.minimum(sizes[pairs[0]], sizes[pairs[1]]))
    return shared / smaller


def rare_names(reprs: Sequence[ArticleRepr], pairs: Pairs, ctx: FeatureContext) -> np.ndarray:
    """log(1 + the summed rarity of the name keys both articles have): a shared surname or
    small town tells more than a shared country (rarity: inverse document frequency in a
    reference corpus, :class:`sujet.stories.name_frequencies.NameFrequencies`)."""
    table = ctx.name_frequencies()
    weighted = _sparse_rows([{k: table.idf(k) for k in r.keys.names} for r in reprs])
    presence = weighted.copy()
    presence.data[:] = 1.0
    return np.log1p(_pair_dots(presence, pairs, weighted))


def numbers(reprs: Sequence[ArticleRepr], pairs: Pairs, ctx: FeatureContext) -> np.ndarray:
    shared = _pair_dots(_sparse_rows([dict.fromkeys(r.keys.numbers, 1.0) for r in reprs]), pairs)
    return np.log1p(shared)


def years_conflict(reprs: Sequence[ArticleRepr], pairs: Pairs, ctx: FeatureContext) -> np.ndarray:
    years = [dict.fromkeys(r.keys.years, 1.0) for r in reprs]
    shared = _pair_dots(_sparse_rows(years), pairs)
    has = np.array([bool(y) for y in years])
    return (has[pairs[0]] & has[pairs[1]] & (shared == 0)).astype(np.float64)


FEATURES: dict[str, Feature] = {
    "e5_lead": e5_lead,
    "use_lead": _cosine_of("vec_lead"),
    "use_title": _cosine_of("vec_title"),
    "names": names,
    "rare_names": rare_names,
    "stems": stems,
    "numbers": numbers,
    "years_conflict": years_conflict,
}


def as_pairs(pairs: Sequence[tuple[int, int]]) -> Pairs:
    ia = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    ib = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    return ia, ib


def feature_matrix(reprs: Sequence[ArticleRepr], pairs: Sequence[tuple[int, int]],
                   names_: Sequence[str], ctx: FeatureContext | None = None) -> np.ndarray:
    """The features ``names_`` (columns, in that order) of index pairs into ``reprs``."""
    index = as_pairs(pairs)
    if not pairs:
        return np.zeros((0, len(names_)), dtype=np.float64)
    context = ctx if ctx is not None else FeatureContext()
    return np.column_stack([FEATURES[n](reprs, index, context) for n in names_])


def shared_names(a: ArticleRepr, b: ArticleRepr) -> set[str]:
    """Shared entity ids when both articles have them, else shared light name keys (for
    explanations: the decision itself always uses the light keys, as it was trained)."""
    if a.entity_keys is not None and b.entity_keys is not None:
        return set(a.entity_keys & b.entity_keys)
    return set(a.keys.names) & set(b.keys.names)
