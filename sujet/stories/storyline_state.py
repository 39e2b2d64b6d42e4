"""Storylines kept up to date a chunk at a time, from the stored event profiles.

The link rule is :mod:`sujet.stories.storylines`'s; what differs is which pairs are looked at
and with which weights. After a chunk, only the events it created or changed are linked anew:
their candidates are the stored events that share one of their key names (the ``event_keys``
index; a name whose weight cannot reach the bar with the other, commoner names shared is not
looked up) and lie within ``storyline_window_days``; the names weigh by their inverse frequency
over the events stored at that moment (stored counts per name). The storylines then linked
again are those the chunk touches: the storylines of its created, changed and deleted events
and of the candidates it links to. Their events, the new ones and the linked candidates are
grouped again over every pair among them (so a storyline whose events no longer link splits),
and ids carry over as with the whole set (:func:`sujet.stories.storylines.link_profiles`).

Unlike linking every event again each time, (a) the weights of names move as events arrive, so
a pair judged when one of its events was written keeps that judgement: a name that becomes
common later does not cut a link made while it was rare, until one of the two storylines is
touched again; and (b) links between two events that no chunk touches since are not revisited.
On the sample pages the storylines are those of the whole set (``sujet eval clustering`` links
the whole set, and on the project corpus ingested a file at a time they are too:
tests/pipeline/test_storylines_incremental.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sujet.config import StorySettings
from sujet.model import Event, Storyline
from sujet.store.base import Store
from sujet.stories.profiles import ProfileRecord
from sujet.stories.storylines import (
    NAMES_MIN,
    TOPIC_MIN,
    EventProfile,
    inverse_frequencies,
    link_profiles,
    link_strength,
)


@dataclass(slots=True)
class Relinked:
    """What a chunk changed in the storylines."""

    storylines: list[Storyline] = field(default_factory=list)  # to write
    aliases: dict[str, str] = field(default_factory=dict)  # merged-away id -> surviving id
    gone: list[str] = field(default_factory=list)  # storyline ids to delete
    events: list[Event] = field(default_factory=list)  # events whose storyline id changed


def _telling(names: frozenset[str], idf: Mapping[str, float]) -> list[str]:
    """The names of an event through which a link can come: leave out the commonest names as
    long as all of them together weigh less than the bar (sharing only those, no link)."""
    order = sorted(names, key=lambda k: (idf.get(k, 0.0), k))
    total = 0.0
    for i, k in enumerate(order):
        total += idf.get(k, 0.0)
        if total >= NAMES_MIN:
            return order[i:]
    return []


def _linked(store: Store, new: Sequence[ProfileRecord], idf: Mapping[str, float],
            window: int) -> set[str]:
    """The stored events that a new profile links to."""
    out: set[str] = set()
    new_ids = {p.event_id for p in new}
    for p in new:
        keys = _telling(p.names, idf)
        if not keys or p.vector.size == 0:
            continue
        lo = p.day_from - window if p.day_from is not None else None
        hi = p.day_to + window if p.day_to is not None else None
        found = [i for i in store.events_with_keys(keys, lo, hi) if i not in new_ids]
        for q in store.event_profiles(found).values():
            if q.vector.size != p.vector.size:
                continue
            cos, weight = link_strength(p, q, idf)
            if cos >= TOPIC_MIN and weight >= NAMES_MIN:
                out.add(q.event_id)
    return out


def relink(store: Store, touched: Sequence[Event], deleted: Sequence[Event],
           held: Mapping[str, Event] | Callable[[str], Event | None],
           settings: StorySettings) -> Relinked:
    """Link the storylines the chunk touched again; ``touched`` are its created and changed
    events (written, with their profiles), ``deleted`` the events it removed (as they were),
    ``held`` gives the events in memory (changed in place when their storyline changes)."""
    get_held = held.get if isinstance(held, Mapping) else held
    n = store.count_event_profiles()
    new = list(store.event_profiles([e.id for e in touched]).values())
    idf = inverse_frequencies(store.key_event_counts(sorted({k for p in new for k in p.names})), n)
    linked = _linked(store, new, idf, settings.storyline_window_days)
    events = {e.id: e for e in touched}
    for e in _events(store, sorted(linked - events.keys()), get_held):
        events[e.id] = e
    lines = {e.storyline_id for e in [*events.values(), *deleted] if e.storyline_id}
    for line in (store.get_storyline(sid) for sid in sorted(lines)):
        if line is not None:
            rest = sorted(set(line.event_ids) - events.keys())
            events.update((e.id, e) for e in _events(store, rest, get_held))
    records = {p.event_id: p for p in new}
    records.update(store.event_profiles(sorted(events.keys() - records.keys())))
    names = sorted({k for p in records.values() for k in p.names})
    idf = inverse_frequencies(store.key_event_counts(names), n)
    profiles = [EventProfile(events[i], records[i]) for i in sorted(records)
                if i in events and records[i].vector.size]
    before = {i: e.storyline_id for i, e in events.items()}
    result = link_profiles(list(events.values()), profiles, settings, idf=idf,
                           taken=lambda c: store.resolve_storyline_id(c) is not None)
    kept = {s.id for s in result.storylines}
    return Relinked(
        storylines=result.storylines,
        aliases=result.aliases,
        gone=sorted((lines | {s for s in before.values() if s}) - kept),
        events=[e for i, e in sorted(events.items()) if e.storyline_id != before[i]],
    )


def _events(store: Store, ids: Sequence[str],
            held: Callable[[str], Event | None]) -> list[Event]:
    """The events of ``ids``: the held ones as they are, the others from the store."""
    out = [e for i in ids if (e := held(i)) is not None]
    known = {e.id for e in out}
    return out + store.get_events([i for i in ids if i not in known])
