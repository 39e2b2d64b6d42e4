"""What an event is to storylines and to the window of event clustering, without its articles.

An event's profile is the normalised mean of its members' lead vectors (its topic), its telling
key names (:func:`key_set`, countries and continents left out), the days its members' dates can
cover (the union of their spans) and the earliest year. It is computed when the event is
written and stored with it (``event_profiles``, ``event_keys``): storylines link events by
their profiles alone, and the event window finds the stored events a chunk of articles can
touch by the days they cover.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from sujet.entities.gazetteer import listed_kind_any
from sujet.model import Event
from sujet.stories.represent import ArticleRepr

KEY_NAMES = 40  # key names per event: all but the rarest mentions of a large event
BROAD_PLACES = frozenset({"country", "continent"})


@dataclass(frozen=True, slots=True)
class ProfileRecord:
    """The stored profile of one event."""

    event_id: str
    vector: np.ndarray  # float32, unit norm (zero when the members had no vectors)
    names: frozenset[str]
    day_from: int | None  # first day any member's date can be (ordinal)
    day_to: int | None  # last such day
    year: int | None

    def vector_bytes(self) -> bytes:
        return np.asarray(self.vector, dtype=np.float32).tobytes()

    @classmethod
    def from_row(cls, event_id: str, vector: bytes, names: Sequence[str], day_from: int | None,
                 day_to: int | None, year: int | None) -> ProfileRecord:
        return cls(event_id, np.frombuffer(vector, dtype=np.float32), frozenset(names),
                   day_from, day_to, year)


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


def broad(name: str) -> bool:
    """A country or continent: the widest "where", which most news of two neighbouring
    countries share whatever their story. The inverse event frequency cannot tell this in a
    store of few events, so such names never link storylines."""
    return listed_kind_any(name) in BROAD_PLACES


def profile_of(event: Event, reprs: Mapping[str, ArticleRepr]) -> ProfileRecord | None:
    """The profile of ``event`` from its members' representations (None when none is given)."""
    members = [reprs[m.article_id] for m in event.members if m.article_id in reprs]
    if not members:
        return None
    vec = np.mean([r.vec_lead for r in members], axis=0)
    vec = vec / (np.linalg.norm(vec) or 1.0)
    shown = {k: v for r in members for k, v in r.entity_names.items()}
    names = frozenset(k for k in key_set(members) if not broad(shown.get(k, k)))
    spans = [r.span for r in members if r.span is not None]
    years = [r.year for r in members if r.year is not None]
    return ProfileRecord(event.id, np.asarray(vec, dtype=np.float32), names,
                         min(s[0] for s in spans) if spans else None,
                         max(s[1] for s in spans) if spans else None,
                         min(years) if years else None)
