"""RSS 2.0 and Atom 1.0 documents, built with an XML library (never by string pasting), so every
title and summary is escaped; characters XML 1.0 forbids are dropped.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

ATOM_NS = "http://www.w3.org/2005/Atom"
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TAG = re.compile(r"<[^<>]*(?:>|$)")


@dataclass(slots=True)
class FeedItem:
    id: str  # stable, unique within the feed
    title: str
    link: str  # absolute URL
    date: str | None  # ISO, possibly partial ("2024-08")
    summary: str = ""


@dataclass(slots=True)
class FeedMeta:
    title: str
    link: str  # the HTML page this feed mirrors
    self_link: str  # the feed's own URL
    description: str
    language: str | None = None


def clean(text: str | None) -> str:
    return _XML_FORBIDDEN.sub("", text or "")


def plain_text(text: str | None) -> str:
    """Text with no markup left: tags (whole or cut off) dropped, entities decoded, ``<`` and
    ``>`` that remain turned into look-alikes. RSS readers decode <description> as HTML, so
    what a scraped page carried as text must not become markup there."""
    value = _TAG.sub(" ", html.unescape(_TAG.sub(" ", text or "")))
    value = value.replace("<", "‹").replace(">", "›")
    return " ".join(value.split())


def parse_date(value: str | None) -> datetime | None:
    """A datetime from a full or partial ISO date (a month or a year counts as its first day)."""
    if not value:
        return None
    text = value.strip()
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text[:size], fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _newest(items: Sequence[FeedItem]) -> datetime:
    dates = [d for d in (parse_date(i.date) for i in items) if d is not None]
    return max(dates) if dates else datetime(1970, 1, 1, tzinfo=UTC)


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs)
    node.text = clean(text)
    return node


def rss(meta: FeedMeta, items: Sequence[FeedItem]) -> bytes:
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", meta.title)
    _text(channel, "link", meta.link)
    _text(channel, "description", meta.description)
    ET.SubElement(channel, "atom:link", {"href": clean(meta.self_link), "rel": "self",
                                         "type": "application/rss+xml"})
    if meta.language:
        _text(channel, "language", meta.language)
    _text(channel, "lastBuildDate", format_datetime(_newest(items)))
    for item in items:
        node = ET.SubElement(channel, "item")
        _text(node, "title", item.title)
        _text(node, "link", item.link)
        _text(node, "guid", item.id, isPermaLink="false")
        when = parse_date(item.date)
        if when is not None:
            _text(node, "pubDate", format_datetime(when))
        if item.summary:
            _text(node, "description", plain_text(item.summary))
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8",
                                                                      xml_declaration=False)


def atom(meta: FeedMeta, items: Sequence[FeedItem]) -> bytes:
    root = ET.Element("feed", {"xmlns": ATOM_NS})
    _text(root, "id", meta.self_link)
    _text(root, "title", meta.title)
    _text(root, "subtitle", meta.description)
    _text(root, "updated", _newest(items).isoformat())
    ET.SubElement(root, "link", {"href": clean(meta.self_link), "rel": "self"})
    ET.SubElement(root, "link", {"href": clean(meta.link), "rel": "alternate",
                                 "type": "text/html"})
    author = ET.SubElement(root, "author")
    _text(author, "name", "Sujet")
    for item in items:
        entry = ET.SubElement(root, "entry")
        _text(entry, "id", f"urn:sujet:{item.id}")
        _text(entry, "title", item.title, type="text")
        when = parse_date(item.date) or datetime(1970, 1, 1, tzinfo=UTC)
        _text(entry, "updated", when.isoformat())
        ET.SubElement(entry, "link", {"href": clean(item.link), "rel": "alternate"})
        if item.summary:
            _text(entry, "summary", item.summary, type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8",
                                                                      xml_declaration=False)
