"""Incremental, order-independent event clustering for a news stream.

Articles are nodes. Every pair of articles whose dates can lie within ``event_window_days`` of
each other is scored by the pair scorer; scores are kept as edges (an article without a date
has none: it is an event of its own).
Events are the clusters of average-link agglomeration over those edges
(:func:`sujet.stories.linkage.average_link`): an article joins an event when it is close to
the event as a whole, never through one bridging article, and no event spans more than
``event_window_days`` between its earliest and latest day-precise dates (a date known only to
the month or year must contain the event's days, so it is compatible with the event but never
stretches it).

Each ``add`` scores the new articles against the articles within the window and clusters again
only the region the new edges touch: the connected components (over edges at or above the
threshold) that hold a new article, with every article of the old events inside them. Since
average-link clusters never cross those components, the events are a function of the scores
alone: adding articles in any order or in any number of batches gives the same events. Ids
carry over (:mod:`sujet.stories.identity`): an event keeps its id as it grows, merged events
leave aliases to the survivor, and an event that splits keeps its id on its larger part.

The clusterer need not hold every event. ``load`` takes in stored events (whole, with their
articles, which are scored against every article held), ``evict`` forgets the events outside
given days, and ``add`` lets its caller widen what is held before a region is clustered
(``widen``): a region is exact when every article in it has its candidates held, and its old
events their members. :mod:`sujet.stories.event_window` keeps that true with a window of the
store, so the events are those of holding everything. A region is a whole component: one that
runs on through old reports (a story told every day, each report close to the day before) is
read and clustered again whole, as average-link clusters inside it can depend on any of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from sujet.config import StorySettings
from sujet.model import Event, EventMember, Fact
from sujet.stories.describe import build_event
from sujet.stories.identity import carry_ids, fresh_id
from sujet.stories.linkage import Summary, average_link, components
from sujet.stories.pair import PairScorer, default_scorer, pair_score
from sujet.stories.represent import ArticleRepr

KEEP_EDGE = 0.05  # scores kept for explanations and centrality (events need the threshold)
NO_DAY = 10**9


@dataclass(slots=True)
class ClusterUpdate:
    """What one ``add`` changed: events to insert, to overwrite, and to delete."""

    created: list[Event] = field(default_factory=list)
    changed: list[Event] = field(default_factory=list)
    deleted: list[Event] = field(default_factory=list)  # as they were before this update
    aliases: dict[str, str] = field(default_factory=dict)  # merged-away id -> surviving id
    assignments: dict[str, str] = field(default_factory=dict)  # article id -> event id


@dataclass(frozen=True, slots=True)
class DateBounds:
    """What the time-span veto knows of a cluster: the range of its day-precise dates and the
    intersection of its coarser ones (month or year)."""

    lo: int = NO_DAY
    hi: int = -NO_DAY
    coarse_lo: int = -NO_DAY
    coarse_hi: int = NO_DAY

    @classmethod
    def of(cls, r: ArticleRepr) -> DateBounds:
        if r.span is None:
            return cls()
        lo, hi = r.span
        if lo == hi:
            return cls(lo=lo, hi=hi)
        return cls(coarse_lo=lo, coarse_hi=hi)

    def join(self, other: DateBounds) -> DateBounds:
        return DateBounds(min(self.lo, other.lo), max(self.hi, other.hi),
                          max(self.coarse_lo, other.coarse_lo), min(self.coarse_hi, other.coarse_hi))

    def within(self, max_span: int) -> bool:
        """Day-precise dates at most ``max_span`` days apart, coarse dates that overlap, and
        every day-precise date inside every coarse one. Each test only gets harder as a
        cluster grows, as the linkage's veto must."""
        if self.coarse_lo > self.coarse_hi:
            return False
        if self.lo > self.hi:  # no day-precise date
            return True
        return self.hi - self.lo <= max_span and self.coarse_lo <= self.lo and self.hi <= self.coarse_hi


