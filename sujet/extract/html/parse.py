"""Parse decoded HTML once, robustly, and render its visible text."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from sujet.extract.html.chrome import SECTIONS, PageChrome

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
    return _lines(_render(tree, None))


def visible_texts(tree: lxml.html.HtmlElement, chrome: PageChrome) -> tuple[str, str]:
    """The page's visible text, and the same text without the page's ``chrome`` (site header,
    navigation, footer, sidebars), from one rendering of the page."""
    full: list[str] = []
    unframed: list[str] = []
    inside = False  # in the text of a chrome element
    for raw in _render(tree, chrome).split("\n"):
        line = _collapse(raw)
        if not line:
            continue
        if _OPEN not in line and _CLOSE not in line:
            full.append(line)
            if not inside:
                unframed.append(line)
            continue
        if whole := _collapse(line.replace(_OPEN, "").replace(_CLOSE, "")):
            full.append(whole)
        kept: list[str] = []
        for piece in _MARKS.split(line):
            if piece == _OPEN:
                inside = True
            elif piece == _CLOSE:
                inside = False
            elif not inside:
                kept.append(piece)
        if own := _collapse(" ".join(kept)):
            unframed.append(own)
    return "\n".join(full), "\n".join(unframed)


# Marks around the text of a chrome element (outermost ones only: they never nest).
_OPEN, _CLOSE = "\x02", "\x03"
_MARKS = re.compile("([\x02\x03])")


def _render(tree: lxml.html.HtmlElement, chrome: PageChrome | None) -> str:
    """The visible text, block by block, with the chrome elements' text between marks."""
    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    skipping: object = None  # the hidden element whose subtree is being skipped
    marking: object = None  # the chrome element whose subtree is being marked
    sections = 0  # open SECTIONS elements around the current one
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
            if chrome is not None:
                if marking is None and chrome.starts_at(el, tag, sections > 0):
                    marking = el
                    parts.append(_OPEN)
                if tag in SECTIONS:
                    sections += 1
            if tag and el.text:
                parts.append(el.text)
            continue
        if el is skipping:
            skipping = None
        elif skipping is not None:
            continue
        else:
            if chrome is not None:
                if el is marking:
                    marking = None
                    parts.append(_CLOSE)
                if tag in SECTIONS:
                    sections -= 1
            if tag in _BLOCK_TAGS:
                parts.append("\n")
        if el.tail and el is not root:
            parts.append(el.tail)
    return "".join(parts)


def _lines(text: str) -> str:
    lines = [_collapse(line) for line in text.split("\n")]
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
