"""What a source's document lists: feed items, sitemap URLs, a list page's article links.

Each kind turns the fetched document into :class:`Item` records, each with a stable ``key``
(the item id or its URL) that the source's state remembers, so an item is taken once. An item
either carries its page (a feed item with content, kept when its link cannot be fetched) or
only a link to fetch. A document that is not what its kind expects raises a coded error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # noqa: N817 - reading trees defusedxml parsed
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as safe_et
import lxml.html
from lxml.etree import ParserError

from sujet.errors import HostileInput, InputError, MalformedInput
from sujet.ingest.feeds import iso_date, iter_feed
from sujet.ingest.sniff import check_content, has_entity_declarations, site_of
from sujet.model import Page, stable_id


@dataclass(slots=True)
class Item:
    """One entry of a source: its key, and its page in hand or a link to fetch."""

    key: str
    link: str | None = None
    page: Page | None = None  # content in hand (the fallback when ``link`` fails)
    title_hint: str | None = None
    date_hint: str | None = None


@dataclass(slots=True)
class Listing:
    """A document's items, and for a sitemap index the child sitemaps to read."""

    items: list[Item]
    children: list[str]


def feed_listing(data: bytes, url: str, fetched_at: datetime | None, *,
                 follow_links: bool) -> Listing:
    """A feed's items; with ``follow_links`` the item's link is fetched for the full text."""
    items: list[Item] = []
    for page in iter_feed(data, url, site=site_of(url), fetched_at=fetched_at):
        item_id = page.metadata.get("item_id")
        key = str(item_id or page.url or stable_id(str(page.content)))
        has_content = bool(str(page.content).strip())
        link = page.url if follow_links and page.url else None
        if link is None and not has_content and page.url:
            link = page.url  # nothing in hand: the link is the only way to the text
        items.append(Item(key=key, link=link, page=page if has_content else None,
                          title_hint=page.title_hint, date_hint=page.date_hint))
    return Listing(items, [])


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _child_text(element: ET.Element, name: str) -> str | None:
    for child in element.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def sitemap_listing(data: bytes, url: str) -> Listing:
    """A sitemap (``urlset``, with Google News tags when present) or a sitemap index."""
    if has_entity_declarations(data):
        raise HostileInput("XML entity declarations refused (entity expansion / XXE)", source=url)
    try:
        root = safe_et.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                  forbid_external=True)
    except defusedxml.DefusedXmlException as err:
        raise HostileInput(f"hostile XML refused: {type(err).__name__}", source=url) from err
    except ParseError as err:
        raise MalformedInput(f"malformed sitemap XML: {err}", source=url) from err
    kind = _local(root.tag)
    if kind == "sitemapindex":
        found = [(_child_text(s, "lastmod") or "", _child_text(s, "loc")) for s in root
                 if _local(s.tag) == "sitemap"]
        ordered = sorted(((m, loc) for m, loc in found if loc), reverse=True)  # newest first
        return Listing([], [urljoin(url, loc) for _, loc in ordered])
    if kind != "urlset":
        raise InputError(f"not a sitemap: XML root <{kind}>", source=url)
    items: list[Item] = []
    for entry in root:
        loc = _child_text(entry, "loc") if _local(entry.tag) == "url" else None
        if not loc:
            continue
        link = urljoin(url, loc)
        date = _child_text(entry, "publication_date") or _child_text(entry, "lastmod")
        items.append(Item(key=link, link=link, title_hint=_child_text(entry, "title"),
                          date_hint=iso_date(date) if date else None))
    return Listing(items, [])


# Links that are never articles: files and assets by their extension.
_ASSET_RE = re.compile(
    r"\.(?:css|js|json|xml|rss|atom|png|jpe?g|gif|svg|webp|ico|pdf|zip|gz|mp[34]|mov|avi|woff2?)$",
    re.IGNORECASE,
)


def _article_like(path: str) -> bool:
    """A path deep or specific enough to name one page rather than a section."""
    if _ASSET_RE.search(path):
        return False
    parts = [p for p in path.split("/") if p]
    if not parts:
        return False
    last = parts[-1]
    return len(parts) >= 2 or any(c.isdigit() for c in last) or "-" in last or "." in last


def listpage_links(data: bytes, url: str) -> Listing:
    """The same-site links of a list page (a section front, a search page) that look like
    articles, in page order; the page itself, its fragments and assets are left out."""
    check_content(data, url)
    try:
        root = lxml.html.fromstring(data, base_url=url)
    except (ParserError, ValueError) as err:
        raise MalformedInput(f"unreadable list page: {err}", source=url) from err
    root.make_links_absolute(url, resolve_base_href=True, handle_failures="discard")
    home = site_of(url)
    own = urldefrag(url)[0]
    items: list[Item] = []
    seen: set[str] = set()
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if not href:
            continue
        link = urldefrag(href.strip())[0]
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https") or site_of(link) != home or link == own:
            continue
        if link in seen or not _article_like(parts.path):
            continue
        seen.add(link)
        title = " ".join(anchor.text_content().split()) or None
        items.append(Item(key=link, link=link, title_hint=title))
    return Listing(items, [])
