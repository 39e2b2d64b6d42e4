"""Pipeline steps: one document record flowing through steps that take and yield records.

A step is given the records of one chunk and yields the records it keeps. It counts what it
saw and kept, the time it spent, and every record it dropped, under the stable code of the
reason (a reject, reported with the step's name). Steps know nothing about where their work
runs: a step with per-document work hands a picklable function and the chunk's inputs to the
run's executor (:mod:`sujet.pipeline.executor`) and gets the results back in input order.

:func:`run_steps` takes the input in chunks and passes each chunk through every step before the
next chunk is read, so a step that writes (the store step) writes a whole chunk at once and the
steps after it see it written.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sujet.config import Settings
from sujet.ingest.failures import ReadFailure
from sujet.model import Article, Page
from sujet.pipeline.executor import Executor
from sujet.pipeline.report import IngestReport
from sujet.store.base import Store


@dataclass(slots=True)
class Doc:
    """One document on its way: the page read, its key (the article id it gets), the article
    extracted from it, its duplicate signature, and what steps noted on the way."""

    page: Page | None = None
    failure: ReadFailure | None = None  # an input that could not be read
    key: str = ""
    article: Article | None = None
    signature: bytes | None = None
    site_lines: frozenset[str] | None = None
    retried: bool = False  # rejected by an earlier run and extracted again on purpose
    errors: list[dict[str, str]] = field(default_factory=list)  # enrichment failures
    # Not a document: a mark in the stream (the end of an input's shard) that steps pass on
    # untouched, after the chunk's documents, to the step that acts on it.
    mark: Any = None

    @property
    def source(self) -> str:
        if self.article is not None:
            return self.article.source
        if self.page is not None:
            return self.page.source
        return self.failure.source if self.failure is not None else self.key


@dataclass(slots=True)
class Run:
    """What the steps of one run share: the store, the settings, the report, the executor."""

    store: Store
    settings: Settings
    report: IngestReport
    executor: Executor


@dataclass(slots=True)
class StepStats:
    name: str
    seen: int = 0
    kept: int = 0
    seconds: float = 0.0
    executor_seconds: float = 0.0  # of ``seconds``: waiting for the executor's results
    dropped: Counter[str] = field(default_factory=Counter)  # code -> count

    def as_dict(self) -> dict[str, Any]:
        return {"seen": self.seen, "kept": self.kept, "dropped": dict(self.dropped),
                "seconds": round(self.seconds, 3),
                "executor_seconds": round(self.executor_seconds, 3)}


class Step:
    """Base class: :meth:`process` one record (return it, or None when it is dropped), or
    override :meth:`run` for work on the whole chunk (an executor's map, one transaction)."""

    name = "step"
    sees_marks = False  # whether run() is given the chunk's marks too

    def __init__(self, run: Run) -> None:
        self.run_of = run
        self.stats = StepStats(self.name)
        run.report.steps[self.name] = self.stats.as_dict()

    def process(self, doc: Doc) -> Doc | None:
        return doc

    def run(self, docs: list[Doc]) -> Iterator[Doc]:
        for doc in docs:
            out = self.process(doc)
            if out is not None:
                yield out

    def map(self, fn: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        """``fn`` over the items on the run's executor, in order, timed as executor time."""
        if not items:
            return []
        t0 = time.perf_counter()
        try:
            return self.run_of.executor.map(fn, items)
        finally:
            self.stats.executor_seconds += time.perf_counter() - t0

    def reject(self, source: str, code: str, reason: str) -> None:
        """Count and report a record this step drops for a coded reason."""
        self.stats.dropped[code] += 1
        self.run_of.report.reject(self.name, source, code, reason)

    def skip(self, counter: str) -> None:
        """Count a record this step drops on purpose (already stored, a copy...)."""
        self.stats.dropped[counter] += 1

    def __call__(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        records = list(docs)  # the steps before this one ran here, outside its timer
        marks: list[Doc] = []
        if not self.sees_marks:
            marks = [d for d in records if isinstance(d, Doc) and d.mark is not None]
            records = [d for d in records if not (isinstance(d, Doc) and d.mark is not None)]
        self.stats.seen += len(records)
        t0 = time.perf_counter()
        try:
            kept = list(self.run(records))
        finally:
            self.stats.seconds += time.perf_counter() - t0
        self.stats.kept += len(kept)
        self.run_of.report.steps[self.name] = self.stats.as_dict()
        yield from kept
        yield from marks


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_steps(
    items: Iterable[Any], steps: Sequence[Step], size: int,
    *, on_chunk: Callable[[int], object] | None = None,
) -> Iterator[Doc]:
    """Pass the items, ``size`` at a time, through every step; yields what the last one kept.

    An item is a :class:`Doc` or what the first step makes one of (a page read)."""
    for chunk in chunks(items, size):
        if on_chunk is not None:
            on_chunk(len(chunk))
        docs: Iterable[Any] = chunk
        for step in steps:
            docs = step(docs)
        yield from docs
