"""The stage contract: a generator over records with counters, timers and counted rejects.

A stage takes an iterator of records and yields records. It never lets one bad record stop the
batch: a record that raises is counted under its reason (the error's code and message) and
dropped, and a stage may also drop a record on purpose with a reason.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sujet.errors import SujetError

In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(slots=True)
class Reject:
    """A record a stage dropped, and why."""

    stage: str
    source: str
    code: str
    reason: str


@dataclass(slots=True)
class StageStats:
    name: str
    seen: int = 0
    kept: int = 0
    seconds: float = 0.0
    dropped: Counter[str] = field(default_factory=Counter)  # reason -> count
    rejects: list[Reject] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "seen": self.seen,
            "kept": self.kept,
            "dropped": dict(self.dropped),
            "seconds": round(self.seconds, 3),
        }


class Stage(Generic[In, Out]):
    """Base class: subclasses implement :meth:`process` for one record.

    ``process`` returns the output records for one input (a list, possibly empty) or raises a
    :class:`SujetError` (counted under its code) — any other exception is counted too, as
    ``E600``, so a bug on one record never stops the batch.
    """

    name = "stage"

    def __init__(self) -> None:
        self.stats = StageStats(self.name)

    def process(self, record: In) -> list[Out]:
        raise NotImplementedError

    def source_of(self, record: In) -> str:
        return str(getattr(record, "source", "?"))

    def drop(self, record: In, code: str, reason: str) -> None:
        key = f"{code} {reason}"
        self.stats.dropped[key] += 1
        self.stats.rejects.append(Reject(self.name, self.source_of(record), code, reason))

    def __call__(self, records: Iterable[In]) -> Iterator[Out]:
        for record in records:
            self.stats.seen += 1
            t0 = time.perf_counter()
            try:
                outputs = self.process(record)
            except SujetError as err:
                self.drop(record, err.code, err.message)
                outputs = []
            except Exception as err:  # noqa: BLE001 - one bad record never stops the batch
                self.drop(record, "E600", f"{type(err).__name__}: {err}"[:300])
                outputs = []
            self.stats.seconds += time.perf_counter() - t0
            for out in outputs:
                self.stats.kept += 1
                yield out


class FunctionStage(Stage[In, Out]):
    """A stage made from a function of one record returning a record or None (dropped)."""

    def __init__(self, name: str, fn: Callable[[In], Out | None], reason: str = "filtered") -> None:
        self.name = name
        super().__init__()
        self._fn = fn
        self._reason = reason

    def process(self, record: In) -> list[Out]:
        out = self._fn(record)
        if out is None:
            self.drop(record, "E000", self._reason)
            return []
        return [out]
