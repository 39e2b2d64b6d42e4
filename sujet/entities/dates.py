"""Dates and date ranges written in ru / de / en text ("30 августа 2024 года", "8–11 июля",
"vom 8. bis 11. Juli 2024", "August 30, 2024", "im Dezember 2023", "2024-08-30")."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        "январ января январе январь jan januar january jänner",
        "феврал февраля феврале февраль feb februar february",
        "март марта марте mär märz march mar",
        "апрел апреля апреле апрель apr april",
        "ма мая мае май mai may",
        "июн июня июне июнь jun juni june",
        "июл июля июле июль jul juli july",
        "август августа августе aug august",
        "сентябр сентября сентябре сентябрь sep sept september",
        "октябр октября октябре октябрь okt oct oktober october",
        "ноябр ноября ноябре ноябрь nov november",
        "декабр декабря декабре декабрь dez dec dezember december",
    ],
    start=1,
):
    for _w in _names.split():
        MONTHS[_w] = _n

_MONTH = (
    r"(?P<{g}>январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?е?|"
    r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|Januar|Jänner|Februar|März|April|Mai|Juni|"
    r"Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|"
    r"October|December)"
)
_DASH = r"\s*(?:-|–|—|bis|по|to|until)\s*"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"

_PATTERNS = [
    # 8–11 июля 2024 / vom 8. bis 11. Juli 2024 / с 8 по 11 июля
    re.compile(
        r"\b(?:с\s+|vom\s+|from\s+)?(?P<d1>\d{1,2})\.?"
        + _DASH
        + r"(?P<d2>\d{1,2})\.?\s+"
        + _MONTH.format(g="m")
        + r"(?:\s+"
        + _YEAR.format(g="y")
        + r")?",
        re.I,
    ),
    # 30 августа 2024 / 30. August 2024
    re.compile(
        r"\b(?P<d1>\d{1,2})\.?\s+" + _MONTH.format(g="m") + r"(?:\s+" + _YEAR.format(g="y") + r")?",
        re.I,
    ),
    # August 30, 2024
    re.compile(
        _MONTH.format(g="m")
        + r"\s+(?P<d1>\d{1,2})(?!\d)(?:st|nd|rd|th)?,?(?:\s+"
        + _YEAR.format(g="y")
        + r")?",
        re.I,
    ),
    # 2024-08-30 / 30.08.2024
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d1>\d\d)\b"),
    re.compile(r"\b(?P<d1>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b"),
    # в июне 2024 / im Dezember 2023 / in June 2024
    re.compile(_MONTH.format(g="m") + r"\s+" + _YEAR.format(g="y"), re.I),
]


@dataclass(slots=True)
class FoundDate:
    start: int
    end: int
    text: str
    date: str  # ISO, as precise as written: "2024-08-30", "2024-08"
    date_to: str | None = None  # end of a range
    precision: str = "day"


def _month(word: str) -> int | None:
    w = word.lower()
    if w in MONTHS:
        return MONTHS[w]
    for k in sorted(MONTHS, key=len, reverse=True):
        if len(k) >= 3 and w.startswith(k):
            return MONTHS[k]
    return None


def find_dates(text: str, reference_year: int | None = None) -> list[FoundDate]:
    """Dates in ``text``; a date without a year takes ``reference_year`` (or is left out)."""
    out: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            month = _month(g["m"]) if g.get("m") else int(g["mn"]) if g.get("mn") else None
            year = int(g["y"]) if g.get("y") else reference_year
            if not month or not year or not 1 <= month <= 12:
                continue
            d1 = int(g["d1"]) if g.get("d1") else None
            if d1 is not None and not 1 <= d1 <= 31:
                continue
            if d1 is None:
                found = FoundDate(
                    m.start(), m.end(), m.group(), f"{year:04d}-{month:02d}", precision="month"
                )
            else:
                found = FoundDate(m.start(), m.end(), m.group(), f"{year:04d}-{month:02d}-{d1:02d}")
                if g.get("d2"):
                    d2 = int(g["d2"])
                    if d1 < d2 <= 31:
                        found.date_to = f"{year:04d}-{month:02d}-{d2:02d}"
            taken.append((m.start(), m.end()))
            out.append(found)
    return sorted(out, key=lambda f: f.start)
