"""PostgreSQL (psycopg 3): per-language tsvector with a GIN index, and schema selection.

Each article's ``tsv`` is a stored generated column: title (weight A) and text (B) parsed with the
text-search configuration of the article's language, plus the Python-made stem column (C) parsed
with ``simple`` so that languages without a PostgreSQL stemmer still match across inflection.

A query word is parsed with every configuration of the stored languages and with ``simple``, and
the alternatives are ORed into one constant tsquery. That finds the same articles as parsing with
each article's own configuration (an article's tsv only holds lexemes of its configuration), while
keeping the query a constant the GIN index can serve.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    cast,
    create_engine,
    desc,
    func,
    literal,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.engine import URL, make_url

from sujet.errors import InputError
from sujet.store.backend import Backend, dumps_json
from sujet.store.languages import LANGUAGES, pg_config
from sujet.store.schema import articles
from sujet.store.search_terms import SearchTerms, WordTerm

SCHEMA_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
# tsvector has size limits (1 MB of lexemes); texts past this many characters are indexed in part.
MAX_INDEXED_CHARS = 1_000_000


def _config_case() -> str:
    whens = " ".join(
        f"WHEN '{lang.iso}' THEN '{lang.pg_config}'::regconfig"
        for lang in LANGUAGES.values()
        if lang.pg_config != "simple"
    )
    return (f"CASE lower(split_part(coalesce(language, ''), '-', 1)) {whens} "
            "ELSE 'simple'::regconfig END")


def _tsv_ddl() -> list[str]:
    cfg = _config_case()
    return [
        f"""ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector({cfg}, left(coalesce(title, ''), {MAX_INDEXED_CHARS})), 'A') ||
            setweight(to_tsvector({cfg}, left(text, {MAX_INDEXED_CHARS})), 'B') ||
            setweight(to_tsvector('simple'::regconfig,
                                  left(search_stems, {MAX_INDEXED_CHARS})), 'C')
        ) STORED""",
        "CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)",
    ]


def _plain(config: str, value: str) -> Any:
    return func.plainto_tsquery(cast(literal(config), REGCONFIG), literal(value))


def _word_query(term: WordTerm, configs: Sequence[str]) -> Any:
    parts = [_plain(cfg, term.word) for cfg in configs]
    parts.append(_plain("simple", term.word))
    parts.extend(_plain("simple", s) for s in sorted(term.stems))
    query = parts[0]
    for part in parts[1:]:
        query = query.op("||")(part)
    return query


def tsquery(terms: SearchTerms, languages: Sequence[str | None]) -> Any:
    """One tsquery: alternatives ORed, the words of an alternative ANDed."""
    configs = sorted({pg_config(lang) for lang in languages} - {"simple"})
    alternatives = []
    for alternative in terms.alternatives:
        query = _word_query(alternative[0], configs)
        for term in alternative[1:]:
            query = query.op("&&")(_word_query(term, configs))
        alternatives.append(query)
    combined = alternatives[0]
    for alternative in alternatives[1:]:
        combined = combined.op("||")(alternative)
    return combined


def postgres_url(url: str) -> tuple[URL, str | None]:
    """The SQLAlchemy URL for psycopg 3 and the schema named by a ``schema=`` parameter."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    else:
        raise InputError(f"unsupported PostgreSQL driver {parsed.drivername!r}")
    schema = parsed.query.get("schema")
    if isinstance(schema, tuple):
        schema = schema[-1]
    if schema is not None and not SCHEMA_RE.match(schema):
        raise InputError(f"invalid schema name {schema!r}: use letters, digits and _")
    return parsed.difference_update_query(["schema"]), schema


class PostgresBackend(Backend):
    name = "postgresql"

    def __init__(self, url: str) -> None:
        sa_url, self.schema = postgres_url(url)
        connect_args: dict[str, Any] = {}
        if self.schema:
            options = sa_url.query.get("options")
            extra = options if isinstance(options, str) else " ".join(options or ())
            sa_url = sa_url.difference_update_query(["options"])
            connect_args["options"] = f"{extra} -csearch_path={self.schema}".strip()
        self.display_url = sa_url.render_as_string(hide_password=True)
        self.engine = create_engine(sa_url, pool_pre_ping=True, connect_args=connect_args,
                                    json_serializer=dumps_json)

    def prepare_migration(self, conn: Connection) -> None:
        # Serialise concurrent openings of the same store while they migrate.
        key = f"sujet-migrate:{self.schema or ''}"
        conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(literal(key)))))
        if self.schema:
            conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')

    def lock_for_writing(self, conn: Connection, table: Table) -> None:
        # EXCLUSIVE conflicts with every write and with itself, not with SELECT.
        conn.exec_driver_sql(f'LOCK TABLE "{table.name}" IN EXCLUSIVE MODE')

    def install_search(self, conn: Connection) -> None:
        for ddl in _tsv_ddl():
            conn.exec_driver_sql(ddl)

    def search_rows(
        self,
        conn: Connection,
        terms: SearchTerms,
        languages: Sequence[str | None],
        conditions: Sequence[ColumnElement[bool]],
        limit: int,
        offset: int,
    ) -> list[tuple[Mapping[Any, Any], float]]:
        tsv: Any = literal_column("articles.tsv")
        query = tsquery(terms, languages)
        # ts_rank weights for D, C, B, A: the stem column (C) counts least.
        weights: Any = literal_column("'{0.1, 0.2, 0.4, 1.0}'::float4[]")
        score = func.ts_rank(weights, tsv, query).label("score")
        # Only rows the GIN index finds are ranked; one page of (seq, score) pairs is kept and
        # the article rows (with their texts) are read for that page only.
        page = (
            select(articles.c.seq.label("seq"), score)
            .where(tsv.op("@@")(query))
            .where(*conditions)
            .order_by(desc("score"), articles.c.seq)
            .limit(max(0, limit))
            .offset(max(0, offset))
        ).subquery("page")
        stmt = (
            select(articles, page.c.score)
            .join(page, articles.c.seq == page.c.seq)
            .order_by(page.c.score.desc(), articles.c.seq)
        )
        return [(row, float(row["score"])) for row in conn.execute(stmt).mappings()]
