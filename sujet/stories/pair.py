"""Do two articles report the same event? A calibrated score, a decision, and reasons in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sujet.config import StorySettings
from sujet.errors import ModelError
from sujet.stories.features import FeatureContext, feature_matrix, shared_names
from sujet.stories.pairmodel import PairModel, load_pair_model, model_path
from sujet.stories.represent import ArticleRepr, span_gap


@dataclass(slots=True)
class PairScore:
    score: float  # probability-like, 0..1
    same: bool
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PairScorer:
    """The shipped pair model of one encoder mode, applied to many pairs at once."""

    model: PairModel

    @property
    def threshold(self) -> float:
        return self.model.threshold

    @property
    def needs_deep(self) -> bool:
        """Whether the articles need their multilingual-e5 vectors (``vec_deep``)."""
        return "e5_lead" in self.model.features

    def features(self, reprs: Sequence[ArticleRepr], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        return feature_matrix(reprs, pairs, self.model.features,
                              FeatureContext(centres=self.model.centres))

    def scores(self, reprs: Sequence[ArticleRepr], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        """Same-event probabilities of index pairs into ``reprs``."""
        if not pairs:
            return np.zeros(0)
        return self.model.probability(self.features(reprs, pairs))


def default_scorer(settings: StorySettings | None = None) -> PairScorer:
    """The scorer of the configured pair model file, else of the encoder mode's shipped one
    (the default settings' when none are given)."""
    cfg = settings or StorySettings()
    path = Path(cfg.pair_model) if cfg.pair_model else model_path(cfg.encoder)
    if not path.is_file():
        raise ModelError(f"pair model not found: {path}")
    return PairScorer(load_pair_model(path))


def date_gap(a: ArticleRepr, b: ArticleRepr) -> int | None:
    """Smallest possible distance in days between two articles' dates (None if one lacks it)."""
    return span_gap(a.span, b.span)


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


def _date_reason(a: ArticleRepr, b: ArticleRepr, window_days: int) -> str | None:
    gap = date_gap(a, b)
    if gap is None:
        return None
    exact = a.span is not None and b.span is not None and a.span[0] == a.span[1] \
        and b.span[0] == b.span[1]
    if gap == 0:
        # a date known only to the month or year is compatible with a day, not the same day
        return "same day" if exact else f"dates compatible ({a.date} and {b.date})"
    if gap <= window_days:
        return f"{gap} day{'s' if gap != 1 else ''} apart"
    return f"{gap} days apart (beyond the {window_days}-day event window)"


# Each signal is named in the reasons when it pulls the decision by at least this much (log-odds
# against an average dev pair): strong enough to matter, in either direction.
PULL = 1.0
_SAYS = {
    "e5_lead": ("leads tell the same story", "leads tell different stories"),
    "use_lead": ("leads are on the same topic", "leads are on different topics"),
    "use_title": ("titles say the same thing", "titles say different things"),
    "stems": ("many of the same words", "few words in common"),
}


def explain(a: ArticleRepr, b: ArticleRepr, features: dict[str, float],
            pulls: dict[str, float], window_days: int) -> list[str]:
    reasons: list[str] = []
    for name, (up, down) in _SAYS.items():
        pull = pulls.get(name, 0.0)
        if abs(pull) >= PULL:
            kind = "overlap" if name == "stems" else "cosine"
            reasons.append(f"{up if pull > 0 else down} ({kind} {features[name]:.2f})")
    names = _names_reason(a, b, shared_names(a, b))
    if names:
        reasons.append(names)
    figures = sorted(a.keys.numbers & b.keys.numbers)
    if figures:
        reasons.append("same figures: " + ", ".join(figures[:5]))
    if a.keys.years and b.keys.years and not (a.keys.years & b.keys.years):
        ya, yb = ", ".join(sorted(a.keys.years)), ", ".join(sorted(b.keys.years))
        reasons.append(f"different years named: {ya} vs {yb}")
    when = _date_reason(a, b, window_days)
    if when:
        reasons.append(when)
    if a.language and b.language and a.language != b.language:
        reasons.append(f"across languages ({a.language}/{b.language})")
    return reasons


def pair_score(a: ArticleRepr, b: ArticleRepr, *, scorer: PairScorer | None = None,
               window_days: int | None = None) -> PairScore:
    """Score, decision and reasons for one pair of articles. Reports further apart than the
    event window are never one event, whatever their similarity."""
    sc = scorer if scorer is not None else default_scorer()
    window = window_days if window_days is not None else StorySettings().event_window_days
    x = sc.features([a, b], [(0, 1)])[0]
    p = float(sc.model.probability(x)[0])
    gap = date_gap(a, b)
    same = p >= sc.threshold and (gap is None or gap <= window)
    feats = dict(zip(sc.model.features, x.tolist(), strict=True))
    reasons = explain(a, b, feats, sc.model.contributions(x), window)
    return PairScore(score=round(p, 4), same=same, reasons=reasons)
