"""Page -> Article: the extraction step as a pure, picklable function (runs on any executor)."""

from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass

from sujet.dedup import content_hash
from sujet.errors import SujetError
from sujet.extract.document import Kind, extract_document, looks_like_html
from sujet.extract.pubdate import DateClaim, record_claim
from sujet.extract.site import article_site
from sujet.ingest.encoding import decode
from sujet.ingest.prescan import MarkupCaps, check_text_length, scan_markup
from sujet.model import Article, Page, stable_id
from sujet.pipeline import bounded
from sujet.pipeline.bounded import Bounds, Overrun
from sujet.pipeline.executor import time_limit


@dataclass(slots=True)
class ExtractJob:
    page: Page
    site_lines: frozenset[str] | None
    reference_year: int | None
    min_text_chars: int
    timeout_s: float
    # Structure and text caps checked before parsing (settings.limits); None: no caps.
    caps: MarkupCaps | None = None


@dataclass(slots=True)
class ExtractFailure:
    source: str
    code: str
    reason: str


def raw_bytes(page: Page) -> bytes:
    return page.content if isinstance(page.content, bytes) else page.content.encode("utf-8")


def page_key(page: Page) -> str:
    """The article id of a page: its URL (when known) and raw content, not where it was read.

    Reading the same page again, from another path or run, gives the same id, so a re-run adds
    nothing twice.
    """
    digest = hashlib.sha1(raw_bytes(page)).hexdigest()
    return stable_id(page.url or "", digest)


def _kind(page: Page) -> Kind:
    ct = page.content_type.lower()
    if "html" in ct or "xml" in ct:
        return "html"
    if ct.startswith("text/plain"):
        return "text"
    return "auto"


_PATH_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_.](0[1-9]|1[0-2])(?:[-/_.](0[1-9]|[12]\d|3[01]))?(?!\d)")


def _year_of(iso: str | None) -> int | None:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None


def reference_year(page: Page, configured: int | None) -> int | None:
    """The year to resolve year-less datelines with, from the best evidence about the page.

    A date in the URL or file path (``/2024/08/22/``, ``2024-08-22-slug``) beats the time the
    page was fetched; a file's modification time says nothing about when it was published.
    """
    if configured:
        return configured
    if year := _year_of(page.date_hint):
        return year
    for where in (page.url or "", page.source):
        if m := _PATH_DATE_RE.search(where):
            return int(m.group(1))
    if page.url and page.fetched_at:
        return page.fetched_at.year
    return None


def record_date(page: Page) -> DateClaim | None:
    """The date the page's container gives: a feed item's published date ("feed", as the feed
    reader marks it in ``metadata["date_from"]``) or a JSON record's date field ("record")."""
    kind = "feed" if page.metadata.get("date_from") == "feed" else "record"
    return record_claim(page.date_hint, kind)


def check_before_parsing(content: str, kind: Kind, caps: MarkupCaps, source: str) -> None:
    """Refuse (OverLimit, E110) a page whose structure or text is over the caps: markup is
    pre-scanned, plain text measured."""
    if kind == "text" or (kind == "auto" and "<" not in content[:4096]):
        check_text_length(content, caps.text_chars, source)
    else:
        scan_markup(content, caps, source)


_WARM_PAGE = (
    "<html><head><title>Warm</title></head><body><article><h1>Warm</h1>"
    "<p>Berlin, 2. September 2024. The council met on Monday and agreed on the new bridge "
    "over the river. Work starts in spring and ends two years later, the mayor said.</p>"
    "</article></body></html>"
)


def warm_extraction() -> None:
    """Extract a small page and a text once, so that what extraction loads on first use is
    loaded before a bounded worker's first document (whose time bound it would spend)."""
    for kind in ("html", "text"):
        with contextlib.suppress(SujetError):  # only the loading matters
                extract_document(_WARM_PAGE, kind=kind, url=None, site_lines=None,
                             reference_year=2024, min_text_chars=0, source="warm")


def extract_page(job: ExtractJob) -> Article | ExtractFailure:
    """Extract one page; never raises (failures come back as ExtractFailure)."""
    page = job.page
    try:
        with time_limit(job.timeout_s):
            ref_year = reference_year(page, job.reference_year)
            # The charset a server or WARC record declared is weighed against detection.
            content = (
                decode(page.content, declared=page.encoding, source=page.source)[0]
                if isinstance(page.content, bytes)
                else page.content
            )
            if job.caps is not None:
                check_before_parsing(content, _kind(page), job.caps, page.source)
            ex = extract_document(
                content,
                kind=_kind(page),
                url=page.url,
                site_lines=job.site_lines,
                reference_year=ref_year,
                min_text_chars=job.min_text_chars,
                source=page.source,
                record_date=record_date(page),
            )
            if job.caps is not None:  # the text entities and events will read
                check_text_length(ex.text, job.caps.text_chars, page.source)
    except SujetError as err:
        return ExtractFailure(page.source, err.code, err.message)
    except MemoryError:
        raise  # the bounded worker reports it (E602) and is replaced
    except Exception as err:  # noqa: BLE001 - one bad page never stops the batch
        return ExtractFailure(page.source, "E600", f"{type(err).__name__}: {err}"[:300])
    title = ex.title or page.title_hint
    return Article(
        id=page_key(page),
        source=page.source,
        url=page.url,
        title=title,
        text=ex.text,
        date=ex.date,
        date_precision=ex.date_precision,
        date_source=ex.date_source,
        language=ex.language,
        dateline=ex.dateline,
        agency=ex.agency,
        author=ex.author,
        site=article_site(ex.site, page.url, declared=_declared_source(page),
                          dump_text=None if looks_like_html(content) else content),
        # The dateline is metadata: two copies of one body are exact duplicates with or without it.
        content_hash=content_hash(ex.text[ex.metadata.get("dateline_end", 0):]),
        fetched_at=page.fetched_at.isoformat() if page.fetched_at else None,
        metadata={**ex.metadata, **({"encoding": page.encoding} if page.encoding else {})},
    )


@dataclass(frozen=True, slots=True)
class BoundedExtraction:
    """:func:`extract_page` in this process's extraction worker, under ``bounds``: picklable,
    so each Dask worker runs its pages in a bounded worker process of its own."""

    bounds: Bounds

    def __call__(self, job: ExtractJob) -> Article | ExtractFailure:
        out = bounded.call("extract", extract_page, job, self.bounds, warm=warm_extraction)
        if isinstance(out, Overrun):
            return ExtractFailure(job.page.source, out.code, out.reason)
        if isinstance(out, Article | ExtractFailure):
            return out
        return ExtractFailure(job.page.source, "E600", f"unexpected result {type(out).__name__}")


def _declared_source(page: Page) -> str | None:
    """The source name a record declared for itself (a JSON record's "source" field)."""
    value = page.metadata.get("source")
    return value if isinstance(value, str) else None
