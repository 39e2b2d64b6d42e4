"""The site an article is from, as a reader would name it: taken from the page or its address.

In order: the site the page names itself (an HTML page's og:site_name, or the host of its
canonical / og:url address, which the HTML extractor reads), the host of the page's URL, the
source name a record declared, and for a plain-text dump the first address its text carries
(a URL, or a line that is a bare host name such as "ru24.net" in a copied page header), else
a host name in quotes anywhere in it (a photo or source credit: «Tomsk.ru»). Never
the folder a file was read from, an upload's file name or a temporary folder: those say where
the copy lay, not who published it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# How far into a text dump a header with the site's address is looked for.
HEADER_LINES = 40
_URL = re.compile(r"\bhttps?://[^\s/<>\"']+", re.IGNORECASE)
# A line that is a host name alone: labels of letters, digits and hyphens, a letter-only TLD.
_HOST = r"(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})"
_HOST_LINE = re.compile(rf"^{_HOST}\.?$", re.IGNORECASE)
_QUOTED_HOST = re.compile(rf"[«\"“„‘']{_HOST}[»\"”“’']", re.IGNORECASE)


def host_of(url: str | None) -> str | None:
    """The host of an address in lower case, without a leading ``www.``."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None


def site_named_in_text(text: str, max_lines: int = HEADER_LINES) -> str | None:
    """The first site address in the head of a text dump (a URL's host or a bare host line),
    else the first host name in quotes in the whole text."""
    for line in text.splitlines()[:max_lines]:
        stripped = line.strip()
        if not stripped:
            continue
        url = _URL.search(stripped)
        if url:
            return host_of(url.group(0))
        bare = _HOST_LINE.match(stripped)
        if bare:
            return bare.group(1).lower()
    quoted = _QUOTED_HOST.search(text)
    return quoted.group(1).lower() if quoted else None


def article_site(named: str | None, url: str | None, *, declared: str | None = None,
                 dump_text: str | None = None) -> str | None:
    """The article's site: ``named`` (the page's own), the URL's host, ``declared`` (a record's
    source name), else the address in the head of a text dump (``dump_text``)."""
    return (
        (named.strip() if named and named.strip() else None)
        or host_of(url)
        or (declared.strip() if declared and declared.strip() else None)
        or (site_named_in_text(dump_text) if dump_text else None)
    )
