"""A loopback news site for the monitor's tests and benchmark: feeds that grow, articles,
a sitemap, a list page, robots.txt, and sources that misbehave (slow, 500, redirect loop,
a body that trickles without end, garbage), and the settings the tests poll it with.

Every feed answers conditional requests (ETag and Last-Modified); the server counts requests
per path, and records when each one came, so tests can check politeness and 304s.
"""

from __future__ import annotations

import http.server
import random
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any

from sujet.config import FetchSettings, MonitorSettings, Settings

_VOCABULARY = (
    "council budget harbour railway minister mayor river bridge election vote school hospital "
    "factory workers union strike energy prices grain harvest court judge ruling police station "
    "market shares bank loan export import treaty summit delegation border customs airport "
    "flight storm flood drought museum festival theatre orchestra football league coach stadium "
    "research university laboratory vaccine climate forest wildfire coast village district "
    "province capital parliament committee report inquiry budget deficit tax reform pension "
    "housing rent tenants developer contract tender highway tunnel port shipping container "
    "fishing quota farmers subsidy drought rainfall reservoir water supply grid outage repair "
    "engineers startup software patent license broadcaster newspaper editor journalist archive"
)
_WORDS = _VOCABULARY.split()


def article_text(feed: int, number: int) -> list[str]:
    """Four paragraphs of words drawn for this article alone (no two articles alike)."""
    rng = random.Random(feed * 100_003 + number)
    return [" ".join(rng.choice(_WORDS) for _ in range(40)).capitalize() + "." for _ in range(4)]


def article_html(feed: int, number: int) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in article_text(feed, number))
    title = f"Report {number} of desk {feed}"
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}"
            f"</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>"
            f"{paragraphs}</article><footer>Local desk</footer></body></html>").encode()


@dataclass
class Item:
    feed: int
    number: int
    published: float  # time.time() when it appeared

    @property
    def path(self) -> str:
        return f"/a/{self.feed}/{self.number}.html"


@dataclass
class Newsroom:
    """The site's state; :class:`NewsServer` serves it."""

    items: dict[int, list[Item]] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)
    times: list[tuple[float, str]] = field(default_factory=list)
    not_modified: int = 0
    feed_items: int = 20  # items per feed document (the newest)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def publish(self, feed: int, count: int = 1) -> list[Item]:
        with self.lock:
            items = self.items.setdefault(feed, [])
            new = [Item(feed, len(items) + i + 1, time.time()) for i in range(count)]
            items.extend(new)
            return new

    def all_items(self) -> list[Item]:
        with self.lock:
            return [i for items in self.items.values() for i in items]

    def find(self, feed: int, number: int) -> Item | None:
        with self.lock:
            items = self.items.get(feed, [])
            return items[number - 1] if 0 < number <= len(items) else None


def _feed_xml(base: str, feed: int, items: list[Item]) -> bytes:
    entries = "".join(
        f"<item><title>Report {i.number} of desk {feed}</title><link>{base}{i.path}</link>"
        f"<guid>desk-{feed}-{i.number}</guid><pubDate>{formatdate(i.published, usegmt=True)}"
        f"</pubDate><description>Short summary {i.number}.</description></item>"
        for i in reversed(items))
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
            f"<title>Desk {feed}</title><link>{base}/</link><description>d</description>"
            f"{entries}</channel></rss>").encode()


