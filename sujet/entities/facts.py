"""Facts of an article: agreements signed (with parties), figures (number, unit, what they
measure, direction of change) and dates or date ranges, as :class:`sujet.model.Fact` records."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sujet.entities.tokenize import sentences
from sujet.extract.dateparse import find_dates
from sujet.model import Fact, Mention

_AGREEMENT = re.compile(
    r"соглашени\w*|меморандум\w*|договор\w*|контракт\w*|протокол\w* о намерениях|дорожн\w+ карт\w*|"
    r"Abkommen\w*|Vereinbarung\w*|Memorandum\w*|Vertr[aä]g\w*|Absichtserklärung\w*|"
    r"\bagreements?\b|\bmemorand(?:um|a)\b|\bdeals?\b|\bcontracts?\b|\btreat(?:y|ies)\b",
    re.I,
)
_SIGNED = re.compile(
    r"подписа\w*|заключ\w*|договорил\w*|unterzeichne\w*|unterschrieben|geschlossen|vereinbart|"
    r"\bsign(?:ed|s|ing)?\b|\bconclud\w*|\bagreed\b",
    re.I,
)
_NUMBER = r"(?P<num>\d+(?:[ \u00a0.]\d{3})*(?:[.,]\d+)?)"
_UNIT = (
    r"(?P<unit>%|процент\w*|Prozent|percent|per cent|"
    r"(?:млн|млрд|тыс|трлн|Mio|Mrd|Millionen|Milliarden|million|billion|thousand)\.?(?:\s+(?:руб\w*|доллар\w*|евро|"
    r"тонн\w*|Euro|Dollar|Rubel|US-Dollar|Tonnen|dollars?|euros?|roubles?|rubles?|tons?|tonnes?))?|"
    r"руб\w*|доллар\w*|евро|Euro|Dollar|Rubel|dollars?|euros?|тонн\w*|Tonnen|tons?|tonnes?|[$€₽])"
)
_FIGURE = re.compile(r"(?<![\w.,])" + _NUMBER + r"\s?" + _UNIT + r"(?!\w)", re.I)
_CURRENCY_FIRST = re.compile(
    r"(?P<unit>[$€₽])\s?" + _NUMBER + r"(?:\s?(?P<scale>million|billion|bn|m)\b)?", re.I
)
_MEASURES = re.compile(
    r"товарооборот\w*|экспорт\w*|импорт\w*|объ[её]м\w*|производств\w*|выручк\w*|инвестици\w*|"
    r"поставк\w*|рост\w*|ВВП|прибыл\w*|доход\w*|бюджет\w*|цен\w*|инфляци\w*|"
    r"Handel\w*|Warenumsatz\w*|Umsatz\w*|Export\w*|Import\w*|Handelsvolumen\w*|Investition\w*|"
    r"Produktion\w*|Wachstum\w*|BIP|Gewinn\w*|Preis\w*|Inflation\w*|"
    r"\btrade\b|\bturnover\b|\bexports?\b|\bimports?\b|\bvolume\b|\bproduction\b|\brevenue\b|"
    r"\binvestments?\b|\bgrowth\b|\bGDP\b|\bprofits?\b|\bprices?\b|\binflation\b|\bsales\b",
    re.I,
)
_UP = re.compile(
    r"вырос\w*|увеличил\w*|возрос\w*|прирост\w*|рост\w*|gestiegen|stieg\w*|wuchs|gewachsen|erhöht\w*|"
    r"\bros[ea]\b|\bris(?:en|ing)\b|\bgrew\b|\bgrow\w*|\bincreas\w*|\bup\b",
    re.I,
)
_DOWN = re.compile(
    r"снизил\w*|сократил\w*|упал\w*|уменьшил\w*|снижени\w*|gesunken|sank|gefallen|fiel|zurückgegangen|"
    r"\bfell\b|\bfall\w*|\bdecreas\w*|\bdeclin\w*|\bdropped\b|\bdown\b",
    re.I,
)


def _number(raw: str) -> float | None:
    s = raw.replace("\u00a0", " ").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):  # German thousands: 1.234.567
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _unit(raw: str) -> str:
    low = raw.lower()
    if low.startswith(("%", "процент", "prozent", "percent", "per cent")):
        return "%"
    return " ".join(raw.rstrip(".").split())


def find_facts(
    text: str,
    lang: str,
    article_id: str,
    *,
    reference_year: int | None = None,
    mentions: Sequence[Mention] = (),
) -> list[Fact]:
    """Agreements, figures and dates of one article's text."""
    facts: list[Fact] = []
    for s, e in sentences(text):
        sent = text[s:e]
        facts.extend(_agreements(sent, s, article_id, mentions))
        facts.extend(_figures(sent, s, article_id))
    for d in find_dates(text, reference_year):
        value: dict[str, object] = {"date": d.date_from, "precision": d.precision}
        if d.is_range:
            value["date_to"] = d.date_to
        facts.append(Fact(article_id, "date", text[d.start : d.end], d.start, d.end, value))
    return facts


def _agreements(sent: str, offset: int, article_id: str, mentions: Sequence[Mention]) -> list[Fact]:
    m = _AGREEMENT.search(sent)
    if not m or not _SIGNED.search(sent):
        return []
    inside = [
        x
        for x in mentions
        if x.field == "text" and offset <= x.start and x.end <= offset + len(sent)
    ]
    parties = [x.normal for x in inside if x.type == "ORG"] or [
        x.normal for x in inside if x.type in ("PER", "LOC")
    ]
    seen: list[str] = []
    for p in parties:
        if p not in seen:
            seen.append(p)
    value: dict[str, object] = {"trigger": m.group(), "parties": seen}
    subject = re.search(
        r"(?:о|об|по|в рамках|über|zur|zum|on|for)\s+([^,.;]{3,120})", sent[m.end() :]
    )
    if subject:
        value["subject"] = subject.group(1).strip()
    return [Fact(article_id, "agreement", sent.strip(), offset, offset + len(sent), value)]


def _figures(sent: str, offset: int, article_id: str) -> list[Fact]:
    out: list[Fact] = []
    matches = [
        (m, m.group("num"), m.group("unit") + (" " + m.group("scale") if m.group("scale") else ""))
        for m in _CURRENCY_FIRST.finditer(sent)
    ]
    matches += [
        (m, m.group("num"), m.group("unit"))
        for m in _FIGURE.finditer(sent)
        if not any(c.start() < m.end() and m.start() < c.end() for c, _n, _u in matches)
    ]
    matches.sort(key=lambda x: x[0].start())
    for m, num_raw, unit_raw in matches:
        num = _number(num_raw)
        if num is None:
            continue
        before = sent[: m.start()]
        measures = list(_MEASURES.finditer(before))
        measure = measures[-1].group() if measures else None
        if measure is None:
            after = _MEASURES.search(sent[m.end() :])
            measure = after.group() if after else None
        window = sent[max(0, m.start() - 80) : m.start()]
        change = "+" if _UP.search(window) else "-" if _DOWN.search(window) else None
        value: dict[str, object] = {"number": num, "unit": _unit(unit_raw)}
        if measure:
            value["measure"] = measure
        if change:
            value["change"] = change
        phrase_start = (
            measures[-1].start()
            if measures and m.start() - measures[-1].start() < 120
            else m.start()
        )
        out.append(
            Fact(
                article_id,
                "figure",
                sent[phrase_start : m.end()].strip(),
                offset + phrase_start,
                offset + m.end(),
                value,
            )
        )
    return out
