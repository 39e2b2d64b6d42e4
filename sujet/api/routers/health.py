"""Health: is the store reachable, which schema version, how many records."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from sujet import __version__
from sujet.api.deps import SettingsDep, StoreDep
from sujet.api.schemas import HealthPublic
from sujet.store.base import Store

router = APIRouter(tags=["health"])


def backend_name(store: Store) -> str:
    """"sqlite", "postgresql", ...: the URL's scheme only, never credentials."""
    url = str(getattr(store, "url", "") or "")
    return url.split(":", 1)[0].split("+", 1)[0] or type(store).__name__


@router.get("/health", response_model=HealthPublic,
            responses={503: {"model": HealthPublic, "description": "store unreachable"}})
def health(store: StoreDep, settings: SettingsDep) -> HealthPublic | JSONResponse:
    writes = bool(settings.serve.token)
    try:
        version = store.schema_version()
        counts = {"articles": store.count_articles(), "events": store.count_events(),
                  "storylines": store.count_storylines(), "entities": store.count_entities(),
                  "sources": len(store.list_sources())}
    except Exception as err:  # noqa: BLE001 - health reports any failure instead of raising
        down = HealthPublic(status="unavailable", version=__version__, store=backend_name(store),
                            schema_version=None, counts={}, writes_enabled=writes,
                            error=f"{type(err).__name__}: {str(err)[:200]}")
        return JSONResponse(down.model_dump(), status_code=503)
    return HealthPublic(status="ok", version=__version__, store=backend_name(store),
                        schema_version=version, counts=counts, writes_enabled=writes)
