"""Datelines, agencies and the claims that date a page from its text (ru/de/en).

``enrich`` fills what an extractor left empty and decides the date:

1. the dateline at the start of the body ("ТОМСК, 30 авг – РИА Томск.", "MINSK, 30. August
   (BelTA) -", "MOSCOW, Aug 30 (Reuters) -", "Berlin (dpa) -", "ЕКАТЕРИНБУРГ, 9 июля. /ТАСС/.")
   gives the place, the agency and a day; the dateline moves from the body into the metadata;
2. a year-less dateline day takes its year from the best-ranked other date of the page (the
   record's own date first), else from the dates the text mentions (the article is not older
   than the latest month it reports with a year), else from ``reference_year``;
3. a month + year page header ("Август\\n2024": "2024-08", precision "month") or a year alone;
4. dates in the body: full dates, and ranges within one month (the month); a comparison with
   "the same period of 2024" dates the article to the next year;
5. a source credit right after the body ("Источник: ...", "Quelle: ...", "Сайт Правительства
   НСО.") gives the agency when the dateline gave none.

These are claims; which one dates the article is decided by pubdate.decide_date alone, together
with the record's own date and the extractor's (HTML metadata, a text dump's date line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sujet import lang
from sujet.extract.dateparse import find_dates, month_number, month_pattern
from sujet.extract.pubdate import DateClaim, Rank, decide_date
from sujet.extract.types import Extracted

_AGENCY = r"(?:\s*\((?P<agency1>[^()\n]{2,40})\)|\s*/(?P<agency2>[^/\n]{2,40})/\.?)?"
_DASH = r"\s*(?:[–—]|-{1,2})\s*"


@dataclass(frozen=True, slots=True)
class _Patterns:
    dateline: re.Pattern[str]
    trailing_agency: re.Pattern[str]
    header_month_year: re.Pattern[str]


@lru_cache(maxsize=4)
def _build(generation: int) -> _Patterns:
    """The dateline patterns over the letters and month names of every language profile."""
    upper, lower = lang.letters()
    up, lo = f"A-Z{upper}", f"a-z{lower}"
    month = month_pattern()
    place = (
        rf"(?P<place>[{up}][{up}'’.\-]+(?:[ \-][{up}][{up}'’.\-]+){{0,3}}"
        rf"|[{up}][{lo}]+(?:[ \-][{up}][{lo}]+){{0,2}})"
    )
    region = rf"(?:,\s*(?!(?i:{month})\s*\d)(?P<region>[{up}][\w.]+(?:\s[{up}][\w.]+)?))?"
    day = (
        rf"(?:,\s*(?:(?P<day>\d{{1,2}})\.?\s+(?P<month>(?i:{month}))"
        rf"|(?P<month2>(?i:{month}))\s+(?P<day2>\d{{1,2}}))"
        rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\.?)?"
    )
    return _Patterns(
        dateline=re.compile(
            rf"^\s*{place}{region}{day}{_AGENCY}(?P<sep>{_DASH}|\.\s+|\s+)", re.UNICODE
        ),
        trailing_agency=re.compile(
            rf"(?P<agency3>[{up}][\w.\-]*(?:\s[\w.\-]+){{0,3}})\.\s+", re.UNICODE
        ),
        header_month_year=re.compile(
            rf"^(?P<month>{month})\s*\n?\s*(?P<year>(?:19|20)\d\d)$", re.I
        ),
    )


def _patterns() -> _Patterns:
    return _build(lang.generation())


@dataclass(frozen=True, slots=True)
class _Credits:
    """Source credits and year comparisons, from the profiles (:class:`sujet.lang.PageLabels`)."""

    source_prefix: re.Pattern[str]  # "Источник: ...", "Quelle: ..."
    source_words: re.Pattern[str]  # "пресс-служба", "news agency"
    comparison: re.Pattern[str]  # "the same period of 2023": one group holds the year


@lru_cache(maxsize=4)
def _build_credits(generation: int) -> _Credits:
    labels = "|".join(lang.page_labels("source_labels")) or "(?!)"
    words = "|".join(lang.page_labels("source_words")) or "(?!)"
    year = r"((?:19|20)\d\d)"
    periods = "|".join(
        f"(?:{p.replace('{year}', year)})" for p in lang.page_labels("same_period")
    )
    return _Credits(
        re.compile(rf"^(?:{labels})\s*:\s*(?P<agency>.{{2,80}}?)\.?$", re.I),
        re.compile(rf"\b(?:{words})\b", re.I),
        re.compile(periods or "(?!)", re.I),
    )


def _credits() -> _Credits:
    return _build_credits(lang.generation())


SOURCE_LINE_MAX_WORDS = 7  # a credit line is a name, not a sentence
HEADER_LINES = 12  # the page header: lines before the headline/body searched for "Август 2024"


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of an article: place, agency and the (year-less) day."""

    place: str
    agency: str | None
    day: int | None
    month: int | None
    year: int | None
    span: tuple[int, int]  # characters of the dateline in the text, separator included


