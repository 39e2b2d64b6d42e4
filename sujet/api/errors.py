"""JSON errors for the REST API: ``{"error": {"code": "E…", "message": "…"}}`` with a 4xx/5xx status.

Sujet's own errors keep their stable codes; the few conditions that only exist in the API (token,
request size, validation, unknown route) get codes of their own here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from sujet import errors as E

log = logging.getLogger(__name__)

# API-only codes (stable, like those in sujet.errors).
TOKEN_MISSING = "E401"  # no or wrong token on a write endpoint
WRITES_DISABLED = "E403"  # no token configured: write endpoints are off
REQUEST_TOO_LARGE = "E413"  # body above serve.max_request_bytes
VALIDATION = "E422"  # parameters or body do not validate
UNAVAILABLE = "E503"  # a component the request needs is not available
# An unexpected failure: the generic code of every Sujet error (E000), as on the command line;
# E500 is a missing model (sujet.errors.ModelError), answered with 503.
INTERNAL = E.SujetError.code

_HTTP_CODES = {
    400: "E100",
    401: TOKEN_MISSING,
    403: WRITES_DISABLED,
    404: "E404",
    405: "E405",
    413: REQUEST_TOO_LARGE,
    422: VALIDATION,
    500: INTERNAL,
    503: UNAVAILABLE,
}

# Every code the API answers with besides those of sujet.errors (a test checks they do not
# collide with them).
API_CODES = (TOKEN_MISSING, WRITES_DISABLED, "E405", REQUEST_TOO_LARGE, VALIDATION, UNAVAILABLE)


class ApiError(Exception):
    """An error raised by the API layer itself, with its status and stable code."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


class Moved(Exception):
    """Not an error: the record asked for lives on under another id (a merged event or
    storyline), at ``location``. Answered with a permanent redirect (308, which keeps the method)
    on the API and the web UI alike."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


def status_of(err: E.SujetError) -> int:
    """The HTTP status for one of Sujet's errors."""
    if isinstance(err, E.NotFound):
        return 404
    if isinstance(err, E.TooLarge):
        return 413
    if isinstance(err, E.RobotsDisallowed):
        return 403
    if isinstance(err, E.FetchTimeout):
        return 504
    if isinstance(err, E.FetchRefused):
        return 400
    if isinstance(err, E.FetchError):
        return 502
    if isinstance(err, E.InputError):
        return 422 if isinstance(err, (E.NoArticle, E.BadDate)) else 400
    if isinstance(err, (E.StoreError, E.ModelError)):
        return 503
    return 500


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


HtmlErrorRenderer = Callable[[Request, int, str, str], Response]


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None,
                   request: Request | None = None) -> Response:
    """JSON for the API; an HTML page for the web UI's own routes when one is installed."""
    if request is not None and not request.url.path.startswith("/api/"):
        renderer: HtmlErrorRenderer | None = getattr(request.app.state, "html_errors", None)
        if renderer is not None:
            return renderer(request, status, code, message)
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for item in exc.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else str(item.get("msg")))
    return "; ".join(parts) or "invalid request"


async def _on_api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.headers, request)


async def _on_moved(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Moved)
    return RedirectResponse(exc.location, status_code=308)


async def _on_sujet_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, E.SujetError)
    status = status_of(exc)
    if status >= 500:
        log.warning("request %s failed: %s", request.url.path, exc)
    return error_response(status, exc.code, exc.message, request=request)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, f"E{exc.status_code}")
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None), request)


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, VALIDATION, _validation_message(exc), request=request)


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    log.error("unhandled error on %s", request.url.path, exc_info=exc)
    return error_response(500, INTERNAL, "internal error", request=request)


def install_error_handlers(app: FastAPI) -> None:
    """Every error leaves the API as the same JSON shape; a moved record as a redirect."""
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(Moved, _on_moved)
    app.add_exception_handler(E.SujetError, _on_sujet_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)
