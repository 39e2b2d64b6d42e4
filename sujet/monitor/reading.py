"""Reading a source: the items of a poll, each fetched (or read from disk) into a page.

A feed, sitemap or list page is fetched with its validators (ETag, Last-Modified); an unchanged
answer gives nothing, and a changed one gives its items not yet seen, at most
``monitor.links_per_poll`` of them (the rest wait for the next poll, which then reads the
document again). Each item's link is fetched; a failure is the item's :class:`ReadFailure`
(tried again next poll when it was transient) unless the feed carried the text itself. A folder
gives the files that have stopped changing, each once.

Each source has its own :class:`~sujet.ingest.fetch.Fetcher` (robots.txt, retries), and one
:class:`~sujet.ingest.fetch.HostPacer` keeps the least delay between two requests to a host
across all of them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sujet.config import Settings
from sujet.errors import FetchError, FetchTimeout, InputError, SujetError
from sujet.ingest.failures import ReadFailure
from sujet.ingest.fetch import Fetcher, HostPacer
from sujet.ingest.sniff import check_content
from sujet.model import Page
from sujet.monitor.kinds import Item, Listing, feed_listing, listpage_links, sitemap_listing
from sujet.monitor.state import SourceState

log = logging.getLogger(__name__)

_MAX_CHILD_SITEMAPS = 20
_FETCHER_TTL_S = 24 * 3600  # robots.txt is read again after a day
# Transient link failures: the item is tried again on the next poll.
_RETRYABLE = (FetchTimeout,)
_IGNORED_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", ".lock")


@dataclass(slots=True)
class Fetched:
    """One page of a poll, or why it could not be read, with the item key it answers."""

    key: str
    page: Page | ReadFailure
    retry: bool = False  # a transient failure: the key is not remembered


@dataclass(slots=True)
class PollResult:
    """How one poll of one source went, filled in as it goes."""

    state: SourceState
    unchanged: bool = False
    error: SujetError | None = None
    etag: str | None = None
    last_modified: str | None = None
    added: int = 0
    taken: int = 0  # items taken (pages and failures)
    failed: list[ReadFailure] = field(default_factory=list)


class Fetchers:
    """One Fetcher per source (its robots.txt cache, renewed daily), all paced per host by one
    :class:`HostPacer`, so that requests to a host keep their delay across threads."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pacer = HostPacer()
        self._lock = threading.Lock()
        self._by_source: dict[str, tuple[Fetcher, float]] = {}

    def get(self, url: str) -> Fetcher:
        with self._lock:
            entry = self._by_source.get(url)
            if entry is None or time.monotonic() - entry[1] > _FETCHER_TTL_S:
                if entry is not None:
                    entry[0].close()
                fetch = self.settings.fetch
                entry = (Fetcher(fetch, host_delay_s=fetch.host_delay_s, pacer=self.pacer),
                         time.monotonic())
                self._by_source[url] = entry
            return entry[0]

    def close(self) -> None:
        with self._lock:
            for fetcher, _ in self._by_source.values():
                fetcher.close()
            self._by_source.clear()


def _failure(err: SujetError, source: str) -> ReadFailure:
    return ReadFailure(source=source, code=err.code, reason=err.message)


def _body(page: Page) -> bytes:
    return page.content if isinstance(page.content, bytes) else page.content.encode()


class SourceReader:
    """The new items of a source, read a poll at a time; see the module docstring."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._fetchers = Fetchers(settings)

    def close(self) -> None:
        self._fetchers.close()

    def read(self, state: SourceState, result: PollResult) -> Iterable[Fetched]:
        """The source's new items, lazily (each link is fetched when its turn comes); the
        listing's validators, or that it is unchanged, go into ``result``."""
        if state.kind == "folder":
            return self._folder(state)
        fetcher = self._fetchers.get(state.url)
        items = self._fresh_items(state, fetcher, result)
        return (self._item(i, fetcher) for i in items)

    def _fresh_items(self, state: SourceState, fetcher: Fetcher, result: PollResult) -> list[Item]:
        page = fetcher.fetch(state.url, etag=state.etag, last_modified=state.last_modified)
        if page.metadata.get("status") == 304:
            result.unchanged = True
            result.etag, result.last_modified = state.etag, state.last_modified
            return []
        result.etag = page.metadata.get("etag")
        result.last_modified = page.metadata.get("last_modified")
        data = _body(page)
        check_content(data, state.url)
        listing = self._listing(state, data, page, fetcher)
        seen = set(state.seen)
        fresh = [i for i in listing.items if i.key not in seen]
        cap = self.settings.monitor.links_per_poll
        if len(fresh) > cap:
            result.etag = result.last_modified = None  # the rest is read on the next poll
            fresh = fresh[:cap]
        return fresh

    def _listing(self, state: SourceState, data: bytes, page: Page, fetcher: Fetcher) -> Listing:
        follow = self.settings.monitor.follow_links
        if state.kind == "sitemap":
            listing = sitemap_listing(data, state.url)
            for child in listing.children[:_MAX_CHILD_SITEMAPS]:
                try:
                    sub = fetcher.fetch(child)
                except FetchError as err:
                    log.info("%s: child sitemap %s: %s", state.url, child, err)
                    continue
                listing.items.extend(sitemap_listing(_body(sub), child).items)
            return listing
        if state.kind == "listpage":
            return listpage_links(data, state.url)
        return feed_listing(data, state.url, page.fetched_at, follow_links=follow)

    def _item(self, item: Item, fetcher: Fetcher) -> Fetched:
        if item.link is None:
            assert item.page is not None
            return Fetched(item.key, item.page)
        try:
            linked = fetcher.fetch(item.link)
            check_content(_body(linked), item.link)
        except SujetError as err:
            if item.page is not None:
                item.page.metadata["link_error"] = str(err)
                return Fetched(item.key, item.page)
            return Fetched(item.key, _failure(err, item.link), retry=isinstance(err, _RETRYABLE))
        linked.title_hint = item.title_hint or linked.title_hint
        linked.date_hint = item.date_hint or linked.date_hint
        if item.page is not None:
            linked.source = item.page.source
            linked.metadata.update(item.page.metadata)
            linked.metadata["feed_content"] = item.page.content
        return Fetched(item.key, linked)

    def _folder(self, state: SourceState) -> Iterator[Fetched]:
        """Files dropped into a folder, each read once it has stopped changing."""
        from sujet.ingest.readers import iter_pages

        root = Path(state.url.removeprefix("file://"))
        if not root.is_dir():
            raise InputError("the folder does not exist or is not a directory", source=state.url)
        settle = self.settings.monitor.folder_settle_s
        now = time.time()
        seen = set(state.seen)
        taken = 0
        for path in sorted(root.rglob("*")):
            if (not path.is_file() or path.name.startswith(".")
                    or path.name.endswith(_IGNORED_SUFFIXES)):
                continue
            stat = path.stat()
            if now - stat.st_mtime < settle:
                continue  # still being written
            key = f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}"
            if key in seen:
                continue
            if taken == self.settings.monitor.links_per_poll:
                return
            taken += 1
            for page in iter_pages([str(path)], self.settings):
                yield Fetched(key, page)
