"""Pieces of pages computed in Python: highlighted article text, marked snippets, SVG charts.

Nothing here returns raw HTML built from scraped text except :func:`mark_snippet`, which escapes
first and only then adds its own ``<mark>`` tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

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
    x: float  # left end of the bar
    y: float  # top of its row
    width: float
    height: float
    label: str  # the period as people read it ("Aug 2024", "17 Jun 2025", "2024")
    count: int
    value_x: float = 0.0  # where its count is written


@dataclass(slots=True)
class Chart:
    """Horizontal bars, one row per period: the period's name, the bar, its count. Rows keep
    their text readable at any width (a phone shows the same rows, not a squeezed plot)."""

    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # (x, label) on the count axis
    max_count: int
    baseline: float  # x of the axis the bars start from
    summary: str  # the chart in words, for screen readers
    unit: str  # "month", "day" or "year"
    undated: int = 0  # mentions in undated articles, not drawn
    year_only: int = 0  # mentions dated by year alone, not drawn on a month or day scale
    axis_bottom: float = 0.0


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")
MAX_MONTHS = 36  # longer spans are drawn by year
MAX_DAYS = 45  # a span of days up to this is drawn by day


def _months_between(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _days_between(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


def _period_name(period: str) -> str:
    if len(period) == 10:
        return f"{int(period[8:])} {_MONTH_NAMES[int(period[5:7]) - 1]} {period[:4]}"
    if len(period) == 7:
        return f"{_MONTH_NAMES[int(period[5:7]) - 1]} {period[:4]}"
    return period


def _fill_periods(counts: list[CountPublic]) -> tuple[list[tuple[str, int]], str, int]:
    """(period, count) in order with the empty periods between, the unit, and the mentions
    left out because their dates are coarser than the unit. Days when every dated mention has
    a day and they span at most MAX_DAYS; months when those with a month span at most
    MAX_MONTHS (mentions dated by year alone are then counted apart, not drawn as a year);
    years otherwise."""
    by_period: dict[str, int] = {}
    for c in counts:
        by_period[c.period] = by_period.get(c.period, 0) + c.count
    days = {p: n for p, n in by_period.items() if len(p) == 10}
    if days and len(days) == len(by_period):
        span = _days_between(min(days), max(days))
        if len(span) <= MAX_DAYS:
            return [(p, days.get(p, 0)) for p in span], "day", 0
    months: dict[str, int] = {}
    for period, n in by_period.items():
        if len(period) >= 7:
            months[period[:7]] = months.get(period[:7], 0) + n
    year_only = sum(n for p, n in by_period.items() if len(p) < 7)
    if months:
        span = _months_between(min(months), max(months))
        if len(span) <= MAX_MONTHS:
            return [(p, months.get(p, 0)) for p in span], "month", year_only
    years: dict[str, int] = {}
    for period, n in by_period.items():
        years[period[:4]] = years.get(period[:4], 0) + n
    if not years:
        return [], "year", 0
    first, last = int(min(years)), int(max(years))
    return [(str(y), years.get(str(y), 0)) for y in range(first, last + 1)], "year", 0


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 4:
            return step
    return max(1, top // 4)


def bar_chart(counts: list[CountPublic], width: int = 360, undated: int = 0) -> Chart | None:
    """Mentions per period as horizontal bars for an inline <svg> (None when nothing is dated).
    ``undated`` mentions (articles without a date) are stated, not drawn."""
    periods, unit, year_only = _fill_periods(counts)
    if not periods:
        return None
    row, top, label_w, value_w = 22.0, 6.0, 86.0, 34.0
    plot_w = width - label_w - value_w
    max_count = max(c for _, c in periods) or 1
    bars = []
    for i, (period, count) in enumerate(periods):
        w = plot_w * count / max_count
        bars.append(Bar(x=label_w, y=round(top + i * row, 2), width=round(w, 2),
                        height=round(row - 6, 2), label=_period_name(period), count=count,
                        value_x=round(label_w + w + 4, 2)))
    axis_bottom = top + len(periods) * row
    step = _nice_step(max_count)
    ticks = [(round(label_w + plot_w * v / max_count, 2), str(v))
             for v in range(0, max_count + 1, step)]
    busiest = max(periods, key=lambda p: p[1])
    drawn = sum(c for _, c in periods)
    summary = (f"{drawn} mentions by {unit} from {_period_name(periods[0][0])} to "
               f"{_period_name(periods[-1][0])}; most in {_period_name(busiest[0])} "
               f"({busiest[1]}).")
    return Chart(width=width, height=int(axis_bottom + 22), bars=bars, ticks=ticks,
                 max_count=max_count, baseline=label_w, summary=summary, unit=unit,
                 undated=undated, year_only=year_only, axis_bottom=round(axis_bottom, 2))
