"""Learned person <-> position linking for Russian.

The rules of :mod:`sujet.entities.positions` tie a position phrase to a person only when the two
touch ("губернатор X", "X, губернатор", "X стал губернатором"). News text often names the person
in one sentence and the position in another ("Владимир Путин ... Президент заявил"), or puts
other words between them. Here every position phrase is paired with every person mention within
``window`` sentences; each pair is described by a few dozen features (distance in tokens and
sentences, direction, what lies between: punctuation, verbs, other persons, other positions;
case and number of the position head; whether the rules tie the pair; the head word) and scored
by gradient-boosted trees. A phrase is linked to its best-scoring person when the probability passes
the threshold, and to further persons that pass a second, higher threshold ("депутаты X и Y").

The model is plain JSON (``models/roles_pairs_ru.json``: feature names, trees, head priors,
thresholds), trained and calibrated by ``scripts/train_roles_pairs.py`` with document-grouped
cross-validation on roles/nerel; no learning library is needed at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from sujet.entities.positions import PToken, RoleMatch, normalise_title
from sujet.entities.positions_pair_features import Candidate, Phrase, candidates, sentence_ids
from sujet.entities.span import Span
from sujet.trees import Forest, Tree

MODEL_PATH = Path(__file__).resolve().parent / "models" / "roles_pairs_ru.json"

# Head words enter the trees through their prior: the smoothed share of phrases with that head
# (or last head) that are gold positions in the training documents, and how often it was seen.
PRIOR_KEYS = ("head:", "last_head:")
PRIOR_SMOOTHING = 3.0
PRIOR_BASE = 0.4


def add_priors(features: dict[str, float], counts: dict[str, tuple[int, int]]) -> None:
    """Set ``prior_head``/``seen_head`` (and ``last_head``) from ``key -> (phrases, positives)``."""
    for prefix in PRIOR_KEYS:
        key = next((k for k in features if k.startswith(prefix)), None)
        n, pos = counts.get(key, (0, 0)) if key else (0, 0)
        name = prefix[:-1]
        features[f"prior_{name}"] = (pos + PRIOR_SMOOTHING * PRIOR_BASE) / (n + PRIOR_SMOOTHING)
        features[f"seen_{name}"] = math.log1p(n)


@dataclass(slots=True)
class PairModel:
    """Gradient-boosted trees over the pair features (log-odds = baseline + sum of leaves)."""

    features: list[str]
    baseline: float
    trees: list[Tree]
    priors: dict[str, tuple[int, int]]
    threshold: float
    second_threshold: float
    window: int = 2
    _forest: Forest | None = field(default=None, repr=False, compare=False)

    def probabilities(self, rows: Sequence[dict[str, float]]) -> list[float]:
        """The probability of each candidate's features (priors are added to each dict)."""
        if not rows:
            return []
        if self._forest is None:
            self._forest = Forest.of(self.trees)
        x = np.empty((len(rows), len(self.features)), dtype=np.float64)
        for i, features in enumerate(rows):
            add_priors(features, self.priors)
            x[i] = [features.get(n, 0.0) for n in self.features]
        z = np.clip(self.baseline + self._forest.predict_sum(x), -30.0, 30.0)
        return [float(p) for p in 1.0 / (1.0 + np.exp(-z))]

    def probability(self, features: dict[str, float]) -> float:
        return self.probabilities([features])[0]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PairModel:
        trees = [Tree.of_columns(*t) for t in data["trees"]]
        priors = {str(k): (int(v[0]), int(v[1])) for k, v in data["priors"].items()}
        return cls(
            [str(n) for n in data["features"]],
            float(data["baseline"]),
            trees,
            priors,
            float(data["threshold"]),
            float(data["second_threshold"]),
            int(data.get("window", 2)),
        )


@lru_cache(maxsize=8)
def load_model(path: Path = MODEL_PATH) -> PairModel | None:
    if not path.is_file():
        return None
    return PairModel.from_json(json.loads(path.read_text("utf-8")))


def model_for(rules: str) -> PairModel | None:
    """The shipped pair model of the role rules ``rules`` (``models/roles_pairs_<rules>.json``),
    or None where none ships."""
    return load_model(MODEL_PATH.with_name(f"roles_pairs_{rules}.json"))


def decode(
    cands: Sequence[Candidate],
    probs: Sequence[float],
    threshold: float,
    second_threshold: float,
) -> list[int]:
    """Indices of the kept candidates: per phrase its best person above ``threshold``, and any
    other person above ``second_threshold``."""
    best: dict[int, list[int]] = {}
    for k, c in enumerate(cands):
        best.setdefault(c.phrase.left, []).append(k)
    kept: list[int] = []
    for ks in best.values():
        ks = sorted(ks, key=lambda k: -probs[k])
        if probs[ks[0]] >= threshold:
            kept.append(ks[0])
            kept.extend(k for k in ks[1:] if probs[k] >= second_threshold)
    return sorted(kept)


def link_roles(
    text: str,
    tokens: Sequence[PToken],
    persons: Sequence[Span],
    lang: str,
    model: PairModel,
    head_words: frozenset[str] | None = None,
) -> list[RoleMatch]:
    """Person-position pairs chosen by ``model`` among the candidates of :func:`candidates`."""
    cands = candidates(text, tokens, persons, lang, head_words, model.window)
    probs = model.probabilities([c.features for c in cands])
    out: list[RoleMatch] = []
    for k in decode_linked(cands, probs, tokens, model.threshold, model.second_threshold):
        c = cands[k]
        ph = c.phrase
        s, e = tokens[ph.left].start, tokens[ph.right - 1].end
        surface = text[s:e]
        title = normalise_title(tokens[ph.left : ph.right], lang, surface)
        out.append(
            RoleMatch(c.person, s, e, title, surface, extra={"probability": round(probs[k], 4)})
        )
    return out


def decode_linked(
    cands: Sequence[Candidate],
    probs: Sequence[float],
    tokens: Sequence[PToken],
    threshold: float,
    second_threshold: float,
) -> list[int]:
    """:func:`decode`, then one person per singular title (what :func:`link_roles` keeps)."""
    kept = decode(cands, probs, threshold, second_threshold)
    return _one_person_per_singular_title(kept, cands, probs, tokens)


def _one_person_per_singular_title(
    kept: list[int], cands: Sequence[Candidate], probs: Sequence[float], tokens: Sequence[PToken]
) -> list[int]:
    """A title whose head is singular names one person ("Вице-премьер Беларуси Владимир Соколов
    и Евгений Мартынов": Соколов alone); a plural one may name several ("Депутаты ... X и Y")."""
    by_phrase: dict[int, list[int]] = {}
    for k in kept:
        by_phrase.setdefault(cands[k].phrase.left, []).append(k)
    out: list[int] = []
    for ks in by_phrase.values():
        head = tokens[cands[ks[0]].phrase.head]
        feats = head.src.feats if head.src is not None and head.src.feats else {}
        if len(ks) > 1 and feats.get("Number") == "Sing":
            ks = [max(ks, key=lambda k: probs[k])]
        out.extend(ks)
    return sorted(out)


__all__ = [
    "MODEL_PATH",
    "PRIOR_KEYS",
    "Candidate",
    "PairModel",
    "Phrase",
    "add_priors",
    "candidates",
    "decode",
    "decode_linked",
    "link_roles",
    "load_model",
    "model_for",
    "sentence_ids",
]
