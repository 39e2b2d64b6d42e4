from __future__ import annotations

import random

from stories_synthetic import lead_model, make

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


def test_one_batch_gives_the_expected_events():
    c = EventClusterer(_settings(), model=lead_model())
    update = c.add(_corpus())
    assert _groups(c) == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2"}),
                          frozenset({"c1"}), frozenset({"far"}), frozenset({"undated"})}
    assert len(update.created) == 5 and not update.deleted
    assert update.assignments["a2"] == update.assignments["a3"]


def test_two_batches_equal_one_batch_and_order_does_not_matter():
    one = EventClusterer(_settings(), model=lead_model())
    one.add(_corpus())
    docs = _corpus()
    random.Random(7).shuffle(docs)
    two = EventClusterer(_settings(), model=lead_model())
    two.add(docs[:3])
    two.add(docs[3:])
    assert _groups(two) == _groups(one)
    assert [e.id for e in two.events] == [e.id for e in one.events]


def test_bridging_article_merges_two_events():
    c = EventClusterer(_settings(), model=lead_model())
    c.add([make("x", [1, 0, 0]), make("y", [0, 1, 0])])
    assert len(c.events) == 2
    old_ids = {e.id for e in c.events}
    update = c.add([make("bridge", [1, 1, 0])])
    assert _groups(c) == {frozenset({"x", "y", "bridge"})}
    assert len(update.deleted) + len(update.changed) + len(update.created) >= 2
    assert {e.id for e in update.deleted} | {e.id for e in update.changed} <= old_ids
    assert c.events[0].id == update.assignments["bridge"]


def test_event_id_follows_the_earliest_member_and_members_explain():
    c = EventClusterer(_settings(), model=lead_model())
    c.add([make("late", [1, 0, 0], "2024-05-04")])
    first = c.events[0].id
    update = c.add([make("early", [1, 0.1, 0], "2024-05-01")])
    assert [e.id for e in update.deleted] == [first]
    event = c.events[0]
    assert event.id != first and event.date_from == "2024-05-01"
    assert [m.article_id for m in event.members] == ["early", "late"]
    assert all(m.why and 0 < m.score <= 1 for m in event.members)
    assert "closest to" in event.members[0].why[0]


def test_duplicates_join_their_original():
    c = EventClusterer(_settings(), model=lead_model())
    c.add([make("orig", [1, 0, 0]), make("copy", [0, 1, 0], duplicate_of="orig")])
    assert _groups(c) == {frozenset({"orig", "copy"})}
    why = {m.article_id: m.why for m in c.events[0].members}
    assert why["copy"] == ["duplicate of article orig"]


def test_restore_continues_where_the_last_run_stopped():
    docs = _corpus()
    first = EventClusterer(_settings(), model=lead_model())
    first.add(docs[:5])
    stored_events, stored_reprs = first.events, first.reprs()
    resumed = EventClusterer(_settings(), model=lead_model())
    resumed.restore(stored_events, stored_reprs)
    resumed.add(docs[5:])
    whole = EventClusterer(_settings(), model=lead_model())
    whole.add(docs)
    assert _groups(resumed) == _groups(whole)


def test_readding_known_articles_changes_nothing():
    c = EventClusterer(_settings(), model=lead_model())
    c.add(_corpus())
    update = c.add(_corpus()[:2])
    assert not update.created and not update.changed and not update.deleted


def test_a_duplicate_of_a_duplicate_joins_the_original():
    c = EventClusterer(_settings(), model=lead_model())
    c.add([make("orig", [1, 0, 0]), make("copy", [0, 1, 0], duplicate_of="orig")])
    c.add([make("copy2", [0, 0, 1], duplicate_of="copy")])
    assert _groups(c) == {frozenset({"orig", "copy", "copy2"})}
