"""A polite, careful HTTP fetcher: one URL in, one Page out, or a FetchError with its code.

Polite: its own user agent, robots.txt per host (cached), a delay between requests to the same
host (the longer of ``host_delay_s`` and the host's Crawl-delay), bounded retries with
exponential backoff that honour Retry-After. Careful: only http(s) URLs without user info;
addresses checked after resolution, on every redirect hop, at the socket (see
:mod:`sujet.ingest.netpolicy`); bodies streamed and cut at ``max_bytes``; non-text payloads
refused from their headers before their body is read. One Fetcher is meant for one thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from sujet.config import FetchSettings
from sujet.errors import (
    BinaryInput,
    FetchError,
    FetchHTTPError,
    FetchRefused,
    FetchTimeout,
    RobotsDisallowed,
    TooLarge,
)
from sujet.ingest.files import open_binary
from sujet.ingest.netpolicy import AddressPolicy, GuardedTransport, Resolver, system_resolver
from sujet.ingest.robots import RobotsRules, agent_token
from sujet.ingest.sniff import site_of
from sujet.model import Page

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
# Payload types that are never a page or a feed: refused before the body is downloaded.
_BINARY_PREFIXES = ("image/", "audio/", "video/", "font/")
_BINARY_TYPES = frozenset(
    {"application/pdf", "application/zip", "application/octet-stream", "application/gzip"}
)
_ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
# A body that trickles in keeps every single read under the read timeout; the whole download
# gets this many read timeouts in total.
_TOTAL_TIME_FACTOR = 4


@dataclass(slots=True)
class _Reply:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""
    attempts: int = 1


@dataclass(slots=True)
class _HostState:
    last_request: float = -1e9
    robots: RobotsRules | None = None
    crawl_delay: float = 0.0
    redirects: list[str] = field(default_factory=list)


def _mime_and_charset(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    msg = Message()
    msg["content-type"] = value
    charset = msg.get_param("charset")
    return msg.get_content_type(), charset if isinstance(charset, str) else None


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def check_url(url: str) -> httpx.URL:
    """The URL parsed, or FetchRefused for a scheme other than http(s), user info or no host."""
    try:
        parts = urlsplit(url)
        parsed = httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as err:
        raise FetchRefused(f"invalid URL: {err}", source=url) from err
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchRefused(f"unsupported URL scheme '{parts.scheme}'", source=url)
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise FetchRefused("URL with user info refused", source=url)
    if not parsed.host:
        raise FetchRefused("URL without a host", source=url)
    return parsed


class HostPacer:
    """What the Fetchers of many threads share per host: the least delay between two requests
    (each request reserves the host's next free slot, then waits for it) and the host's
    robots.txt, read once per ``robots_ttl_s``."""

    def __init__(self, robots_ttl_s: float = 24 * 3600) -> None:
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._robots: dict[str, tuple[RobotsRules, float]] = {}
        self.robots_ttl_s = robots_ttl_s

    def robots(self, host: str) -> RobotsRules | None:
        with self._lock:
            found = self._robots.get(host)
        return found[0] if found and time.monotonic() - found[1] < self.robots_ttl_s else None

    def keep_robots(self, host: str, rules: RobotsRules) -> None:
        with self._lock:
            self._robots[host] = (rules, time.monotonic())

    def wait(self, host: str, gap: float, max_wait_s: float) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            slot = min(slot, now + max_wait_s)
            self._next[host] = slot + gap
        if slot > now:
            time.sleep(slot - now)


def _host_key(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"


class Fetcher:
    """Fetch pages politely; see the module docstring for the rules.

    ``host_delay_s`` is the least time between two requests to one host; ``allow_networks``
    lists networks (CIDR) allowed even when private (an intranet news server);
    ``max_wait_s`` caps any single wait (Retry-After, Crawl-delay, backoff); ``pacer`` shares
    the delay between hosts' requests with other Fetchers (other threads).
    """

    def __init__(
        self,
        settings: FetchSettings,
        *,
        host_delay_s: float = 1.0,
        max_redirects: int = 5,
        max_wait_s: float = 30.0,
        allow_networks: Iterable[str] = (),
        resolver: Resolver = system_resolver,
        pacer: HostPacer | None = None,
    ) -> None:
        self.settings = settings
        self.pacer = pacer
        self.host_delay_s = host_delay_s
        self.max_redirects = max_redirects
        self.max_wait_s = max_wait_s
        self.policy = AddressPolicy(
            allow_private=settings.allow_private, allow_networks=allow_networks, resolver=resolver
        )
        self._agent = agent_token(settings.user_agent)
        self._hosts: dict[str, _HostState] = {}
        self._client = httpx.Client(
            transport=GuardedTransport(self.policy),
            timeout=httpx.Timeout(settings.timeout_s),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- public ---------------------------------------------------------------------------

    def fetch(self, url: str, *, etag: str | None = None,
              last_modified: str | None = None) -> Page:
        """The page at ``url`` after redirects; raises FetchError subclasses or TooLarge.

        ``etag`` / ``last_modified`` make the request conditional: an unchanged page comes back
        empty with ``metadata["status"] == 304``. ``metadata`` carries the reply's ``etag`` and
        ``last_modified`` for the next request.
        """
        current = self._vet(url)
        hops: list[str] = []
        conditions = {k: v for k, v in (("If-None-Match", etag),
                                        ("If-Modified-Since", last_modified)) if v}
        for _ in range(self.max_redirects + 1):
            if self.settings.respect_robots:
                self._check_robots(current)
            reply = self._get_with_retries(current, self.settings.max_bytes, read_body=True,
                                           headers=conditions)
            if reply.status == 304 and conditions:
                return Page(source=url, content=b"", content_type="", url=str(current),
                            fetched_at=datetime.now(UTC), site=site_of(str(current)),
                            metadata={"status": 304, "redirects": hops,
                                      "attempts": reply.attempts, "etag": etag,
                                      "last_modified": last_modified})
            if reply.status in _REDIRECTS and reply.headers.get("location"):
                target = urljoin(str(current), reply.headers["location"])
                hops.append(target)
                current = self._vet(target)
                continue
            if reply.status >= 400:
                raise FetchHTTPError(f"HTTP {reply.status}", source=url)
            if reply.status >= 300:
                raise FetchHTTPError(f"HTTP {reply.status} without a usable Location", source=url)
            mime, charset = _mime_and_charset(reply.headers.get("content-type"))
            final = str(current)
            return Page(
                source=url,
                content=reply.body,
                content_type=mime,
                url=final,
                fetched_at=datetime.now(UTC),
                encoding=charset,
                site=site_of(final),
                metadata={"status": reply.status, "redirects": hops, "attempts": reply.attempts,
                          "etag": reply.headers.get("etag"),
                          "last_modified": reply.headers.get("last-modified")},
            )
        raise FetchError(f"more than {self.max_redirects} redirects", source=url)

    # -- policy ---------------------------------------------------------------------------

    def _vet(self, url: str) -> httpx.URL:
        """Parse and check a URL, including its resolved addresses: nothing is sent before."""
        parsed = check_url(url)
        try:
            self.policy.resolve(parsed.host, parsed.port or (443 if parsed.scheme == "https" else 80))
        except FetchError as err:
            err.source = url
            raise
        return parsed

    def _state(self, url: httpx.URL) -> _HostState:
        return self._hosts.setdefault(_host_key(url), _HostState())

    def _check_robots(self, url: httpx.URL) -> None:
        state = self._state(url)
        if state.robots is None:
            shared = self.pacer.robots(_host_key(url)) if self.pacer is not None else None
            state.robots = shared or self._load_robots(url)
            if self.pacer is not None and shared is None:
                self.pacer.keep_robots(_host_key(url), state.robots)
            delay = state.robots.crawl_delay(self._agent)
            state.crawl_delay = min(delay, self.max_wait_s) if delay else 0.0
        if not state.robots.allows(self._agent, str(url)):
            why = f" ({state.robots.why})" if state.robots.why else ""
            raise RobotsDisallowed(f"robots.txt disallows {url.raw_path.decode()}{why}", source=str(url))

    def _load_robots(self, url: httpx.URL) -> RobotsRules:
        robots_url = url.copy_with(path="/robots.txt", query=None, fragment=None)
        for _ in range(self.max_redirects + 1):
            reply = self._get_with_retries(robots_url, _ROBOTS_MAX_BYTES, read_body=True, robots=True)
            if reply.status in _REDIRECTS and reply.headers.get("location"):
                robots_url = self._vet(urljoin(str(robots_url), reply.headers["location"]))
                continue
            if 200 <= reply.status < 300:
                return RobotsRules.from_text(reply.body.decode("utf-8", errors="replace"))
            if 400 <= reply.status < 500 and reply.status != 429:
                return RobotsRules.allowing(f"robots.txt HTTP {reply.status}")
            return RobotsRules.disallowing(f"robots.txt unavailable: HTTP {reply.status}")
        return RobotsRules.allowing("robots.txt redirects too often")

    # -- transport ------------------------------------------------------------------------

    def _wait_turn(self, url: httpx.URL) -> None:
        state = self._state(url)
        gap = max(self.host_delay_s, state.crawl_delay)
        if self.pacer is not None:
            self.pacer.wait(_host_key(url), gap, self.max_wait_s)
            return
        wait = state.last_request + gap - time.monotonic()
        if wait > 0:
            time.sleep(min(wait, self.max_wait_s))
        state.last_request = time.monotonic()

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        wait = self.settings.backoff_s * (2**attempt)
        if retry_after is not None:
            wait = max(wait, retry_after)
        return min(wait, self.max_wait_s)

    def _get_with_retries(
        self, url: httpx.URL, max_bytes: int, *, read_body: bool, robots: bool = False,
        headers: dict[str, str] | None = None,
    ) -> _Reply:
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            self._wait_turn(url)
            try:
                reply = self._get_once(url, max_bytes, read_body=read_body, robots=robots,
                                       headers=headers)
            except (httpx.ConnectError, httpx.ConnectTimeout) as err:
                if attempt + 1 < attempts:
                    time.sleep(self._backoff(attempt, None))
                    continue
                if isinstance(err, httpx.ConnectTimeout):
                    raise FetchTimeout(f"connect timed out after {attempts} attempts", source=str(url)) from err
                raise FetchError(f"cannot connect after {attempts} attempts: {err}", source=str(url)) from err
            except httpx.TimeoutException as err:
                raise FetchTimeout(f"no answer within {self.settings.timeout_s:g} s", source=str(url)) from err
            except httpx.HTTPError as err:
                raise FetchError(f"{type(err).__name__}: {err}", source=str(url)) from err
            reply.attempts = attempt + 1
            if reply.status in _RETRY_STATUSES:
                if attempt + 1 < attempts:
                    time.sleep(self._backoff(attempt, _retry_after(reply.headers.get("retry-after"))))
                    continue
                if robots:
                    return reply
                raise FetchHTTPError(f"HTTP {reply.status} after {attempts} attempts", source=str(url))
            return reply
        raise AssertionError("unreachable")  # pragma: no cover

    def _get_once(self, url: httpx.URL, max_bytes: int, *, read_body: bool, robots: bool,
                  headers: dict[str, str] | None = None) -> _Reply:
        deadline = time.monotonic() + self.settings.timeout_s * _TOTAL_TIME_FACTOR
        with self._client.stream("GET", url, headers=headers) as response:
            reply = _Reply(url=str(url), status=response.status_code, headers=response.headers)
            if not read_body or not 200 <= response.status_code < 300:
                return reply
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                if robots:
                    return reply
                raise TooLarge(f"Content-Length {declared} is over the size limit", source=str(url))
            mime, _ = _mime_and_charset(response.headers.get("content-type"))
            if not robots and (mime.startswith(_BINARY_PREFIXES) or mime in _BINARY_TYPES):
                raise BinaryInput(f"binary payload ({mime}), not a page", source=str(url))
            parts: list[bytes] = []
            total = 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > max_bytes:
                    if robots:  # RFC 9309: parse what fits
                        parts.append(chunk[: max(0, len(chunk) - (total - max_bytes))])
                        break
                    raise TooLarge(f"body over the {max_bytes} byte size limit", source=str(url))
                parts.append(chunk)
                if time.monotonic() > deadline:
                    raise FetchTimeout("body took too long to download", source=str(url))
            reply.body = b"".join(parts)
            return reply


def iter_url_list(path: str | Path, member_bytes: int) -> Iterator[str]:
    """The URLs of a URL list file: one a line; blank lines and ``#`` comments skipped
    (``member_bytes`` caps a gzip member's decompressed size)."""
    source = str(path)
    with open_binary(Path(path), source, member_bytes) as stream:
        for raw in stream:
            line = raw.decode("utf-8", errors="replace").strip().lstrip("\ufeff")
            if line and not line.startswith("#"):
                yield line
