from __future__ import annotations

import random

from stories_synthetic import TableScorer, lead_scorer, make

from sujet.config import StorySettings
from sujet.stories.cluster import EventClusterer


def _groups(clusterer: EventClusterer) -> set[frozenset[str]]:
    return {frozenset(m.article_id for m in e.members) for e in clusterer.events}


def _corpus():
    return [
        make("a1", [1, 0.1, 0, 0]), make("a2", [1, 0, 0.1, 0], "2024-05-02"),
        make("a3", [1, 0.05, 0.05, 0], "2024-05-03", lang="de"),
        make("b1", [0, 1, 0, 0.1]), make("b2", [0.1, 1, 0, 0], "2024-05-02"),
        make("c1", [0, 0, 1, 0]),
        make("far", [1, 0.1, 0, 0], "2024-09-01"),  # same topic as a*, months later
        make("undated", [0, 0, 0.1, 1], None),
    ]


def _settings() -> StorySettings:
    return StorySettings(event_window_days=7, preferred_language="en")


def _clusterer(scorer=None) -> EventClusterer:
    return EventClusterer(_settings(), scorer=scorer or lead_scorer())


def test_one_batch_gives_the_expected_events():
    c = _clusterer()
    update = c.add(_corpus())
    assert _groups(c) == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2"}),
                          frozenset({"c1"}), frozenset({"far"}), frozenset({"undated"})}
    assert len(update.created) == 5 and not update.deleted and not update.aliases
    assert update.assignments["a2"] == update.assignments["a3"]


def test_any_order_and_any_batches_give_the_same_events():
    one = _clusterer()
    one.add(_corpus())
    for seed in range(12):
        docs = _corpus()
        rng = random.Random(seed)
        rng.shuffle(docs)
        cut = sorted(rng.sample(range(1, len(docs)), 2))
        c = _clusterer()
        for lo, hi in ((0, cut[0]), (cut[0], cut[1]), (cut[1], len(docs))):
            c.add(docs[lo:hi])
        assert _groups(c) == _groups(one), seed


def test_one_bridging_article_does_not_chain_two_events():
    # the bridge is close to x and to y, but x and y are unrelated: it joins one of them
    c = _clusterer(TableScorer({("x", "bridge"): 0.9, ("y", "bridge"): 0.85}))
    c.add([make("x"), make("y")])
    ids = {e.id for e in c.events}
    update = c.add([make("bridge")])
    assert _groups(c) == {frozenset({"x", "bridge"}), frozenset({"y"})}
    assert not update.aliases and not update.deleted
    assert {e.id for e in c.events} == ids  # both events kept their ids


def _merge_scores():
    # a and b alone fall short of the threshold; c is close to both, so a + c + b average above
    return TableScorer({("a", "b"): 0.4, ("a", "c"): 0.95, ("b", "c"): 0.9})


def test_merged_events_keep_the_older_id_and_leave_an_alias():
    c = _clusterer(_merge_scores())
    c.add([make("a", date="2024-05-01"), make("b", date="2024-05-02")])
    old = {e.members[0].article_id: e.id for e in c.events}
    update = c.add([make("c", date="2024-05-02")])
    assert _groups(c) == {frozenset({"a", "b", "c"})}
    assert c.events[0].id == old["a"]  # the event that began first survives
    assert update.aliases == {old["b"]: old["a"]}
    assert [e.id for e in update.deleted] == [old["b"]]
    assert [e.id for e in update.changed] == [old["a"]] and not update.created


def test_an_event_that_grows_keeps_its_id():
    c = _clusterer()
    c.add([make("late", [1, 0, 0], "2024-05-04")])
    first = c.events[0].id
    update = c.add([make("early", [1, 0.1, 0], "2024-05-01")])
    assert not update.deleted and [e.id for e in update.changed] == [first]
    event = c.events[0]
    assert event.id == first and event.date_from == "2024-05-01"
    assert [m.article_id for m in event.members] == ["early", "late"]
    assert all(m.why and 0 < m.score <= 1 for m in event.members)
    assert "close to the event as a whole" in event.members[0].why[0]


