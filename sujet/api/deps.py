"""Dependencies declared once: the store, the settings, the write token, pagination."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Header, Query, Request

from sujet.api.caching import TTLCache
from sujet.api.errors import TOKEN_MISSING, WRITES_DISABLED, ApiError, Moved
from sujet.api.guards import TOO_MANY_TOKENS, TokenThrottle
from sujet.config import Settings
from sujet.errors import NotFound
from sujet.model import Entity
from sujet.store.base import ArticleQuery, Store
from sujet.store.date_filters import check_range, parse_optional
from sujet.topics.scheme import TOPIC_HELP, check_topic

MAX_LIMIT = 200

WRITES_DISABLED_MESSAGE = (
    "write endpoints are disabled because no token is configured; set serve.token in sujet.toml "
    "or the environment variable SUJET_SERVE__TOKEN, then send it as 'Authorization: Bearer <token>'"
)


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@dataclass(slots=True)
class Caches:
    """Per-application caches; every write made through the API clears them."""

    # Entities named on event cards and in dossiers (a name a few seconds old is fine there).
    entities: TTLCache[Entity | None] = field(default_factory=lambda: TTLCache(30.0, 5000))

    def clear(self) -> None:
        self.entities.clear()


def get_caches(request: Request) -> Caches:
    caches: Caches = request.app.state.caches
    return caches


StoreDep = Annotated[Store, Depends(get_store)]
CachesDep = Annotated[Caches, Depends(get_caches)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def live_id(request: Request, kind: str, param: str, wanted: str,
            resolve: Callable[[str], str | None]) -> str:
    """``wanted`` when it names a stored record; raises Moved (to the same route with the
    survivor's id, query string kept) for an id merged into another, NotFound for an unknown
    one. ``param`` is the path parameter holding the id."""
    found = resolve(wanted)
    if found is None:
        raise NotFound(f"no {kind} with id {wanted}")
    if found != wanted:
        params = {name: quote(str(value), safe="")
                  for name, value in {**request.path_params, param: found}.items()}
        url = request.url_for(request.scope["route"].name, **params)
        raise Moved(str(url.replace(query=request.url.query)))
    return found


def live_event_id(event_id: str, request: Request, store: StoreDep) -> str:
    return live_id(request, "event", "event_id", event_id, store.resolve_event_id)


def live_storyline_id(storyline_id: str, request: Request, store: StoreDep) -> str:
    return live_id(request, "storyline", "storyline_id", storyline_id,
                   store.resolve_storyline_id)


# The id of a stored event or storyline, from the path parameter ``event_id`` or
# ``storyline_id`` of a route.
LiveEventId = Annotated[str, Depends(live_event_id)]
LiveStorylineId = Annotated[str, Depends(live_storyline_id)]


def token_from(authorization: str | None, x_sujet_token: str | None) -> str | None:
    """The token a client sent: ``Authorization: Bearer …`` or ``X-Sujet-Token``."""
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    return x_sujet_token.strip() if x_sujet_token else None


def check_token(settings: Settings, supplied: str | None, request: Request | None = None) -> None:
    """Raises 403 when writes are off (no token configured), 401 when the token is wrong, 429
    when this client sent too many wrong tokens lately (``serve.token_failures`` in
    ``serve.token_window_s``)."""
    expected = settings.serve.token
    if not expected:
        raise ApiError(403, WRITES_DISABLED, WRITES_DISABLED_MESSAGE)
    throttle: TokenThrottle | None = (
        getattr(request.app.state, "token_throttle", None) if request is not None else None)
    client = request.client.host if request is not None and request.client else "?"
    if throttle is not None and (wait := throttle.retry_after(client)):
        raise ApiError(429, TOO_MANY_TOKENS,
                       f"too many wrong tokens from this client; try again in {wait} s",
                       headers={"Retry-After": str(wait)})
    if not supplied or not hmac.compare_digest(supplied.encode(), expected.encode()):
        if supplied and throttle is not None:
            throttle.failed(client)
        raise ApiError(401, TOKEN_MISSING, "a valid token is required for this endpoint",
                       headers={"WWW-Authenticate": "Bearer"})


def require_token(
    request: Request,
    settings: SettingsDep,
    authorization: Annotated[str | None, Header()] = None,
    x_sujet_token: Annotated[str | None, Header()] = None,
) -> None:
    check_token(settings, token_from(authorization, x_sujet_token), request)


WriteAccess = Depends(require_token)


@dataclass(slots=True, frozen=True)
class Paging:
    limit: int
    offset: int


def get_paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit, offset)


PagingDep = Annotated[Paging, Depends(get_paging)]


DATE_HELP = ("YYYY, YYYY-MM or YYYY-MM-DD (inclusive), today, yesterday, or a span back from "
             "today: 7d, 2w, 3m, 1y; anything else is refused with 422 and code E108")


def _date_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Both ends parsed strictly (BadDate, E108, answered with 422)."""
    parsed = parse_optional(date_from), parse_optional(date_to)
    check_range(*parsed)
    return parsed


@dataclass(slots=True, frozen=True)
class ArticleFilters:
    """Filters accepted by every list of articles (and by search and exports)."""

    language: str | None
    source: str | None
    date_from: str | None
    date_to: str | None
    entity: str | None
    event: str | None
    include_duplicates: bool
    topic: str | None = None

    def query(self, limit: int = 50, offset: int = 0) -> ArticleQuery:
        return ArticleQuery(language=self.language, source=self.source, date_from=self.date_from,
                            date_to=self.date_to, entity_id=self.entity, event_id=self.event,
                            topic=self.topic, include_duplicates=self.include_duplicates,
                            limit=limit, offset=offset)

    def any(self) -> bool:
        return any((self.language, self.source, self.date_from, self.date_to, self.entity,
                    self.event, self.topic)) or not self.include_duplicates


def get_article_filters(
    language: Annotated[str | None, Query(max_length=8, description="ISO 639-1 code")] = None,
    source: Annotated[str | None, Query(max_length=500, description="substring of source/site")] = None,
    date_from: Annotated[str | None, Query(max_length=20, description=DATE_HELP)] = None,
    date_to: Annotated[str | None, Query(max_length=20, description=DATE_HELP)] = None,
    entity: Annotated[str | None, Query(max_length=64, description="entity id")] = None,
    event: Annotated[str | None, Query(max_length=64, description="event id")] = None,
    include_duplicates: Annotated[bool, Query(description="include duplicates of other articles")] = True,
    topic: Annotated[str | None, Query(max_length=16, description=TOPIC_HELP)] = None,
) -> ArticleFilters:
    dfrom, dto = _date_range(date_from, date_to)
    return ArticleFilters(language or None, source or None, dfrom, dto,
                          entity or None, event or None, include_duplicates,
                          check_topic(topic))


ArticleFiltersDep = Annotated[ArticleFilters, Depends(get_article_filters)]


@dataclass(slots=True, frozen=True)
class EventFilters:
    language: str | None
    date_from: str | None
    date_to: str | None
    entity: str | None


def get_event_filters(
    language: Annotated[str | None, Query(max_length=8)] = None,
    date_from: Annotated[str | None, Query(max_length=20, description=DATE_HELP)] = None,
    date_to: Annotated[str | None, Query(max_length=20, description=DATE_HELP)] = None,
    entity: Annotated[str | None, Query(max_length=64, description="entity id")] = None,
) -> EventFilters:
    dfrom, dto = _date_range(date_from, date_to)
    return EventFilters(language or None, dfrom, dto, entity or None)


EventFiltersDep = Annotated[EventFilters, Depends(get_event_filters)]
