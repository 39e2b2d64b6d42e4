"""The Python API, mirroring the CLI: ``sujet.analyze(...)`` and ``sujet.open(db_url)``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sujet.config import Settings, get_settings
from sujet.dedup import content_hash
from sujet.errors import NotFound
from sujet.extract.document import Kind, extract_document
from sujet.model import Article, stable_id
from sujet.store import open_store
from sujet.store.base import ArticleQuery, SearchHit, Store


def analyze(
    text_or_html: str | bytes,
    *,
    kind: Kind = "auto",
    url: str | None = None,
    source: str = "<input>",
) -> Article:
    """One page to one clean article with its metadata; nothing is stored."""
    ex = extract_document(text_or_html, kind=kind, url=url, source=source)
    raw = text_or_html if isinstance(text_or_html, bytes) else text_or_html.encode("utf-8")
    return Article(
        id=stable_id(url or "", content_hash(raw.decode("utf-8", "replace"))),
        source=source,
        url=url,
        title=ex.title,
        text=ex.text,
        date=ex.date,
        date_precision=ex.date_precision,
        date_source=ex.date_source,
        language=ex.language,
        dateline=ex.dateline,
        agency=ex.agency,
        author=ex.author,
        site=ex.site,
        content_hash=content_hash(ex.text),
        metadata=ex.metadata,
    )


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
