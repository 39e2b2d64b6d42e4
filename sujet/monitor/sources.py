"""Registering a source to monitor: checked once here, polled from then on.

A feed, sitemap or list page is an http(s) URL; a loopback or private address is refused unless
``fetch.allow_private`` (the fetcher checks every resolved address again when it polls). A
folder is a local directory, registered by its absolute path; only the command line registers
folders (a web client must not make the server read its disks).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sujet.errors import FetchRefused, InputError
from sujet.monitor.state import check_kind, utcnow
from sujet.store.base import Store


def _check_url(url: str, allow_private: bool) -> str:
    from sujet.api.guards import loopback_feed_reason

    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise InputError(f"a source URL must be http(s): {url}", source=url)
    reason = loopback_feed_reason(url, allow_private)
    if reason:
        raise FetchRefused(f"source refused: {reason}; set fetch.allow_private to poll such "
                           "addresses", source=url)
    return url


def register_source(store: Store, url: str, *, kind: str = "feed", interval_minutes: int = 60,
                    name: str | None = None, allow_private: bool = False,
                    allow_folder: bool = False) -> dict[str, Any]:
    """Adds (or reschedules) a source; it becomes due at once. Returns its record."""
    check_kind(kind)
    if interval_minutes < 1:
        raise InputError("a source's interval is at least one minute")
    if kind == "folder":
        if not allow_folder:
            raise InputError("folders are registered from the command line only", source=url)
        path = Path(url).expanduser().resolve()
        if not path.is_dir():
            raise InputError("not a directory", source=url)
        url = str(path)
    else:
        url = _check_url(url.strip(), allow_private)
    existing = next((s for s in store.list_sources() if s.get("url") == url), {})
    record = {"url": url, "kind": kind, "interval_minutes": interval_minutes,
              "name": name or existing.get("name"),
              "added_at": existing.get("added_at") or utcnow().isoformat(timespec="seconds"),
              "next_due": None}
    store.upsert_source(record)
    return {**existing, **record}