def _normal_place(place: str) -> str:
    """"ТОМСК" -> "Томск", "NEW YORK" -> "New York"; mixed-case places stay as written."""
    place = place.strip(" ,.-")
    if place.isupper():
        return "-".join(" ".join(w.capitalize() for w in part.split()) for part in place.split("-"))
    return place


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text``, or None.

    A capitalised place followed by a date and/or an agency and a dash or full stop. An
    all-caps place with only a dash ("VIENNA —") is a dateline; a Title-case place needs an
    agency or a date ("Berlin (dpa) -").
    """
    m = _patterns().dateline.match(text[:300])
    if not m:
        return None
    gd = m.groupdict()
    place = gd["place"]
    day_s = gd.get("day") or gd.get("day2")
    month_s = gd.get("month") or gd.get("month2")
    agency = gd.get("agency1") or gd.get("agency2")
    sep = gd["sep"]
    end = m.end()
    has_date = bool(day_s and month_s)
    if not place.isupper() and not (agency or has_date):
        return None
    if place.isupper() and len(place.replace(" ", "")) < 3:
        return None
    if not (agency or has_date or sep.strip() in {"–", "—", "-", "--"}):
        return None
    if sep.strip() == "" and not agency:
        return None
    if agency is None and has_date and sep.strip() in {"–", "—", "-", "--"}:
        # "ТОМСК, 30 авг – РИА Томск. Томская область ...": the agency follows the dash
        t = _patterns().trailing_agency.match(text, end)
        if t and len(t.group("agency3").split()) <= 3:
            agency, end = t.group("agency3"), t.end()
    if agency and agency.strip().isdigit():
        return None
    return Dateline(
        place=_normal_place(place),
        agency=agency.strip() if agency else None,
        day=int(day_s) if day_s else None,
        month=month_number(month_s) if month_s else None,
        year=int(gd["year"]) if gd.get("year") else None,
        span=(m.start("place"), end),
    )


def _header_claim(visible_text: str, body: str) -> DateClaim | None:
    """The month or year heading the page above the article: "Август\\n2024", "August 2024"."""
    head = visible_text
    first = body.strip().split("\n", 1)[0][:60]
    if first:
        pos = visible_text.find(first)
        if pos > 0:
            head = visible_text[:pos]
    lines = [ln.strip() for ln in head.split("\n") if ln.strip()][:HEADER_LINES]
    for i, a in enumerate(lines):
        b = lines[i + 1] if i + 1 < len(lines) else ""
        for cand in (f"{a}\n{b}", a):
            m = _patterns().header_month_year.match(cand)
            if m and (month := month_number(m.group("month"))):
                return DateClaim(f"{m.group('year')}-{month:02d}", "header")
    for ln in lines:
        if re.fullmatch(r"(?:19|20)\d\d", ln):
            return DateClaim(ln, "header")
    return None


def _year_from_text(text: str, month: int, day: int) -> int | None:
    """The year of a year-less day from the dates the text mentions with a year.

    The article is not older than the latest month it mentions: 30 August with "Dezember 2023"
    in the text is 30 August 2024.
    """
    dated = [f for f in find_dates(text) if f.has_year]
    if not dated:
        return None
    latest = max(f.date_from[:7] for f in dated)
    year = int(latest[:4])
    if f"{year:04d}-{month:02d}-{day:02d}" < latest:
        year += 1
    return year


def _nearest_year(month: int, claim: DateClaim) -> int:
    """The year that puts ``month`` nearest to the claim's date: a dateline of 30 December on a
    page dated 2 January is from the year before; a tie keeps the claim's own year."""
    year = int(claim.date[:4])
    if claim.precision == "year":
        return year
    at = year * 12 + int(claim.date[5:7])
    return min((year - 1, year, year + 1), key=lambda y: (abs(y * 12 + month - at), y != year))


