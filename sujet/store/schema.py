"""The tables of the store, defined once for SQLite and PostgreSQL (SQLAlchemy Core).

These definitions are the latest schema. Migration 1 creates them; a later change to a table goes
here *and* in a new migration (``sujet.store.migrations``) that alters existing stores.

Ordered lists inside a record (variants, positions, members, ...) live in child tables with an
``ord`` column, so filters can use indexes and order survives the round trip.

The indexes that follow the order of the event, storyline and article lists differ in syntax per
engine; they are created by migration 2 (``sujet.store.migrations._READ_INDEXES``).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

# JSONB on PostgreSQL (compact, comparable), JSON text on SQLite.
Json = JSON().with_variant(JSONB(), "postgresql")
# INTEGER PRIMARY KEY is SQLite's rowid alias; BIGINT identity elsewhere.
Seq = BigInteger().with_variant(Integer(), "sqlite")

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    # Insertion order, for iter_articles and the FTS5 rowid.
    Column("seq", Seq, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("date", String(32)),
    Column("date_precision", String(8)),
    Column("date_source", String(64)),
    Column("language", String(16)),
    Column("dateline", Text),
    Column("agency", Text),
    Column("author", Text),
    Column("site", Text),
    Column("content_hash", String(128), nullable=False, default=""),
    Column("duplicate_of", String(64)),
    Column("event_id", String(64)),
    Column("storyline_id", String(64)),
    Column("fetched_at", String(40)),
    Column("metadata", Json, nullable=False),
    # Stems of title + text, space separated: full-text search across inflection.
    Column("search_stems", Text, nullable=False, default=""),
    # Topic of the Telegram news contest scheme (sujet.topics), set at enrichment.
    Column("topic", String(16)),
)
Index("ix_articles_date_id", articles.c.date, articles.c.id)
Index("ix_articles_topic", articles.c.topic)
Index("ix_articles_language", articles.c.language)
Index("ix_articles_content_hash", articles.c.content_hash)
Index("ix_articles_duplicate_of", articles.c.duplicate_of)
Index("ix_articles_event_id", articles.c.event_id)
Index("ix_articles_storyline_id", articles.c.storyline_id)
Index("ix_articles_site", articles.c.site)

signatures = Table(
    "signatures",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("ord", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("type", String(8), nullable=False),
    Column("surface", Text, nullable=False),
    Column("normal", Text, nullable=False),
    Column("entity_id", String(64)),
    Column("field", String(8), nullable=False),
    Column("date", String(32)),  # the article's, kept by triggers (sujet/store/mention_dates.py)
    PrimaryKeyConstraint("article_id", "ord"),
)
Index("ix_mentions_entity_id", mentions.c.entity_id, mentions.c.article_id)

entities = Table(
    "entities",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("type", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),  # casefolded name, for case-insensitive lookups
    Column("mentions", Integer, nullable=False, default=0),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
    Column("metadata", Json, nullable=False),
)
Index("ix_entities_name_key", entities.c.name_key)
Index("ix_entities_type_mentions", entities.c.type, entities.c.mentions)

entity_variants = Table(
    "entity_variants",
    metadata,
    Column("entity_id", String(64), ForeignKey("entities.id", ondelete="CASCADE"),
           nullable=False),
    Column("ord", Integer, nullable=False),
    Column("variant", Text, nullable=False),
    Column("variant_key", Text, nullable=False),
    PrimaryKeyConstraint("entity_id", "ord"),
)
Index("ix_entity_variants_key", entity_variants.c.variant_key)

entity_positions = Table(
    "entity_positions",
    metadata,
    Column("entity_id", String(64), ForeignKey("entities.id", ondelete="CASCADE"),
           nullable=False),
    Column("ord", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("date", String(32)),
    Column("article_id", String(64), nullable=False),
    Column("organisation", Text),
    Column("language", String(16)),
    PrimaryKeyConstraint("entity_id", "ord"),
)

facts = Table(
    "facts",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("ord", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("value", Json, nullable=False),
    PrimaryKeyConstraint("article_id", "ord"),
)
Index("ix_facts_kind", facts.c.kind)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("date_from", String(32)),
    Column("date_to", String(32)),
    Column("storyline_id", String(64)),
    Column("n_articles", Integer, nullable=False, default=0),
    Column("summary", Json, nullable=False),
    Column("metadata", Json, nullable=False),
    # Order key of the event's importance (sujet.stories.importance.order_key): the feed's order.
    Column("importance", Float),
)
Index("ix_events_recent", events.c.date_to, events.c.n_articles)
Index("ix_events_storyline_id", events.c.storyline_id)

event_members = Table(
    "event_members",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("article_id", String(64), nullable=False),
    Column("score", Float, nullable=False),
    Column("why", Json, nullable=False),
    PrimaryKeyConstraint("event_id", "ord"),
)
Index("ix_event_members_article_id", event_members.c.article_id)

event_languages = Table(
    "event_languages",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("language", String(16), nullable=False),
    PrimaryKeyConstraint("event_id", "ord"),
)
Index("ix_event_languages_language", event_languages.c.language)

event_entities = Table(
    "event_entities",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("entity_id", String(64), nullable=False),
    PrimaryKeyConstraint("event_id", "ord"),
)
Index("ix_event_entities_entity_id", event_entities.c.entity_id)

storylines = Table(
    "storylines",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("date_from", String(32)),
    Column("date_to", String(32)),
    Column("n_events", Integer, nullable=False, default=0),
    Column("key_entities", Json, nullable=False),
    Column("metadata", Json, nullable=False),
)
Index("ix_storylines_recent", storylines.c.date_to, storylines.c.n_events)

storyline_events = Table(
    "storyline_events",
    metadata,
    Column("storyline_id", String(64), ForeignKey("storylines.id", ondelete="CASCADE"),
           nullable=False),
    Column("ord", Integer, nullable=False),
    Column("event_id", String(64), nullable=False),
    PrimaryKeyConstraint("storyline_id", "ord"),
)
Index("ix_storyline_events_event_id", storyline_events.c.event_id)

# What windowed event clustering and incremental storyline linking read of an event without its
# articles (sujet.stories.profiles): the days its members' dates can cover (``day_lo``..``day_hi``,
# ordinals, NULL when undated), its normalised topic vector and its telling key names, one row
# per name in ``event_keys``. Migration 12 adds them; the event enricher fills in the events of
# older stores on first use.
event_profiles = Table(
    "event_profiles",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("day_lo", Integer),
    Column("day_hi", Integer),
    Column("year", Integer),
    Column("vector", LargeBinary, nullable=False),
    Column("names", Json, nullable=False),
)
Index("ix_event_profiles_day_hi", event_profiles.c.day_hi)
Index("ix_event_profiles_day_lo", event_profiles.c.day_lo)

event_keys = Table(
    "event_keys",
    metadata,
    Column("key", Text, nullable=False),
    Column("event_id", String(64), nullable=False),
    PrimaryKeyConstraint("key", "event_id"),
)
Index("ix_event_keys_event_id", event_keys.c.event_id)


def _alias_table(name: str) -> Table:
    """Ids that live on as another record: ``alias`` was merged into ``survivor``.

    No foreign keys: deleting the merged-away row, or the survivor's, leaves the alias in place.
    Migration 3 adds these tables to stores made before it.
    """
    table = Table(
        name,
        metadata,
        Column("alias", String(64), primary_key=True),
        Column("survivor", String(64), nullable=False),
        Column("recorded_at", String(40), nullable=False),  # ISO, UTC: when it was merged away
    )
    Index(f"ix_{name}_survivor", table.c.survivor)
    return table


event_aliases = _alias_table("event_aliases")
storyline_aliases = _alias_table("storyline_aliases")

cache = Table(
    "cache",
    metadata,
    Column("namespace", String(64), nullable=False),
    Column("key", String(256), nullable=False),
    Column("value", LargeBinary, nullable=False),
    PrimaryKeyConstraint("namespace", "key"),
)

runs = Table(
    "runs",
    metadata,
    Column("run_id", String(64), primary_key=True),
    Column("started_at", String(40), nullable=False),
    Column("finished_at", String(40)),
    Column("inputs", Json, nullable=False),
    Column("stats", Json, nullable=False),
)
Index("ix_runs_started_at", runs.c.started_at)

# Documents rejected at extraction (a time, memory or size bound, no article text...): a re-run
# skips them instead of paying for them again; ``sujet ingest --retry-rejected`` retries them.
rejected_documents = Table(
    "rejected_documents",
    metadata,
    Column("key", String(64), primary_key=True),  # the article id the page would have had
    Column("source", Text, nullable=False),
    Column("stage", String(32), nullable=False),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("rejected_at", String(40), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("url", Text, primary_key=True),
    Column("data", Json, nullable=False),
)

# What persons and organisations said in an article (sujet.entities.quotes), in text order.
quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("ord", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", Text, nullable=False),
    Column("entity_id", String(64), nullable=True),  # the resolved person or organisation
    Column("kind", String(16), nullable=False),
    Column("cue", String(64), nullable=False),
    PrimaryKeyConstraint("article_id", "ord"),
)
Index("ix_quotes_entity", quotes.c.entity_id)

# Watchlists and their alerts (sujet.alerts). ``last_seq`` is the watermark: the last article
# (articles.seq) the watchlist was evaluated against, written in the transaction that records
# the alerts of those articles, so an evaluation killed at any point neither misses nor doubles.
watchlists = Table(
    "watchlists",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # person, organisation, query, event, storyline
    Column("target", Text, nullable=False),  # the name, query or id as given
    Column("filters", Json, nullable=False),  # language, source, topic
    Column("channels", Json, nullable=False),  # webhook URL, e-mail address
    Column("created_at", String(40), nullable=False),
    Column("last_seq", BigInteger, nullable=False, default=0),
    Column("seen_at", String(40)),  # the last visit of its web page ("new since")
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Seq, primary_key=True, autoincrement=True),
    Column("watchlist_id", String(32), ForeignKey("watchlists.id", ondelete="CASCADE"),
           nullable=False),
    Column("subject_kind", String(16), nullable=False),  # article or event
    Column("subject_id", String(64), nullable=False),
    Column("article_id", String(64), nullable=False),  # the article that raised it
    Column("title", Text, nullable=False),
    Column("url", Text),
    Column("date", String(32)),
    Column("created_at", String(40), nullable=False),
    UniqueConstraint("watchlist_id", "subject_kind", "subject_id", name="uq_alerts_subject"),
)
Index("ix_alerts_watchlist", alerts.c.watchlist_id, alerts.c.id)

# One row per alert and channel (webhook, email) once delivery ended: delivered or given up.
alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("alert_id", Seq, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("delivered_at", String(40)),
    Column("error", Text),  # why it was not delivered
    PrimaryKeyConstraint("alert_id", "channel"),
)
