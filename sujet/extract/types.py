"""What an extractor returns for one page, before it becomes an Article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sujet.model import DatePrecision


@dataclass(slots=True)
class Extracted:
    text: str  # the article body, paragraphs separated by blank lines, title not repeated
    title: str | None = None
    date: str | None = None  # ISO, as precise as known
    date_precision: DatePrecision | None = None
    date_source: str | None = None  # a key of pubdate.SOURCE_RANK: "jsonld", "dateline", "page" ...
    author: str | None = None
    site: str | None = None
    dateline: str | None = None  # place of the dateline
    agency: str | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
