"""Watchlists made, listed and removed, and alert runs (evaluate, then deliver): what the CLI,
the API, the web pages and the ingest hook call."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field

from sujet.alerts.deliver import DeliveryReport, deliver
from sujet.alerts.evaluate import EvaluationReport, evaluate, now_iso
from sujet.alerts.matching import compile_query
from sujet.alerts.model import WATCH_KINDS, WatchFilters, WatchKind, Watchlist
from sujet.alerts.records import AlertRecords
from sujet.config import Settings
from sujet.errors import BadWatchlist, NotFound, SujetError
from sujet.store.base import Store
from sujet.store.languages import LANGUAGES

MAX_NAME_CHARS = 200
log = logging.getLogger(__name__)


@dataclass(slots=True)
class WatchSpec:
    """What a user asks to watch."""

    kind: str
    target: str
    name: str | None = None
    language: str | None = None
    source: str | None = None
    topic: str | None = None
    webhook: str | None = None
    email: str | None = None


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def create_watchlist(store: Store, spec: WatchSpec) -> Watchlist:
    """Check and store a watchlist; it alerts on articles stored from now on.

    BadWatchlist (E130) for an unknown kind or language, an empty target, a query that does not
    parse or a channel address that cannot be one; NotFound (E404) for an unknown event or
    storyline (a merged-away id is followed to its survivor).
    """
    if spec.kind not in WATCH_KINDS:
        raise BadWatchlist(f"unknown kind {spec.kind!r}: one of {', '.join(WATCH_KINDS)}")
    target = _clean(spec.target)
    if not target:
        raise BadWatchlist("nothing to watch: give a name, query or id")
    if spec.kind == "query":
        compile_query(target, lambda _: [])
    elif spec.kind == "event":
        resolved = store.resolve_event_id(target)
        if resolved is None:
            raise NotFound(f"no event with id {target}")
        target = resolved
    elif spec.kind == "storyline":
        resolved = store.resolve_storyline_id(target)
        if resolved is None:
            raise NotFound(f"no storyline with id {target}")
        target = resolved
    language = _clean(spec.language)
    if language and language not in LANGUAGES:
        raise BadWatchlist(f"unknown language {language!r}")
    webhook = _clean(spec.webhook)
    if webhook and not webhook.startswith(("http://", "https://")):
        raise BadWatchlist(f"webhook {webhook!r} is not an http(s) URL")
    email = _clean(spec.email)
    if email and ("@" not in email or any(c in email for c in "\r\n<>,; ")):
        raise BadWatchlist(f"{email!r} is not an e-mail address")
    records = AlertRecords(store)
    kind: WatchKind = spec.kind  # type: ignore[assignment]
    w = Watchlist(
        id=uuid.uuid4().hex[:12], name=(_clean(spec.name) or target)[:MAX_NAME_CHARS],
        kind=kind, target=target,
        filters=WatchFilters(language, _clean(spec.source), _clean(spec.topic)),
        webhook=webhook, email=email, created_at=now_iso(), last_seq=records.max_seq(),
    )
    records.add_watchlist(w)
    return w


def find_watchlist(store: Store, ref: str) -> Watchlist:
    """A watchlist by id or by name; NotFound (E404) when none is."""
    records = AlertRecords(store)
    found = records.get_watchlist(ref)
    if found is None:
        named = [w for w in records.list_watchlists() if w.name == ref]
        if len(named) == 1:
            found = named[0]
        elif len(named) > 1:
            raise BadWatchlist(f"{len(named)} watchlists are named {ref!r}: give the id")
    if found is None:
        raise NotFound(f"no watchlist {ref!r}")
    return found


@dataclass(slots=True)
class AlertRun:
    evaluation: EvaluationReport
    delivery: DeliveryReport
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"articles": self.evaluation.articles, "alerts": self.evaluation.alerts,
                "waiting_for_enrichment": self.evaluation.waiting,
                "delivered": self.delivery.delivered,
                "undelivered": self.delivery.undelivered,
                "undelivered_reasons": self.delivery.reasons,
                "watchlist_errors": self.evaluation.errors}


def run_alerts(store: Store, settings: Settings, watchlist_id: str | None = None) -> AlertRun:
    """Evaluate the new articles against the watchlists, then deliver what is due."""
    records = AlertRecords(store)
    evaluation = evaluate(store, settings, records, watchlist_id)
    delivery = deliver(store, settings.alerts, records, watchlist_id)
    return AlertRun(evaluation, delivery)


def after_ingest(store: Store, settings: Settings) -> AlertRun | None:
    """The alert run at the end of an ingest: a failure is logged, never fails the ingest
    (the next run or `sujet alerts run` picks up from the watermarks)."""
    try:
        return run_alerts(store, settings)
    except SujetError as err:
        log.warning("alerts not evaluated after ingest: %s", err)
        return None
