"""Pure functions of the API and UI: highlighting, snippet marks, charts, names, polling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sujet.api.poller import is_due
from sujet.api.schemas import CountPublic
from sujet.api.syndication import parse_date
from sujet.model import Entity, Mention
from sujet.services.dossier import script_of, variants_by_script
from sujet.web.render import bar_chart, highlight, mark_snippet, paragraph_spans


def _m(text: str, surface: str, entity_id: str | None = "e1", type_: str = "PER") -> Mention:
    start = text.index(surface)
    return Mention("a", start, start + len(surface), type_, surface, surface, entity_id)  # type: ignore[arg-type]


def test_highlight_splits_paragraphs_and_mentions() -> None:
    text = "Мазур приехал.\n\nПархомчик встретил Мазура."
    paras = highlight(text, [_m(text, "Мазур"), _m(text, "Пархомчик", "e2"),
                             _m(text, "Мазура", "e1")])
    assert [[s.text for s in p.segments] for p in paras] == [
        ["Мазур", " приехал."], ["Пархомчик", " встретил ", "Мазура", "."]]
    assert [s.entity_id for s in paras[1].segments] == ["e2", None, "e1", None]


def test_highlight_ignores_bad_spans() -> None:
    text = "One two.\nThree four."
    crossing = Mention("a", 4, 13, "PER", "x", "x", "e")  # crosses the paragraph break
    outside = Mention("a", 50, 60, "PER", "x", "x", "e")
    overlapping = [Mention("a", 0, 7, "PER", "x", "x", "e"), Mention("a", 4, 7, "ORG", "y", "y", "f")]
    title = Mention("a", 0, 3, "PER", "x", "x", "e", field="title")
    paras = highlight(text, [crossing, outside, *overlapping, title])
    joined = ["".join(s.text for s in p.segments) for p in paras]
    assert joined == ["One two.", "Three four."]
    assert [s.text for s in paras[0].segments if s.is_mention] == ["One two"]


def test_paragraph_spans_skip_blank_lines() -> None:
    assert paragraph_spans("a\n\n  \nb\n") == [(0, 1), (6, 7)]


def test_mark_snippet_escapes_before_marking() -> None:
    out = str(mark_snippet("<b>x</b> «Мазур» & «Masur"))
    assert out == "&lt;b&gt;x&lt;/b&gt; <mark>Мазур</mark> &amp; <mark>Masur</mark>"
    assert str(mark_snippet("» stray «")) == " stray <mark></mark>"


def test_bar_chart_fills_empty_months() -> None:
    chart = bar_chart([CountPublic(period="2024-11", count=2), CountPublic(period="2025-02", count=4)])
    assert chart is not None
    assert [b.label for b in chart.bars] == ["Nov 2024", "Dec 2024", "Jan 2025", "Feb 2025"]
    assert [b.count for b in chart.bars] == [2, 0, 0, 4]
    longest = max(chart.bars, key=lambda b: b.width)
    assert longest.label == "Feb 2025" and longest.x == chart.baseline
    assert longest.value_x > longest.x + longest.width
    assert chart.unit == "month" and "6 mentions" in chart.summary
    assert [label for _, label in chart.ticks] == ["0", "1", "2", "3", "4"]
    assert bar_chart([]) is None


def test_bar_chart_keeps_months_when_one_date_is_year_only() -> None:
    chart = bar_chart([CountPublic(period="2025-02", count=4), CountPublic(period="2025", count=3),
                       CountPublic(period="2025-04-02", count=1)], undated=2)
    assert chart is not None and chart.unit == "month"
    assert [b.label for b in chart.bars] == ["Feb 2025", "Mar 2025", "Apr 2025"]
    assert chart.year_only == 3 and chart.undated == 2


def test_bar_chart_by_day_when_every_date_has_one() -> None:
    chart = bar_chart([CountPublic(period="2025-06-17", count=2),
                       CountPublic(period="2025-06-19", count=1)])
    assert chart is not None and chart.unit == "day"
    assert [b.label for b in chart.bars] == ["17 Jun 2025", "18 Jun 2025", "19 Jun 2025"]


def test_bar_chart_uses_years_for_long_spans() -> None:
    chart = bar_chart([CountPublic(period="2010-01", count=1), CountPublic(period="2020-05", count=3)])
    assert chart is not None and [b.label for b in chart.bars][:2] == ["2010", "2011"]
    assert len(chart.bars) == 11


def test_scripts_and_variants() -> None:
    assert script_of("Мазур") == "Cyrillic" and script_of("Masur") == "Latin"
    assert script_of("«Ёлка»") == "Cyrillic" and script_of("123") == "Other"
    e = Entity(id="e", type="PER", name="Владимир Мазур",
               variants=["Wladimir Masur", "Владимира Мазура", "Владимир Мазур"])
    assert variants_by_script(e) == {"Cyrillic": ["Владимир Мазур", "Владимира Мазура"],
                                     "Latin": ["Wladimir Masur"]}


def test_is_due() -> None:
    now = datetime(2025, 1, 1, 12, tzinfo=UTC)
    assert is_due({"url": "u"}, now)
    assert not is_due({"url": "u", "paused": True}, now)
    recent = (now - timedelta(minutes=10)).isoformat()
    assert not is_due({"url": "u", "last_fetch": recent, "interval_minutes": 60}, now)
    assert is_due({"url": "u", "last_fetch": recent, "interval_minutes": 5}, now)
    assert is_due({"url": "u", "next_due": now.isoformat()}, now)


def test_parse_partial_dates() -> None:
    assert parse_date("2024-08") == datetime(2024, 8, 1, tzinfo=UTC)
    assert parse_date("2024") == datetime(2024, 1, 1, tzinfo=UTC)
    assert parse_date("garbage") is None and parse_date(None) is None


def test_ttl_cache_expires_and_evicts() -> None:
    from sujet.api.caching import TTLCache

    calls: list[str] = []

    def compute(key: str) -> str:
        calls.append(key)
        return key.upper()

    cache: TTLCache[str] = TTLCache(ttl_s=60, max_items=2)
    assert cache.get_or_compute("a", lambda: compute("a")) == "A"
    assert cache.get_or_compute("a", lambda: compute("a")) == "A"
    assert calls == ["a"]
    cache.get_or_compute("b", lambda: compute("b"))
    cache.get_or_compute("c", lambda: compute("c"))  # evicts "a", the least recently used
    cache.get_or_compute("a", lambda: compute("a"))
    assert calls == ["a", "b", "c", "a"]
    stale: TTLCache[str] = TTLCache(ttl_s=0)
    stale.get_or_compute("x", lambda: compute("x"))
    stale.get_or_compute("x", lambda: compute("x"))
    assert calls[-2:] == ["x", "x"]
    cache.clear()
    cache.get_or_compute("b", lambda: compute("b"))
    assert calls[-1] == "b"
