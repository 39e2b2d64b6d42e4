"""The bounded worker process: stopped whatever the work does, replaced, and reused."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import fault_work as work
import pytest

from sujet.errors import DocumentOverMemory, DocumentTimeout, WorkerDied
from sujet.pipeline.bounded import BoundedWorker, Bounds, Overrun

BOUNDS = Bounds(seconds=2.0, memory_bytes=200 * 1024 * 1024)


@pytest.fixture(scope="module")
def worker() -> Iterator[BoundedWorker]:
    w = BoundedWorker("faults-test")
    yield w
    w.close()


def test_answers_and_keeps_its_process(worker: BoundedWorker) -> None:
    assert worker.call(work.echo, {"a": [1, 2]}, BOUNDS) == {"a": [1, 2]}
    first = worker.call(work.pid, None, BOUNDS)
    assert worker.call(work.pid, None, BOUNDS) == first


def test_work_stuck_in_c_code_is_stopped_on_time(worker: BoundedWorker) -> None:
    before = worker.call(work.pid, None, BOUNDS)
    t0 = time.monotonic()
    out = worker.call(work.backtrack, 60, BOUNDS)
    took = time.monotonic() - t0
    assert isinstance(out, Overrun) and out.code == DocumentTimeout.code
    assert BOUNDS.seconds <= took < BOUNDS.seconds + 2.0
    after = worker.call(work.pid, None, BOUNDS)  # a new process took over
    assert after != before
    assert worker.call(work.echo, "still works", BOUNDS) == "still works"


@pytest.mark.parametrize("hog", [work.allocate, work.touch_pages])
def test_memory_over_the_bound_is_refused(worker: BoundedWorker, hog: Callable[[int], int]) -> None:
    out = worker.call(hog, 2048, BOUNDS)  # 2 GB against a 200 MB bound
    assert isinstance(out, Overrun) and out.code == DocumentOverMemory.code
    assert worker.call(work.allocate, 50, BOUNDS) == 50 * 1024 * 1024  # within: fine


def test_a_crash_is_one_coded_failure(worker: BoundedWorker) -> None:
    out = worker.call(work.crash, None, BOUNDS)
    assert isinstance(out, Overrun) and out.code == WorkerDied.code
    assert worker.call(work.echo, 1, BOUNDS) == 1


def test_an_exception_comes_back_as_itself(worker: BoundedWorker) -> None:
    with pytest.raises(ValueError, match="bad record"):
        worker.call(work.fail, "bad record", BOUNDS)
    assert worker.call(work.echo, 2, BOUNDS) == 2
