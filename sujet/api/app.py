"""The FastAPI application: REST API under /api/v1, the web UI, static files, an offline API
reference at /docs, and the feed poller.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from sujet import __version__
from sujet.api.deps import Caches
from sujet.api.errors import install_error_handlers
from sujet.api.guards import HostAllowList, TokenThrottle, allowed_host_names, check_token_strength
from sujet.api.openapi import install_openapi
from sujet.api.poller import FeedPoller
from sujet.api.routers import (
    articles,
    entities,
    events,
    exports,
    feeds,
    health,
    ingest,
    rankings,
    search,
    sources,
    storylines,
    watchlists,
)
from sujet.api.security import RequestSizeLimit, SecurityHeaders
from sujet.config import Settings, get_settings
from sujet.store.base import Store
from sujet.web import STATIC_DIR

API_PREFIX = "/api/v1"
ROUTERS = (articles, events, storylines, entities, search, sources, ingest, exports, feeds, health,
           rankings, watchlists)


def api_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX)
    for module in ROUTERS:
        router.include_router(module.router)
    return router


def create_app(settings: Settings | None = None, store: Store | None = None, *,
               poll_feeds: bool = True, poll_tick_s: float = 60.0) -> FastAPI:
    """The application on one store (opened from ``settings.db`` when not given).

    ``poll_feeds`` starts the background poller of registered feeds (checked every
    ``poll_tick_s`` seconds). A store opened here is closed on shutdown; a store passed in
    belongs to the caller.
    """
    from sujet.web.pages import install_web  # the pages import the API's pieces

    settings = settings or get_settings()
    check_token_strength(settings.serve)
    owns_store = store is None
    if store is None:
        from sujet.store import open_store

        store = open_store(settings.db)
    caches = Caches()
    poller = FeedPoller(store, settings, tick_s=poll_tick_s, on_change=caches.clear)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if poll_feeds:
            poller.start()
        try:
            yield
        finally:
            await poller.stop()
            if owns_store:
                app.state.store.close()

    app = FastAPI(
        title="Sujet",
        version=__version__,
        description="Multilingual news monitoring: articles, events, storylines, people.",
        docs_url=None,  # the default pages load their scripts from a CDN; see sujet.web.pages
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.poller = poller
    app.state.caches = caches
    app.state.token_throttle = TokenThrottle(settings.serve.token_failures,
                                             settings.serve.token_window_s)
    install_error_handlers(app)
    install_openapi(app)
    app.include_router(api_router())
    install_web(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    if settings.serve.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.serve.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "X-Sujet-Token"])
    app.add_middleware(RequestSizeLimit, max_bytes=settings.serve.max_request_bytes)
    app.add_middleware(HostAllowList, names=allowed_host_names(settings.serve))
    app.add_middleware(SecurityHeaders)
    return app
