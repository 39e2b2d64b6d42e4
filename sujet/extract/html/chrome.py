"""The page's chrome: the parts every page of a site repeats around its article.

A site header or top bar, its navigation, footer and sidebars often show a date that is not the
article's: today's date, a clock or weather widget, the date of a "latest news" teaser. Such a
date must never be taken for the article's publication date, so the date search (html.dates)
reads the page without them.

Chrome is found by where an element sits and what the page calls it, never by its text:

- ``<nav>``, and the landmark roles banner, navigation, contentinfo and complementary;
- an ``<aside>``, ``<header>`` or ``<footer>`` of the page itself: not inside an ``<article>``,
  ``<main>`` or ``<section>`` (which makes it that part's own, where the byline may sit);
- an element whose class or id names a header bar or a widget of the site (``top-bar``,
  ``site-header``, ``date-today``, ``current-date``, ``clock``, ``weather``, ``masthead``,
  ``navbar``, ``sidebar``, ``site-footer``), matched on whole class tokens;
- and in every case, not an element that holds the headline (``<h1>``), an ``<article>`` or the
  ``<main>`` part: a page header holding the headline is the article's header.
"""

from __future__ import annotations

import re

import lxml.html

# Whole class / id tokens (split on spaces) that name site chrome, case-insensitively; BEM-style
# parts ("c-topbar__date", "header-weather") count as tokens of their own.
_CHROME_TOKEN = re.compile(
    r"(?:^|[_-])(?:top-?bar|top-?nav|nav-?bar|site-?(?:header|footer|nav)|global-?(?:header|nav)"
    r"|masthead|sidebar|side-?bar|(?:date|time)-?today|today-?(?:date|is)|current-?(?:date|time)"
    r"|clock|weather|ticker-?date|header-?(?:date|bar|top|widgets?)|breaking-?bar)(?:$|[_-])",
    re.I,
)
# Any of those words anywhere in a class or id: a quick test before the token by token one.
_ANY_CHROME_WORD = re.compile(
    r"bar|nav|site|global|mast|side|today|current|clock|weather|ticker|header|breaking", re.I
)
_CHROME_ROLES = frozenset({"banner", "navigation", "contentinfo", "complementary"})
# Inside these, a header or footer belongs to that part, and an aside is the article's own.
SECTIONS = frozenset({"article", "main", "section"})
_PLACED = frozenset({"aside", "header", "footer"})


class PageChrome:
    """Tells the chrome elements of one page.

    No element that holds the headline (``<h1>``), an ``<article>`` or the ``<main>`` part is
    chrome: a wrapper "has-sidebar" or role=banner around the whole page is not.
    """

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        self._protected: set[lxml.html.HtmlElement] = set()
        for el in tree.iter("h1", "article", "main"):
            if el in self._protected:
                continue
            self._protected.add(el)
            self._protected.update(el.iterancestors())

    def starts_at(self, el: lxml.html.HtmlElement, tag: str, nested: bool) -> bool:
        """``el`` (tag ``tag``) is a chrome element; ``nested``: it sits inside an article,
        main part or section (SECTIONS)."""
        if tag == "nav":
            return el not in self._protected
        if tag in _PLACED:
            return not nested and el not in self._protected
        role = el.get("role")
        if role and role.lower() in _CHROME_ROLES:
            return el not in self._protected
        labels = el.get("class")
        ident = el.get("id")
        if ident:
            labels = f"{labels or ''} {ident}"
        if not labels or not _ANY_CHROME_WORD.search(labels):
            return False
        return (
            any(_CHROME_TOKEN.search(token) for token in labels.split())
            and el not in self._protected
        )

    def holds(self, el: lxml.html.HtmlElement) -> bool:
        """``el`` is, or sits inside, a chrome element."""
        chain = [el, *el.iterancestors()]  # innermost first
        for k, node in enumerate(chain):
            tag = node.tag if isinstance(node.tag, str) else ""
            nested = any(outer.tag in SECTIONS for outer in chain[k + 1 :])
            if self.starts_at(node, tag, nested):
                return True
        return False
