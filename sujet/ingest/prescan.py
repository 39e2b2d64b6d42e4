"""A cheap scan of a page before it is parsed: refuse structures no parser should be given.

An HTML parser's time and memory grow with the elements and attributes it builds, and a page
of plain prose can be long enough to make every later step slow. One pass of a regular
expression over the tags counts elements, the attributes of each element, the nesting depth and
the characters of text (white space aside) outside scripts and styles, and stops at the first
limit passed (:class:`OverLimit`, ``E110``). Limits come from ``settings.limits``.

Depth counts elements that need an end tag: void elements (``<br>``, ``<img>``) and elements
whose end tag may be left out (``<p>``, ``<li>``, ``<td>``...) do not nest in the count, and an
end tag closes up to its open element, as parsers do with the pages found on the web.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sujet.errors import OverLimit

# ``[^<>]*``: a "<" that opens no tag ends the attempt at the next "<", so the scan stays linear
_TAG_RE = re.compile(r"<(?:(!--)|(/?)([A-Za-z][A-Za-z0-9:_-]*)([^<>]*)>)")
_ATTR_RE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_VOID = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen",
))
_OPTIONAL_END = frozenset((
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
))
_RAW_TEXT = frozenset(("script", "style", "template", "noscript", "textarea", "title", "svg"))


@dataclass(frozen=True, slots=True)
class MarkupCaps:
    elements: int
    attributes: int
    depth: int
    text_chars: int


@dataclass(slots=True)
class MarkupCounts:
    """What the scan saw (up to the first limit passed)."""

    elements: int = 0
    max_attributes: int = 0
    max_depth: int = 0
    text_chars: int = 0


def scan_markup(html: str, caps: MarkupCaps, source: str | None = None) -> MarkupCounts:
    """Count the page's structure; raise OverLimit at the first cap it passes."""
    counts = MarkupCounts()
    stack: list[str] = []
    pos = 0
    size = len(html)
    while pos < size:
        m = _TAG_RE.search(html, pos)
        text_end = m.start() if m else size
        counts.text_chars += _visible(html, pos, text_end)
        if counts.text_chars > caps.text_chars:
            raise OverLimit(f"more than {caps.text_chars:,} characters of text", source=source)
        if m is None:
            break
        pos = m.end()
        if m.group(1):  # a comment: skip to its end
            end = html.find("-->", pos)
            pos = size if end < 0 else end + 3
            continue
        closing, name, rest = m.group(2), m.group(3).lower(), m.group(4)
        if closing:
            if name in stack:
                while stack.pop() != name:
                    pass
            continue
        counts.elements += 1
        if counts.elements > caps.elements:
            raise OverLimit(f"more than {caps.elements:,} elements", source=source)
        if rest.strip():
            n_attrs = _count_attributes(rest, caps.attributes)
            counts.max_attributes = max(counts.max_attributes, n_attrs)
            if n_attrs > caps.attributes:
                raise OverLimit(f"an element <{name}> with more than {caps.attributes:,} attributes",
                                source=source)
        self_closing = rest.rstrip().endswith("/")
        if name in _RAW_TEXT and not self_closing:  # its content is not page text: skip it
            close = _closing_tag(name).search(html, pos)
            pos = size if close is None else close.end()
            continue
        if name in _VOID or name in _OPTIONAL_END or self_closing:
            continue
        stack.append(name)
        counts.max_depth = max(counts.max_depth, len(stack))
        if len(stack) > caps.depth:
            raise OverLimit(f"elements nested more than {caps.depth:,} deep", source=source)
    return counts


@lru_cache(maxsize=16)
def _closing_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}\s*>", re.I)


def _visible(html: str, start: int, end: int) -> int:
    """Characters other than white space in ``html[start:end]`` (indentation is not text)."""
    if end <= start:
        return 0
    part = html[start:end]
    return len(part) - sum(part.count(ws) for ws in " \n\t\r")


def _count_attributes(rest: str, cap: int) -> int:
    """Attributes in a tag's inside, counting at most ``cap + 1``."""
    n = 0
    for _ in _ATTR_RE.finditer(rest):
        n += 1
        if n > cap:
            break
    return n


def check_text_length(text: str, cap: int, source: str | None = None) -> None:
    """Refuse a text longer than ``cap`` characters (OverLimit)."""
    if len(text) > cap:
        raise OverLimit(f"{len(text):,} characters of text, more than {cap:,}", source=source)
