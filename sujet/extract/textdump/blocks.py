"""Block-level features of a text dump for the line classifier (textdump.features).

A line alone says little: an instruction step or a list item inside an article is as short as a
menu entry. These features describe the block a line belongs to (the lines between two blank
lines), the run of prose-like lines around it, table-cell runs, and how far it is, in lines and in
words, from the main region the rules selected.
"""

from __future__ import annotations

import math

from sujet.extract.textdump.lines import Line
from sujet.extract.textdump.score import is_flagged, is_text_like

BLOCK = [
    "blk_words", "blk_lines", "blk_sentence_share", "blk_share", "blk_repeated", "prose_run",
    "text_run", "tab_run", "between_words", "between_text", "before_dist", "after_dist",
    "region_share", "region_pos",
]
PROSE_MIN_WORDS = 5  # a line of a prose run: not furniture and at least this many words


def _runs(flags: list[bool], weights: list[float]) -> list[float]:
    """For each position, the summed weight of the run of True flags it belongs to (else 0)."""
    out = [0.0] * len(flags)
    i = 0
    while i < len(flags):
        j = i
        while j < len(flags) and flags[j] == flags[i]:
            j += 1
        if flags[i]:
            total = sum(weights[i:j])
            for k in range(i, j):
                out[k] = total
        i = j
    return out


def _blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """(start, end) of the block of each line: lines between two blank lines, end exclusive."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i, ln in enumerate(lines):
        if ln.blank_after or i + 1 == len(lines):
            spans.extend([(start, i + 1)] * (i + 1 - start))
            start = i + 1
    return spans


def block_features(lines: list[Line], start: int, end: int, tabs: list[int]) -> list[list[float]]:
    """One row per line, columns in the order of BLOCK."""
    n = len(lines)
    words = [float(ln.words) for ln in lines]
    total = max(1.0, sum(words))
    text = [is_text_like(ln) for ln in lines]
    prose = [not is_flagged(ln) and ln.words >= PROSE_MIN_WORDS for ln in lines]
    prose_run = _runs(prose, words)
    text_run = _runs(text, words)
    tab_run = _runs([t > 0 for t in tabs], [1.0] * n)
    spans = _blocks(lines)
    keys: dict[str, int] = {}
    block_key: dict[int, str] = {}
    for s, e in set(spans):
        key = "\n".join(ln.text.lower() for ln in lines[s:e])
        block_key[s] = key
        keys[key] = keys.get(key, 0) + 1
    cum = [0.0]
    cum_text = [0.0]
    for w, t in zip(words, text, strict=True):
        cum.append(cum[-1] + w)
        cum_text.append(cum_text[-1] + (w if t else 0.0))
    has_region = end > start
    region_words = cum[end] - cum[start] if has_region else 0.0
    rows: list[list[float]] = []
    for i in range(n):
        s, e = spans[i]
        bw = cum[e] - cum[s]
        sentences = sum(1 for ln in lines[s:e] if ln.sentences > 0 and ln.terminal)
        if not has_region or start <= i < end:
            lo = hi = 0
        elif i < start:
            lo, hi = i + 1, start
        else:
            lo, hi = end, i
        before = has_region and i < start
        after = has_region and i >= end
        rows.append([
            math.log1p(bw),
            math.log1p(e - s),
            sentences / (e - s),
            bw / total,
            float(keys[block_key[s]] > 1),
            math.log1p(prose_run[i]),
            math.log1p(text_run[i]),
            math.log1p(tab_run[i]),
            math.log1p(cum[hi] - cum[lo]),
            math.log1p(cum_text[hi] - cum_text[lo]),
            math.log1p(start - i) if before else 0.0,
            math.log1p(i - end + 1) if after else 0.0,
            region_words / total,
            (i - start + 0.5) / (end - start) if has_region and start <= i < end else 0.0,
        ])
    return rows
