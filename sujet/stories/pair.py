"""Do two articles report the same event? A calibrated score, a decision, and reasons in words."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from sujet.config import get_settings
from sujet.stories.features import FEATURES, feature_matrix, pair_features, shared_names
from sujet.stories.pairmodel import PairModel, load_pair_model, model_path
from sujet.stories.represent import ArticleRepr, span_gap


@dataclass(slots=True)
class PairScore:
    score: float  # probability-like, 0..1
    same: bool
    reasons: list[str] = field(default_factory=list)


def model_for(encoder_name: str) -> PairModel:
    """The pair model fitted on features of this encoder (static unless the full USE); the
    static one stands in when no model was fitted for the full encoder."""
    path = model_path(encoder_name == "use-m3")
    return load_pair_model(path if path.is_file() else model_path(False))


def date_gap(a: ArticleRepr, b: ArticleRepr) -> int | None:
    """Smallest possible distance in days between two articles' dates (None if one lacks it)."""
    return span_gap(a.span, b.span)


def date_factor(gap: int | None, window_days: int) -> float:
    """Multiplier on the pair score for publication dates far apart.

    Dates are absent from the dev pairs, so this is a rule, not learned: within the event
    window nothing changes; beyond it the score halves for every further window length.
    """
    if gap is None or gap <= window_days:
        return 1.0
    return float(0.5 ** ((gap - window_days) / max(1, window_days)))


def _names_reason(a: ArticleRepr, b: ArticleRepr, shared: set[str]) -> str | None:
    if not shared:
        return None
    if a.entity_keys is not None and b.entity_keys is not None:
        labels = [a.entity_names.get(k) or b.entity_names.get(k) or k for k in sorted(shared)]
        what = "same people, organisations or places"
    else:
        # most frequent first in the first article, so the main actors lead
        order = sorted(shared, key=lambda k: (-a.keys.names[k] - b.keys.names[k], k))
        labels = [a.keys.surfaces.get(k) or b.keys.surfaces.get(k) or k for k in order]
        what = "same names"
    shown = ", ".join(labels[:5]) + (f" and {len(labels) - 5} more" if len(labels) > 5 else "")
    return f"{what}: {shown}"


def explain(a: ArticleRepr, b: ArticleRepr, x: np.ndarray, gap: int | None,
            window_days: int) -> list[str]:
    f = dict(zip(FEATURES, x, strict=True))
    reasons: list[str] = []
    if f["cos_title"] >= 0.6:
        reasons.append(f"titles say the same thing (cosine {f['cos_title']:.2f})")
    if f["cos_lead"] >= 0.6:
        reasons.append(f"leads tell the same story (cosine {f['cos_lead']:.2f})")
    elif f["chunks_max"] >= 0.7:
        reasons.append(f"passages match (cosine {f['chunks_max']:.2f})")
    if f["cos_lead"] < 0.4 and f["cos_title"] < 0.4:
        reasons.append(f"different topics (cosine {max(f['cos_lead'], f['cos_title']):.2f})")
    names = _names_reason(a, b, shared_names(a, b))
    if names:
        reasons.append(names)
    figures = sorted(a.keys.numbers & b.keys.numbers)
    if figures:
        reasons.append("same figures: " + ", ".join(figures[:5]))
    if f["years_conflict"]:
        ya, yb = ", ".join(sorted(a.keys.years)), ", ".join(sorted(b.keys.years))
        reasons.append(f"different years named: {ya} vs {yb}")
    if gap is not None:
        if gap == 0:
            reasons.append("same day")
        elif gap <= window_days:
            reasons.append(f"{gap} day{'s' if gap != 1 else ''} apart")
        else:
            reasons.append(f"{gap} days apart (beyond the {window_days}-day event window)")
    if a.language and b.language and a.language != b.language:
        reasons.append(f"across languages ({a.language}/{b.language})")
    return reasons


def pair_score(a: ArticleRepr, b: ArticleRepr, *, model: PairModel | None = None,
               window_days: int | None = None) -> PairScore:
    """Score, decision and reasons for one pair of articles."""
    m = model if model is not None else model_for(a.encoder)
    window = window_days if window_days is not None else get_settings().stories.event_window_days
    x = pair_features(a, b)
    gap = date_gap(a, b)
    p = float(m.probability(x)[0]) * date_factor(gap, window)
    same = p >= m.threshold and (gap is None or gap <= window)
    return PairScore(score=round(p, 4), same=same,
                     reasons=explain(a, b, x, gap, window))


def score_matrix(reprs: list[ArticleRepr], pairs: list[tuple[int, int]], *,
                 model: PairModel | None = None, window_days: int | None = None) -> np.ndarray:
    """Scores of many pairs (index pairs into ``reprs``) in one model call; no reasons."""
    if not pairs:
        return np.zeros(0)
    m = model if model is not None else model_for(reprs[pairs[0][0]].encoder)
    window = window_days if window_days is not None else get_settings().stories.event_window_days
    X = feature_matrix(reprs, pairs)
    p = m.probability(X)
    factors = np.array([date_factor(date_gap(reprs[i], reprs[j]), window) for i, j in pairs])
    return p * factors
