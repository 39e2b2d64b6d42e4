"""The steps of an ingest, in order: read, known, boilerplate, extract, dedup, store.

The enrichment steps that follow the store step (entities, events, topics, then the mark of
each article's enrichment state) are in :mod:`sujet.pipeline.enriching`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from sujet.config import Settings
from sujet.dedup import signature, store_index
from sujet.dedup.fingerprint import to_bytes
from sujet.errors import SujetError
from sujet.extract.site_boilerplate import SiteBoilerplate, site_key
from sujet.ingest.encoding import decode
from sujet.ingest.failures import ReadFailure
from sujet.ingest.prescan import MarkupCaps
from sujet.model import Article, Page
from sujet.pipeline.articles import ExtractFailure, ExtractJob, page_key
from sujet.pipeline.report import IngestReport
from sujet.pipeline.steps import Doc, Run, Step
from sujet.store.base import RejectedDocument, Store

ExtractFn = Callable[[ExtractJob], Article | ExtractFailure]


def markup_caps(settings: Settings) -> MarkupCaps:
    limits = settings.limits
    return MarkupCaps(limits.html_elements, limits.html_attributes, limits.html_depth,
                      limits.text_chars)


class ReadStep(Step):
    """Pages in, records out; an input that could not be read is a reject of its own."""

    name = "read"

    def process(self, doc: Any) -> Doc | None:
        self.run_of.report.seen += 1
        if isinstance(doc, Doc):
            return doc
        if isinstance(doc, ReadFailure):
            self.reject(doc.source, doc.code, doc.reason)
            return None
        if isinstance(doc, Page):
            return Doc(page=doc, key=page_key(doc))
        raise TypeError(f"not a page: {type(doc).__name__}")


class KnownStep(Step):
    """Drops pages already stored, and pages an earlier run rejected at extraction (unless
    they are to be tried again); gives each page its site."""

    name = "known"

    def __init__(self, run: Run, *, retry_rejected: bool = False) -> None:
        super().__init__(run)
        self.retry_rejected = retry_rejected

    def run(self, docs: list[Doc]) -> Iterator[Doc]:
        store, report = self.run_of.store, self.run_of.report
        fresh: list[Doc] = []
        for doc in docs:
            if store.has_article(doc.key):
                report.already_stored += 1
                self.skip("already_stored")
                continue
            page = doc.page
            if page is not None and not page.site:
                page.site = site_key(page.source, page.url)
            fresh.append(doc)
        remembered = store.rejected_keys([d.key for d in fresh]) if fresh else set()
        for doc in fresh:
            if doc.key not in remembered:
                yield doc
            elif self.retry_rejected:
                doc.retried = True
                yield doc
            else:
                report.previously_rejected += 1
                self.skip("previously_rejected")


class BoilerplateStep(Step):
    """Learns each site's repeated lines from the chunk's text pages (HTML boilerplate is the
    extractor's own job) and hands every page the lines of its site."""

    name = "boilerplate"

    def __init__(self, run: Run) -> None:
        super().__init__(run)
        self.sites = SiteBoilerplate()

    def run(self, docs: list[Doc]) -> Iterator[Doc]:
        for doc in docs:
            page = doc.page
            if page is not None and "html" not in page.content_type:
                # A page that cannot be decoded is reported by the extract step.
                with contextlib.suppress(SujetError):
                    self.sites.add(page.site or "", decode(page.content)[0])
        for doc in docs:
            doc.site_lines = self.sites.lines_for(doc.page.site or "") if doc.page else None
            yield doc


class ExtractStep(Step):
    """Page to article (text, title, date, language, dateline...) on the run's executor; a page
    it rejects is remembered in the store, so a later run skips it."""

    name = "extract"

    def __init__(self, run: Run, extract: ExtractFn, *, remember: bool = True) -> None:
        super().__init__(run)
        self.extract = extract
        self.remember = remember
        settings = run.settings
        self.caps = markup_caps(settings)

    def job(self, doc: Doc) -> ExtractJob:
        assert doc.page is not None
        settings = self.run_of.settings
        return ExtractJob(page=doc.page, site_lines=doc.site_lines,
                          reference_year=settings.extract.reference_year,
                          min_text_chars=settings.extract.min_text_chars,
                          timeout_s=settings.limits.document_seconds, caps=self.caps)

    def run(self, docs: list[Doc]) -> Iterator[Doc]:
        report, store = self.run_of.report, self.run_of.store
        outs = self.map(self.extract, [self.job(d) for d in docs])
        now = datetime.now(UTC).isoformat(timespec="seconds")
        refused: list[RejectedDocument] = []
        seen_ids: set[str] = set()
        for doc, out in zip(docs, outs, strict=True):
            if isinstance(out, ExtractFailure):
                self.reject(out.source, out.code, out.reason)
                refused.append(RejectedDocument(doc.key, out.source, "extract", out.code,
                                                out.reason, now))
            elif out.id in seen_ids:  # the same page twice in one chunk
                report.already_stored += 1
                self.skip("already_stored")
            else:
                seen_ids.add(out.id)
                doc.article = out
                yield doc
        if not self.remember:
            return
        if refused:
            store.remember_rejects(refused)
        # tried again on purpose and not refused this time
        retried = {d.key for d in docs if d.retried} - {r.key for r in refused}
        if retried:
            store.forget_rejects(sorted(retried))


class Deduplicator:
    """Marks exact (same normalised text) and near (MinHash) duplicates of earlier articles."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.settings = settings.dedup
        self.store = store
        self.index = store_index(store, self.settings)
        self._hashes: dict[str, str] = {}

    def mark(self, article: Article, report: IngestReport) -> bytes:
        """Set ``duplicate_of`` when the article repeats an earlier one; return its signature."""
        sig = signature(
            article.text, num_perm=self.settings.num_perm, shingle_words=self.settings.shingle_words
        )
        original = self._hashes.get(article.content_hash) or self.store.find_by_hash(
            article.content_hash
        )
        if original and original != article.id:
            article.duplicate_of = original
            article.metadata["duplicate"] = {"kind": "exact"}
            report.exact_duplicates += 1
        else:
            hit = self.index.query(sig)
            if hit and hit[0] != article.id:
                article.duplicate_of = hit[0]
                article.metadata["duplicate"] = {"kind": "near", "jaccard": round(hit[1], 3)}
                report.near_duplicates += 1
        if article.duplicate_of is None:
            self._hashes.setdefault(article.content_hash, article.id)
            self.index.add(article.id, sig)
        return to_bytes(sig)


class DedupStep(Step):
    """Marks exact and near duplicates of earlier articles (kept, with ``duplicate_of``)."""

    name = "dedup"

    def __init__(self, run: Run) -> None:
        super().__init__(run)
        self.dedup = Deduplicator(run.store, run.settings)

    def process(self, doc: Doc) -> Doc | None:
        assert doc.article is not None
        doc.signature = self.dedup.mark(doc.article, self.run_of.report)
        return doc


class StoreStep(Step):
    """Writes the chunk's signatures and articles in one transaction. With enrichment to
    follow, each is stored ``enriched: False`` until the mark step says how it went."""

    name = "store"

    def __init__(self, run: Run, *, enriched_later: bool) -> None:
        super().__init__(run)
        self.enriched_later = enriched_later

    def run(self, docs: list[Doc]) -> Iterator[Doc]:
        articles = [d.article for d in docs if d.article is not None]
        if not articles:
            return
        if self.enriched_later:
            for a in articles:
                a.metadata["enriched"] = False
        store, report = self.run_of.store, self.run_of.report
        store.add_signatures([(d.article.id, d.signature) for d in docs
                              if d.article is not None and d.signature is not None])
        report.added += store.add_articles(articles)
        report.article_ids.extend(a.id for a in articles)
        yield from docs
