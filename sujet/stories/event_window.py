"""The stored events a chunk of articles can touch, read on demand; the rest is not held.

Two articles are scored only when their dates can lie within ``event_window_days`` (W) of each
other, so a new article dated to the days ``[lo, hi]`` has its candidates among the articles
whose dates can fall in ``[lo - W, hi + W]``. Before a chunk is clustered, the window reads the
stored events that cover those days (by their profiles' days,
:mod:`sujet.stories.profiles`) and represents their articles (from the embedding cache; what it
lacks is computed). The clusterer then finds the region to cluster again: the components over
the edges at or above the threshold that hold a new article, closed over the old events they
touch. A component can run on through old articles, and an old event can be dated beyond the
days read (a date known only to the month or the year spans it), so before the region is
clustered the window checks that the candidates of every article in it are held
(``[lo - W, hi + W]`` of each is covered) and, where not, reads the events there and lets the
clusterer find the region again, until it holds. Each article in the region then has all its
edges and each old event all its members, exactly as with every stored event held: the events,
their members, ids and aliases are the same (tests/pipeline/test_event_window.py). The event of
a duplicate's original is read too, as the duplicate joins it.

After the chunk is written, the clusterer forgets the events that do not cover the chunk's own
days (``[lo - W, hi + W]`` of its articles), so what it holds is bounded by the articles of
those days, whatever the size of the store. Ids stay free of collisions with events not held:
a fresh id is checked against the store (live ids and aliases).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from sujet.model import Article, Event
from sujet.store.base import Store
from sujet.stories.cluster import EventClusterer
from sujet.stories.profiles import ProfileRecord, profile_of
from sujet.stories.represent import ArticleRepr

Days = tuple[int, int]
# Stored events read at once, and their articles represented at once.
EVENT_BATCH = 100
READ_BATCH = 500


def merge_days(spans: Sequence[Days]) -> list[Days]:
    """The union of day ranges as sorted, disjoint ranges (touching ones joined)."""
    out: list[Days] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def missing_days(wanted: Sequence[Days], held: Sequence[Days]) -> list[Days]:
    """The parts of ``wanted`` outside ``held`` (both sorted and disjoint)."""
    out: list[Days] = []
    for lo, hi in wanted:
        start = lo
        for h_lo, h_hi in held:
            if h_hi < start or h_lo > hi:
                continue
            if h_lo > start:
                out.append((start, h_lo - 1))
            start = max(start, h_hi + 1)
            if start > hi:
                break
        if start <= hi:
            out.append((start, hi))
    return out


class EventWindow:
    """Keeps an :class:`EventClusterer` holding the stored events that the next articles can
    touch, and only those.

    ``represent`` makes the representations of stored articles (as the chunk's are made)."""

    def __init__(self, clusterer: EventClusterer, store: Store,
                 represent: Callable[[Sequence[Article]], list[ArticleRepr]]) -> None:
        self.clusterer = clusterer
        self.store = store
        self.represent = represent
        self.window = clusterer.settings.event_window_days
        self.covered: list[Days] = []  # every stored event covering these days is held
        self._exclude: set[str] = set()

    def needs(self, reprs: Sequence[ArticleRepr]) -> list[Days]:
        """The days whose articles can be candidates of ``reprs``."""
        w = self.window
        return merge_days([(r.span[0] - w, r.span[1] + w) for r in reprs if r.span is not None])

    def before(self, articles: Sequence[Article], reprs: Sequence[ArticleRepr]) -> list[Days]:
        """Hold what the chunk (its ``articles`` and their ``reprs``) can touch: the events
        covering its days, the events its articles already belong to (enriched again) and
        those of its duplicates' originals; returns the days it needs."""
        self._exclude = {r.id for r in reprs}
        needed = self.needs(reprs)
        self.cover(needed)
        originals = sorted({r.duplicate_of for r in reprs if r.duplicate_of} - self._exclude)
        originals = [i for i in originals if not self.clusterer.holds(i)]
        ids = {a.event_id for a in articles if a.event_id}
        if originals:
            ids.update(a.event_id for a in self.store.get_articles(originals) if a.event_id)
        self.read(sorted(ids))
        return needed

    def widen(self, region: list[ArticleRepr]) -> bool:
        """``EventClusterer.add``'s check: hold the candidates of every article of the region;
        whether any event was read."""
        return self.cover(self.needs(region))

    def after(self, needed: Sequence[Days]) -> None:
        """Forget the events outside the days the last chunk needed."""
        self.clusterer.evict(lambda days: any(days[0] <= hi and lo <= days[1]
                                              for lo, hi in needed))
        self.covered = list(needed)
        self._exclude = set()

    def cover(self, days: Sequence[Days]) -> bool:
        """Hold every stored event that covers one of ``days``; whether any was read."""
        read = False
        for lo, hi in missing_days(days, self.covered):
            read = self.read(self.store.events_covering(lo, hi)) or read
        self.covered = merge_days([*self.covered, *days])
        return read

    def read(self, event_ids: Sequence[str]) -> bool:
        """Read the events not held yet with their articles; whether there were any."""
        wanted = [i for i in event_ids if not self.clusterer.has_event(i)]
        if not wanted:
            return False
        for start in range(0, len(wanted), EVENT_BATCH):
            events = self.store.get_events(wanted[start:start + EVENT_BATCH])
            members = [m.article_id for e in events for m in e.members
                       if m.article_id not in self._exclude]
            reprs: list[ArticleRepr] = []
            originals: list[str] = []
            for at in range(0, len(members), READ_BATCH):
                articles = self.store.get_articles(members[at:at + READ_BATCH])
                reprs.extend(self.represent(articles))
                originals.extend(a.id for a in articles if not a.duplicate_of)
            facts = self.store.facts_of_articles(originals)
            self.clusterer.load(events, reprs, facts=facts)
        return True


def assign_articles(store: Store, batch: Mapping[str, Article], events: Sequence[Event]) -> None:
    """Write event and storyline ids onto the articles of ``events`` whose ids changed (those
    of ``batch`` are changed in place: the pipeline writes them)."""
    target: dict[str, tuple[str, str | None]] = {}
    for e in events:
        for m in e.members:
            target[m.article_id] = (e.id, e.storyline_id)
    outside = [i for i in target if i not in batch]
    stored = {a.id: a for a in store.get_articles(outside)} if outside else {}
    stale: list[Article] = []
    for article_id, (event_id, storyline_id) in target.items():
        a = batch.get(article_id)
        if a is None:
            a = stored.get(article_id)
            if a is None or (a.event_id, a.storyline_id) == (event_id, storyline_id):
                continue
            stale.append(a)
        a.event_id, a.storyline_id = event_id, storyline_id
    if stale:
        store.update_articles(stale)


def profile_stored_events(store: Store,
                          represent: Callable[[Sequence[Article]], list[ArticleRepr]]) -> int:
    """Profile the stored events that have no profile (a store from before profiles); returns
    how many. The profile is made from the articles that are no duplicate of another member,
    as the clusterer holds them; an event none of whose articles is found gets an empty
    profile (no days, no vector, no names), which nothing reads."""
    done = 0
    while ids := store.events_without_profiles(EVENT_BATCH):
        events = store.get_events(ids)
        profiles = []
        for event in events:
            members = {m.article_id for m in event.members}
            articles = [a for a in store.get_articles(sorted(members))
                        if not a.duplicate_of or a.duplicate_of not in members]
            by_id = {r.id: r for r in represent(articles)}
            profiles.append(profile_of(event, by_id)
                            or ProfileRecord(event.id, np.zeros(0, dtype=np.float32),
                                             frozenset(), None, None, None))
        store.put_event_profiles(profiles)
        done += len(profiles)
    return done
