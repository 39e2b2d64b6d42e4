"""Guards of the server: the Host-header allow-list, the write token's length, and throttling of
clients that keep sending wrong tokens.
"""

from __future__ import annotations

import ipaddress
import json
import threading
import time
from collections import deque
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from sujet.api.errors import error_body
from sujet.config import ServeSettings
from sujet.errors import InputError

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
BAD_HOST = "E400"
TOO_MANY_TOKENS = "E429"
_ANY_ADDRESS = ("0.0.0.0", "::", "")


def allowed_host_names(serve: ServeSettings) -> frozenset[str] | None:
    """The host names the server answers (lower case, no port); None when any name is allowed."""
    names = set(LOOPBACK_NAMES)
    if serve.host not in _ANY_ADDRESS:
        names.add(serve.host.lower())
    for entry in serve.allowed_hosts:
        entry = entry.strip().lower()
        if entry == "*":
            return None
        if entry:
            names.add(host_name(entry))
    return frozenset(names)


def host_name(header: str) -> str:
    """The name of a Host header value, without port or IPv6 brackets, in lower case."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") > 1:  # a bare IPv6 address
        return value
    return value.rsplit(":", 1)[0] if ":" in value else value


def _is_loopback(name: str) -> bool:
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class HostAllowList:
    """Answers 400 to requests whose Host header names a host not on the allow-list."""

    def __init__(self, app: ASGIApp, names: frozenset[str] | None) -> None:
        self.app = app
        self.names = names

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.names is None:
            await self.app(scope, receive, send)
            return
        header = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"),
                      "")
        name = host_name(header)
        if name in self.names or _is_loopback(name):
            await self.app(scope, receive, send)
            return
        body = json.dumps(error_body(
            BAD_HOST, f"host {header!r} is not served here; add it to serve.allowed_hosts "
                      "(SUJET_SERVE__ALLOWED_HOSTS) to allow it")).encode()
        if scope["type"] != "http":
            await send({"type": "websocket.close", "code": 1008})
            return
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def check_token_strength(serve: ServeSettings) -> None:
    """Raises InputError when a configured token is shorter than ``serve.min_token_chars``."""
    if serve.token is not None and len(serve.token.strip()) < serve.min_token_chars:
        raise InputError(f"serve.token is {len(serve.token.strip())} characters; use at least "
                         f"{serve.min_token_chars} (for instance `python -c \"import secrets; "
                         "print(secrets.token_urlsafe(24))\"`)")


class TokenThrottle:
    """Counts wrong tokens per client; a client past ``limit`` in ``window_s`` waits."""

    def __init__(self, limit: int, window_s: float) -> None:
        self.limit = limit
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self._failures.setdefault(client, deque())
        while times and now - times[0] > self.window_s:
            times.popleft()
        return times

    def retry_after(self, client: str) -> int:
        """Seconds ``client`` must wait before its next try (0: it may try now)."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(client, now)
            if len(times) < self.limit:
                if not times:
                    self._failures.pop(client, None)
                return 0
            return max(1, int(self.window_s - (now - times[0])) + 1)

    def failed(self, client: str) -> None:
        with self._lock:
            self._recent(client, time.monotonic()).append(time.monotonic())


def loopback_feed_reason(url: str, allow_private: bool) -> str | None:
    """Why a feed URL is refused at registration (a loopback or private address given as a name
    or literal), or None. Names are not resolved here: the fetcher checks every address again
    when it polls."""
    if allow_private:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if _is_loopback(host):
        return f"{host} is a loopback address"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return None
    if not ip.is_global:
        return f"{host} is not a public address"
    return None
