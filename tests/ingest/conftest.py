"""Fixtures of the ingestion tests: settings with small limits and a loopback HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sujet.config import FetchSettings, IngestSettings, Settings

BAD_DIR = Path(__file__).resolve().parent.parent / "data" / "bad"

Handler = Callable[[BaseHTTPRequestHandler], None]


@pytest.fixture
def settings() -> Settings:
    return Settings(ingest=IngestSettings(max_bytes=1024 * 1024))


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 whose paths are served by test-given handlers."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: list[str] = []
        routes, hits = self.routes, self.hits

        class _Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                hits.append(self.path)
                handler = routes.get(self.path)
                if handler is None:
                    self.send_error(404)
                    return
                handler(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer()
    yield srv
    srv.close()


@pytest.fixture
def fetch_settings() -> FetchSettings:
    return FetchSettings(
        timeout_s=0.5, retries=2, backoff_s=0.01, max_bytes=64 * 1024, allow_private=True
    )


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", **headers: str) -> None:
    """Answer a request with a status, headers (``content_type`` for Content-Type) and a body."""
    handler.send_response(status)
    ctype = headers.pop("content_type", "text/html; charset=utf-8")
    handler.send_header("Content-Type", ctype)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
