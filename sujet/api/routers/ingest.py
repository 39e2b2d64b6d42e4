"""Ingest: a URL, a feed, pasted HTML or text, or an uploaded file, through the pipeline."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from sujet.api import ingest_service as svc
from sujet.api.deps import CachesDep, SettingsDep, StoreDep, WriteAccess
from sujet.api.errors import VALIDATION, ApiError
from sujet.api.schemas import IngestCreate, IngestReportPublic
from sujet.config import Settings
from sujet.store.base import Store

router = APIRouter(prefix="/ingest", tags=["ingest"], dependencies=[WriteAccess])


def ingest_body(body: IngestCreate, store: Store, settings: Settings) -> IngestReportPublic:
    try:
        kind = body.kind()
    except ValueError as err:
        raise ApiError(422, VALIDATION, str(err)) from err
    if kind == "url":
        return svc.ingest_url(str(body.url), store, settings)
    if kind == "feed":
        return svc.ingest_feed(str(body.feed), store, settings)
    if kind == "html":
        return svc.ingest_pages([svc.pasted_page(body.html or "", "text/html", body.source)],
                                store, settings)
    return svc.ingest_pages([svc.pasted_page(body.text or "", "text/plain", body.source)],
                            store, settings)


@router.post("", response_model=IngestReportPublic)
async def ingest(body: IngestCreate, store: StoreDep, settings: SettingsDep,
                 caches: CachesDep) -> IngestReportPublic:
    """Runs the pipeline on exactly one of ``url``, ``feed``, ``html`` or ``text``; returns the
    report (seen, added, duplicates, dropped by reason, article ids)."""
    try:
        return await asyncio.to_thread(ingest_body, body, store, settings)
    finally:
        caches.clear()


@router.post("/file", response_model=IngestReportPublic)
async def ingest_file(file: Annotated[UploadFile, File(description="HTML, text, WARC, feed, ...")],
                      store: StoreDep, settings: SettingsDep,
                      caches: CachesDep) -> IngestReportPublic:
    """Runs the pipeline on an uploaded file."""
    data = await file.read()
    try:
        return await asyncio.to_thread(svc.ingest_upload, file.filename or "upload", data,
                                       file.content_type, store, settings)
    finally:
        caches.clear()
