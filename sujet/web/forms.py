"""Writing pages of the UI: "Add news" and "Sources". Both need the token, typed into the form.

The forms work without JavaScript; the token field doubles as protection against cross-site
form posts, since another site cannot know it.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from sujet.api import ingest_service as svc
from sujet.api.deps import CachesDep, SettingsDep, StoreDep, check_token
from sujet.api.errors import ApiError, status_of
from sujet.api.routers.ingest import ingest_body
from sujet.api.routers.sources import add_source, source_public
from sujet.api.schemas import IngestCreate, IngestReportPublic, SourceCreate
from sujet.config import Settings
from sujet.errors import SujetError
from sujet.store.base import Store
from sujet.web.templating import render

router = APIRouter(include_in_schema=False)


def _field(form: Any, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _validation_text(err: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors())


def _add_context(settings: Settings, **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"writes_enabled": bool(settings.serve.token), "report": None,
                            "error": None, "values": {}, "added": [], "known": []}
    base.update(extra)
    return base


@router.get("/add", response_class=HTMLResponse, name="add_page")
def add_page(request: Request, settings: SettingsDep) -> Response:
    return render(request, "add.html", _add_context(settings))


async def _run_add(form: Any, store: Store, settings: Settings) -> IngestReportPublic:
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read()
        return await asyncio.to_thread(svc.ingest_upload, upload.filename, data,
                                       upload.content_type, store, settings)
    body = IngestCreate.model_validate({
        k: v for k in ("url", "html", "text", "source") if (v := _field(form, k))})
    return await asyncio.to_thread(ingest_body, body, store, settings)


@router.post("/add", response_class=HTMLResponse, name="add_submit")
async def add_submit(request: Request, store: StoreDep, settings: SettingsDep,
                     caches: CachesDep) -> Response:
    form = await request.form(max_part_size=settings.serve.max_request_bytes)
    values = {k: _field(form, k) for k in ("url", "html", "text", "source")}
    # The token stays in its field when the page comes back with an error, so that fixing the
    # input does not mean typing it again (the page is only ever sent to the one who typed it).
    values["token"] = _field(form, "token")
    try:
        check_token(settings, values["token"] or None, request)
        try:
            report = await _run_add(form, store, settings)
        finally:
            caches.clear()
    except ApiError as err:
        return render(request, "add.html", _add_context(
            settings, error=f"{err.message} [{err.code}]", values=values), status=err.status)
    except ValidationError as err:
        return render(request, "add.html", _add_context(
            settings, error=_validation_text(err), values=values), status=422)
    except SujetError as err:
        return render(request, "add.html", _add_context(
            settings, error=f"{err.message} [{err.code}]", values=values),
            status=status_of(err))
    added = store.get_articles(report.article_ids)
    known = store.get_articles(report.already_stored_ids)
    return render(request, "add.html", _add_context(settings, report=report, added=added,
                                                    known=known))


def _sources_context(store: Store, settings: Settings, **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "sources": [source_public(s) for s in store.list_sources()],
        "runs": store.list_runs(limit=10), "writes_enabled": bool(settings.serve.token),
        "error": None, "message": None, "values": {}}
    base.update(extra)
    return base


@router.get("/sources", response_class=HTMLResponse, name="sources_page")
def sources_page(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    return render(request, "sources.html", _sources_context(store, settings))


@router.post("/sources", response_class=HTMLResponse, name="sources_submit")
async def sources_submit(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    form = await request.form()
    values = {k: _field(form, k) for k in ("url", "kind", "interval_minutes", "name")}
    try:
        check_token(settings, _field(form, "token") or None, request)
        body = SourceCreate.model_validate({
            "url": values["url"], "kind": values["kind"] or "feed",
            "interval_minutes": values["interval_minutes"] or 60,
            "name": values["name"] or None})
        source = add_source(store, body, allow_private=settings.fetch.allow_private)
    except ApiError as err:
        return render(request, "sources.html", _sources_context(
            store, settings, error=f"{err.message} [{err.code}]", values=values),
            status=err.status)
    except SujetError as err:
        return render(request, "sources.html", _sources_context(
            store, settings, error=str(err), values=values), status=status_of(err))
    except ValidationError as err:
        return render(request, "sources.html", _sources_context(
            store, settings, error=_validation_text(err), values=values), status=422)
    return render(request, "sources.html", _sources_context(
        store, settings, message=f"Added {source.url}; it will be polled every "
                                 f"{source.interval_minutes} minutes."))


@router.post("/sources/delete", response_class=HTMLResponse, name="sources_delete")
async def sources_delete(request: Request, store: StoreDep, settings: SettingsDep,
                         caches: CachesDep) -> Response:
    """Removes one feed (chosen in the form); the articles taken from it stay."""
    form = await request.form()
    url = _field(form, "url")
    try:
        check_token(settings, _field(form, "remove_token") or None, request)
    except ApiError as err:
        return render(request, "sources.html", _sources_context(
            store, settings, error=f"{err.message} [{err.code}]"), status=err.status)
    if not url or not store.delete_source(url):
        return render(request, "sources.html", _sources_context(
            store, settings, error=f"No feed with URL {url or '(none given)'}."), status=404)
    caches.clear()
    return render(request, "sources.html", _sources_context(
        store, settings, message=f"Removed {url}; its articles stay in the store."))
