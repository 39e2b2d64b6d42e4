"""Metric functions shared by the quality harnesses.

Body similarity follows the ScrapingHub article-extraction-benchmark exactly: tokens are ``\\w+``
(case kept), shingles are 4-grams of tokens counted as a multiset, each page's TP/FP/FN is
normalised to sum to 1, precision is the mean over pages with TP+FP > 0, recall the mean over
pages with TP+FN > 0, and F1 is the harmonic mean of the two means.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = tokens(text)
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(toks) - n + 1)):
        sh = tuple(toks[i : i + n])
        if sh:
            out[sh] += 1
    return out


def shingle_tp_fp_fn(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page, as the benchmark computes them."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return tp, fp, fn


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def macro_prf(rows: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, f1) from per-page normalised TP/FP/FN, benchmark style."""
    ps = [_precision(*r) for r in rows if r[0] + r[1] > 0]
    rs = [_recall(*r) for r in rows if r[0] + r[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Micro precision, recall, F1 from counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def collapse_ws(text: str) -> str:
    return " ".join((text or "").split())


def snippet_counts(
    text: str, must_have: Iterable[str], must_not_have: Iterable[str]
) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) of trafilatura's snippet evaluation on one page.

    A must_have found is a true positive (else a false negative); a must_not_have found is a
    false positive (else a true negative). Compared after collapsing whitespace.
    """
    body = collapse_ws(text)
    tp = fn = fp = tn = 0
    for s in must_have:
        if collapse_ws(s) in body:
            tp += 1
        else:
            fn += 1
    for s in must_not_have:
        if collapse_ws(s) in body:
            fp += 1
        else:
            tn += 1
    return tp, fn, fp, tn


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)
