"""The Python API, mirroring the CLI: ``sujet.analyze(...)`` and ``sujet.open(db_url)``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sujet.config import Settings, get_settings
from sujet.errors import NotFound, SujetError
from sujet.extract.document import Kind
from sujet.model import Article, Page
from sujet.store import open_store
from sujet.store.base import ArticleQuery, SearchHit, Store

_CONTENT_TYPES: dict[str, str] = {"html": "text/html", "text": "text/plain", "auto": ""}


def analyze(
    text_or_html: str | bytes,
    *,
    kind: Kind = "auto",
    url: str | None = None,
    source: str = "<input>",
    settings: Settings | None = None,
) -> Article:
    """One page to one clean article with its metadata; nothing is stored.

    The page goes through the ingest's own steps (read, boilerplate, extract, dedup) into an
    in-memory store, so it gets the id and content hash ``sujet ingest`` gives the same page.
    Any text is shown, however short (the ingest's minimum is for what it stores). A page the
    extraction refuses raises the coded error of the refusal.
    """
    from sujet.pipeline.articles import extract_page
    from sujet.pipeline.executor import LocalExecutor
    from sujet.pipeline.ingest_steps import BoilerplateStep, DedupStep, ExtractStep, ReadStep
    from sujet.pipeline.report import IngestReport
    from sujet.pipeline.steps import Run, run_steps

    base = settings or Settings()
    lenient = base.model_copy(update={"extract": base.extract.model_copy(
        update={"min_text_chars": 0})})
    page = Page(source=source, content=text_or_html, content_type=_CONTENT_TYPES[kind], url=url)
    store = open_store("sqlite://")
    try:
        run = Run(store, lenient, IngestReport(), LocalExecutor())
        steps = [ReadStep(run), BoilerplateStep(run),
                 ExtractStep(run, extract_page, remember=False), DedupStep(run)]
        docs = list(run_steps([page], steps, 1))
    finally:
        store.close()
    if docs and docs[0].article is not None:
        return docs[0].article
    reject = run.report.rejects[0]
    raise _error_class(reject.code)(reject.reason, source=source)


def _error_class(code: str, root: type[SujetError] = SujetError) -> type[SujetError]:
    """The error class of a stable code (the root class when none has it)."""
    for sub in root.__subclasses__():
        if sub.code == code:
            return sub
        found = _error_class(code, sub)
        if found.code == code:
            return found
    return root


class Sujet:
    """A store with the operations of the CLI."""

    def __init__(self, db_url: str | None = None, settings: Settings | None = None) -> None:
        base = settings or get_settings()
        self.settings = base if db_url is None else base.model_copy(update={"db": db_url})
        self.store: Store = open_store(self.settings.db)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Sujet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, inputs: Sequence[str | Path], *, progress: bool = False) -> dict[str, Any]:
        from sujet.pipeline.ingest import run_ingest

        report = run_ingest([str(i) for i in inputs], self.store, self.settings, progress=progress)
        return report.as_dict()

    def articles(self, **filters: Any) -> list[Article]:
        return self.store.list_articles(ArticleQuery(**filters))

    def article(self, article_id: str) -> Article:
        found = self.store.get_article(article_id)
        if found is None:
            raise NotFound(f"no article {article_id}")
        return found

    def search(self, query: str, **filters: Any) -> list[SearchHit]:
        from sujet.pipeline.search import search_articles

        return search_articles(self.store, query, ArticleQuery(**filters))


def open(db_url: str | None = None, settings: Settings | None = None) -> Sujet:  # noqa: A001
    """Open a store (``sqlite:///file.sqlite`` by default, or ``postgresql://...``)."""
    return Sujet(db_url, settings)


__all__ = ["Sujet", "analyze", "open"]
