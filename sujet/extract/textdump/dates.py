"""The publication date of a text dump: a date next to the headline, the byline or a cue word.

A dump shows the date as the page printed it: "Veröffentlicht am 16.08.2019", "12. März 2019,
14:30 Uhr", "March 12, 2019", "Stand: 12.03.2019", "12/30/2019 05:03 AM", "Posted by X 21.10.2019".
Every full date (day, month and year) of the page is a candidate; a candidate gains from a
publication cue on its line, from a short line (a date line or a byline), from sitting close to the
headline or the start of the body, and from agreeing with a date in the URL; it loses inside long
body sentences and next to "updated" cues. Relative times ("vor 3 Stunden") give no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sujet import lang
from sujet.extract.dateparse import month_number
from sujet.extract.textdump.lines import Line

MIN_YEAR = 1995
MAX_YEAR = date.today().year + 1

_MONTH_WORD = r"[^\W\d_]{3,10}\.?"
_YEAR = r"((?:19|20)\d\d)"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d|\d\d)(?!\.?\d)"), "dmy"),
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?=\d\d?:\d\d)"), "dmy"),
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d\d)(?=\d\d?:\d\d)"), "dmy"),
    (re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)"), "slash"),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\.?(?:er|st|nd|rd|th)?\s+(?:de\s+)?({_MONTH_WORD})"
                rf"(?:\s+de)?,?\s+{_YEAR}(?!\d)", re.I), "d_month_y"),
    (re.compile(rf"\b({_MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s+{_YEAR}(?!\d)", re.I),
     "month_d_y"),
]

_URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)(?:[/-](\d\d))?(?=[/-])")
# the end of a range's first day before a match: "с 8 по 11 июля 2024" is an event, not a date line
_RANGE_BEFORE_RE = re.compile(r"\d{1,2}\.?\s*(?:[-–—]|по|до|bis|to|until|au|al)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class _Cues:
    """Words of the language profiles (:class:`sujet.lang.PageLabels`) on a dump's date line."""

    strong: re.Pattern[str]  # a publication: "published", "veröffentlicht"
    cue: re.Pattern[str]  # those and weaker cues: "by", "am", "datum"
    update: re.Pattern[str]  # "updated", "aktualisiert"
    month_first: re.Pattern[str]  # function words of text whose slash dates are month first


def _words_re(*fields: str) -> re.Pattern[str]:
    alts = "|".join(w for f in fields for w in lang.page_labels(f)) or "(?!)"
    return re.compile(rf"\b(?:{alts})\b", re.I)


@lru_cache(maxsize=4)
def _build_cues(generation: int) -> _Cues:
    return _Cues(
        _words_re("published"),
        _words_re("published", "date_cues"),
        _words_re("updated"),
        _words_re("month_first_words"),
    )


def _cues() -> _Cues:
    return _build_cues(lang.generation())


# Weights of the candidate score, set by hand and checked on textdump/trafilatura (date accuracy
# over the 150 dated dev pages; each weight was varied over 0.5x..2x and kept where it stopped
# improving).
STRONG_CUE = 3.0
CUE = 1.0
UPDATE_PENALTY = 1.5
SHORT_LINE = 1.5  # a date line or a byline: at most SHORT_LINE_WORDS words
SHORT_LINE_WORDS = 14
LONG_LINE_PENALTY = 2.0  # a date inside a paragraph of body text is what the article is about
URL_AGREES = 4.0
NEAR_WINDOW = 12  # lines around the headline / body start where a byline date sits
FAR_PENALTY = 2.5


@dataclass(frozen=True, slots=True)
class PageDate:
    """A candidate date with the line it was found on."""

    iso: str
    line: int
    score: float


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return month_number(w)


def _make(y: int, m: int, d: int) -> str | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _convert(kind: str, g: tuple[str, ...], month_first: bool) -> str | None:
    if kind == "ymd":
        return _make(int(g[0]), int(g[1]), int(g[2]))
    if kind == "dmy":
        return _make(int(g[2]), int(g[1]), int(g[0]))
    if kind == "slash":
        a, b, y = int(g[0]), int(g[1]), int(g[2])
        if a > 12 or (b <= 12 and not month_first):
            return _make(y, b, a)
        return _make(y, a, b)
    if kind == "d_month_y":
        m = _month(g[1])
        return _make(int(g[2]), m, int(g[0])) if m else None
    m = _month(g[0])
    return _make(int(g[2]), m, int(g[1])) if m else None


def dates_in_line(text: str, month_first: bool = False) -> list[str]:
    """Full dates written in ``text`` (ISO), in order of position; ``month_first`` reads
    ambiguous slash dates as month/day/year (US usage)."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for rx, kind in _PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if _RANGE_BEFORE_RE.search(text[max(0, m.start() - 12):m.start()]):
                continue
            iso = _convert(kind, m.groups(), month_first)
            if iso:
                found.append((m.start(), iso))
                taken.append((m.start(), m.end()))
    return [iso for _, iso in sorted(found)]


def _url_date(url: str | None) -> str | None:
    m = _URL_DATE_RE.search(url or "")
    if not m:
        return None
    y, mo, d = m.groups()
    return f"{y}-{mo}-{d}" if d else f"{y}-{mo}"


def _score(line: Line, i: int, anchors: list[int], url_date: str | None, iso: str) -> float:
    s = 0.0
    cues = _cues()
    if cues.strong.search(line.text):
        s += STRONG_CUE
    elif cues.cue.search(line.text):
        s += CUE
    if cues.update.search(line.text):
        s -= UPDATE_PENALTY
    if line.words <= SHORT_LINE_WORDS:
        s += SHORT_LINE
    elif line.sentences >= 1:
        s -= LONG_LINE_PENALTY
    distance = min(abs(i - a) for a in anchors)
    s += -FAR_PENALTY if distance > NEAR_WINDOW else 1.0 - distance / NEAR_WINDOW
    if url_date and iso.startswith(url_date):
        s += URL_AGREES
    return s


def page_date(lines: list[Line], anchors: list[int], url: str | None = None,
              body_text: str = "") -> PageDate | None:
    """The most likely publication date among the full dates of the dump's lines.

    ``anchors`` are line indexes of the headline and the start of the body; ``body_text`` tells
    whether ambiguous slash dates are read month first (English text).
    """
    if not anchors:
        anchors = [0]
    month_first = len(_cues().month_first.findall(body_text[:3000])) >= 0.05 * max(
        1, len(body_text[:3000].split())
    )
    url_date = _url_date(url)
    best: PageDate | None = None
    for i, line in enumerate(lines):
        if not any(c.isdigit() for c in line.text):
            continue
        for iso in dates_in_line(line.text, month_first):
            cand = PageDate(iso, i, _score(line, i, anchors, url_date, iso))
            if best is None or cand.score > best.score:
                best = cand
    if best is None and url_date and len(url_date) == 10:
        return PageDate(url_date, -1, URL_AGREES)
    return best
