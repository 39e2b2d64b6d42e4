from __future__ import annotations

import random

from sujet.stories.linkage import Summary, average_link, components


def _edges(pairs):
    out: dict[str, dict[str, float]] = {}
    for (a, b), s in pairs.items():
        out.setdefault(a, {})[b] = s
        out.setdefault(b, {})[a] = s
    return out


def test_average_link_needs_the_cluster_as_a_whole():
    # a chain: each neighbour close, the ends unrelated
    edges = _edges({("a", "b"): 0.9, ("b", "c"): 0.8, ("c", "d"): 0.9})
    assert average_link("abcd", edges, 0.5) == [["a", "b"], ["c", "d"]]
    assert components("a", edges, 0.5) == [["a", "b", "c", "d"]]


def test_a_clique_is_one_cluster():
    edges = _edges({(a, b): 0.7 for a in "abc" for b in "abc" if a < b})
    assert average_link("abc", edges, 0.5) == [["a", "b", "c"]]


def test_result_does_not_depend_on_the_order_of_nodes_or_edges():
    rng = random.Random(3)
    nodes = [f"n{i}" for i in range(30)]
    pairs = {(a, b): rng.random() for a in nodes for b in nodes if a < b and rng.random() < 0.3}
    expected = average_link(nodes, _edges(pairs), 0.45)
    for seed in range(5):
        items = list(pairs.items())
        random.Random(seed).shuffle(items)
        shuffled = list(nodes)
        random.Random(seed).shuffle(shuffled)
        assert average_link(shuffled, _edges(dict(items)), 0.45) == expected


def test_the_veto_stops_a_merge():
    edges = _edges({("a", "b"): 0.9, ("b", "c"): 0.9, ("a", "c"): 0.9})
    size = Summary(lambda n: 1, lambda x, y: x + y, lambda total: total <= 2)
    clusters = average_link("abc", edges, 0.5, size)
    assert sorted(map(len, clusters)) == [1, 2]
