"""What differs between SQL backends: engine set-up, upsert dialect, and full-text search.

Everything else (tables, filters, reads and writes) is shared by the repositories of
:class:`sujet.store.sql_store.SqlStore`.
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Table
from sqlalchemy.dialects import postgresql, sqlite

from sujet.store.search_terms import SearchTerms

# JSON ``\u0000`` escapes (not preceded by an escaping backslash): PostgreSQL's jsonb refuses them.
_JSON_NUL = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")


def dumps_json(value: Any) -> str:
    """JSON for the store: UTF-8 kept readable, odd values (dates, paths) as strings."""
    return _JSON_NUL.sub(r"\1", json.dumps(value, ensure_ascii=False, default=str))


class Backend(ABC):
    """One database engine behind the store."""

    name: str
    engine: Engine
    # Connection execution options for write transactions (SQLite: BEGIN IMMEDIATE).
    write_options: Mapping[Any, Any] = {}

    def lock(self) -> AbstractContextManager[object]:
        """Held around each transaction; only a single shared connection needs a real lock."""
        return nullcontext()

    def insert(self, table: Table) -> sqlite.Insert | postgresql.Insert:
        """INSERT with ``on_conflict_do_nothing`` / ``on_conflict_do_update`` support."""
        if self.name == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)

    def lock_for_writing(self, conn: Connection, table: Table) -> None:  # noqa: B027 - optional hook
        """Keep other writers of ``table`` out until the transaction ends (reads go on), for
        writes that read before they write. SQLite needs nothing: its write transactions
        (BEGIN IMMEDIATE) already run one at a time."""

    def prepare_migration(self, conn: Connection) -> None:  # noqa: B027 - optional hook
        """Run at the start of the migration transaction (locks, schema creation)."""

    def refresh_statistics(self, conn: Connection, articles: int,
                           force: bool = False) -> int | None:
        """Bring the query planner's statistics up to date when the store (``articles`` rows)
        has outgrown them, or with ``force`` (after a migration); returns the article count at
        which to call again, or None when the engine keeps its own statistics (PostgreSQL's
        autovacuum analyses tables)."""
        return None

    @abstractmethod
    def install_search(self, conn: Connection) -> None:
        """Create the full-text index over articles and whatever keeps it in sync."""

    @abstractmethod
    def search_rows(
        self,
        conn: Connection,
        terms: SearchTerms,
        languages: Sequence[str | None],
        conditions: Sequence[ColumnElement[bool]],
        limit: int,
        offset: int,
    ) -> list[tuple[Mapping[Any, Any], float]]:
        """Matching article rows with their scores (higher is better), best first."""

    def close(self) -> None:
        self.engine.dispose()
