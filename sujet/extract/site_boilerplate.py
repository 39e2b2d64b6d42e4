"""Lines that several pages of one site share: menus, footers, widgets of that site.

Feed the text of a site's pages with ``add``; ``lines_for`` returns the lines that occur in at
least ``min_pages`` pages and in at least ``min_share`` of that site's pages, ready for
``clean_text_dump(site_lines=...)``.

Long lines are a risk: the same article quoted on two pages (a syndicated story, a press
release, a repeated lead) must not become boilerplate. A line longer than
``max_words`` words is therefore never reported, however often it repeats; site furniture is
short (menu items, copyright notices, widget titles), and long shared lines are left to the
cleaner's own judgement.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import PurePath
from urllib.parse import urlsplit

from sujet.extract.textdump.lines import normalize_line, word_count


def site_key(source: str, url: str | None) -> str:
    """The site a page belongs to: the URL's host (without "www."), else the parent folder of
    the source path."""
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        if host:
            return host.lower().removeprefix("www.")
    parent = str(PurePath(source).parent)
    return parent if parent not in ("", ".") else source


class SiteBoilerplate:
    """Collects the lines of pages per site and reports the lines shared across pages."""

    def __init__(self, *, min_pages: int = 2, min_share: float = 0.5, max_words: int = 30) -> None:
        self.min_pages = min_pages
        self.min_share = min_share
        self.max_words = max_words
        self._pages: Counter[str] = Counter()
        self._lines: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def add(self, site: str, text: str) -> None:
        """Count the distinct lines of one page of ``site``."""
        self._pages[site] += 1
        seen = {normalize_line(ln) for ln in text.splitlines()}
        seen.discard("")
        self._lines[site].update(seen)

    def pages(self, site: str) -> int:
        return self._pages[site]

    def lines_for(self, site: str) -> frozenset[str]:
        """Lines (whitespace-normalised) shared by enough of the site's pages."""
        n = self._pages[site]
        if n < self.min_pages:
            return frozenset()
        need = max(self.min_pages, self.min_share * n)
        return frozenset(
            line for line, c in self._lines[site].items()
            if c >= need and word_count(line) <= self.max_words
        )
