"""Ids of merged events and storylines: written once, resolved to the survivor, never a cycle.

Every test runs for events and for storylines (one code path serves both) on each backend.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pytest
from sqlalchemy import Table, select

from sujet.errors import InputError
from sujet.model import Event, Storyline
from sujet.store import Store, open_store
from sujet.store import schema as t
from sujet.store.sql_store import SqlStore


@dataclass(frozen=True)
class Kind:
    """The store's methods for one kind of record."""

    name: str
    table: Table
    store: Store

    def live(self, *ids: str) -> None:
        if self.name == "event":
            self.store.upsert_events([Event(id=i, title=f"event {i}") for i in ids])
        else:
            self.store.upsert_storylines([Storyline(id=i, title=f"storyline {i}") for i in ids])

    def delete(self, *ids: str) -> None:
        if self.name == "event":
            self.store.delete_events(ids)
        else:
            self.store.delete_storylines(ids)

    def alias(self, aliases: Mapping[str, str]) -> None:
        if self.name == "event":
            self.store.add_event_aliases(aliases)
        else:
            self.store.add_storyline_aliases(aliases)

    def resolve(self, record_id: str) -> str | None:
        if self.name == "event":
            return self.store.resolve_event_id(record_id)
        return self.store.resolve_storyline_id(record_id)

    def merge(self, merged: Sequence[str], into: str) -> None:
        """What the clustering does: the survivor stored, the others aliased and deleted."""
        self.live(into)
        self.alias({m: into for m in merged})
        self.delete(*merged)

    def rows(self) -> dict[str, tuple[str, str]]:
        """alias -> (survivor, recorded_at), as stored."""
        assert isinstance(self.store, SqlStore)
        with self.store.backend.engine.connect() as conn:
            return {r.alias: (r.survivor, r.recorded_at)
                    for r in conn.execute(select(self.table))}


@pytest.fixture(params=["event", "storyline"])
def kind(request: pytest.FixtureRequest, store: Store) -> Kind:
    table = t.event_aliases if request.param == "event" else t.storyline_aliases
    return Kind(request.param, table, store)


def test_an_alias_resolves_to_its_survivor(kind: Kind) -> None:
    kind.live("a", "b")
    assert kind.resolve("a") == "a" and kind.resolve("b") == "b"
    kind.merge(["a"], into="b")
    assert kind.resolve("a") == "b"
    assert kind.resolve("b") == "b"
    assert kind.resolve("unknown") is None
    survivor, recorded_at = kind.rows()["a"]
    assert survivor == "b" and recorded_at[:2] == "20" and recorded_at.endswith("+00:00")


def test_a_live_record_wins_over_its_alias_until_deleted(kind: Kind) -> None:
    kind.live("a", "b")
    kind.alias({"a": "b"})  # written before the merged-away row is deleted
    assert kind.resolve("a") == "a"
    kind.delete("a")
    assert kind.resolve("a") == "b"


def test_chains_lead_to_the_last_survivor(kind: Kind) -> None:
    kind.live("a", "b", "c")
    kind.merge(["a"], into="b")
    kind.merge(["b"], into="c")
    assert kind.resolve("a") == "c" and kind.resolve("b") == "c"
    # Flat on write: no alias points at another alias.
    assert {a: s for a, (s, _) in kind.rows().items()} == {"a": "c", "b": "c"}
    kind.merge(["c"], into="d")
    assert [kind.resolve(i) for i in "abcd"] == ["d", "d", "d", "d"]


def test_a_chain_within_one_batch(kind: Kind) -> None:
    kind.live("a", "b", "c")
    kind.alias({"a": "b", "b": "c"})
    kind.delete("a", "b")
    assert kind.resolve("a") == "c" and kind.resolve("b") == "c"


def test_naming_an_alias_as_survivor_records_its_own_survivor(kind: Kind) -> None:
    kind.live("a", "b", "c")
    kind.merge(["b"], into="c")
    kind.alias({"a": "b"})  # b is already an alias of c
    kind.delete("a")
    assert kind.rows()["a"][0] == "c"
    assert kind.resolve("a") == "c"


def test_writing_the_same_aliases_again_changes_nothing(kind: Kind) -> None:
    kind.live("a", "b", "c")
    kind.merge(["a", "b"], into="c")
    before = kind.rows()
    kind.alias({"a": "c", "b": "c"})
    kind.alias({"a": "c"})
    assert kind.rows() == before
    assert kind.resolve("a") == "c" and kind.resolve("b") == "c"