class NewsServer:
    """Serves a :class:`Newsroom` on a loopback port, one thread per request."""

    def __init__(self, room: Newsroom | None = None, *, trickle_s: float = 0.2) -> None:
        self.room = room or Newsroom()
        room_ = self.room
        base_holder: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                path = self.path.split("?", 1)[0]
                with room_.lock:
                    room_.requests[path] = room_.requests.get(path, 0) + 1
                    room_.times.append((time.monotonic(), path))
                try:
                    self._route(path, base_holder[0])
                except (BrokenPipeError, ConnectionResetError):
                    return

            def _send(self, status: int, body: bytes = b"", kind: str = "text/html",
                      headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def _route(self, path: str, base: str) -> None:
                parts = [p for p in path.split("/") if p]
                if path == "/robots.txt":
                    self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                elif len(parts) == 2 and parts[0] == "feed" and parts[1].endswith(".xml"):
                    self._feed(int(parts[1].removesuffix(".xml")), base)
                elif len(parts) == 3 and parts[0] == "a":
                    item = room_.find(int(parts[1]), int(parts[2].removesuffix(".html")))
                    if item is None:
                        self._send(404)
                    else:
                        self._send(200, article_html(item.feed, item.number),
                                   "text/html; charset=utf-8")
                elif path == "/sitemap.xml":
                    urls = "".join(f"<url><loc>{base}{i.path}</loc></url>"
                                   for i in room_.all_items())
                    self._send(200, ("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps."
                                     f"org/schemas/sitemap/0.9\">{urls}</urlset>").encode(),
                               "application/xml")
                elif path == "/sitemap-index.xml":
                    self._send(200, ("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www."
                                     "sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
                                     f"{base}/sitemap.xml</loc></sitemap></sitemapindex>").encode(),
                               "application/xml")
                elif path == "/list.html":
                    links = "".join(f"<li><a href=\"{i.path}\">Report {i.number}</a></li>"
                                    for i in room_.all_items())
                    page = ("<html><body><nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a>"
                            " <a href=\"https://elsewhere.example/a/1/2.html\">Out</a>"
                            " <a href=\"/style.css\">css</a></nav>"
                            f"<ul>{links}</ul></body></html>")
                    self._send(200, page.encode(), "text/html; charset=utf-8")
                elif path == "/slow.xml":
                    time.sleep(5)
                    self._send(200, b"<rss/>", "application/rss+xml")
                elif path == "/fail.xml":
                    self._send(500, b"oops", "text/plain")
                elif path == "/loop.xml":
                    self._send(302, headers={"Location": "/loop.xml"})
                elif path == "/huge.xml":
                    self._trickle()
                elif path == "/garbage.xml":
                    self._send(200, bytes(random.Random(7).randrange(32, 127)
                                          for _ in range(5000)), "application/rss+xml")
                else:
                    self._send(404)

            def _feed(self, feed: int, base: str) -> None:
                with room_.lock:
                    items = list(room_.items.get(feed, []))
                newest = items[-room_.feed_items:]
                etag = f"\"{feed}-{len(items)}\""
                modified = formatdate(items[-1].published if items else 0, usegmt=True)
                if self.headers.get("If-None-Match") == etag:
                    with room_.lock:
                        room_.not_modified += 1
                    self._send(304, headers={"ETag": etag})
                    return
                self._send(200, _feed_xml(base, feed, newest), "application/rss+xml",
                           {"ETag": etag, "Last-Modified": modified})

            def _trickle(self) -> None:
                """A gigabyte announced, sent a little at a time, for as long as it is read."""
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                self.wfile.write(b"<?xml version=\"1.0\"?><rss><channel>")
                for _ in range(10_000):
                    time.sleep(trickle_s)
                    self.wfile.write(b"<item><title>x</title></item>" * 40)
                    self.wfile.flush()

            def log_message(self, *args: Any) -> None:
                return

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        base_holder.append(self.base)
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def monitor_settings(db: str, **monitor: object) -> Settings:
    """Loopback allowed, short timeouts, no retries, no host delay; enrichment off unless a
    test turns it on (the pipeline's enrichers have their own tests)."""
    settings = Settings(
        db=db,
        fetch=FetchSettings(allow_private=True, timeout_s=1.0, retries=0, host_delay_s=0.0,
                            max_bytes=2_000_000),
        monitor=MonitorSettings(**{"workers": 8, "tick_s": 0.05, **monitor}),  # type: ignore[arg-type]
    )
    settings.entities.enabled = False
    settings.stories.enabled = False
    return settings
