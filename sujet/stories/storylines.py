"""Storylines: events linked over longer spans by shared key names and topic.

Two events within ``storyline_window_days`` are linked when their topics agree (cosine of their
centroid embeddings) and they share telling names (names that few of the other events have:
each shared key counts with its inverse event frequency). Storylines are the connected
components of those links with two events or more.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from sujet.config import StorySettings, get_settings
from sujet.model import Event, Storyline, stable_id
from sujet.stories.represent import ArticleRepr

# Link rule, set with round values on the two storyline golds there are (the sample pages and
# the project's corpus): a topic cosine of event centroids that related reports reach (unrelated
# news of one region sits lower on the dev pairs), and shared key names worth two telling names
# (a name found in two of many events weighs close to 1, one found in every event 0). One shared
# person is not enough: a minister who signs a farm deal and, a year later, a chip deal joins
# two stories, not one; the meetings of one working group share its chairs and its places.
TOPIC_MIN = 0.55
NAMES_MIN = 1.0
KEY_NAMES = 40  # key names per event: all but the rarest mentions of a large event
BLOCK = 1024  # events per block of the topic-similarity matrix


@dataclass(slots=True)
class EventProfile:
    event: Event
    vector: np.ndarray
    names: set[str]
    day_from: int | None
    day_to: int | None
    year: int | None


def key_set(members: Sequence[ArticleRepr], n: int = KEY_NAMES) -> list[str]:
    """The event's key names: entity ids when given, else light keys; the ones most members
    share first, then the most frequent."""
    spread: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    for r in members:
        if r.entity_keys:
            spread.update(r.entity_keys)
            weight.update(r.entity_keys)
        else:
            spread.update(set(r.keys.names))
            weight.update(r.keys.names)
    return sorted(spread, key=lambda k: (-spread[k], -weight[k], k))[:n]


def _profile(event: Event, reprs: Mapping[str, ArticleRepr]) -> EventProfile | None:
    members = [reprs[m.article_id] for m in event.members if m.article_id in reprs]
    if not members:
        return None
    vec = np.mean([r.vec_lead + r.vec_body for r in members], axis=0)
    vec = vec / (np.linalg.norm(vec) or 1.0)
    names = set(key_set(members))
    spans = [r.span for r in members if r.span is not None]
    years = [r.year for r in members if r.year is not None]
    return EventProfile(event, vec, names, min(s[0] for s in spans) if spans else None,
                        max(s[1] for s in spans) if spans else None,
                        min(years) if years else None)


def _gap_days(a: EventProfile, b: EventProfile) -> int | None:
    if a.day_from is None or b.day_from is None or a.day_to is None or b.day_to is None:
        return None
    return max(0, max(a.day_from, b.day_from) - min(a.day_to, b.day_to))


def link_strength(a: EventProfile, b: EventProfile, idf: Mapping[str, float]) -> tuple[float, float]:
    """(topic cosine, weight of shared telling names) of two events."""
    shared = a.names & b.names
    return float(a.vector @ b.vector), sum(idf.get(k, 0.0) for k in shared)


def build_storylines(events: Sequence[Event], reprs: Sequence[ArticleRepr] | Mapping[str, ArticleRepr],
                     settings: StorySettings | None = None) -> list[Storyline]:
    """Storylines over ``events``; sets each linked event's ``storyline_id`` as well."""
    cfg = settings or get_settings().stories
    by_id = reprs if isinstance(reprs, Mapping) else {r.id: r for r in reprs}
    profiles = [p for e in sorted(events, key=lambda e: e.id) if (p := _profile(e, by_id))]
    n = len(profiles)
    df: Counter[str] = Counter()
    for p in profiles:
        df.update(p.names)
    # a name in every event tells nothing; one in two events of many tells a lot
    idf = {k: math.log((n + 1) / c) / math.log(n + 1) for k, c in df.items()} if n > 1 else {}
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    vectors = np.stack([p.vector for p in profiles]) if profiles else np.zeros((0, 1))
    for lo in range(0, n, BLOCK):
        # topic cosines a block of rows at a time; names only where the topic agrees
        sims = vectors[lo : lo + BLOCK] @ vectors.T
        for bi, j in zip(*np.nonzero(sims >= TOPIC_MIN), strict=True):
            i = lo + int(bi)
            j = int(j)
            if j <= i:
                continue
            gap = _gap_days(profiles[i], profiles[j])
            if gap is not None and gap > cfg.storyline_window_days:
                continue
            _cos, names = link_strength(profiles[i], profiles[j], idf)
            if names >= NAMES_MIN:
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[EventProfile]] = {}
    for i, p in enumerate(profiles):
        groups.setdefault(find(i), []).append(p)
    out: list[Storyline] = []
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda p: (p.day_from if p.day_from is not None else 10**9, p.event.id))
        sid = stable_id("storyline", group[0].event.id)
        dates = sorted(d for p in group for d in (p.event.date_from, p.event.date_to) if d)
        counts: Counter[str] = Counter()
        for p in group:
            counts.update(p.event.key_entities)
        shown: Counter[str] = Counter()
        for p in group:
            shown.update(p.event.metadata.get("key_names", []) if p.event.metadata else [])
        for p in group:
            p.event.storyline_id = sid
        out.append(Storyline(
            id=sid,
            title=group[-1].event.title,
            event_ids=[p.event.id for p in group],
            date_from=dates[0] if dates else None,
            date_to=dates[-1] if dates else None,
            key_entities=sorted(counts, key=lambda k: (-counts[k], k))[:10],
            metadata={"key_names": [k for k, c in shown.most_common(8) if c >= 2],
                      "events": len(group)},
        ))
    return sorted(out, key=lambda s: s.id)
