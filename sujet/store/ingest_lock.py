"""One ingest at a time per store: the lock around the stateful part of a run.

Deduplication, entity resolution and event clustering read what earlier articles left in the
store and write what the new ones add; two processes doing that at once would each work from a
copy the other is changing. So an ingest (a run, the monitor's chunks, ``sujet enrich``) holds
the store's ingest lock while it runs them, and a second one waits, saying so in the log and in
its report (how long it waited).

- SQLite: an ``fcntl`` lock on a file beside the database (``<db>.ingest-lock``); the kernel
  releases it when the holding process dies, even by ``kill -9``. A private in-memory store
  needs only a lock between the threads of its process.
- PostgreSQL: a session advisory lock on a connection held for the lock's duration, keyed by
  the store (its database and schema, however the URL spells them); it ends with the session
  when the process dies.

The lock is re-entrant in its process (a run that finishes an interrupted one and then ingests
takes it once) and shared by the threads of a process one at a time.

Each time the lock is taken the store's *epoch* (a counter in the cache table) is read and
bumped. When it is not the value this process left, another process ingested since:
:attr:`IngestLock.generation` changes, and enrichers that keep state in memory between calls
(the monitor's) drop it and read the store again.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import inspect
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar, cast

from sqlalchemy import Connection, select, text

from sujet.store import schema as t
from sujet.store.database import Database

log = logging.getLogger(__name__)

EPOCH_NAMESPACE = "ingest-lock"
EPOCH_KEY = "epoch"
# A wait shorter than this (the lock taken at once) is not reported.
WAIT_REPORTED_S = 0.01


def advisory_key(name: str) -> int:
    """A signed 64-bit key for PostgreSQL's advisory locks, one per store (database.schema)."""
    return int.from_bytes(hashlib.sha1(f"sujet-ingest:{name}".encode()).digest()[:8], "big",
                          signed=True)


class IngestLock:
    """The ingest lock of one store (see the module's docstring)."""

    def __init__(self, db: Database, path: str | None) -> None:
        """``path``: the SQLite database file (None: in memory, or PostgreSQL)."""
        self.db = db
        self._path = path
        self._threads = threading.RLock()
        self._depth = 0
        self._file: IO[Any] | None = None
        self._session: Connection | None = None
        self._last_epoch: int | None = None
        self.generation = 0
        self.waited_s = 0.0  # how long the last outermost acquisition waited

    @contextmanager
    def hold(self) -> Iterator[float]:
        """Hold the lock for the block; yields the seconds waited for it (0 when re-entered)."""
        t0 = time.monotonic()
        with self._threads:
            waited = 0.0
            if self._depth == 0:
                self._acquire()
                waited = self.waited_s = time.monotonic() - t0
                self._note_epoch()
            self._depth += 1
            try:
                yield waited
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()

    # -- engines ---------------------------------------------------------------------------
    def _acquire(self) -> None:
        if self.db.backend.name == "postgresql":
            self._acquire_advisory()
        elif self._path is not None:
            self._acquire_file(self._path)

    def _acquire_file(self, path: str) -> None:
        handle = open(Path(path).with_name(Path(path).name + ".ingest-lock"), "a+")  # noqa: SIM115
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self._say_waiting()
                fcntl.flock(handle, fcntl.LOCK_EX)
        except BaseException:
            handle.close()
            raise
        self._file = handle

    def _acquire_advisory(self) -> None:
        with self.db.errors():
            session = self.db.backend.engine.connect()
            try:
                # the store's identity, whichever URL spelling opened it
                where = session.execute(text("SELECT current_database(), current_schema()")).one()
                key = advisory_key(f"{where[0]}.{where[1]}")
                got = session.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar()
                if not got:
                    self._say_waiting()
                    session.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
                session.commit()
            except BaseException:
                session.close()
                raise
        self._session = session

    def _say_waiting(self) -> None:
        log.warning("another ingest holds the store %s: waiting for its ingest lock", self.db.url)

    def _release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
        if self._session is not None:
            session, self._session = self._session, None
            try:
                session.execute(text("SELECT pg_advisory_unlock_all()"))
                session.commit()
            finally:
                session.close()

    # -- epoch -----------------------------------------------------------------------------
    def _note_epoch(self) -> None:
        """Bump the stored epoch; a value this process did not leave means another ingested."""
        c = t.cache.c
        where = (c.namespace == EPOCH_NAMESPACE, c.key == EPOCH_KEY)
        with self.db.write() as conn:
            raw = conn.execute(select(c.value).where(*where)).scalar()
            epoch = int(bytes(raw).decode()) if raw is not None else 0
            stmt = self.db.backend.insert(t.cache)
            conn.execute(
                stmt.on_conflict_do_update(index_elements=["namespace", "key"],
                                           set_={"value": stmt.excluded.value}),
                {"namespace": EPOCH_NAMESPACE, "key": EPOCH_KEY,
                 "value": str(epoch + 1).encode()},
            )
        if epoch != self._last_epoch:
            self.generation += 1
        self._last_epoch = epoch + 1


F = TypeVar("F", bound=Callable[..., Any])


def holding_ingest_lock(fn: F) -> F:
    """Run ``fn`` (a function with a ``store`` argument) holding that store's ingest lock. When
    it had to wait, the seconds waited go to the ingest report (the ``report`` argument, else
    the report returned) as ``enrich["ingest_lock_wait_s"]``."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def holding(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind_partial(*args, **kwargs)
        store = bound.arguments["store"]
        with store.ingest_lock() as waited:
            result = fn(*args, **kwargs)
        if waited >= WAIT_REPORTED_S:
            report = bound.arguments.get("report") or result
            enrich = getattr(report, "enrich", None)
            if isinstance(enrich, dict):
                enrich["ingest_lock_wait_s"] = round(enrich.get("ingest_lock_wait_s", 0)
                                                     + waited, 2)
        return result

    return cast(F, holding)
