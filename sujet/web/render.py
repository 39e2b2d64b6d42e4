"""Pieces of pages computed in Python: highlighted article text, marked snippets, SVG charts.

Nothing here returns raw HTML built from scraped text except :func:`mark_snippet`, which escapes
first and only then adds its own ``<mark>`` tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from sujet.api.schemas import CountPublic
from sujet.model import Mention

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(slots=True)
class Segment:
    text: str
    entity_id: str | None = None
    type: str | None = None
    normal: str | None = None

    @property
    def is_mention(self) -> bool:
        return self.type is not None


@dataclass(slots=True)
class Paragraph:
    segments: list[Segment] = field(default_factory=list)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph of ``text``."""
    spans = []
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if text[pos:brk.start()].strip():
            spans.append((pos, brk.start()))
        pos = brk.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def highlight(text: str, mentions: list[Mention]) -> list[Paragraph]:
    """The text split in paragraphs, each a run of plain and mention segments.

    Mentions out of range, overlapping an earlier one, or crossing a paragraph break are left as
    plain text rather than breaking the page.
    """
    usable = sorted((m for m in mentions if m.field == "text" and 0 <= m.start < m.end <= len(text)),
                    key=lambda m: (m.start, -m.end))
    paragraphs = []
    index = 0
    for start, end in paragraph_spans(text):
        para = Paragraph()
        pos = start
        while index < len(usable) and usable[index].start < end:
            m = usable[index]
            index += 1
            if m.start < pos or m.end > end:
                continue
            if m.start > pos:
                para.segments.append(Segment(text[pos:m.start]))
            para.segments.append(Segment(text[m.start:m.end], m.entity_id, m.type, m.normal))
            pos = m.end
        if pos < end:
            para.segments.append(Segment(text[pos:end]))
        paragraphs.append(para)
    return paragraphs


def mark_snippet(snippet: str) -> Markup:
    """Escapes a snippet, then turns the store's « » match markers into <mark> elements."""
    out: list[str] = []
    open_mark = False
    for piece in re.split("([«»])", snippet):
        if piece == "«":
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif piece == "»":
            if open_mark:
                out.append("</mark>")
                open_mark = False
        else:
            out.append(str(escape(piece)))
    if open_mark:
        out.append("</mark>")
    return Markup("".join(out))


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # (x, label) under the axis
    max_count: int
    baseline: float
    summary: str  # the chart in words, for screen readers


def _months_between(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _fill_periods(counts: list[CountPublic]) -> list[tuple[str, int]]:
    """Periods in order with the empty months between them, or years when the span is long."""
    by_period = {c.period: c.count for c in counts}
    monthly = [p for p in by_period if len(p) == 7]
    if monthly and len(by_period) == len(monthly):
        months = _months_between(min(monthly), max(monthly))
        if len(months) <= 60:
            return [(p, by_period.get(p, 0)) for p in months]
    years: dict[str, int] = {}
    for period, count in by_period.items():
        years[period[:4]] = years.get(period[:4], 0) + count
    if not years:
        return []
    first, last = int(min(years)), int(max(years))
    return [(str(y), years.get(str(y), 0)) for y in range(first, last + 1)]


def bar_chart(counts: list[CountPublic], width: int = 640, height: int = 160) -> Chart | None:
    """A bar chart of counts per period, laid out for an inline <svg> (None when empty)."""
    periods = _fill_periods(counts)
    if not periods:
        return None
    top, bottom, left, right = 10.0, 26.0, 4.0, 4.0
    plot_w, plot_h = width - left - right, height - top - bottom
    max_count = max(c for _, c in periods) or 1
    step = plot_w / len(periods)
    bar_w = max(1.0, step * 0.8)
    bars = []
    for i, (period, count) in enumerate(periods):
        h = plot_h * count / max_count
        bars.append(Bar(x=round(left + i * step + (step - bar_w) / 2, 2),
                        y=round(top + plot_h - h, 2), width=round(bar_w, 2),
                        height=round(h, 2), label=period, count=count))
    every = max(1, len(periods) // 6)
    ticks = [(round(b.x + b.width / 2, 2), b.label) for i, b in enumerate(bars) if i % every == 0]
    busiest = max(periods, key=lambda p: p[1])
    summary = (f"{sum(c for _, c in periods)} mentions from {periods[0][0]} to {periods[-1][0]}; "
               f"most in {busiest[0]} ({busiest[1]}).")
    return Chart(width=width, height=height, bars=bars, ticks=ticks, max_count=max_count,
                 baseline=top + plot_h, summary=summary)

