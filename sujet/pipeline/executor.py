"""Executors run a per-record function over chunks of records, in-process or on Dask.

Stages know nothing about where they run: the pipeline hands an executor a picklable function
and a chunk, and gets the results back in input order.
"""

from __future__ import annotations

import contextlib
import logging
import os
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


def submit(executor: Executor, fn: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]]:
    """Start ``fn`` over the items on the executor; the function returned waits for the
    results, in order. An executor that cannot start work ahead runs it when waited for."""
    start = getattr(executor, "submit", None)
    if start is None:
        return lambda: executor.map(fn, items)
    started: Callable[[], list[R]] = start(fn, items)
    return started


class LocalExecutor:
    """Runs in this process, in order."""

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return [fn(item) for item in items]

    def close(self) -> None:
        return None


def _run_batch(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """One task of a Dask executor: ``fn`` over a slice of a chunk, in order."""
    return [fn(item) for item in items]


_DASK_LOGGERS = ("distributed", "tornado", "asyncio")
# Tasks per worker and chunk: enough for a slow slice not to hold the others up, few enough
# that the per-task cost (scheduling, pickling the function) stays small.
_TASKS_PER_WORKER = 4


class DaskExecutor:
    """Runs chunks on a Dask cluster: the given scheduler, or a local cluster started here.

    The local cluster has ``workers`` worker processes (default: one per core) with one thread
    each. A chunk goes out as a few tasks per worker, each a slice of the chunk (the function
    and the slice pickled once per task, not per record), and comes back in input order. Each
    worker process keeps its bounded workers (:mod:`sujet.pipeline.bounded`) from task to task,
    so models load once per worker. A task whose worker died is run again by the scheduler on
    another one.
    """

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        self._cluster: Any = None
        self._sent = 0
        if address:
            self._client = Client(address)
        else:
            self._cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.CRITICAL,
                # no dashboard; the scheduler's small HTTP server on a free port, not 8787
                scheduler_kwargs={"dashboard": False, "dashboard_address": ":0"},
            )
            self._client = Client(self._cluster)

    @property
    def workers(self) -> int:
        return max(1, len(self._client.scheduler_info().get("workers", {})))

    def submit(self, fn: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]]:
        """Send the tasks now (the workers start on them while this process goes on); the
        function returned gathers the results in order."""
        items = list(items)
        if not items:
            return list
        tasks = min(len(items), _TASKS_PER_WORKER * self.workers)
        size = -(-len(items) // tasks)
        batches = [items[i : i + size] for i in range(0, len(items), size)]
        # what was sent first is needed first: it goes before what is sent after it
        self._sent += 1
        futures = self._client.map(_run_batch, [fn] * len(batches), batches, pure=False,
                                   priority=-self._sent)

        def gather() -> list[R]:
            return [out for batch in self._client.gather(futures) for out in batch]

        return gather

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return self.submit(fn, items)()

    def close(self) -> None:
        """Close the client, then the cluster; the connections the cluster drops on the way
        are expected, so their log lines are not shown."""
        loggers = [logging.getLogger(name) for name in _DASK_LOGGERS]
        levels = [lg.level for lg in loggers]
        for lg in loggers:
            lg.setLevel(logging.CRITICAL)
        try:
            with contextlib.suppress(Exception):
                self._client.close()
            if self._cluster is not None:
                with contextlib.suppress(Exception):
                    self._cluster.close()
        finally:
            for lg, level in zip(loggers, levels, strict=True):
                lg.setLevel(level)


def make_executor(settings: Settings) -> Executor:
    """The executor ``settings.executor`` names: "dask" (the scheduler at
    ``settings.dask_address``, else a local cluster of ``settings.dask_workers`` workers) or
    "local" (this process)."""
    if settings.executor == "dask":
        return DaskExecutor(settings.dask_address, settings.dask_workers)
    return LocalExecutor()
