"""One typed settings object for the whole system.

Values come, in rising priority, from defaults, a TOML file (``SUJET_CONFIG`` or ``sujet.toml`` in
the working directory), environment variables ``SUJET_*`` (nested with ``__``), and flags: the
keyword arguments of ``Settings(...)``, or :func:`with_flags` over settings already loaded (the
CLI's options). Layers merge key by key, so ``[fetch] timeout_s = 5`` in the file and
``SUJET_FETCH__RETRIES=7`` in the environment give both.

Only entry points (the CLI, the API's app factory) call :func:`get_settings`; components take
their settings (or their section) in their constructor.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from sujet.errors import InputError


class FetchSettings(BaseModel):
    user_agent: str = "Sujet/0.1 (+https://github.com/sujet-news/sujet; news monitoring)"
    timeout_s: float = 15.0
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 2
    backoff_s: float = 0.5
    respect_robots: bool = True
    host_delay_s: float = 1.0  # politeness: least time between two requests to one host
    allow_private: bool = False  # loopback / private / link-local addresses refused unless True


class IngestSettings(BaseModel):
    max_bytes: int = 20 * 1024 * 1024  # larger files are refused with TooLarge (E103)
    batch_size: int = 200  # articles per store transaction


class LimitSettings(BaseModel):
    """Bounds on one document, checked before the work they protect (docs/benchmarks/limits.md)."""

    # Wall time of one document's extraction, and of its entity analysis, in a worker process
    # that is killed and replaced when it overruns (E601). The slowest of the 440 development
    # pages (extraction/) extracts in 3.3 s and the slowest of the 20 longest development texts
    # (textdump/, up to 73 kB) is analysed in 4.6 s, on a busy shared core
    # (docs/benchmarks/limits.md): 30 s is six times that, and a hostile page still costs
    # well under a minute.
    document_seconds: float = 30.0
    # Memory one document may add to its worker process (E602): the address space is capped at
    # the worker's size when the document comes in plus this, and its resident size is watched
    # as well. Over the same pages the extraction worker grows by at most 93 MB (119 to 212 MB)
    # and the entity worker by 63 MB (281 to 344 MB): 512 MB is five times the larger.
    document_memory_mb: int = 512
    # Decompressed bytes of one gzip member (E103) of a JSON Lines file or a WARC (a .gz page is
    # capped by ingest.max_bytes, as is each WARC record's payload and JSON Lines record).
    # Crawl WARCs compress each record alone (a few MB at most) and whole-file compressed
    # archives of a few hundred MB stay under this; a bomb (10 GB of zeros in 10 MB) is refused
    # after 1 GB of output (about 2 s) rather than read through.
    gzip_member_bytes: int = 1024 * 1024 * 1024
    # New items taken from one feed in one run, in feed order; the rest come on the next poll
    # (items already stored or rejected are not counted). The feeds of the example corpus carry
    # a few items; 500 takes a busy feed whole and holds a 100,000-item feed to about 4 CPU
    # seconds a run (docs/benchmarks/limits.md).
    feed_items_per_run: int = 500
    # HTML structure checked by a pre-scan before parsing (E110). The 440 development pages
    # (extraction/, up to 1.5 MB each) reach at most 5,142 elements, 54 attributes on one
    # element and a nesting depth of 35 (counting elements that need an end tag); 256 is also
    # the depth libxml2 accepts without its huge-tree option.
    html_elements: int = 100_000
    html_attributes: int = 256
    html_depth: int = 256
    # Characters of a page's text: a plain-text page longer than this is refused before
    # extraction, an HTML page whose text (white space aside) outside scripts and styles is,
    # before parsing, and an extracted article before entities and events (E110). The longest
    # development text (textdump/) has 72,527 bytes, and no development page more than 86,000
    # characters of text outside its tags; book-length texts are not news.
    text_chars: int = 300_000


class ExtractSettings(BaseModel):
    min_text_chars: int = 80  # shorter bodies are "no article text" (E107)
    reference_year: int | None = None  # fallback year for datelines without one


class DedupSettings(BaseModel):
    num_perm: int = 128
    # Estimated Jaccard of 5-word shingles at or above which two texts are near duplicates.
    # A rewrite that changes one sentence of a 150-word article scores about 0.7; independent
    # reports of the same event score below 0.1 (sample corpus), so 0.6 separates them widely.
    threshold: float = 0.6
    shingle_words: int = 5


class EntitySettings(BaseModel):
    enabled: bool = True


class TopicSettings(BaseModel):
    enabled: bool = True  # a topic on every article at enrichment (sujet.topics)


class StorySettings(BaseModel):
    enabled: bool = True
    # The longest span of one event: two reports further apart are never compared, and an
    # event's day-precise dates never spread wider. Reports of one happening (a meeting, a
    # signing, a statement) follow it within days: in the sample pages and the project's corpus
    # every event's reports lie within two days of each other, and the next meeting of the same
    # group comes months later. A week leaves room for late reports and weekly papers; what
    # continues past it is the next event of the same storyline.
    event_window_days: int = 7
    storyline_window_days: int = 730
    preferred_language: str = "en"
    # "e5": the same-event decision reads multilingual-e5 vectors of title and lead (dev
    # grouped CV: SemEval Pearson 0.76, tg F1 0.88; about 0.2 s of one core per article).
    # "static": distilled USE vectors only (0.69, 0.84), several times faster, for large volumes.
    encoder: Literal["e5", "static"] = "e5"
    # A pair model file written by scripts/train_pairs.py, instead of the shipped one of the
    # encoder mode (its features say which vectors it needs).
    pair_model: str | None = None


class MonitorSettings(BaseModel):
    """The monitor (``sujet monitor``): how sources are polled (docs/benchmarks/monitor.md)."""

    # Sources fetched at once: one slow source never stalls the others, and a worker waiting
    # for a host's politeness delay does not hold up the other hosts.
    workers: int = 16
    tick_s: float = 1.0  # how often the scheduler looks for due sources
    backoff_max_minutes: int = 6 * 60  # cap of the doubled wait after consecutive errors
    follow_links: bool = True  # a feed item's link is fetched for the full article
    links_per_poll: int = 100  # new pages taken from one source per poll; the rest next time
    seen_per_source: int = 5000  # item keys remembered per source (newest kept)
    folder_settle_s: float = 2.0  # a dropped file is read once unchanged for this long


class ServeSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None  # write endpoints need it; no default on purpose
    # A token shorter than this is refused at start: a short one is guessed by trying.
    min_token_chars: int = 16
    # Wrong tokens one client may send in ``token_window_s`` before its writes get 429.
    token_failures: int = 5
    token_window_s: float = 60.0
    # Host names (and host:port) the server answers besides the loopback names (localhost,
    # 127.0.0.1, ::1) and serve.host; any other Host header gets 400, so a page on another name
    # resolving to this machine (DNS rebinding) cannot read the store. "*" allows every name.
    allowed_hosts: list[str] = Field(default_factory=list)
    cors_origins: list[str] = Field(default_factory=list)
    max_request_bytes: int = 10 * 1024 * 1024


class AlertSettings(BaseModel):
    """Watchlist alerts (sujet.alerts): how they are evaluated and delivered."""

    batch_size: int = 200  # articles evaluated per transaction (alerts and watermarks together)
    smtp_host: str | None = None  # e-mail alerts need it
    smtp_port: int = 25
    smtp_from: str = "sujet@localhost"
    webhook_secret: str | None = None  # HMAC-SHA256 key of the X-Sujet-Signature header
    timeout_s: float = 10.0  # one webhook POST or SMTP conversation
    retries: int = 3  # attempts after the first, before an alert is marked undelivered
    backoff_s: float = 1.0  # wait before retry n is backoff_s * 2**(n-1)
    feed_items: int = 50  # newest alerts in a watchlist's RSS/Atom feed


class Settings(BaseSettings):
    """Everything tunable in one place."""

    model_config = SettingsConfigDict(env_prefix="SUJET_", env_nested_delimiter="__", extra="ignore")

    db: str = "sqlite:///sujet.sqlite"
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    extract: ExtractSettings = Field(default_factory=ExtractSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    dedup: DedupSettings = Field(default_factory=DedupSettings)
    entities: EntitySettings = Field(default_factory=EntitySettings)
    stories: StorySettings = Field(default_factory=StorySettings)
    topics: TopicSettings = Field(default_factory=TopicSettings)
    serve: ServeSettings = Field(default_factory=ServeSettings)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    monitor: MonitorSettings = Field(default_factory=MonitorSettings)
    executor: Literal["local", "dask"] = "local"  # where pipeline steps run
    dask_address: str | None = None  # scheduler address (tcp://HOST:PORT); None starts a local cluster
    dask_workers: int | None = None  # workers of that local cluster; None: one per core


    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Highest first; pydantic-settings merges them key by key.
        return init_settings, env_settings, _FileSource(settings_cls)


def config_path() -> Path:
    """The settings file: ``SUJET_CONFIG``, else ``sujet.toml`` in the working directory."""
    return Path(os.environ.get("SUJET_CONFIG", "sujet.toml"))


def _file_values() -> dict[str, Any]:
    path = config_path()
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"not a TOML settings file: {err}", source=str(path)) from None


class _FileSource(PydanticBaseSettingsSource):
    """The TOML file's values, under the environment's."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return _file_values().get(field_name), field_name, False  # unused: __call__ reads all

    def __call__(self) -> dict[str, Any]:
        return _file_values()


def deep_merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``over`` on top, tables merged key by key rather than replaced."""
    out = dict(base)
    for key, value in over.items():
        below = out.get(key)
        if isinstance(value, Mapping) and isinstance(below, Mapping):
            out[key] = deep_merge(below, value)
        else:
            out[key] = value
    return out


def with_flags(settings: Settings, flags: Mapping[str, Any]) -> Settings:
    """``settings`` with ``flags`` (nested like the settings: ``{"fetch": {"retries": 3}}``) on
    top, validated; sections keep the values the flags do not name."""
    if not flags:
        return settings
    return Settings.model_validate(deep_merge(settings.model_dump(), flags))


def default_settings() -> Settings:
    """The defaults alone, neither file nor environment: what a component given no settings
    uses (entry points load the layered settings and pass them down)."""
    return Settings.model_construct()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings: defaults < file < environment (entry points only)."""
    return Settings()
