"""The candidates of the learned person <-> position linker
(:mod:`sujet.entities.positions_pairs`): every position phrase paired with every person within a
few sentences, each pair described by its features (distances, direction, what lies between,
case and number of the head, whether the rules tie the pair, the head word)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from sujet.entities.position_words import rules, shared_words
from sujet.entities.positions import (
    PToken,
    extend_left,
    extend_right,
    heads,
    is_head,
    position_phrases,
    rule_roles,
    tagger_lemma,
)
from sujet.entities.span import Span

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
    return tagger_lemma(
        natasha_models().vocab, tok.text.lower(), tok.pos, tuple(sorted(dict(feats).items()))
    )


def _phrases(
    tokens: Sequence[PToken],
    lang: str,
    person_tokens: set[int],
    starts: set[int],
    head_words: frozenset[str] | None,
) -> list[Phrase]:
    """Lexicon phrases, then (where a tagger marks animacy: Russian) animate nouns outside them
    as phrases of unknown heads."""
    raw = position_phrases(tokens, lang, person_tokens, starts, head_words)
    out = [Phrase(a, h, b, True, tokens[h].lemma) for a, h, b in raw]
    if not rules(lang).tagged:
        return out
    covered = set(person_tokens)
    for a, _h, b in raw:
        covered.update(range(a, b))
    for i, tok in enumerate(tokens):
        if i in covered or not _animate_noun(tok):
            continue
        left = extend_left(tokens, i, lang)
        while left < i and any(k in covered for k in range(left, i)):
            left += 1
        right = extend_right(tokens, i, lang, starts)
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
    ruled: dict[int, set[int]] = {}
    for m in rule_roles(text, tokens, [p for p, _a, _b in ranges], lang, head_words):
        ruled.setdefault(m.start, set()).add(m.person.start)
    hand = heads(f"{lang}_hand")
    link_verbs = shared_words().link_verbs
    conjunctions = rules(lang).conjunctions
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
            if is_head(tokens[k], lang, head_words) and tokens[k].pos == "NOUN"
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
            f["gap_and"] = float(any(t.lemma in conjunctions for t in gap))
            f["gap_verb"] = float(any(t.pos in ("VERB", "AUX") for t in gap))
            f["gap_link_verb"] = float(any(t.lemma in link_verbs for t in gap))
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