def test_an_event_that_splits_keeps_its_id_on_the_larger_part():
    scores = {("a", "b"): 0.55, ("b", "c"): 0.99, ("b", "d"): 0.99, ("c", "d"): 0.99}
    c = _clusterer(TableScorer(scores))
    c.add([make("a"), make("b")])
    (first,) = [e.id for e in c.events]
    update = c.add([make("c"), make("d")])
    assert _groups(c) == {frozenset({"a"}), frozenset({"b", "c", "d"})}
    assert c.event_of("b") == first and c.event_of("a") != first
    assert not update.aliases


def test_no_event_spans_more_than_the_window():
    # a daily series on one topic: every report is close to every other
    days = [f"2024-05-{d:02d}" for d in range(1, 29, 2)]
    c = _clusterer()
    c.add([make(f"d{i}", [1, 0, 0], day) for i, day in enumerate(days)])
    assert len(c.events) >= 2
    for e in c.events:
        days_of = [int(str(r.date)[-2:]) for r in c.reprs() if c.event_of(r.id) == e.id]
        assert max(days_of) - min(days_of) <= 7


def test_a_date_known_only_to_the_year_joins_without_stretching_or_bridging():
    june = [make(f"jun{i}", [1, 0, 0], "2025-06-17") for i in range(3)]
    dec = [make(f"dec{i}", [1, 0, 0], "2025-12-28") for i in range(3)]
    c = _clusterer()
    c.add(june + dec)
    c.add([make("year", [1, 0, 0], "2025")])
    groups = _groups(c)
    assert frozenset(f"jun{i}" for i in range(3)) <= next(g for g in groups if "jun0" in g)
    assert not any({"jun0", "dec0"} <= g for g in groups)  # never one event
    for e in c.events:
        assert e.date_from == e.date_to and len(e.date_from or "") == 10  # days, not "2025"
    # it joins one of the two (its year holds both days; they tie), without widening its dates
    joined = next(e for e in c.events if any(m.article_id == "year" for m in e.members))
    assert {m.article_id for m in joined.members} in (
        {"year", "jun0", "jun1", "jun2"}, {"year", "dec0", "dec1", "dec2"})
    why = " ".join(next(m.why for m in joined.members if m.article_id == "year"))
    assert "dates compatible (2025" in why and "same day" not in why


def test_a_month_date_outside_the_event_days_stays_apart():
    c = _clusterer()
    c.add([make("aug", [1, 0, 0], "2024-08-30"), make("jul", [1, 0, 0], "2024-07")])
    assert _groups(c) == {frozenset({"aug"}), frozenset({"jul"})}


def test_duplicates_join_their_original():
    c = _clusterer()
    c.add([make("orig", [1, 0, 0]), make("copy", [0, 1, 0], duplicate_of="orig")])
    assert _groups(c) == {frozenset({"orig", "copy"})}
    why = {m.article_id: m.why for m in c.events[0].members}
    assert why["copy"] == ["duplicate of article orig"]


def test_restore_continues_where_the_last_run_stopped():
    docs = _corpus()
    first = _clusterer()
    first.add(docs[:5])
    resumed = _clusterer()
    resumed.restore(first.events, first.reprs())
    update = resumed.add(docs[5:])
    whole = _clusterer()
    whole.add(docs)
    assert _groups(resumed) == _groups(whole)
    assert {e.id for e in first.events} <= {e.id for e in resumed.events}
    assert not update.deleted


def test_readding_known_articles_changes_nothing():
    c = _clusterer()
    c.add(_corpus())
    update = c.add(_corpus()[:2])
    assert not update.created and not update.changed and not update.deleted


def test_a_duplicate_of_a_duplicate_joins_the_original():
    c = _clusterer()
    c.add([make("orig", [1, 0, 0]), make("copy", [0, 1, 0], duplicate_of="orig")])
    c.add([make("copy2", [0, 0, 1], duplicate_of="copy")])
    assert _groups(c) == {frozenset({"orig", "copy", "copy2"})}


def test_fresh_ids_never_reuse_a_taken_id():
    from sujet.model import stable_id

    blocked = stable_id("event", "solo")
    c = EventClusterer(_settings(), scorer=lead_scorer(), taken=lambda i: i == blocked)
    c.add([make("solo")])
    assert c.events[0].id != blocked
