"""Average-link agglomerative clustering on a sparse similarity graph, with a merge veto.

Nodes start as singletons; the two clusters with the highest *average* similarity over all
pairs of their members are merged, again and again, while that average reaches the threshold
and the veto (``can_merge``) allows it. A missing edge counts as similarity 0, so a node joins
a cluster only when it is close to the cluster as a whole: one bridging node can no longer chain
two events together, as it did when events were connected components.

The result depends on the graph alone: ties are broken by the clusters' smallest node ids, so
adding nodes in any order gives the same clusters. Clusters that are not connected by an edge at
or above the threshold can never merge (their average is below it), so each connected component
of those edges is clustered on its own.

The veto must be monotone: if it refuses ``A + B`` it must refuse every ``A' + B'`` with
``A ⊆ A'`` and ``B ⊆ B'`` (a time span that only grows is); a refused pair is then dropped for
good.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from typing import Generic, TypeVar

S = TypeVar("S")  # the per-cluster summary the veto looks at


class Summary(Generic[S]):
    """How clusters are summarised for the veto: one per node, combined on every merge."""

    def __init__(self, of_node: Callable[[str], S], combine: Callable[[S, S], S],
                 allowed: Callable[[S], bool]) -> None:
        self.of_node = of_node
        self.combine = combine
        self.allowed = allowed


def average_link(nodes: Sequence[str], edges: Mapping[str, Mapping[str, float]],
                 threshold: float, summary: Summary[S] | None = None) -> list[list[str]]:
    """Clusters of ``nodes`` (each sorted; the list sorted by first member).

    ``edges[a][b]`` is the similarity of two nodes (symmetric; absent means 0); edges to nodes
    outside ``nodes`` are ignored.
    """
    order = sorted(set(nodes))
    index = {n: i for i, n in enumerate(order)}
    members: dict[int, list[int]] = {i: [i] for i in range(len(order))}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(len(order))}
    for node, i in index.items():
        for other, s in edges.get(node, {}).items():
            j = index.get(other)
            if j is not None and j != i and s > 0.0:
                sums[i][j] = float(s)
    state: dict[int, S] = {}
    if summary is not None:
        state = {i: summary.of_node(n) for n, i in index.items()}
    version = dict.fromkeys(members, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(i: int, j: int) -> None:
        a, b = (i, j) if i < j else (j, i)
        avg = sums[a][b] / (len(members[a]) * len(members[b]))
        if avg >= threshold:
            # a cluster's key is its smallest node index: ties resolve the same in every run
            heapq.heappush(heap, (-avg, a, b, version[a], version[b]))

    for i, row in sums.items():
        for j in row:
            if i < j:
                push(i, j)
    while heap:
        _neg, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue  # one side has changed since this entry was pushed
        merged_state = None
        if summary is not None:
            merged_state = summary.combine(state[a], state[b])
            if not summary.allowed(merged_state):
                continue  # refused now, refused for every superset: dropped for good
        members[a].extend(members.pop(b))
        version[a] += 1
        if merged_state is not None:
            state[a] = merged_state
            del state[b]
        row_b = sums.pop(b)
        row_a = sums[a]
        row_a.pop(b, None)
        for x, s in row_b.items():
            if x == a:
                continue
            row_a[x] = row_a.get(x, 0.0) + s
            del sums[x][b]
        for x, s in row_a.items():
            sums[x][a] = s
            push(a, x)
    clusters = [sorted(order[i] for i in m) for m in members.values()]
    return sorted(clusters, key=lambda c: c[0])


def components(starts: Sequence[str], edges: Mapping[str, Mapping[str, float]],
               threshold: float) -> list[list[str]]:
    """The connected components, over the edges at or above ``threshold``, that hold one of
    ``starts`` (each sorted; the list sorted by first member)."""
    seen: set[str] = set()
    out: list[list[str]] = []
    for start in sorted(set(starts)):
        if start in seen:
            continue
        seen.add(start)
        stack, comp = [start], [start]
        while stack:
            node = stack.pop()
            for other, s in edges.get(node, {}).items():
                if s >= threshold and other not in seen:
                    seen.add(other)
                    stack.append(other)
                    comp.append(other)
        out.append(sorted(comp))
    return sorted(out, key=lambda c: c[0])
