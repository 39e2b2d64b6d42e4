"""What a digest holds, read from the store: the period's top events with their leads and
sources, the people and organisations on the rise with their positions (careers), and the
agreements and figures reported in the top events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sujet.api.rankings import Period, rising_entities, top_events
from sujet.entities.careers import careers, latest_career
from sujet.model import Fact, Position
from sujet.store.base import Store
from sujet.web.headline import lead

TOP_EVENTS = 10
RISING = 15
FACTS_PER_KIND = 12
LINKS_PER_EVENT = 5


@dataclass(slots=True, frozen=True)
class DigestEvent:
    title: str
    date: str | None
    lead: str
    sources: list[str]
    languages: list[str]
    reports: int
    links: list[tuple[str, str]]  # (source, url) of the first reports


@dataclass(slots=True, frozen=True)
class DigestEntity:
    name: str
    type: str
    position: str | None  # the latest career: title, organisation
    mentions: int
    before: float
    change: float


@dataclass(slots=True, frozen=True)
class DigestFact:
    kind: str  # agreement or figure
    text: str
    source: str
    date: str | None


@dataclass(slots=True)
class Digest:
    period: Period
    generated_at: str
    events: list[DigestEvent] = field(default_factory=list)
    rising: list[DigestEntity] = field(default_factory=list)
    agreements: list[DigestFact] = field(default_factory=list)
    figures: list[DigestFact] = field(default_factory=list)

    @property
    def title(self) -> str:
        return (f"Digest {self.period.date_from.isoformat()} – "
                f"{self.period.date_to.isoformat()}")


def _position(positions: Sequence[Position], lang: str | None) -> str | None:
    found = latest_career(careers(positions, lang))
    if found is None:
        return None
    return f"{found.title}, {found.organisation}" if found.organisation and \
        found.organisation.lower() not in found.title.lower() else found.title


def build_digest(store: Store, period: Period, *, language: str | None = None,
                 top: int = TOP_EVENTS, rising: int = RISING) -> Digest:
    """The digest of ``period``; ``language`` prefers event summaries and titles in it."""
    digest = Digest(period, datetime.now(UTC).replace(microsecond=0).isoformat())
    chosen = top_events(store, period, limit=top)
    for t in chosen:
        e = t.event
        summary = e.summary.get(language or "") or next(iter(e.summary.values()), "")
        first = next((a for a in t.reports if a.duplicate_of is None), None)
        text = summary or (first.text if first is not None else "")
        links = [(a.site or a.source, a.url) for a in t.reports
                 if a.url and a.duplicate_of is None][:LINKS_PER_EVENT]
        digest.events.append(DigestEvent(
            title=e.title, date=e.date_to or e.date_from, lead=lead(text) if text else "",
            sources=t.sources, languages=list(e.languages), reports=len(e.members),
            links=links))
    for r in rising_entities(store, period, limit=rising):
        digest.rising.append(DigestEntity(
            name=r.entity.name, type=r.entity.type,
            position=_position(list(r.entity.positions), language),
            mentions=r.mentions, before=r.before, change=r.change))
    reports = {a.id: a for t in chosen for a in t.reports if a.duplicate_of is None}
    facts = store.facts_of_articles(sorted(reports))
    seen: set[tuple[str, str]] = set()
    for t in chosen:
        for a in t.reports:
            for f in facts.get(a.id, []):
                _add_fact(digest, f, a.site or a.source, a.date, seen)
    return digest


def _add_fact(digest: Digest, fact: Fact, source: str, day: str | None,
              seen: set[tuple[str, str]]) -> None:
    key = (fact.kind, " ".join(fact.text.split()).lower())
    if key in seen:
        return
    target = {"agreement": digest.agreements, "figure": digest.figures}.get(fact.kind)
    if target is None or len(target) >= FACTS_PER_KIND:
        return
    seen.add(key)
    target.append(DigestFact(fact.kind, " ".join(fact.text.split()), source, day))
