"""Gradient-boosted regression trees evaluated in numpy (no scikit-learn at run time).

Shared by the learned models that ship as JSON (event pairs, person-position pairs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(slots=True)
class Tree:
    feature: np.ndarray  # -1 at leaves
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray

    @classmethod
    def of_columns(
        cls,
        feature: Sequence[int],
        threshold: Sequence[float],
        left: Sequence[int],
        right: Sequence[int],
        value: Sequence[float],
    ) -> Tree:
        """A tree from its node columns as stored in JSON."""
        return cls(
            np.asarray(feature, dtype=np.int64),
            np.asarray(threshold, dtype=np.float64),
            np.asarray(left, dtype=np.int64),
            np.asarray(right, dtype=np.int64),
            np.asarray(value, dtype=np.float64),
        )

    def predict(self, X: np.ndarray) -> np.ndarray:
        node = np.zeros(len(X), dtype=np.int64)
        active = self.feature[node] >= 0
        while active.any():
            idx = np.nonzero(active)[0]
            f = self.feature[node[idx]]
            go_left = X[idx, f] <= self.threshold[node[idx]]
            node[idx] = np.where(go_left, self.left[node[idx]], self.right[node[idx]])
            active = self.feature[node] >= 0
        return self.value[node]


@dataclass(slots=True)
class Forest:
    """All trees in flat arrays, walked level by level for every row and tree at once.

    A leaf points to itself with an infinite threshold, so a fixed number of steps (the depth)
    lands every walk on its leaf.
    """

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int

    @classmethod
    def of(cls, trees: list[Tree]) -> Forest:
        feats, thrs, lefts, rights, values, roots = [], [], [], [], [], []
        offset, depth = 0, 0
        for t in trees:
            n = len(t.feature)
            idx = np.arange(n)
            leaf = t.feature < 0
            feats.append(np.where(leaf, 0, t.feature))
            thrs.append(np.where(leaf, np.inf, t.threshold))
            lefts.append(np.where(leaf, idx, t.left) + offset)
            rights.append(np.where(leaf, idx, t.right) + offset)
            values.append(t.value)
            roots.append(offset)
            depth = max(depth, _depth(t))
            offset += n
        return cls(np.concatenate(feats), np.concatenate(thrs), np.concatenate(lefts),
                   np.concatenate(rights), np.concatenate(values), np.asarray(roots), depth)

    def predict_sum(self, X: np.ndarray, block: int = 1024) -> np.ndarray:
        """Sum over the trees of each row's leaf value (rows in blocks: bounded memory)."""
        out = np.empty(len(X), dtype=np.float64)
        for lo in range(0, len(X), block):
            xb = X[lo : lo + block]
            node = np.broadcast_to(self.roots, (len(xb), len(self.roots))).copy()
            rows = np.arange(len(xb))[:, None]
            for _ in range(self.depth):
                go_left = xb[rows, self.feature[node]] <= self.threshold[node]
                node = np.where(go_left, self.left[node], self.right[node])
            out[lo : lo + len(xb)] = self.value[node].sum(axis=1)
        return out


def _depth(t: Tree) -> int:
    depth, frontier = 0, [0]
    while True:
        nxt = [c for n in frontier if t.feature[n] >= 0 for c in (t.left[n], t.right[n])]
        if not nxt:
            return depth
        depth += 1
        frontier = nxt
