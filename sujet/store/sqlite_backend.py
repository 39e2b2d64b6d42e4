"""SQLite: WAL, busy timeout, foreign keys, thread-safe pooling, and FTS5 search.

The FTS5 index is an external-content table over ``articles`` (title, text and the stem column),
kept in sync by triggers, so every insert, update and delete of an article updates it in the same
transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    column,
    create_engine,
    desc,
    event,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.pool import StaticPool

from sujet.store.backend import Backend, dumps_json
from sujet.store.schema import articles
from sujet.store.search_terms import SearchTerms, WordTerm

BUSY_TIMEOUT_S = 30.0
# Planner statistics (ANALYZE). Without them SQLite guesses that any index equality is selective
# and, for instance, reads half the store through the language index to filter one person's
# articles. Rows sampled per index: ANALYZE then costs about 0.1 s on a 100,000-article store,
# whatever its size. Refreshed when the store has doubled since (from STATS_MIN_ARTICLES on;
# below that any plan is fast).
STATS_SAMPLE_ROWS = 1000
STATS_GROWTH = 2
STATS_MIN_ARTICLES = 1000
# bm25 weights of the FTS columns: title, text, stems. An exact form in the title counts most; a
# word found only through its stem counts least.
BM25_WEIGHTS = (4.0, 2.0, 1.0)

_FTS_DDL = (
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, search_stems,
        content='articles', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text, search_stems)
        VALUES (new.seq, new.title, new.text, new.search_stems);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text, search_stems)
        VALUES ('delete', old.seq, old.title, old.text, old.search_stems);
    END""",
    # Only when an indexed column changes: updating event ids must not rewrite the index.
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, search_stems ON articles
    WHEN old.title IS NOT new.title OR old.text IS NOT new.text
         OR old.search_stems IS NOT new.search_stems
    BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text, search_stems)
        VALUES ('delete', old.seq, old.title, old.text, old.search_stems);
        INSERT INTO articles_fts(rowid, title, text, search_stems)
        VALUES (new.seq, new.title, new.text, new.search_stems);
    END""",
)

_fts = table("articles_fts", column("rowid"))


def analysed_articles(conn: Connection) -> int:
    """Article rows at the last ANALYZE, as its statistics record them (0: never analysed)."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).first()
    if exists is None:
        return 0
    stat = conn.exec_driver_sql(
        "SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' AND idx IS NOT NULL LIMIT 1"
    ).scalar()
    head = str(stat or "0").split(" ", 1)[0]
    return int(head) if head.isdigit() else 0


def fts_string(value: str) -> str:
    """An FTS5 string literal: double quotes around, inner quotes doubled."""
    return '"' + value.replace('"', '""') + '"'


def _word_expr(term: WordTerm) -> str:
    options = ["{title text} : " + fts_string(term.word)]
    options.extend("search_stems : " + fts_string(s) for s in sorted(term.stems))
    return "(" + " OR ".join(options) + ")"


def fts_query(terms: SearchTerms) -> str:
    """The FTS5 MATCH expression: alternatives ORed, words of an alternative ANDed."""
    return " OR ".join(
        "(" + " AND ".join(_word_expr(t) for t in alternative) + ")"
        for alternative in terms.alternatives
    )


class SqliteBackend(Backend):
    name = "sqlite"
    write_options = {"sqlite_begin": "IMMEDIATE"}

    def __init__(self, path: str | None) -> None:
        """``path`` None opens a private in-memory database."""
        self.path = path
        common: dict[str, Any] = {"json_serializer": dumps_json}
        connect_args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_S}
        if path is None:
            # One connection shared by all threads (each connection would be its own database),
            # serialised by a lock.
            self.engine = create_engine("sqlite://", poolclass=StaticPool,
                                        connect_args=connect_args, **common)
            self._lock: threading.RLock | None = threading.RLock()
        else:
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(f"sqlite:///{Path(path).expanduser()}",
                                        connect_args=connect_args, **common)
            self._lock = None
        event.listen(self.engine, "connect", self._on_connect)
        event.listen(self.engine, "begin", self._on_begin)

    def _on_connect(self, dbapi_conn: Any, _record: Any) -> None:
        # The driver's own transaction handling skips DDL and cannot BEGIN IMMEDIATE; we issue
        # BEGIN ourselves in _on_begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cur.execute("PRAGMA foreign_keys = ON")
        if self.path is not None:
            cur.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL survives a killed process; only power loss may drop the last
            # commits, never corrupting the file.
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute(f"PRAGMA analysis_limit = {STATS_SAMPLE_ROWS}")
        cur.close()

    @staticmethod
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    def lock(self) -> AbstractContextManager[object]:
        return self._lock if self._lock is not None else nullcontext()

    def refresh_statistics(self, conn: Connection, articles: int,
                           force: bool = False) -> int | None:
        described = analysed_articles(conn)
        if articles >= STATS_MIN_ARTICLES and (force or articles > STATS_GROWTH * described):
            conn.exec_driver_sql("ANALYZE")
            described = articles
        return max(STATS_MIN_ARTICLES, STATS_GROWTH * described + 1)

    def install_search(self, conn: Connection) -> None:
        for ddl in _FTS_DDL:
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
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        # bm25() is lower for better matches.
        score: Any = literal_column(f"-bm25(articles_fts, {weights})").label("score")
        match = text("articles_fts MATCH :fts_query").bindparams(fts_query=fts_query(terms))
        # Rank inside the full-text index and keep one page of (seq, score) pairs; the article
        # rows (with their texts) are read for that page only. Without filters the articles
        # table is not touched until then.
        if conditions:
            ranked = (
                select(articles.c.seq.label("seq"), score)
                .select_from(_fts.join(articles, articles.c.seq == _fts.c.rowid))
                .where(match, *conditions)
            )
        else:
            ranked = select(_fts.c.rowid.label("seq"), score).select_from(_fts).where(match)
        page = (
            ranked.order_by(desc("score"), "seq").limit(max(0, limit)).offset(max(0, offset))
        ).subquery("page")
        stmt = (
            select(articles, page.c.score)
            .join(page, articles.c.seq == page.c.seq)
            .order_by(page.c.score.desc(), articles.c.seq)
        )
        return [(row, float(row["score"])) for row in conn.execute(stmt).mappings()]

    def integrity_errors(self, conn: Connection) -> list[str]:
        """Problems found by SQLite's integrity check and FTS5's own check (empty: healthy)."""
        problems = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check") if r[0] != "ok"]
        try:
            conn.exec_driver_sql(
                "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"
            )
        except Exception as err:  # noqa: BLE001 - reported, not raised
            problems.append(f"fts: {err}")
        return problems
