"""Ingestion: files, folders, feeds, WARC archives, JSON records and URLs into Pages."""

from sujet.ingest.failures import ReadFailure
from sujet.ingest.readers import iter_pages

__all__ = ["ReadFailure", "iter_pages"]
