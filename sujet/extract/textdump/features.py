"""Per-line features of a text dump for the line classifier (textdump.model).

Each line is described by its own shape (length, punctuation, lexicon flags, table cells), its
place relative to the region the rules selected (inside, distance before / after), whether the
rules keep it, how often it repeats, the same shape figures of its neighbours (a paragraph
among paragraphs is text, a short line among short lines is a menu), and the figures of its
block and of the text around it (textdump.blocks).
"""

from __future__ import annotations

import math
import re

from sujet.extract.textdump.blocks import BLOCK, block_features
from sujet.extract.textdump.lines import Line, normalize_line
from sujet.extract.textdump.score import is_flagged, is_text_like, line_value

_DIGIT_RE = re.compile(r"\d")
_PUNCT_RE = re.compile(r"[,;:()\"'«»„“”—–-]")
_BULLET_RE = re.compile(r"^\s*(?:[-*•·▪►–]|\d{1,2}[.)]\s)")
_SEPARATOR_RE = re.compile(r"[|»›/]")

OWN = [
    "log_words", "long", "sentences", "terminal", "colon_end", "truncated", "furniture",
    "relative_time", "credit", "link_like", "numeric", "upper_ratio", "section_stop",
    "blank_before", "blank_after", "text_like", "flagged", "value", "digit_ratio", "punct_ratio",
    "tabs", "bullet", "separators", "chars_per_word",
]
CONTEXT = [
    "kept", "in_region", "before_region", "after_region", "log_dist", "position", "repeated",
    "win_text", "win_kept", "win_words", "short_run",
]
NEIGHBOUR = ["log_words", "text_like", "sentences", "flagged", "bullet", "tabs"]
NAMES = (OWN + CONTEXT + [f"prev_{n}" for n in NEIGHBOUR] + [f"next_{n}" for n in NEIGHBOUR]
         + BLOCK)
WINDOW = 3  # lines on each side summarised by the win_* features


def _raw_tabs(text: str) -> list[int]:
    """Tab counts of the non-empty lines (table cells), aligned with split_lines."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [r.count("\t") for r in raw if normalize_line(r)]


def _own(line: Line, tabs: int) -> dict[str, float]:
    n = max(1, len(line.text))
    return {
        "log_words": math.log1p(line.words),
        "long": float(line.words >= 12),
        "sentences": float(min(line.sentences, 5)),
        "terminal": float(line.terminal),
        "colon_end": float(line.text.endswith(":")),
        "truncated": float(line.truncated),
        "furniture": float(line.furniture),
        "relative_time": float(line.relative_time),
        "credit": float(line.credit),
        "link_like": float(line.link_like),
        "numeric": float(line.numeric),
        "upper_ratio": line.upper_ratio,
        "section_stop": float(line.section_stop),
        "blank_before": float(line.blank_before),
        "blank_after": float(line.blank_after),
        "text_like": float(is_text_like(line)),
        "flagged": float(is_flagged(line)),
        "value": max(-1.0, min(1.0, line_value(line) / 60.0)),
        "digit_ratio": len(_DIGIT_RE.findall(line.text)) / n,
        "punct_ratio": len(_PUNCT_RE.findall(line.text)) / n,
        "tabs": float(min(tabs, 5)),
        "bullet": float(bool(_BULLET_RE.match(line.text))),
        "separators": float(min(len(_SEPARATOR_RE.findall(line.text)), 5)),
        "chars_per_word": min(n / max(1, line.words), 20.0) / 10.0,
    }


def line_features(lines: list[Line], start: int, end: int, kept: set[int],
                  text: str) -> list[list[float]]:
    """One feature row per line, columns in the order of NAMES."""
    tabs = _raw_tabs(text)
    if len(tabs) != len(lines):
        tabs = [0] * len(lines)
    own = [_own(ln, t) for ln, t in zip(lines, tabs, strict=True)]
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.text] = counts.get(ln.text, 0) + 1
    short = [not is_text_like(ln) and ln.words <= 12 for ln in lines]
    run = [0] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and short[j] == short[i]:
            j += 1
        for k in range(i, j):
            run[k] = j - i if short[i] else 0
        i = j
    n = len(lines)
    blocks = block_features(lines, start, end, tabs)
    rows: list[list[float]] = []
    for i, ln in enumerate(lines):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        others = [k for k in range(lo, hi) if k != i] or [i]
        inside = start <= i < end
        dist = 0 if inside else (start - i if i < start else i - end + 1)
        ctx = {
            "kept": float(i in kept),
            "in_region": float(inside),
            "before_region": float(i < start),
            "after_region": float(i >= end and end > start),
            "log_dist": math.log1p(dist),
            "position": i / max(1, n - 1),
            "repeated": float(counts[ln.text] > 1),
            "win_text": sum(own[k]["text_like"] for k in others) / len(others),
            "win_kept": sum(float(k in kept) for k in others) / len(others),
            "win_words": sum(own[k]["log_words"] for k in others) / len(others),
            "short_run": math.log1p(run[i]),
        }
        prev = own[i - 1] if i > 0 else None
        nxt = own[i + 1] if i + 1 < n else None
        row = [own[i][f] for f in OWN] + [ctx[f] for f in CONTEXT]
        row += [prev[f] if prev else 0.0 for f in NEIGHBOUR]
        row += [nxt[f] if nxt else 0.0 for f in NEIGHBOUR]
        rows.append(row + blocks[i])
    return rows
