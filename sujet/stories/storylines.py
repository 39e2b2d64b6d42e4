"""Storylines: events linked over longer spans by shared key names and topic.

Two events within ``storyline_window_days`` are linked when their topics agree (cosine of their
centroid embeddings) and they share telling names (names that few of the other events have:
each shared key counts with its inverse event frequency). Storylines are the connected
components of those links with two events or more.

:func:`link_storylines` links a whole set of events (the evaluation harness, the API's demos);
the pipeline keeps the stored storylines up to date a chunk at a time from the events' stored
profiles (:mod:`sujet.stories.storyline_state`, which says how that differs).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from sujet.config import StorySettings
from sujet.model import Event, Storyline
from sujet.stories.identity import carry_ids, fresh_id
from sujet.stories.profiles import ProfileRecord, profile_of
from sujet.stories.represent import ArticleRepr

# Link rule, set with round values on the two storyline golds there are (the sample pages and
# the project's corpus): a topic cosine of event centroids that related reports reach (unrelated
# news of one region sits lower on the dev pairs), and shared key names worth two telling names
# (a name found in two of many events weighs close to 1, one found in every event 0). One shared
# person is not enough: a minister who signs a farm deal and, a year later, a chip deal joins
# two stories, not one; the meetings of one working group share its chairs and its places.
TOPIC_MIN = 0.55
NAMES_MIN = 1.0
BLOCK = 1024  # events per block of the topic-similarity matrix


@dataclass(slots=True)
class EventProfile:
    """An event with its profile (:mod:`sujet.stories.profiles`)."""

    event: Event
    record: ProfileRecord

    @property
    def vector(self) -> np.ndarray:
        return self.record.vector

    @property
    def names(self) -> frozenset[str]:
        return self.record.names

    @property
    def day_from(self) -> int | None:
        return self.record.day_from

    @property
    def day_to(self) -> int | None:
        return self.record.day_to


def inverse_frequencies(df: Mapping[str, int], n: int) -> dict[str, float]:
    """Each name's weight among ``n`` events, ``df`` of which have it: a name in every event
    tells nothing; one in two events of many tells a lot."""
    if n <= 1:
        return {}
    return {k: math.log((n + 1) / c) / math.log(n + 1) for k, c in df.items() if c > 0}


def _profile(event: Event, reprs: Mapping[str, ArticleRepr]) -> EventProfile | None:
    record = profile_of(event, reprs)
    return EventProfile(event, record) if record is not None else None


def _gap_days(a: EventProfile | ProfileRecord, b: EventProfile | ProfileRecord) -> int | None:
    if a.day_from is None or b.day_from is None or a.day_to is None or b.day_to is None:
        return None
    return max(0, max(a.day_from, b.day_from) - min(a.day_to, b.day_to))


def link_strength(a: EventProfile | ProfileRecord, b: EventProfile | ProfileRecord,
                  idf: Mapping[str, float]) -> tuple[float, float]:
    """(topic cosine, weight of shared telling names) of two events."""
    shared = a.names & b.names
    return float(a.vector @ b.vector), sum(idf.get(k, 0.0) for k in shared)


@dataclass(slots=True)
class StorylineSet:
    """Storylines over a set of events, and the old storyline ids that became aliases."""

    storylines: list[Storyline]
    aliases: dict[str, str]  # merged-away storyline id -> surviving id


def link_storylines(events: Sequence[Event],
                    reprs: Sequence[ArticleRepr] | Mapping[str, ArticleRepr],
                    settings: StorySettings | None = None, *,
                    taken: Callable[[str], bool] | None = None) -> StorylineSet:
    """Storylines over ``events``; sets each event's ``storyline_id`` (None when alone).

    An event's ``storyline_id`` on the way in is the storyline it belonged to before: ids
    carry over as events join (:mod:`sujet.stories.identity`), and a storyline merged into an
    older one becomes its alias. ``taken`` says whether an id is in use elsewhere (an alias in
    the store), so a fresh id never reuses it.
    """
    by_id = reprs if isinstance(reprs, Mapping) else {r.id: r for r in reprs}
    profiles = [p for e in sorted(events, key=lambda e: e.id) if (p := _profile(e, by_id))]
    return link_profiles(events, profiles, settings, taken=taken)


def link_profiles(events: Sequence[Event], profiles: Sequence[EventProfile],
                  settings: StorySettings | None = None, *,
                  taken: Callable[[str], bool] | None = None,
                  idf: Mapping[str, float] | None = None) -> StorylineSet:
    """As :func:`link_storylines`, over given profiles (sorted by event id); ``idf`` weighs the
    names (default: the inverse frequencies among ``profiles``)."""
    cfg = settings or StorySettings()
    previous = {e.id: e.storyline_id for e in events if e.storyline_id}
    groups = [g for g in _link_groups(list(profiles), cfg, idf) if len(g) >= 2]
    for p in profiles:
        p.event.storyline_id = None
    live = set(previous.values())
    started: dict[str, str] = {}
    for e in events:
        sid = previous.get(e.id)
        if sid and e.date_from and (sid not in started or e.date_from < started[sid]):
            started[sid] = e.date_from

    def age(sid: str) -> str:
        return started.get(sid, "9999")

    def new_id(members: Sequence[str]) -> str:
        return fresh_id("storyline", members[0],
                        lambda c: c in live or (taken is not None and taken(c)))

    ordered = [[p.event.id for p in g] for g in groups]  # by first day, then id
    inherit = carry_ids(ordered, previous, age, new_id)
    out = [_storyline(sid, group) for sid, group in zip(inherit.ids, groups, strict=True)]
    return StorylineSet(sorted(out, key=lambda s: s.id), inherit.aliases)


def _link_groups(profiles: list[EventProfile], cfg: StorySettings,
                 idf: Mapping[str, float] | None = None) -> list[list[EventProfile]]:
    """Connected components of the storyline links, each in time order."""
    n = len(profiles)
    if idf is None:
        df: Counter[str] = Counter()
        for p in profiles:
            df.update(p.names)
        idf = inverse_frequencies(df, n)
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
    out = list(groups.values())
    for group in out:
        group.sort(key=lambda p: (p.day_from if p.day_from is not None else 10**9, p.event.id))
    return sorted(out, key=lambda g: g[0].event.id)


def _storyline(sid: str, group: list[EventProfile]) -> Storyline:
    dates = sorted(d for p in group for d in (p.event.date_from, p.event.date_to) if d)
    counts: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for p in group:
        counts.update(p.event.key_entities)
        shown.update(p.event.metadata.get("key_names", []) if p.event.metadata else [])
        p.event.storyline_id = sid
    return Storyline(
        id=sid,
        title=group[-1].event.title,
        event_ids=[p.event.id for p in group],
        date_from=dates[0] if dates else None,
        date_to=dates[-1] if dates else None,
        key_entities=sorted(counts, key=lambda k: (-counts[k], k))[:10],
        metadata={"key_names": [k for k, c in shown.most_common(8) if c >= 2],
                  "events": len(group)},
    )


def build_storylines(events: Sequence[Event],
                     reprs: Sequence[ArticleRepr] | Mapping[str, ArticleRepr],
                     settings: StorySettings | None = None) -> list[Storyline]:
    """Storylines over ``events`` (see :func:`link_storylines`), without the aliases."""
    return link_storylines(events, reprs, settings).storylines
