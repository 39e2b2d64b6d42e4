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

from sujet.entities.positions import (
    _LINK_VERBS,
    PToken,
    RoleMatch,
    _extend_left,
    _extend_right,
    _is_head,
    _ru_lemma,
    heads,
    normalise_title,
    position_phrases,
    rule_roles,
)
from sujet.entities.span import Span
from sujet.trees import Forest, Tree

MODEL_PATH = Path(__file__).resolve().parent / "models" / "roles_pairs_ru.json"

_SENT_END = frozenset([".", "!", "?", "…", "?!", "!!", "..."])
_DASHES = frozenset(["-", "—", "–"])
_CASES = ("Nom", "Gen", "Dat", "Acc", "Ins", "Loc")


@dataclass(slots=True)
class Phrase:
    left: int
    head: int
    right: int  # exclusive
    known: bool = True  # head in the lexicon (else: an animate noun outside it)
    lemma: str = ""


@dataclass(slots=True)
class Candidate:
    phrase: Phrase
    person: Span
    features: dict[str, float] = field(default_factory=dict)


def sentence_ids(text: str, tokens: Sequence[PToken]) -> list[int]:
    """Sentence number of each token: a break follows ".!?" before a capital, a quote, a dash
    or a digit, and falls at every line break."""
    out: list[int] = []
    sid = 0
    for k, t in enumerate(tokens):
        if k:
            prev = tokens[k - 1]
            newline = "\n" in text[prev.end : t.start]
            if newline or (
                prev.text in _SENT_END
                and (t.text[:1].isupper() or t.text[:1] in '«"„“—–-' or t.text[:1].isdigit())
            ):
                sid += 1
        out.append(sid)
    return out


def _case(tok: PToken) -> str:
    feats = getattr(tok.src, "feats", None) or {}
    return str(feats.get("Case", "")) if isinstance(feats, dict) else ""


def _number(tok: PToken) -> str:
    feats = getattr(tok.src, "feats", None) or {}
    return str(feats.get("Number", "")) if isinstance(feats, dict) else ""


def _person_range(tokens: Sequence[PToken], person: Span) -> tuple[int, int] | None:
    idx = [k for k, t in enumerate(tokens) if t.start < person.end and person.start < t.end]
    return (idx[0], idx[-1] + 1) if idx else None


def _animate_noun(tok: PToken) -> bool:
    feats = getattr(tok.src, "feats", None)
    return (
        tok.pos == "NOUN"
        and isinstance(feats, dict)
        and feats.get("Animacy") == "Anim"
        and tok.text[:1].isalpha()
    )


def _lemma(tok: PToken) -> str:
    if tok.src is None:
        return tok.lemma
    from sujet.entities.natasha_models import natasha_models

    feats = getattr(tok.src, "feats", None) or {}
    return _ru_lemma(
        natasha_models().vocab, tok.text.lower(), tok.pos, tuple(sorted(dict(feats).items()))
    )


def _phrases(
    tokens: Sequence[PToken],
    lang: str,
    person_tokens: set[int],
    starts: set[int],
    head_words: frozenset[str] | None,
) -> list[Phrase]:
    """Lexicon phrases, then (Russian) animate nouns outside them as phrases of unknown heads."""
    raw = position_phrases(tokens, lang, person_tokens, starts, head_words)
    out = [Phrase(a, h, b, True, tokens[h].lemma) for a, h, b in raw]
    if lang != "ru":
        return out
    covered = set(person_tokens)
    for a, _h, b in raw:
        covered.update(range(a, b))
    for i, tok in enumerate(tokens):
        if i in covered or not _animate_noun(tok):
            continue
        left = _extend_left(tokens, i, lang)
        while left < i and any(k in covered for k in range(left, i)):
            left += 1
        right = _extend_right(tokens, i, lang, starts)
        right = next((k for k in range(i + 1, right) if k in covered), right)
        covered.update(range(left, right))
        out.append(Phrase(left, i, right, False, _lemma(tok)))
    return sorted(out, key=lambda ph: ph.left)


