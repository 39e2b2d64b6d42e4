"""Is it the same person? Name similarity across cases, scripts and spelling conventions.

Both names go to :func:`sujet.entities.translit.skeleton` keys; features compare the surnames
(Jaro-Winkler, edit ratio, female-suffix variants such as Czech -ová), the given names, and the
best token alignment. A logistic regression over these features, fitted by
``scripts/fit_names.py`` (cross-validated on names/slavicner; weights in models/names_lr.json),
turns them into a probability; :func:`same_person` thresholds it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import JaroWinkler, Levenshtein

from sujet.entities.translit import skeleton, word_keys

MODEL_PATH = Path(__file__).resolve().parent / "models" / "names_lr.json"

SURNAME_GATE = 0.6
# Every word of the shorter name must be at least this close (edit similarity of the sound keys)
# to a word of the other: "Trump"/"Tusk" (0.4) differ. Set on names/slavicner dev, where 0.45
# removes 3x more different-person than same-person pairs (nicknames, reorderings).
MIN_TOKEN_LEV = 0.45

FEATURES = (
    "surname_jw",
    "surname_lev",
    "surname_exact",
    "given_jw",
    "initial_same",
    "align_mean",
    "align_min",
    "full_lev",
    "tokens_same",
    "swapped_jw",
    "align_min_lev",
)


def _fem_variants(token: str) -> set[str]:
    """Surname forms without gender endings (Bolandova/Boland, Zaharovova/Zaharova, -ska/-ski)."""
    out = {token}
    for suf, reps in (
        ("ova", ("", "a", "ov")),
        ("eva", ("ev",)),
        ("ina", ("in",)),
        ("ska", ("ski", "sky", "skii")),
        ("ski", ("sky", "skii")),
        ("skii", ("ski",)),
        ("aja", ("ii", "i")),
        ("ai", ("ii",)),
    ):
        if token.endswith(suf) and len(token) > len(suf) + 2:
            out.update(token[: -len(suf)] + r for r in reps)
    return out


def _jw(a: str, b: str) -> float:
    return float(JaroWinkler.similarity(a, b))


def _lev(a: str, b: str) -> float:
    return float(Levenshtein.normalized_similarity(a, b))


Keys = frozenset[str]


def _tokens(name: str, lang: str | None) -> list[Keys]:
    """The sound keys of each word of ``name`` (:func:`word_keys`); the last word, the surname,
    with its case stems too. Initials ("George H. W. Bush") are left out when longer words exist."""
    words = [w for w in re.split(r"[\s\-‐]+", name) if skeleton(w, lang)]
    long = [w for w in words if len(skeleton(w, lang)) > 1]
    words = long or words
    return [word_keys(w, lang, inflected=i == len(words) - 1) for i, w in enumerate(words)]


def _best(fn: Callable[[str, str], float], a: Keys, b: Keys) -> float:
    return max(fn(x, y) for x in a for y in b)


def _surname_keys(keys: Keys) -> Keys:
    return frozenset(v for k in keys for v in _fem_variants(k))


@lru_cache(maxsize=200_000)
def features(
    a: str, b: str, lang_a: str | None = None, lang_b: str | None = None
) -> tuple[float, ...]:
    ta, tb = _tokens(a, lang_a), _tokens(b, lang_b)
    if not ta or not tb:
        return tuple(0.0 for _ in FEATURES)
    va, vb = _surname_keys(ta[-1]), _surname_keys(tb[-1])
    s_jw = _best(_jw, va, vb)
    s_lev = _best(_lev, va, vb)
    s_exact = float(bool(va & vb))
    if len(ta) > 1 and len(tb) > 1:
        g_jw = _best(_jw, ta[0], tb[0])
        initial = float(bool({x[0] for x in ta[0]} & {y[0] for y in tb[0]}))
    else:
        g_jw, initial = 0.5, 0.5  # one side has no given name: neutral
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    best = [max(_best(_jw, x, y) for y in long) for x in short]
    best_lev = [max(_best(_lev, x, y) for y in long) for x in short]
    swapped = (
        max(_best(_jw, ta[0], tb[-1]), _best(_jw, ta[-1], tb[0]))
        if len(ta) > 1 and len(tb) > 1
        else 0.0
    )
    full_a = " ".join(skeleton(a, lang_a).split())
    full_b = " ".join(skeleton(b, lang_b).split())
    return (
        s_jw,
        s_lev,
        s_exact,
        g_jw,
        initial,
        sum(best) / len(best),
        min(best),
        _lev(full_a, full_b),
        float(len(ta) == len(tb)),
        swapped,
        min(best_lev),
    )


@lru_cache(maxsize=1)
def _model() -> tuple[list[float], float, float]:
    """(weights, bias, threshold) of the shipped classifier."""
    if MODEL_PATH.is_file():
        data = json.loads(MODEL_PATH.read_text("utf-8"))
        return [float(w) for w in data["weights"]], float(data["bias"]), float(data["threshold"])
    # Without the fitted file: a hand rule on the surname and the alignment (weights of 1).
    return [4.0, 2.0, 1.0, 2.0, 1.0, 4.0, 2.0, 0.0, 0.0, 0.0, 2.0], -15.0, 0.5


def name_score(a: str, b: str, lang_a: str | None = None, lang_b: str | None = None) -> float:
    """Probability that two person names (any case of their base form, any script) are one person."""
    if _norm(a) == _norm(b):
        return 1.0
    w, bias, _thr = _model()
    f = features(a, b, lang_a, lang_b)
    z = bias + sum(wi * xi for wi, xi in zip(w, f, strict=True))
    p = 1.0 / (1.0 + math.exp(-z))
    # Different surnames are different people whatever the given names say (Владимир Мазур /
    # Владимир Путин). SURNAME_GATE was set on names/slavicner dev: below 0.6 lie 963 different
    # and 94 same-person pairs (nicknames such as "Её Величество", which need a lexicon).
    if max(f[0], f[9]) < SURNAME_GATE or f[10] < MIN_TOKEN_LEV:
        p = min(p, 0.05)
    return p


def same_person(a: str, b: str, lang_a: str | None = None, lang_b: str | None = None) -> bool:
    """The system's decision: are ``a`` and ``b`` names of the same person?"""
    return name_score(a, b, lang_a, lang_b) >= _model()[2]


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower().replace("ё", "е"))
