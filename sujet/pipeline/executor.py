"""Executors run a per-record function over chunks of records, in-process or on Dask.

Stages know nothing about where they run: the pipeline hands an executor a picklable function
and a chunk, and gets the results back in input order.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from sujet.config import Settings
from sujet.errors import DocumentTimeout

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]: ...

    def close(self) -> None: ...


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout when the block runs longer than ``seconds`` (main thread only).

    A soft limit: it stops Python code, not C code that never returns to the interpreter. The
    hard bound of a document is its worker process (:mod:`sujet.pipeline.bounded`), where this
    runs on the main thread and answers first when it can."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _alarm(signum: int, frame: Any) -> None:
        raise DocumentTimeout(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class LocalExecutor:
    """Runs in this process, in order."""

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return [fn(item) for item in items]

    def close(self) -> None:
        return None


class DaskExecutor:
    """Runs chunks on a Dask cluster: the given scheduler, or a local cluster started here."""

    def __init__(self, address: str | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        self._cluster = None
        if address:
            self._client = Client(address)
        else:
            self._cluster = LocalCluster(processes=True, threads_per_worker=1)
            self._client = Client(self._cluster)

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        futures = self._client.map(fn, list(items), pure=False)
        return list(self._client.gather(futures))

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(settings: Settings) -> Executor:
    if settings.executor == "dask":
        return DaskExecutor(settings.dask_address)
    return LocalExecutor()
