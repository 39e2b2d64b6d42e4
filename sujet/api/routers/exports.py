"""Exports of articles as JSON lines or CSV, streamed page by page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from sujet.api.deps import ArticleFilters, ArticleFiltersDep, StoreDep
from sujet.model import Article
from sujet.provenance import public_article_dict, public_source
from sujet.store.base import Store

router = APIRouter(prefix="/exports", tags=["exports"])

BATCH = 500
CSV_FIELDS = ["id", "title", "date", "language", "source", "url", "site", "agency", "dateline",
              "author", "duplicate_of", "event_id", "storyline_id", "content_hash", "text"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def iter_filtered(store: Store, filters: ArticleFilters) -> Iterator[Article]:
    """Every article matching the filters, without holding them all in memory."""
    if not filters.any():
        yield from store.iter_articles(batch=BATCH)
        return
    offset = 0
    while True:
        page = store.list_articles(filters.query(BATCH, offset))
        yield from page
        if len(page) < BATCH:
            return
        offset += BATCH


def jsonl_lines(articles: Iterator[Article]) -> Iterator[bytes]:
    for article in articles:
        yield (json.dumps(public_article_dict(article), ensure_ascii=False) + "\n").encode("utf-8")


def defuse(value: object) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_lines(articles: Iterator[Article], safe: bool) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_FIELDS)
    for article in articles:
        row = [public_source(article.source) if name == "source" else getattr(article, name)
               for name in CSV_FIELDS]
        writer.writerow([defuse(v) for v in row] if safe else ["" if v is None else v for v in row])
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/articles.jsonl", response_class=StreamingResponse)
def export_jsonl(store: StoreDep, filters: ArticleFiltersDep) -> StreamingResponse:
    """All matching articles, one JSON object per line."""
    return StreamingResponse(jsonl_lines(iter_filtered(store, filters)),
                             media_type="application/x-ndjson",
                             headers=_attachment("articles.jsonl"))


@router.get("/articles.csv", response_class=StreamingResponse)
def export_csv(
    store: StoreDep, filters: ArticleFiltersDep,
    safe: Annotated[bool, Query(description="prefix cells that look like formulas with '")] = True,
) -> StreamingResponse:
    """All matching articles as CSV (UTF-8, header row)."""
    return StreamingResponse(csv_lines(iter_filtered(store, filters), safe),
                             media_type="text/csv; charset=utf-8",
                             headers=_attachment("articles.csv"))
