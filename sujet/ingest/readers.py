"""Every kind of input in, one stream of Pages (and counted ReadFailures) out.

Inputs are paths (files, or folders walked recursively in sorted order), ``-`` for standard
input, http(s) URLs, URL-list files (``.urls``), feeds (``.rss``, ``.atom``, ``.xml`` or anything
whose root element is a feed), WARC archives (``.warc``), JSON / JSON Lines records and pages
(``.html``, ``.htm``, ``.txt``, no extension), each also ``.gz``-compressed. One bad input is one
:class:`ReadFailure` with a stable code, and the batch goes on.

Size limit: ``settings.ingest.max_bytes`` caps a single-document file (checked from its size
before reading, and again while decompressing) and each record of a container streamed record
by record (WARC, JSON Lines).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sujet.config import Settings
from sujet.errors import EmptyInput, InputError, SujetError
from sujet.ingest.failures import ReadFailure
from sujet.ingest.feeds import iter_feed
from sujet.ingest.fetch import Fetcher, iter_url_list
from sujet.ingest.files import inner_name, read_file_capped, read_stream_capped
from sujet.ingest.records import iter_json, iter_jsonl
from sujet.ingest.sniff import check_content, content_type_for, is_feed
from sujet.ingest.warc import iter_warc
from sujet.model import Page

log = logging.getLogger(__name__)

_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
_FEED_SUFFIXES = (".rss", ".atom", ".xml")
_CONTAINER_SUFFIXES = (".warc", ".json", ".jsonl", ".urls")
_WALKED = _PAGE_SUFFIXES + _FEED_SUFFIXES + _CONTAINER_SUFFIXES

PageOrFailure = Page | ReadFailure


def iter_pages(
    inputs: Iterable[str], settings: Settings, *, fetch_links: bool = False,
    known: Callable[[Page], bool] | None = None,
) -> Iterator[Page | ReadFailure]:
    """Pages of all ``inputs`` in order; feed items' links are fetched only with ``fetch_links``.

    ``known`` tells items a feed's per-run cap does not count (already stored or refused): each
    run takes the next ``settings.limits.feed_items_per_run`` new items of a feed, in order.
    """
    reader = _Reader(settings, fetch_links=fetch_links, known=known)
    try:
        for spec in inputs:
            yield from reader.read(spec)
    finally:
        reader.close()


def _failure(err: SujetError, source: str) -> ReadFailure:
    return ReadFailure.from_error(err, source)


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except OSError:
        return None


def _walked(name: str) -> bool:
    """Whether a folder walk reads a file of this name (known types, or no extension)."""
    inner = name.lower().removesuffix(".gz")
    return inner.endswith(_WALKED) or "." not in inner


def walked_files(folder: Path) -> Iterator[Path | ReadFailure]:
    """The files a folder walk reads, in order (sorted names, sub-folders in place; hidden
    entries and unknown types left out), and a ReadFailure for a folder that cannot be listed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield _failure(InputError(f"cannot list folder: {err.strerror or err}"), str(folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from walked_files(path)
        elif _walked(entry.name):
            yield path
        else:
            log.debug("skipping %s: not a known input type", path)


class _Reader:
    def __init__(self, settings: Settings, *, fetch_links: bool,
                 known: Callable[[Page], bool] | None = None) -> None:
        self.settings = settings
        self.max_bytes = settings.ingest.max_bytes
        self.limits = settings.limits
        self.fetch_links = fetch_links
        self.known = known
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings.fetch, host_delay_s=self.settings.fetch.host_delay_s)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    # -- dispatch -------------------------------------------------------------------------

    def read(self, spec: str) -> Iterator[PageOrFailure]:
        spec = spec.strip()
        if spec == "-":
            yield from self._read_stdin()
        elif _URL_RE.match(spec):
            scheme = spec.split(":", 1)[0].lower()
            if scheme in ("http", "https"):
                yield from self._read_url(spec)
            elif scheme == "file":
                yield from self._read_path(Path(unquote(urlsplit(spec).path)))
            else:
                yield _failure(InputError(f"unsupported URL scheme '{scheme}'"), spec)
        elif not spec:
            yield _failure(InputError("empty input name"), spec)
        else:
            yield from self._read_path(Path(spec))

    def _read_path(self, path: Path) -> Iterator[PageOrFailure]:
        source = str(path)
        try:
            if path.is_dir():
                yield from self._walk(path)
                return
            if not path.exists():
                raise InputError("no such file or directory", source=source)
            if not os.access(path, os.R_OK):
                raise InputError("permission denied", source=source)
        except OSError as err:
            yield _failure(InputError(f"cannot read: {err.strerror or err}"), source)
            return
        except SujetError as err:
            yield _failure(err, source)
            return
        yield from self._read_file(path)

    def _walk(self, folder: Path) -> Iterator[PageOrFailure]:
        for path in walked_files(folder):
            if isinstance(path, ReadFailure):
                yield path
            else:
                yield from self._read_path(path)

    # -- files ----------------------------------------------------------------------------

    def _read_file(self, path: Path) -> Iterator[PageOrFailure]:
        source = str(path)
        name = inner_name(path)
        folder_site = path.parent.name or None
        try:
            if name.endswith(".warc"):
                yield from iter_warc(path, source, self.max_bytes, self.limits.gzip_member_bytes)
            elif name.endswith(".jsonl"):
                yield from iter_jsonl(path, source, self.max_bytes, folder_site=folder_site,
                                      member_bytes=self.limits.gzip_member_bytes)
            elif name.endswith(".json"):
                yield from iter_json(path, source, self.max_bytes, folder_site=folder_site)
            elif name.endswith(".urls"):
                yield from self._read_url_list(path)
            else:
                yield from self._read_document(path, source, name, folder_site)
        except SujetError as err:
            yield _failure(err, source)

    def _read_document(
        self, path: Path, source: str, name: str, folder_site: str | None
    ) -> Iterator[PageOrFailure]:
        data = read_file_capped(path, self.max_bytes, source)
        check_content(data, source)
        fetched_at = _mtime(path)
        if name.endswith(_FEED_SUFFIXES) or is_feed(data):
            yield from self._feed_items(data, source, folder_site, fetched_at)
            return
        yield Page(
            source=source,
            content=data,
            content_type=content_type_for(name, data),
            fetched_at=fetched_at,
            site=folder_site,
            metadata={"path": source},
        )

    def _read_stdin(self) -> Iterator[PageOrFailure]:
        try:
            data = read_stream_capped(sys.stdin.buffer, self.max_bytes, "-")
            check_content(data, "-")
        except SujetError as err:
            yield _failure(err, "-")
            return
        if is_feed(data):
            yield from self._feed_items(data, "-", None, datetime.now(UTC))
        else:
            yield Page(source="-", content=data, content_type=content_type_for("", data))

    def _read_url_list(self, path: Path) -> Iterator[PageOrFailure]:
        for url in iter_url_list(path, self.limits.gzip_member_bytes):
            scheme = url.split(":", 1)[0].lower() if _URL_RE.match(url) else ""
            if scheme in ("http", "https"):
                yield from self._read_url(url)
            else:
                why = f"unsupported URL scheme '{scheme}'" if scheme else "not a URL"
                yield _failure(InputError(f"{why} in {path.name}"), url)

    # -- network --------------------------------------------------------------------------

    def _read_url(self, url: str) -> Iterator[PageOrFailure]:
        try:
            page = self.fetcher.fetch(url)
            data = page.content if isinstance(page.content, bytes) else page.content.encode()
            check_content(data, url)
        except SujetError as err:
            yield _failure(err, url)
            return
        if is_feed(data):
            yield from self._feed_items(data, url, page.site, page.fetched_at)
        else:
            yield page

    def _feed_items(
        self, data: bytes, source: str, site: str | None, fetched_at: datetime | None
    ) -> Iterator[PageOrFailure]:
        cap = self.limits.feed_items_per_run
        items = iter_feed(data, source, site=site, fetched_at=fetched_at, window=cap)
        taken = 0
        while True:
            try:
                item = next(items, None)
            except SujetError as err:
                yield _failure(err, source)
                return
            if item is None:
                return
            if self.known is not None and self.known(item):
                continue
            if taken == cap:
                log.info("%s: more than %d new items; the rest on the next run", source, cap)
                return
            taken += 1
            yield from self._feed_item(item)

    def _feed_item(self, item: Page) -> Iterator[PageOrFailure]:
        has_content = bool(str(item.content).strip())
        if not (self.fetch_links and item.url):
            if has_content:
                yield item
            else:
                why = "feed item has no content (its link is fetched only with fetch_links)"
                yield _failure(EmptyInput(why), item.source)
            return
        try:
            linked = self.fetcher.fetch(item.url)
            data = linked.content if isinstance(linked.content, bytes) else linked.content.encode()
            check_content(data, item.url)
        except SujetError as err:
            if has_content:
                item.metadata["link_error"] = str(err)
                yield item
            else:
                yield _failure(err, item.source)
            return
        linked.source = item.source
        linked.title_hint = item.title_hint
        linked.date_hint = item.date_hint
        linked.metadata.update(item.metadata)
        linked.metadata["feed_content"] = item.content
        yield linked