def _dateline_year(
    dl: Dateline, claims: list[DateClaim], text: str, reference_year: int | None
) -> int | None:
    """The year of a dateline's day: its own, else that of the best-ranked other date of the
    page (the record's own date first, see pubdate.decide_date), else the latest month the text
    mentions with a year, else ``reference_year``."""
    if dl.year is not None:
        return dl.year
    if dl.month is None or dl.day is None:
        return None
    for claim in sorted(claims, key=lambda c: c.rank):
        if claim.rank < Rank.TEXT:
            return _nearest_year(dl.month, claim)
    return _year_from_text(text, dl.month, dl.day) or reference_year


def _dateline_claim(dl: Dateline, year: int | None) -> DateClaim | None:
    if year is None or dl.month is None or dl.day is None:
        return None
    try:
        return DateClaim(date(year, dl.month, dl.day).isoformat(), "dateline")
    except ValueError:  # "29 февр" of a year that has none
        return None


def _text_claims(text: str, reference_year: int | None) -> list[DateClaim]:
    """The dates the body mentions, in order: days and months with a year (a range within one
    month gives the month; a range across months, an event's span, gives nothing), then the year
    after a comparison with "the same period of 2024"."""
    claims: list[DateClaim] = []
    for f in find_dates(text, reference_year):
        if not f.has_year:
            continue
        if f.date_from == f.date_to:
            claims.append(DateClaim(f.date_from, "text"))
        elif f.date_from[:7] == f.date_to[:7]:
            claims.append(DateClaim(f.date_from[:7], "text"))
    m = _credits().comparison.search(text)
    if m:
        year = next(int(v) for v in m.groups() if v)
        claims.append(DateClaim(str(year + 1), "text"))
    return claims


def _source_credit(result: Extracted, visible_text: str) -> str | None:
    """A short source credit in the lines right after the body's last paragraph."""
    paras = [p for p in result.text.split("\n\n") if p.strip()]
    if not paras:
        return None
    tail = paras[-1].strip()[-80:]
    pos = visible_text.rfind(tail)
    if pos < 0:
        return None
    after = [ln.strip() for ln in visible_text[pos + len(tail):].split("\n") if ln.strip()][:2]
    for line in after:
        m = _credits().source_prefix.match(line)
        if m:
            return m.group("agency").strip()
        if len(line.split()) <= SOURCE_LINE_MAX_WORDS and _credits().source_words.search(line):
            return line.rstrip(". ")
    return None


def enrich(
    result: Extracted,
    visible_text: str,
    *,
    reference_year: int | None = None,
    keep_dateline: bool = False,
    record_date: DateClaim | None = None,
) -> None:
    """Fill dateline and agency where they are missing, and decide the date.

    A dateline opening the body is lifted out of it, unless ``keep_dateline``: an HTML article
    keeps it as published (the convention of the extraction benchmarks), a text dump's body
    starts after it (the convention of the hand-annotated sample dumps).

    The date comes from pubdate.decide_date over every claim about the page: ``record_date``
    (its container's date field), the extractor's own date (``result.date``: the HTML page's
    metadata, a text dump's date line), the dateline, the page header and the body's dates.
    """
    body = result.text
    dl = find_dateline(body.lstrip())
    if dl is not None:
        offset = len(body) - len(body.lstrip())
        if keep_dateline:
            result.metadata["dateline_end"] = offset + dl.span[1]
        else:
            result.text = body[offset + dl.span[1]:].lstrip()
        result.dateline = result.dateline or dl.place
        result.agency = result.agency or dl.agency
    page_claims = (record_date, _extractor_claim(result), _header_claim(visible_text, body))
    claims = [c for c in page_claims if c is not None]
    if dl is not None:
        stated = _dateline_claim(dl, _dateline_year(dl, claims, result.text, reference_year))
        if stated is not None:
            claims.append(stated)
    decided = decide_date([*claims, *_text_claims(result.text, reference_year)])
    result.date = decided.date if decided else None
    result.date_precision = decided.precision if decided else None
    result.date_source = decided.source if decided else None
    if not result.agency:
        result.agency = _source_credit(result, visible_text)


def _extractor_claim(result: Extracted) -> DateClaim | None:
    """The date the HTML or text-dump extractor found, as a claim under its own source name."""
    if not (result.date and result.date_source):
        return None
    return DateClaim(result.date, result.date_source)