def candidates(
    text: str,
    tokens: Sequence[PToken],
    persons: Sequence[Span],
    lang: str = "ru",
    head_words: frozenset[str] | None = None,
    window: int = 2,
) -> list[Candidate]:
    """Every (position phrase, person within ``window`` sentences) pair with its features."""
    if not tokens or not persons:
        return []
    sid = sentence_ids(text, tokens)
    ranges: list[tuple[Span, int, int]] = []
    person_tokens: set[int] = set()
    for p in sorted(persons, key=lambda s: s.start):
        rng = _person_range(tokens, p)
        if rng is None:
            continue
        ranges.append((p, rng[0], rng[1]))
        person_tokens.update(range(rng[0], rng[1]))
    starts = {p.start for p, _a, _b in ranges}
    phrases = _phrases(tokens, lang, person_tokens, starts, head_words)
    rules = rule_roles(text, tokens, [p for p, _a, _b in ranges], lang, head_words)
    ruled: dict[int, set[int]] = {}
    for m in rules:
        ruled.setdefault(m.start, set()).add(m.person.start)
    hand = heads(f"{lang}_hand")
    per_sent: dict[int, int] = {}
    for _p, a, _b in ranges:
        per_sent[sid[a]] = per_sent.get(sid[a], 0) + 1
    phrase_heads = [ph.head for ph in phrases if ph.known]
    first_seen: dict[str, int] = {}
    for _p, a, b in ranges:
        first_seen.setdefault(tokens[b - 1].lemma, a)
    out: list[Candidate] = []
    for ph in phrases:
        ps = sid[ph.head]
        head = tokens[ph.head]
        pstart = tokens[ph.left].start
        tied = ruled.get(pstart, set())
        near = [r for r in ranges if abs(sid[r[1]] - ps) <= window]
        left_ranked = sorted((r for r in near if r[2] <= ph.left), key=lambda r: -r[2])
        right_ranked = sorted((r for r in near if r[1] >= ph.right), key=lambda r: r[1])
        sent_first = ph.left == 0 or sid[ph.left - 1] != ps
        verb_before = any(
            tokens[k].pos in ("VERB", "AUX") for k in range(ph.left - 1, -1, -1) if sid[k] == ps
        )
        inner = [
            k
            for k in range(ph.head + 1, ph.right)
            if _is_head(tokens[k], lang, head_words) and tokens[k].pos == "NOUN"
        ]
        last = tokens[inner[-1]] if inner else head
        base: dict[str, float] = {
            f"last_head:{last.lemma if inner else ph.lemma}": 1.0,
            "has_inner_head": float(bool(inner)),
            f"last_head_case:{_case(last) or 'none'}": 1.0,
            "bias": 1.0,
            f"head_case:{_case(head) or 'none'}": 1.0,
            f"head_num:{_number(head) or 'none'}": 1.0,
            "hand_head": float(head.lemma in hand),
            f"head:{ph.lemma}": 1.0,
            "unknown_head": float(not ph.known),
            "phrase_len": math.log1p(ph.right - ph.left),
            "phrase_sent_first": float(sent_first),
            "phrase_subject": float(not verb_before and _case(head) == "Nom"),
            "no_per_in_phrase_sent": float(per_sent.get(ps, 0) == 0),
            "phrase_has_propn": float(any(t.pos == "PROPN" for t in tokens[ph.left : ph.right])),
            "phrase_quote_before": float(ph.left > 0 and tokens[ph.left - 1].text in '«"„“'),
            "rule_other": float(bool(tied)),
        }
        for p, a, b in near:
            f = dict(base)
            d = sid[a] - ps
            after = a >= ph.right
            if after:
                lo, hi = ph.right, a
            else:
                lo, hi = b, ph.left
            if not after and b > ph.left:  # person inside or overlapping the phrase
                lo, hi = ph.left, ph.left
            gap = tokens[lo:hi] if hi > lo else []
            ntok = max(0, hi - lo)
            f["rule"] = float(p.start in tied)
            if p.start in tied:
                f["rule_other"] = 0.0
            f[f"sd:{d}"] = 1.0
            f["after"] = float(after)
            f["gap_log"] = math.log1p(ntok)
            f[("gap_after_log" if after else "gap_before_log")] = math.log1p(ntok)
            f["adjacent_after"] = float(after and ntok == 0)
            f["adjacent_before"] = float(not after and ntok == 0)
            punct_only = bool(gap) and all(t.pos == "PUNCT" for t in gap) and ntok <= 2
            f["punct_only_before"] = float(punct_only and not after)
            f["punct_only_after"] = float(punct_only and after)
            f["gap_comma"] = float(any(t.text == "," for t in gap))
            f["gap_dash"] = float(any(t.text in _DASHES for t in gap))
            f["gap_paren"] = float(any(t.text in "()" for t in gap))
            f["gap_quote"] = float(any(t.text in '«»"„“”' for t in gap))
            f["gap_and"] = float(any(t.lemma == "и" for t in gap))
            f["gap_verb"] = float(any(t.pos in ("VERB", "AUX") for t in gap))
            f["gap_link_verb"] = float(any(t.lemma in _LINK_VERBS for t in gap))
            f["gap_pron"] = float(any(t.pos == "PRON" for t in gap))
            n_per = sum(1 for _q, qa, qb in ranges if qa >= lo and qb <= hi)
            f["per_between"] = float(min(n_per, 3))
            f["any_per_between"] = float(n_per > 0)
            n_phr = sum(1 for h in phrase_heads if lo <= h < hi)
            f["phr_between"] = float(min(n_phr, 3))
            rank = left_ranked.index((p, a, b)) if not after and (p, a, b) in left_ranked else -1
            if after:
                rank = right_ranked.index((p, a, b)) if (p, a, b) in right_ranked else -1
            if rank >= 0:
                f[f"rank_{'r' if after else 'l'}:{min(rank, 2)}"] = 1.0
            f[f"per_case:{_case(tokens[a]) or 'none'}"] = 1.0
            f["per_one_token"] = float(b - a == 1)
            f["per_first_mention"] = float(first_seen.get(tokens[b - 1].lemma) == a)
            f["per_only_in_window"] = float(len(near) == 1)
            f["per_sent_pers"] = float(min(per_sent.get(sid[a], 0), 4))
            # interactions the linear model cannot form by itself
            f[f"sd:{d}|subject"] = f["phrase_subject"]
            f[f"sd:{d}|rank0"] = float(rank == 0)
            f[f"sd:{d}|first"] = f["per_first_mention"]
            f["same|rule"] = float(d == 0) * f["rule"]
            out.append(Candidate(ph, p, f))
    return out


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


@lru_cache(maxsize=1)
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
