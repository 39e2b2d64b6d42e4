"""The fetcher against a loopback server: retries, timeouts, limits, robots.txt, address policy."""

from __future__ import annotations

import functools
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from conftest import LoopbackServer, send

from sujet.config import FetchSettings, Settings
from sujet.errors import FetchError, SujetError
from sujet.ingest import ReadFailure, iter_pages
from sujet.ingest.fetch import Fetcher, check_url, iter_url_list
from sujet.ingest.netpolicy import refusal_reason
from sujet.model import Page

PAGE = "<html><body><p>Привет из Томска</p></body></html>".encode("cp1251")


def _ok(handler: BaseHTTPRequestHandler) -> None:
    send(handler, 200, PAGE, content_type="text/html; charset=windows-1251")


def _fetcher(settings: FetchSettings, **kwargs: object) -> Fetcher:
    return Fetcher(settings, host_delay_s=0.0, max_wait_s=0.2, **kwargs)  # type: ignore[arg-type]


def _code(err: pytest.ExceptionInfo[SujetError]) -> str:
    return err.value.code


def test_200(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    server.routes["/a"] = _ok
    with _fetcher(fetch_settings) as fetcher:
        page = fetcher.fetch(server.url("/a"))
    assert page.content == PAGE
    assert (page.content_type, page.encoding, page.site) == ("text/html", "windows-1251", "127.0.0.1")
    assert page.url == server.url("/a") and page.fetched_at is not None
    assert server.hits == ["/robots.txt", "/a"]


def test_user_agent_is_sent(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    seen: list[str] = []

    def handler(h: BaseHTTPRequestHandler) -> None:
        seen.append(h.headers.get("User-Agent", ""))
        _ok(h)

    server.routes["/a"] = handler
    with _fetcher(fetch_settings.model_copy(update={"user_agent": "TestBot/9"})) as fetcher:
        fetcher.fetch(server.url("/a"))
    assert seen == ["TestBot/9"]


def test_500_then_success_is_retried(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    calls: list[int] = []

    def flaky(h: BaseHTTPRequestHandler) -> None:
        calls.append(1)
        if len(calls) == 1:
            send(h, 500, b"oops")
        elif len(calls) == 2:
            send(h, 429, b"slow down", Retry_After="0")
        else:
            _ok(h)

    server.routes["/a"] = flaky
    with _fetcher(fetch_settings) as fetcher:
        page = fetcher.fetch(server.url("/a"))
    assert page.content == PAGE and page.metadata["attempts"] == 3


def test_500_forever_gives_e203(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    server.routes["/a"] = lambda h: send(h, 503, b"down")
    with _fetcher(fetch_settings) as fetcher, pytest.raises(SujetError) as err:
        fetcher.fetch(server.url("/a"))
    assert _code(err) == "E203"
    assert server.hits.count("/a") == 3  # one try and two retries


def test_404_is_not_retried(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    with _fetcher(fetch_settings) as fetcher, pytest.raises(SujetError) as err:
        fetcher.fetch(server.url("/missing"))
    assert _code(err) == "E203" and server.hits.count("/missing") == 1


def test_timeout_gives_e202(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    def slow(h: BaseHTTPRequestHandler) -> None:
        time.sleep(1.0)
        _ok(h)

    server.routes["/slow"] = slow
    settings = fetch_settings.model_copy(update={"timeout_s": 0.2, "respect_robots": False})
    started = time.monotonic()
    with _fetcher(settings) as fetcher, pytest.raises(SujetError) as err:
        fetcher.fetch(server.url("/slow"))
    assert _code(err) == "E202"
    assert time.monotonic() - started < 0.9


def test_oversized_body_gives_e103(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    def chunked_big(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()  # no Content-Length: the cap must stop the stream itself
        for _ in range(100):
            h.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
        h.close_connection = True

    server.routes["/big"] = chunked_big
    server.routes["/declared"] = lambda h: send(h, 200, b"x" * (128 * 1024))
    with _fetcher(fetch_settings) as fetcher:
        for path in ("/big", "/declared"):
            with pytest.raises(SujetError) as err:
                fetcher.fetch(server.url(path))
            assert _code(err) == "E103"


def test_binary_content_type_is_refused(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    server.routes["/img"] = lambda h: send(h, 200, b"\x89PNG", content_type="image/png")
    with _fetcher(fetch_settings) as fetcher, pytest.raises(SujetError) as err:
        fetcher.fetch(server.url("/img"))
    assert _code(err) == "E102"


def test_robots_disallow_gives_e204(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    robots = b"User-agent: Sujet\nDisallow: /private/\n\nUser-agent: *\nDisallow:\n"
    server.routes["/robots.txt"] = lambda h: send(h, 200, robots, content_type="text/plain")
    server.routes["/private/a"] = _ok
    server.routes["/public"] = _ok
    with _fetcher(fetch_settings) as fetcher:
        with pytest.raises(SujetError) as err:
            fetcher.fetch(server.url("/private/a"))
        assert _code(err) == "E204"
        assert fetcher.fetch(server.url("/public")).content == PAGE
    assert server.hits.count("/robots.txt") == 1  # cached per host
    assert "/private/a" not in server.hits


def test_robots_server_error_means_disallow(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    server.routes["/robots.txt"] = lambda h: send(h, 500, b"")
    server.routes["/a"] = _ok
    with _fetcher(fetch_settings) as fetcher, pytest.raises(SujetError) as err:
        fetcher.fetch(server.url("/a"))
    assert _code(err) == "E204"


def test_redirects_are_followed_and_rechecked(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    server.routes["/old"] = lambda h: send(h, 301, b"", Location="/new")
    server.routes["/new"] = _ok
    server.routes["/to-loopback"] = lambda h: send(h, 302, b"", Location=f"http://127.0.0.2:{server.port}/new")
    server.routes["/to-private"] = lambda h: send(h, 302, b"", Location="http://10.0.0.1/admin")
    server.routes["/to-file"] = lambda h: send(h, 302, b"", Location="file:///etc/passwd")
    server.routes["/loop"] = lambda h: send(h, 302, b"", Location="/loop")
    with _fetcher(fetch_settings) as fetcher:
        page = fetcher.fetch(server.url("/old"))
        assert page.url == server.url("/new") and page.metadata["redirects"] == [server.url("/new")]
        with pytest.raises(SujetError) as err:
            fetcher.fetch(server.url("/loop"))
        assert _code(err) == "E200"
    # Only the test server itself is allowed: every hop elsewhere is checked and refused.
    strict = fetch_settings.model_copy(update={"allow_private": False})
    with _fetcher(strict, allow_networks=["127.0.0.1/32"]) as fetcher:
        assert fetcher.fetch(server.url("/new")).content == PAGE
        for path in ("/to-loopback", "/to-private", "/to-file"):
            with pytest.raises(SujetError) as err:
                fetcher.fetch(server.url(path))
            assert _code(err) == "E201", path


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://localhost/",
    ],
)
def test_default_settings_refuse_private_addresses(url: str) -> None:
    started = time.monotonic()
    with Fetcher(FetchSettings()) as fetcher, pytest.raises(SujetError) as err:
        fetcher.fetch(url)
    assert _code(err) == "E201"
    assert time.monotonic() - started < 1.0  # refused before any connection attempt


def test_default_settings_send_nothing_to_loopback(server: LoopbackServer) -> None:
    server.routes["/a"] = _ok
    with Fetcher(FetchSettings()) as fetcher, pytest.raises(SujetError) as err:
        fetcher.fetch(server.url("/a"))
    assert _code(err) == "E201"
    assert server.hits == []


def test_rebinding_is_caught_at_connect(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    """A name that passes the first check but resolves to loopback when connecting is refused."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    strict = fetch_settings.model_copy(update={"allow_private": False, "respect_robots": False})
    fetcher = _fetcher(strict, resolver=lambda host, port: next(answers))
    with fetcher, pytest.raises(SujetError) as err:
        fetcher.fetch(f"http://news.test:{server.port}/a")
    assert _code(err) == "E201"
    assert server.hits == []


@pytest.mark.parametrize(
    "url", ["ftp://example.org/", "http://user:pw@example.org/", "file:///etc/passwd", "http:///nohost"]
)
def test_bad_urls_are_refused(url: str) -> None:
    with pytest.raises(FetchError) as err:
        check_url(url)
    assert err.value.code == "E201"


def test_refusal_reasons() -> None:
    import ipaddress

    assert refusal_reason(ipaddress.ip_address("8.8.8.8")) is None
    assert refusal_reason(ipaddress.ip_address("2001:4860:4860::8888")) is None
    assert refusal_reason(ipaddress.ip_address("fe80::1")) == "link-local"
    assert refusal_reason(ipaddress.ip_address("224.0.0.1")) == "multicast"
    assert refusal_reason(ipaddress.ip_address("240.0.0.1")) is not None
    assert refusal_reason(ipaddress.ip_address("100.64.0.1")) is not None  # carrier-grade NAT


def test_host_delay_spaces_requests(server: LoopbackServer, fetch_settings: FetchSettings) -> None:
    server.routes["/a"] = _ok
    settings = fetch_settings.model_copy(update={"respect_robots": False})
    with Fetcher(settings, host_delay_s=0.3) as fetcher:
        started = time.monotonic()
        fetcher.fetch(server.url("/a"))
        fetcher.fetch(server.url("/a"))
    assert time.monotonic() - started >= 0.3


def test_iter_url_list(tmp_path: Path) -> None:
    path = tmp_path / "list.urls"
    path.write_text("\ufeff# sources\nhttps://a.example/1\n\n  http://b.example/2  \n#x\n", encoding="utf-8")
    assert list(iter_url_list(path, 1 << 20)) == ["https://a.example/1", "http://b.example/2"]


def test_iter_pages_over_urls_and_feeds(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sujet.ingest.readers.Fetcher", functools.partial(Fetcher, host_delay_s=0.0))
    feed = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>One</title><link>{server.url('/a')}</link><description>Summary one</description></item>
<item><title>Two</title><link>{server.url('/b')}</link></item>
</channel></rss>""".encode()
    server.routes["/feed"] = lambda h: send(h, 200, feed, content_type="application/rss+xml")
    server.routes["/a"] = _ok
    server.routes["/b"] = _ok
    (tmp_path / "list.urls").write_text(f"{server.url('/a')}\n{server.url('/nothing')}\n")
    settings = Settings(fetch=FetchSettings(allow_private=True, retries=0, timeout_s=1.0))

    out = list(iter_pages([server.url("/feed"), str(tmp_path / "list.urls")], settings))
    kinds = [(type(o).__name__, o.source) for o in out]
    assert kinds == [
        ("Page", server.url("/feed") + "#0"),
        ("ReadFailure", server.url("/feed") + "#1"),  # no content, and links are not fetched
        ("Page", server.url("/a")),
        ("ReadFailure", server.url("/nothing")),
    ]
    assert out[0].content == "Summary one"  # type: ignore[union-attr]
    assert server.hits[:3] == ["/robots.txt", "/feed", "/a"]  # /a: from the URL list only

    linked = list(iter_pages([server.url("/feed")], settings, fetch_links=True))
    assert all(isinstance(p, Page) for p in linked)
    assert [p.content for p in linked if isinstance(p, Page)] == [PAGE, PAGE]
    assert [p.title_hint for p in linked if isinstance(p, Page)] == ["One", "Two"]
    assert not any(isinstance(p, ReadFailure) for p in linked)
