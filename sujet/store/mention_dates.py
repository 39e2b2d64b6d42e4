"""The article's date beside each mention, so that one index holds an entity with its dates.

"The newest articles of an entity", "how many articles mention it" and "its mentions per date"
need the entity and the article's date in one index; the date is on ``articles`` and the entity
on ``mentions``, so without this a dossier walks every article newest first and probes the
mentions of each. ``mentions.date`` is a copy of ``articles.date``, indexed as
``(entity_id, date DESC, article_id)``.

The copy is kept by database triggers rather than by the store's Python writes: a mention
inserted without a date takes its article's (every writer, bulk loaders included), and a change
of an article's date is copied to its mentions in the same statement. Repointing a mention to
another entity changes only ``entity_id``, so its date stays right.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

from sujet.store.backend import Backend

INDEX = "ix_mentions_entity_date"

_SQLITE_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS mentions_date_insert AFTER INSERT ON mentions
       WHEN NEW.date IS NULL BEGIN
         UPDATE mentions SET date = (SELECT date FROM articles WHERE id = NEW.article_id)
         WHERE article_id = NEW.article_id AND ord = NEW.ord;
       END""",
    """CREATE TRIGGER IF NOT EXISTS mentions_date_follow AFTER UPDATE OF date ON articles
       WHEN OLD.date IS NOT NEW.date BEGIN
         UPDATE mentions SET date = NEW.date WHERE article_id = NEW.id;
       END""",
)

# The functions read the tables through the connection's search path: the store's schema.
_POSTGRES_TRIGGERS = (
    """CREATE OR REPLACE FUNCTION sujet_mention_date() RETURNS trigger AS $$
       BEGIN
         NEW.date := (SELECT a.date FROM articles a WHERE a.id = NEW.article_id);
         RETURN NEW;
       END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION sujet_article_date() RETURNS trigger AS $$
       BEGIN
         UPDATE mentions SET date = NEW.date WHERE article_id = NEW.id;
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS mentions_date_insert ON mentions",
    """CREATE TRIGGER mentions_date_insert BEFORE INSERT ON mentions
       FOR EACH ROW WHEN (NEW.date IS NULL) EXECUTE FUNCTION sujet_mention_date()""",
    "DROP TRIGGER IF EXISTS mentions_date_follow ON articles",
    """CREATE TRIGGER mentions_date_follow AFTER UPDATE OF date ON articles
       FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date)
       EXECUTE FUNCTION sujet_article_date()""",
)


def create_mention_dates(conn: Connection, backend: Backend) -> None:
    """Migration 13: the column (a new store has it from migration 1), filled from the articles
    in one statement, its index and the triggers that keep it."""
    have = {c["name"] for c in inspect(conn).get_columns("mentions")}
    if "date" not in have:
        conn.exec_driver_sql("ALTER TABLE mentions ADD COLUMN date VARCHAR(32)")
    conn.exec_driver_sql(
        "UPDATE mentions SET date = articles.date FROM articles "
        "WHERE articles.id = mentions.article_id AND articles.date IS NOT NULL"
    )
    postgres = backend.name == "postgresql"
    nulls = " NULLS LAST" if postgres else ""
    conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {INDEX} ON mentions "
                         f"(entity_id, date DESC{nulls}, article_id)")
    for ddl in _POSTGRES_TRIGGERS if postgres else _SQLITE_TRIGGERS:
        conn.exec_driver_sql(ddl)
