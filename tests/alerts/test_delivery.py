"""Delivery through local servers: a signed webhook, a failing webhook retried a bounded number
of times then marked undelivered with the reason, and e-mail through a local SMTP server; a
second run sends nothing twice."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from sujet.alerts.records import AlertRecords
from sujet.alerts.service import WatchSpec, create_watchlist, run_alerts
from sujet.alerts.webhook import SIGNATURE_HEADER
from sujet.config import AlertSettings, Settings
from sujet.model import Article
from sujet.store import Store

SECRET = "a-test-secret-of-some-length"


class Hook:
    def __init__(self, fail: bool) -> None:
        self.fail = fail
        self.requests: list[tuple[dict[str, str], bytes]] = []


@pytest.fixture
def hook_server(request: pytest.FixtureRequest) -> Iterator[tuple[str, Hook]]:
    hook = Hook(fail=bool(getattr(request, "param", False)))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers["Content-Length"]))
            hook.requests.append((dict(self.headers), body))
            self.send_response(500 if hook.fail else 204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", hook
    finally:
        server.shutdown()
        server.server_close()


def _settings(store: Store, **alerts: Any) -> Settings:
    values = {"webhook_secret": SECRET, "retries": 2, "backoff_s": 0.01, "timeout_s": 5.0,
              **alerts}
    return Settings(db=store.url, alerts=AlertSettings(**values))


def _articles(n: int) -> list[Article]:
    return [Article(id=f"w{i}", source=f"/data/w{i}.txt", title=f"Заболоцкий {i}",
                    text=f"Прохор Заболоцкий открыл завод номер {i} в Омске.",
                    language="ru", content_hash=f"hw{i}") for i in range(n)]


def test_webhook_posts_signed_alerts_once(store: Store,
                                          hook_server: tuple[str, Hook]) -> None:
    url, hook = hook_server
    w = create_watchlist(store, WatchSpec("person", "Заболоцкий", webhook=url))
    store.add_articles(_articles(3))
    first = run_alerts(store, _settings(store))
    assert (first.evaluation.alerts, first.delivery.delivered) == (3, 3)
    assert len(hook.requests) == 3
    for headers, body in hook.requests:
        want = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert headers[SIGNATURE_HEADER] == want
        data = json.loads(body)
        assert data["watchlist"]["id"] == w.id and data["alert"]["article_id"].startswith("w")
    second = run_alerts(store, _settings(store))  # a restart: nothing sent again
    assert second.delivery.delivered == 0 and len(hook.requests) == 3
    alerts = AlertRecords(store).list_alerts(w.id)
    assert all(a.deliveries["webhook"].delivered_at for a in alerts)


@pytest.mark.parametrize("hook_server", [True], indirect=True)
def test_failing_webhook_is_retried_then_marked_undelivered(
        store: Store, hook_server: tuple[str, Hook]) -> None:
    url, hook = hook_server
    w = create_watchlist(store, WatchSpec("query", "Заболоцкий", webhook=url))
    store.add_articles(_articles(1))
    result = run_alerts(store, _settings(store, retries=3))
    assert result.delivery.undelivered == 1
    assert len(hook.requests) == 4  # the first attempt and three retries
    [alert] = AlertRecords(store).list_alerts(w.id)
    delivery = alert.deliveries["webhook"]
    assert delivery.delivered_at is None and delivery.attempts == 4
    assert delivery.error is not None and "HTTP 500" in delivery.error
    run_alerts(store, _settings(store, retries=3))  # given up: not retried on every run
    assert len(hook.requests) == 4


def test_webhook_without_secret_is_not_sent(store: Store,
                                            hook_server: tuple[str, Hook]) -> None:
    url, hook = hook_server
    w = create_watchlist(store, WatchSpec("query", "Заболоцкий", webhook=url))
    store.add_articles(_articles(1))
    run_alerts(store, _settings(store, webhook_secret=None, retries=0))
    [alert] = AlertRecords(store).list_alerts(w.id)
    assert not hook.requests and "secret" in (alert.deliveries["webhook"].error or "")


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, list[bytes]]]:
    from aiosmtpd.controller import Controller

    received: list[bytes] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
            received.append(envelope.content)
            return "250 OK"

    with socket.socket() as probe:  # a free port (the controller checks it by connecting)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


def test_email_alerts_through_local_smtp(store: Store,
                                         smtp_server: tuple[int, list[bytes]]) -> None:
    port, received = smtp_server
    w = create_watchlist(store, WatchSpec("person", "Prokhor Zabolotsky", name="Z",
                                          email="desk@example.org"))
    store.add_articles(_articles(2))
    settings = _settings(store, smtp_host="127.0.0.1", smtp_port=port)
    result = run_alerts(store, settings)
    assert result.delivery.delivered == 2 and len(received) == 2
    mail = message_from_bytes(received[0])
    assert mail["To"] == "desk@example.org" and "[Sujet: Z]" in str(mail["Subject"])
    run_alerts(store, settings)
    assert len(received) == 2
    assert all(a.deliveries["email"].delivered_at for a in AlertRecords(store).list_alerts(w.id))
