"""Delivery of recorded alerts through each watchlist's channels (webhook, e-mail).

Each attempt that fails is retried after a wait that doubles (``alerts.backoff_s``, then twice
that, ...), ``alerts.retries`` times at most; then the alert is marked undelivered through that
channel with the reason. Whether delivered or given up, the outcome is stored per alert and
channel, so a restart sends nothing already sent. Once a target gives up on one alert, its
other alerts wait for the next run rather than each costing the whole backoff now. (A process killed between a send and its
record sends that one alert again: the receiver can tell by the alert id in the payload.)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sujet.alerts import mail, webhook
from sujet.alerts.model import Alert, Delivery, Watchlist
from sujet.alerts.records import AlertRecords
from sujet.config import AlertSettings
from sujet.errors import DeliveryFailed
from sujet.model import Article
from sujet.store.base import Store


@dataclass(slots=True)
class DeliveryReport:
    delivered: int = 0
    undelivered: int = 0
    reasons: list[str] = field(default_factory=list)  # one line per alert given up


def alert_link(alert: Alert) -> str:
    """Where the alert points: the article's own URL, else its page on this Sujet."""
    return alert.url or f"/articles/{alert.article_id}"


def payload(watchlist: Watchlist, alert: Alert, article: Article | None) -> dict[str, Any]:
    return {
        "watchlist": {"id": watchlist.id, "name": watchlist.name, "kind": watchlist.kind,
                      "target": watchlist.target},
        "alert": {"id": alert.id, "subject_kind": alert.subject_kind,
                  "subject_id": alert.subject_id, "article_id": alert.article_id,
                  "title": alert.title, "url": alert.url, "date": alert.date,
                  "created_at": alert.created_at,
                  "language": article.language if article else None,
                  "source": article.source if article else None,
                  "lead": article.text[:400] if article else None},
    }


def with_retries(send: Callable[[], None], settings: AlertSettings,
                 sleep: Callable[[float], None] = time.sleep) -> tuple[int, str | None]:
    """Attempts made and the last reason (None when the last attempt went through)."""
    attempts = 0
    reason: str | None = None
    for attempt in range(max(0, settings.retries) + 1):
        if attempt:
            sleep(settings.backoff_s * 2 ** (attempt - 1))
        attempts += 1
        try:
            send()
            return attempts, None
        except DeliveryFailed as err:
            reason = err.message
    return attempts, reason


def deliver(store: Store, settings: AlertSettings, records: AlertRecords | None = None,
            watchlist_id: str | None = None,
            sleep: Callable[[float], None] = time.sleep) -> DeliveryReport:
    """Send every alert not yet delivered (or given up) through each channel of its
    watchlist."""
    from sujet.alerts.evaluate import now_iso

    records = records or AlertRecords(store)
    report = DeliveryReport()
    for w in records.list_watchlists():
        if watchlist_id and w.id != watchlist_id:
            continue
        for channel in w.channels():
            for alert in records.undelivered(w.id, channel):
                article = store.get_article(alert.article_id)
                send = _sender(channel, w, alert, article, settings)
                attempts, reason = with_retries(send, settings, sleep)
                done = reason is None
                records.record_delivery(alert.id, Delivery(
                    channel, attempts, now_iso() if done else None, reason))
                if done:
                    report.delivered += 1
                else:
                    report.undelivered += 1
                    report.reasons.append(f"alert {alert.id} ({channel}): {reason}")
                    break  # the target is down: its other alerts wait for the next run
    return report


def _sender(channel: str, w: Watchlist, alert: Alert, article: Article | None,
            settings: AlertSettings) -> Callable[[], None]:
    if channel == "webhook":
        body = payload(w, alert, article)
        return lambda: webhook.post(w.webhook or "", body, settings.webhook_secret,
                                    settings.timeout_s)
    return lambda: mail.send(w, alert, settings, alert_link(alert))
