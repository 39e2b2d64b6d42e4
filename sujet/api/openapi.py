"""The OpenAPI document as the server really behaves: the bearer scheme on every write endpoint,
and the error body (``{"error": {"code", "message"}}``) for the statuses each route can answer.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

SCHEME = "bearerAuth"
ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "required": ["error"],
    "properties": {"error": {
        "type": "object",
        "required": ["code", "message"],
        "properties": {
            "code": {"type": "string", "description": "stable error code", "example": "E404"},
            "message": {"type": "string", "description": "one line for people"},
        },
    }},
}
_ERROR_REF = {"$ref": "#/components/schemas/Error"}
_ALWAYS = {
    "400": "Host not allowed (E400) or bad input (E1xx)",
    "422": "A parameter or the body does not validate (E422), or a date filter is not a date "
           "(E108)",
}
_WRITE = {
    "401": "No token or a wrong one (E401)",
    "403": "Writes are off: no token is configured (E403)",
    "413": "Body larger than serve.max_request_bytes (E413)",
    "429": "Too many wrong tokens from this client (E429); see Retry-After",
}
_BY_PATH = {"404": "No such record (E404)"}


def _is_write(operation: dict[str, Any]) -> bool:
    """Write endpoints take the token (``require_token``): its Authorization header parameter
    marks them in the generated document."""
    return any(p.get("in") == "header" and p.get("name", "").lower() == "authorization"
               for p in operation.get("parameters", []))


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ERROR_REF}}}


def describe(app: FastAPI) -> dict[str, Any]:
    """The document for ``app`` (built once, then cached on it)."""
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, description=app.description,
                      routes=app.routes)
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas["Error"] = ERROR_SCHEMA
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    components["securitySchemes"] = {SCHEME: {
        "type": "http", "scheme": "bearer",
        "description": "the token set as serve.token (SUJET_SERVE__TOKEN); also accepted in "
                       "the X-Sujet-Token header"}}
    for path, item in doc.get("paths", {}).items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            errors = dict(_ALWAYS)
            if "{" in path or method == "delete" or path.endswith("/poll"):
                errors.update(_BY_PATH)
            if _is_write(operation):
                operation["security"] = [{SCHEME: []}]
                operation["parameters"] = [
                    p for p in operation["parameters"]
                    if not (p.get("in") == "header" and p.get("name", "").lower() == "authorization")]
                errors.update(_WRITE)
            for status, description in errors.items():
                responses[status] = _error(description)
    app.openapi_schema = doc
    return doc


def install_openapi(app: FastAPI) -> None:
    app.openapi = lambda: describe(app)  # type: ignore[method-assign]
