"""RSS 2.0 / RSS 1.0 / Atom feeds: one Page per item, from the feed's own content.

The document is first parsed strictly with defusedxml (entity declarations refused: E106; not
well-formed: E105), then read with feedparser, which knows the many dialects of feed elements.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET  # noqa: N817 - serialising trees defusedxml parsed
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as safe_et
import feedparser

from sujet.errors import HostileInput, InputError, MalformedInput
from sujet.ingest.sniff import has_entity_declarations, site_of
from sujet.model import Page

_TAG_RE = re.compile(r"<[^>]+>")
_FEED_ROOTS = ("rss", "feed", "RDF")
_ITEMS = ("item", "entry")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def check_feed_xml(data: bytes, source: str) -> ET.Element:
    """The feed's root element; raises HostileInput or MalformedInput unless ``data`` is a
    safe, well-formed feed."""
    if has_entity_declarations(data):
        raise HostileInput("XML entity declarations refused (entity expansion / XXE)", source=source)
    try:
        root = safe_et.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as err:
        raise HostileInput(f"hostile XML refused: {type(err).__name__}", source=source) from err
    except ParseError as err:
        raise MalformedInput(f"malformed XML: {err}", source=source) from err
    if _local(root.tag) not in _FEED_ROOTS:
        raise InputError(f"not a feed: XML root <{_local(root.tag)}>", source=source)
    return root


def _items(root: ET.Element) -> list[tuple[ET.Element, ET.Element]]:
    """(parent, element) of each item or entry, in feed order (RSS 2, RSS 1 and Atom)."""
    found: list[tuple[ET.Element, ET.Element]] = []
    for parent in (root, *list(root)):
        found.extend((parent, child) for child in list(parent) if _local(child.tag) in _ITEMS)
    return found


def _windows(root: ET.Element, items: list[tuple[ET.Element, ET.Element]],
             size: int) -> Iterator[bytes]:
    """The feed again, ``size`` items at a time, so that no parse holds a huge feed's items."""
    for parent, child in items:
        parent.remove(child)
    for start in range(0, len(items), size):
        part = items[start:start + size]
        for parent, child in part:
            parent.append(child)
        yield ET.tostring(root, encoding="utf-8", xml_declaration=True)
        for parent, child in part:
            parent.remove(child)


def iso_date(raw: str | None) -> str | None:
    """An ISO 8601 date-time from an RFC 822 (RSS) or RFC 3339 (Atom) date, offset kept.

    The offset is kept, not converted to UTC, so the calendar day is the publisher's own.
    """
    if not raw:
        return None
    raw = raw.strip()
    for parse in (parsedate_to_datetime, datetime.fromisoformat):
        try:
            return parse(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            continue
    return None


def _struct_date(entry: Any, key: str) -> str | None:
    parsed = entry.get(key)
    if not parsed:
        return None
    return datetime(*parsed[:6]).isoformat() + "+00:00"


def _item_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        found = iso_date(entry.get(key)) or _struct_date(entry, f"{key}_parsed")
        if found:
            return found
    return None


def _item_title(entry: Any) -> str | None:
    title = entry.get("title")
    if not title:
        return None
    detail = entry.get("title_detail") or {}
    if "html" in str(detail.get("type", "")):
        title = html.unescape(_TAG_RE.sub("", title))
    return " ".join(title.split()) or None


def _item_content(entry: Any) -> tuple[str, str]:
    """(content, content type): the full content when the item has one, else its summary."""
    best = ""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if len(value.strip()) > len(best.strip()):
            best = value
    if best.strip():
        return best, "text/html"
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    ctype = "text/plain" if detail.get("type") == "text/plain" else "text/html"
    return summary, ctype


def iter_feed(
    data: bytes,
    source: str,
    *,
    site: str | None = None,
    fetched_at: datetime | None = None,
    window: int = 0,
) -> Iterator[Page]:
    """Pages of a feed's items (source ``source#N``); raises for a feed that cannot be read.

    An item with neither content nor summary comes with empty content: its text lives only
    behind its link, which the caller fetches or reports. ``window``: a feed of more items is
    read that many items at a time, lazily, so a caller that stops early pays for what it took.
    """
    root = check_feed_xml(data, source)
    items = _items(root)
    documents = _windows(root, items, window) if 0 < window < len(items) else iter((data,))
    index = 0
    for document in documents:
        for page in _parse(document, source, index, site, fetched_at):
            index += 1
            yield page


def _parse(data: bytes, source: str, first: int, site: str | None,
           fetched_at: datetime | None) -> Iterator[Page]:
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    feed_link = parsed.feed.get("link") if parsed.get("feed") else None
    for index, entry in enumerate(parsed.entries, start=first):
        item_source = f"{source}#{index}"
        content, ctype = _item_content(entry)
        link = entry.get("link") or None
        page = Page(
            source=item_source,
            content=content,
            content_type=ctype,
            url=link,
            fetched_at=fetched_at,
            title_hint=_item_title(entry),
            date_hint=_item_date(entry),
            site=site_of(link) or site_of(feed_link) or site,
            # "date_from": the date hint is the item's published date, not a record's field
            metadata={"feed": source, "item_id": entry.get("id"), "date_from": "feed"},
        )
        yield page