class EventClusterer:
    """Keeps the scored pairs and the events of the articles seen so far."""

    def __init__(self, settings: StorySettings, *, scorer: PairScorer | None = None,
                 facts: Mapping[str, Sequence[Fact]] | None = None,
                 taken: Callable[[str], bool] | None = None) -> None:
        """``taken``: whether an id is in use outside this clusterer's memory (an alias in the
        store), so a fresh id never reuses it."""
        self.settings = settings
        self._scorer = scorer
        self._taken = taken
        self._reprs: dict[str, ArticleRepr] = {}
        self._duplicates: dict[str, str] = {}  # duplicate id -> original id
        self._copies: dict[str, list[str]] = {}  # original id -> its duplicates, in order
        self._edges: dict[str, dict[str, float]] = {}
        self._events: dict[str, Event] = {}
        self._event_of: dict[str, str] = {}
        self._retired: set[str] = set()  # ids that became aliases: never handed out again
        self._facts: dict[str, list[Fact]] = {k: list(v) for k, v in (facts or {}).items()}

    # -- public view --------------------------------------------------------------------------
    @property
    def scorer(self) -> PairScorer:
        if self._scorer is None:
            self._scorer = default_scorer(self.settings)
        return self._scorer

    @property
    def events(self) -> list[Event]:
        return [self._events[k] for k in sorted(self._events)]

    def event_of(self, article_id: str) -> str | None:
        return self._event_of.get(article_id)

    def reprs(self) -> list[ArticleRepr]:
        return list(self._reprs.values())

    def links(self, article_id: str) -> dict[str, float]:
        return dict(self._edges.get(article_id, {}))

    # -- ingest -------------------------------------------------------------------------------
    def add(self, reprs: Sequence[ArticleRepr], *,
            facts: Mapping[str, Sequence[Fact]] | None = None,
            widen: Callable[[list[ArticleRepr]], bool] | None = None) -> ClusterUpdate:
        """Add articles (already known ids are ignored) and return the changed events.

        ``widen`` sees the articles of the region about to be clustered again before it is;
        it may :meth:`load` more stored events (their articles are scored like any other) and
        says whether it did, and the region is then found again (see
        :mod:`sujet.stories.event_window`)."""
        for k, v in (facts or {}).items():
            self._facts.setdefault(k, []).extend(v)
        fresh = self._accept(reprs)
        if not fresh:
            return ClusterUpdate()
        self._score_new(fresh)
        threshold = self.scorer.threshold
        region = self._region(fresh, threshold)
        while widen is not None and widen([self._reprs[a] for a in region]):
            region = self._region(fresh, threshold)
        return self._recluster(region, threshold)

    def restore(self, events: Iterable[Event], reprs: Sequence[ArticleRepr]) -> None:
        """Continue from stored events: score the pairs of their articles again and take the
        stored events as the current state (the next ``add`` reports changes against them)."""
        fresh = self._accept(reprs)
        self._score_new(fresh)
        self._events = {e.id: e for e in events}
        self._event_of = {m.article_id: e.id for e in self._events.values() for m in e.members}

    def load(self, events: Iterable[Event], reprs: Sequence[ArticleRepr], *,
             facts: Mapping[str, Sequence[Fact]] | None = None) -> None:
        """Take in more stored events (whole: ``reprs`` holds their articles) next to those
        held: their articles are scored against every article held, as if never forgotten."""
        for k, v in (facts or {}).items():
            self._facts.setdefault(k, list(v))
        self._score_new(self._accept(reprs))
        for e in events:
            if e.id not in self._events:
                self._events[e.id] = e
                self._event_of.update((m.article_id, e.id) for m in e.members)

    def has_event(self, event_id: str) -> bool:
        return event_id in self._events

    def get_event(self, event_id: str) -> Event | None:
        return self._events.get(event_id)

    def holds(self, article_id: str) -> bool:
        """Whether the article is held (as a node, or as the duplicate of one)."""
        return article_id in self._reprs or article_id in self._duplicates

    @property
    def size(self) -> int:
        """Articles held: nodes and duplicates."""
        return len(self._reprs) + len(self._duplicates)

    def repr_of(self, article_id: str) -> ArticleRepr | None:
        return self._reprs.get(article_id)

    def days_of(self, event_id: str) -> tuple[int, int] | None:
        """The first and last day the dates of the event's articles can be (None: undated)."""
        spans = [r.span for m in self._events[event_id].members
                 if (r := self._reprs.get(m.article_id)) is not None and r.span is not None]
        return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None

    def evict(self, keep: Callable[[tuple[int, int]], bool]) -> None:
        """Forget each event whose days ``keep`` refuses (and every undated one), with its
        articles, their scores and facts. What the store holds is unchanged: merged ids are
        its aliases by now, so they are no longer remembered here either."""
        for event_id in sorted(self._events):
            days = self.days_of(event_id)
            if days is None or not keep(days):
                self._forget(self._events.pop(event_id))
        self._retired.clear()

    def _forget(self, event: Event) -> None:
        for m in event.members:
            aid = m.article_id
            self._event_of.pop(aid, None)
            self._facts.pop(aid, None)
            original = self._duplicates.pop(aid, None)
            if original is not None and aid in self._copies.get(original, []):
                self._copies[original].remove(aid)
            self._copies.pop(aid, None)
            self._reprs.pop(aid, None)
            for other in self._edges.pop(aid, {}):
                self._edges.get(other, {}).pop(aid, None)

    # -- internals ----------------------------------------------------------------------------
    def _accept(self, reprs: Sequence[ArticleRepr]) -> list[str]:
        batch_ids = {r.id for r in reprs if not r.duplicate_of}
        fresh: list[str] = []
        for r in sorted(reprs, key=lambda r: r.id):
            if r.id in self._reprs or r.id in self._duplicates:
                continue
            original = self._duplicates.get(r.duplicate_of or "", r.duplicate_of)  # chains
            if original and (original in self._reprs or original in batch_ids):
                self._duplicates[r.id] = original
                self._copies.setdefault(original, []).append(r.id)
                fresh.append(r.id)
                continue
            self._reprs[r.id] = r
            self._edges.setdefault(r.id, {})
            fresh.append(r.id)
        return fresh

    def _candidates(self, new: list[ArticleRepr]) -> list[tuple[ArticleRepr, ArticleRepr]]:
        """Pairs (new, any) whose dates can lie within the event window of each other.

        An article without a date is nobody's candidate: an event is a happening at a time, and
        nothing places such an article near the others (compared with a whole store of similar
        news from other months, it would join whichever came closest). It stays an event of its
        own, which storylines can still take in.
        """
        window = self.settings.event_window_days
        new = [r for r in new if r.span is not None]
        if not new or len(self._reprs) < 2:
            return []
        lo_all = min(r.span[0] for r in new if r.span) - window
        hi_all = max(r.span[1] for r in new if r.span) + window
        pool = [r for r in self._reprs.values()
                if r.span is not None and r.span[1] >= lo_all and r.span[0] <= hi_all]
        new_ids = {r.id for r in new}
        lo_new = np.array([r.span[0] for r in new if r.span])
        hi_new = np.array([r.span[1] for r in new if r.span])
        lo = np.array([r.span[0] for r in pool if r.span])
        hi = np.array([r.span[1] for r in pool if r.span])
        # smallest possible gap between the two date spans
        gap = np.maximum(0, np.maximum(lo_new[:, None], lo[None, :])
                         - np.minimum(hi_new[:, None], hi[None, :]))
        out = []
        for i, j in zip(*np.nonzero(gap <= window), strict=True):
            a, b = new[i], pool[j]
            if a.id == b.id or (b.id in new_ids and b.id < a.id):
                continue  # each new-new pair once
            out.append((a, b) if a.id < b.id else (b, a))
        return out

    def _score_new(self, fresh: list[str]) -> None:
        new = [self._reprs[i] for i in fresh if i in self._reprs]
        pairs = self._candidates(new)
        if not pairs:
            return
        reprs: list[ArticleRepr] = []
        index: dict[str, int] = {}
        for a, b in pairs:
            for r in (a, b):
                if r.id not in index:
                    index[r.id] = len(reprs)
                    reprs.append(r)
        scores = self.scorer.scores(reprs, [(index[a.id], index[b.id]) for a, b in pairs])
        for (a, b), s in zip(pairs, scores, strict=True):
            if s >= KEEP_EDGE:
                self._edges[a.id][b.id] = float(s)
                self._edges[b.id][a.id] = float(s)

    def _region(self, fresh: list[str], threshold: float) -> list[str]:
        """The articles to cluster again: the components of the new articles, closed over the
        old events they touch (an old event never ends up half inside, half outside)."""
        region: set[str] = set()
        starts = {self._duplicates.get(i, i) for i in fresh} & self._reprs.keys()
        while starts:
            for comp in components(sorted(starts), self._edges, threshold):
                region.update(comp)
            olds = {self._event_of[a] for a in region if a in self._event_of}
            members = {m.article_id for e in olds if e in self._events
                       for m in self._events[e].members}
            starts = (members & self._reprs.keys()) - region
        return sorted(region)

    def _recluster(self, region: list[str], threshold: float) -> ClusterUpdate:
        window = self.settings.event_window_days
        bounds = Summary(lambda a: DateBounds.of(self._reprs[a]), DateBounds.join,
                         lambda b: b.within(window))
        groups = average_link(region, self._edges, threshold, bounds)
        old_ids = {self._event_of[a] for a in region if a in self._event_of}

        def age(event_id: str) -> tuple[str, str]:
            e = self._events.get(event_id)
            return (e.date_from or "9999") if e else "9999", event_id

        def taken(candidate: str) -> bool:
            return (candidate in self._events or candidate in self._retired
                    or (self._taken is not None and self._taken(candidate)))

        def new_id(group: Sequence[str]) -> str:
            # named after its earliest report (by date, then id); undated reports count last
            first = min(group, key=lambda a: (self._reprs[a].day or NO_DAY, a))
            return fresh_id("event", first, taken)

        inherit = carry_ids(groups, self._event_of, age, new_id)
        update = ClusterUpdate(aliases=dict(inherit.aliases))
        kept = set(inherit.ids)
        for old in sorted(old_ids - kept):
            if old in self._events:
                update.deleted.append(self._events.pop(old))
        self._retired.update(inherit.aliases)
        for event_id, members in zip(inherit.ids, groups, strict=True):
            self._emit(event_id, members, threshold, update)
        return update

    def _memberships(self, comp: list[str], threshold: float) -> list[EventMember]:
        out: list[EventMember] = []
        inside = set(comp)
        for aid in comp:
            links = {o: s for o, s in self._edges.get(aid, {}).items() if o in inside}
            if len(comp) == 1 or not links:
                out.append(EventMember(aid, 1.0, ["the only article on this event so far"]))
                continue
            mean = sum(links.values()) / (len(comp) - 1)
            best = max(sorted(links), key=lambda o: links[o])
            ps = pair_score(self._reprs[aid], self._reprs[best], scorer=self.scorer,
                            window_days=self.settings.event_window_days)
            why = [f"close to the event as a whole (mean score {mean:.2f} over "
                   f"{len(comp) - 1} other report{'s' if len(comp) > 2 else ''}, "
                   f"threshold {threshold:.2f})",
                   f"closest to «{self._reprs[best].title[:80]}» (score {links[best]:.2f})"]
            out.append(EventMember(aid, round(mean, 4), why + ps.reasons))
        for orig in comp:
            for dup in sorted(self._copies.get(orig, ())):
                out.append(EventMember(dup, 1.0, [f"duplicate of article {orig}"]))
        return out

    def _emit(self, event_id: str, comp: list[str], threshold: float,
              update: ClusterUpdate) -> None:
        members = [self._reprs[i] for i in comp]
        event = build_event(event_id, members, self._memberships(comp, threshold), self._edges,
                            preferred_language=self.settings.preferred_language,
                            facts=self._facts)
        previous = self._events.get(event_id)
        if previous is not None:  # its storyline stays until storylines are linked again
            event.storyline_id = previous.storyline_id
        if previous is None:
            update.created.append(event)
        elif previous != event:
            update.changed.append(event)
        self._events[event_id] = event
        for m in event.members:
            self._event_of[m.article_id] = event_id
            update.assignments[m.article_id] = event_id
