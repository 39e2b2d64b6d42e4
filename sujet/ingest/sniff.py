"""Cheap looks at raw content: what kind of document it is, and whether it can be used at all."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sujet.errors import BinaryInput, EmptyInput, HostileInput
from sujet.ingest.encoding import looks_binary

_HEAD = 64 * 1024
# A document type declaration with an internal subset that declares entities: the vehicle of
# billion-laughs expansion and external-entity (XXE) reads. No news page or feed needs one.
_ENTITY_DECL_RE = re.compile(rb"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", re.I | re.S)
_FEED_ROOT_RE = re.compile(
    rb"""\A\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)\s*)*"""
    rb"""<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)\b""",
    re.S,
)
_HTML_RE = re.compile(rb"<(?:!doctype\s+html|html|head|body|div|p|article|meta|title)[\s>/]", re.I)

_TYPES_BY_SUFFIX = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
}


def _ascii_head(data: bytes) -> bytes:
    """The head of ``data`` in an ASCII-compatible form (UTF-16 turned into UTF-8)."""
    head = data[:_HEAD]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf")


def is_feed(data: bytes) -> bool:
    """True when the document's root element is an RSS, Atom or RSS 1.0 (RDF) feed."""
    return bool(_FEED_ROOT_RE.match(_ascii_head(data)))


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_RE.search(_ascii_head(data)[:8192]))


def has_entity_declarations(data: bytes) -> bool:
    return bool(_ENTITY_DECL_RE.search(_ascii_head(data)))


def check_content(data: bytes, source: str) -> None:
    """Raise EmptyInput, BinaryInput or HostileInput when ``data`` cannot be a page."""
    if not _ascii_head(data).strip() and not data[_HEAD:].strip():
        raise EmptyInput("empty file (no bytes or only whitespace)", source=source)
    if looks_binary(data):
        raise BinaryInput("binary content (not text, HTML or a feed)", source=source)
    if has_entity_declarations(data):
        raise HostileInput("XML entity declarations refused (entity expansion / XXE)", source=source)


def content_type_for(name: str, data: bytes) -> str:
    """A content type from the file name, or sniffed from the content when the name says nothing."""
    lower = name.lower().removesuffix(".gz")
    for suffix, ctype in _TYPES_BY_SUFFIX.items():
        if lower.endswith(suffix):
            return ctype
    if is_feed(data):
        return "application/xml"
    return "text/html" if looks_like_html(data) else "text/plain"


def site_of(url: str | None) -> str | None:
    """The site key of a URL: its host in lower case, without a leading ``www.``."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.lower().removeprefix("www.")