def test_an_id_stored_again_stops_being_an_alias(kind: Kind) -> None:
    kind.live("a", "b")
    kind.merge(["a"], into="b")
    kind.live("a")
    assert kind.resolve("a") == "a"
    assert "a" not in kind.rows()
    kind.delete("a")  # deleted without a merge: gone, not an alias any more
    assert kind.resolve("a") is None
    assert kind.resolve("b") == "b"


def test_no_alias_points_at_itself_and_no_cycle_forms(kind: Kind) -> None:
    kind.live("a", "b")
    kind.alias({"a": "a"})
    assert kind.rows() == {}
    kind.merge(["a"], into="b")
    # b merged into a later (a stored again first): the newer merge wins, no cycle.
    kind.merge(["b"], into="a")
    assert {a: s for a, (s, _) in kind.rows().items()} == {"b": "a"}
    assert kind.resolve("a") == "a" and kind.resolve("b") == "a"
    # The same reversal without storing the survivor first: still no cycle.
    kind.alias({"a": "b"})
    kind.alias({"b": "a"})
    rows = {a: s for a, (s, _) in kind.rows().items()}
    assert rows == {"b": "a"}
    assert kind.resolve("b") == "a"


def test_deleting_records_keeps_their_aliases(kind: Kind) -> None:
    kind.live("a", "b", "c")
    kind.merge(["a"], into="b")
    kind.alias({"c": "a"})  # an alias named as survivor: c leads to b as well
    kind.delete("c")
    kind.delete("b")  # the survivor's row gone (as between deleting and storing it again)
    assert kind.rows().keys() == {"a", "c"}
    assert kind.resolve("a") == "b" and kind.resolve("c") == "b"
    kind.live("b")
    assert kind.resolve("a") == "b" and kind.resolve("c") == "b"


def test_bad_aliases_are_refused_and_nothing_is_written(kind: Kind) -> None:
    with pytest.raises(InputError):
        kind.alias({"a": "b", "": "c"})
    assert kind.rows() == {}


def test_event_and_storyline_aliases_are_separate(store: Store) -> None:
    store.upsert_events([Event(id="x", title="x"), Event(id="y", title="y")])
    store.upsert_storylines([Storyline(id="x", title="x"), Storyline(id="y", title="y")])
    store.add_event_aliases({"x": "y"})
    store.delete_events(["x"])
    assert store.resolve_event_id("x") == "y"
    assert store.resolve_storyline_id("x") == "x"
    store.delete_storylines(["x"])
    assert store.resolve_storyline_id("x") is None


def test_many_aliases_in_one_call(store: Store) -> None:
    ids = [f"e{i:04d}" for i in range(1200)]
    store.upsert_events([Event(id="keep", title="keep")])
    store.add_event_aliases(dict.fromkeys(ids, "keep"))
    assert {store.resolve_event_id(i) for i in ids[::97]} == {"keep"}


def test_resolving_takes_odd_ids(store: Store) -> None:
    store.upsert_events([Event(id="ev é/ё?", title="odd")])
    store.add_event_aliases({"old\x00one": "ev é/ё?"})
    assert store.resolve_event_id("old\x00one") == "ev é/ё?"
    assert [store.resolve_event_id(i) for i in ("%", "_", "'", "")] == [None] * 4


def test_writers_merging_both_ways_at_once_form_no_cycle(store_url: str) -> None:
    pairs = [(f"a{i:03d}", f"b{i:03d}") for i in range(60)]
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def write(reverse: bool) -> None:
        try:
            with open_store(store_url) as own:
                start.wait()
                for a, b in pairs:
                    own.add_event_aliases({b: a} if reverse else {a: b})
        except BaseException as err:  # noqa: BLE001 - reported by the test
            failures.append(err)

    open_store(store_url).close()
    threads = [threading.Thread(target=write, args=(reverse,)) for reverse in (False, True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    with open_store(store_url) as store:
        kind = Kind("event", t.event_aliases, store)
        rows = {a: s for a, (s, _) in kind.rows().items()}
        for a, b in pairs:
            (alias,) = {a, b} & rows.keys()  # exactly one of the two is an alias
            root = b if alias == a else a
            assert rows[alias] == root
            assert store.resolve_event_id(alias) == root
