"""Parse decoded HTML once, robustly, and render its visible text."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# lxml refuses str input that still carries an XML encoding declaration.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_INVISIBLE = ("script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object")
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr",
    "ul",
})  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
# Comments go at parse time: their tails are text, and no consumer needs the comments.
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """The document tree of ``text``; None when nothing parseable is left (empty, binary junk)."""
    text = _XML_DECL.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """The text a reader sees on the page: one line per block element, scripts and hidden parts left out."""
    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    skipping: object = None  # the hidden element whose subtree is being skipped
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if skipping is not None:
                continue
            if _hidden(el, tag):
                skipping = el
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            elif tag in _CELL_TAGS:
                parts.append("\t")
            if tag and el.text:
                parts.append(el.text)
            continue
        if el is skipping:
            skipping = None
        elif skipping is not None:
            continue
        elif tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.tail and el is not root:
            parts.append(el.tail)
    lines = (_collapse(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _hidden(el: lxml.html.HtmlElement, tag: str) -> bool:
    return (
        not tag
        or tag in _INVISIBLE
        or el.get("hidden") is not None
        or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
    )


def _collapse(line: str) -> str:
    """Whitespace runs to one space, keeping table-cell tabs apart."""
    if "\t" not in line:
        return " ".join(line.split())
    cells = (" ".join(cell.split()) for cell in line.split("\t"))
    return "\t".join(cell for cell in cells if cell)
