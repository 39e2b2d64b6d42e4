"""Pair features of two article representations: the signals the pair model combines."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz

from sujet.stories.keys import skeleton
from sujet.stories.pair_idf import IdfTable, default_table, idf_weighted
from sujet.stories.represent import ArticleRepr, stem_cosine, top_names

FEATURES: tuple[str, ...] = (
    "cos_title",
    "cos_lead",
    "cos_body",
    "cos_cross",  # title of one against the lead of the other, mean of both directions
    "names_jaccard",
    "names_shared",  # log(1 + shared name keys)
    "names_containment",  # shared / smaller key set
    "top_names_shared",  # shared among each article's five most frequent names
    "numbers_jaccard",
    "numbers_shared",
    "years_conflict",  # both name years, none in common
    "title_fuzz",  # token-set ratio of transliterated titles, 0..1
    "length_ratio",
    "same_language",
    "chunks_max",  # best-aligned pair of body chunks
    "chunks_align",  # mean over chunks of their best match on the other side
    "stems_cosine",  # lexical overlap of content-word stems
    "stems_idf",  # the same overlap with rare stems weighing more (IDF over the dev texts)
)


def _jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def shared_names(a: ArticleRepr, b: ArticleRepr) -> set[str]:
    """Shared entity ids when both articles have them, else shared light name keys."""
    if a.entity_keys is not None and b.entity_keys is not None:
        return set(a.entity_keys & b.entity_keys)
    return set(a.keys.names) & set(b.keys.names)


def _name_sets(a: ArticleRepr, b: ArticleRepr) -> tuple[set[str], set[str]]:
    if a.entity_keys is not None and b.entity_keys is not None:
        return set(a.entity_keys), set(b.entity_keys)
    return set(a.keys.names), set(b.keys.names)


def _top5(r: ArticleRepr) -> frozenset[str]:
    if r.top_keys is None:
        r.top_keys = frozenset(top_names(r.keys, 5))
    return r.top_keys


def title_similarity(a: str, b: str) -> float:
    """Token-set ratio of two titles after transliteration, 0..1."""
    return _skeleton_similarity(skeleton(a), skeleton(b))


def _skeleton_similarity(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(a, b)) / 100.0


def weighted_stems(r: ArticleRepr, idf: IdfTable | None = None) -> dict[str, float]:
    """The article's stem vector weighted by IDF: by ``idf`` when given, else by the shipped
    table (that vector is computed once and kept on the representation)."""
    if idf is not None:
        return idf_weighted(r.stems, idf)
    if r.stems_idf is None:
        r.stems_idf = idf_weighted(r.stems, default_table())
    return r.stems_idf


def pair_features(a: ArticleRepr, b: ArticleRepr, *, stems: float | None = None,
                  stems_idf: float | None = None, idf: IdfTable | None = None) -> np.ndarray:
    """The feature vector of a pair, in the order of :data:`FEATURES` (``stems``,
    ``stems_idf``: the stem cosines when the caller computed them already, in bulk; ``idf``: a
    document-frequency table other than the shipped one, as in cross-validation)."""
    na, nb = _name_sets(a, b)
    shared = na & nb
    ta, tb = _top5(a), _top5(b)
    years_conflict = float(bool(a.keys.years and b.keys.years
                                and not (a.keys.years & b.keys.years)))
    la, lb = max(1, a.length), max(1, b.length)
    sim = a.vec_chunks @ b.vec_chunks.T
    return np.array([
        float(a.vec_title @ b.vec_title),
        float(a.vec_lead @ b.vec_lead),
        float(a.vec_body @ b.vec_body),
        0.5 * (float(a.vec_title @ b.vec_lead) + float(a.vec_lead @ b.vec_title)),
        _jaccard(na, nb),
        math.log1p(len(shared)),
        len(shared) / max(1, min(len(na), len(nb))),
        float(len(ta & tb)),
        _jaccard(a.keys.numbers, b.keys.numbers),
        math.log1p(len(a.keys.numbers & b.keys.numbers)),
        years_conflict,
        _skeleton_similarity(a.title_skeleton or skeleton(a.title),
                             b.title_skeleton or skeleton(b.title)),
        min(la, lb) / max(la, lb),
        float(bool(a.language and a.language == b.language)),
        float(sim.max()),
        0.5 * (float(sim.max(axis=1).sum()) / sim.shape[0]
               + float(sim.max(axis=0).sum()) / sim.shape[1]),
        stem_cosine(a.stems, b.stems) if stems is None else stems,
        (stem_cosine(weighted_stems(a, idf), weighted_stems(b, idf)) if stems_idf is None
         else stems_idf),
    ], dtype=np.float64)


def _bulk_cosines(vectors: Sequence[dict[str, float]], ia: np.ndarray,
                  ib: np.ndarray) -> np.ndarray:
    """Cosines of sparse unit vectors for index pairs, as one sparse product (in blocks)."""
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, vec in enumerate(vectors):
        for k, v in vec.items():
            rows.append(i)
            cols.append(vocab.setdefault(k, len(vocab)))
            vals.append(v)
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(vectors), max(1, len(vocab))))
    out = np.empty(len(ia), dtype=np.float64)
    for lo in range(0, len(ia), 4096):  # in blocks: the row products are large and sparse
        hi = lo + 4096
        out[lo:hi] = np.asarray(m[ia[lo:hi]].multiply(m[ib[lo:hi]]).sum(axis=1)).ravel()
    return out


def feature_matrix(reprs: Sequence[ArticleRepr], pairs: Sequence[tuple[int, int]], *,
                   idf: IdfTable | None = None) -> np.ndarray:
    """Features of many pairs (index pairs into ``reprs``); equal to :func:`pair_features`
    row by row, with the stem cosines computed as sparse products."""
    ia = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    ib = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    used = set(ia.tolist()) | set(ib.tolist())
    stem_cos = _bulk_cosines([r.stems for r in reprs], ia, ib)
    weighted = [weighted_stems(r, idf) if i in used else {} for i, r in enumerate(reprs)]
    idf_cos = _bulk_cosines(weighted, ia, ib)
    out = np.empty((len(pairs), len(FEATURES)), dtype=np.float64)
    for n, (i, j) in enumerate(pairs):
        out[n] = pair_features(reprs[i], reprs[j], stems=float(stem_cos[n]),
                               stems_idf=float(idf_cos[n]), idf=idf)
    return out
