"""Run one document's work in a worker process that is killed and replaced when it overruns.

A signal on the main thread cannot stop a parser that never returns to Python, a
decompression inside C code or work on another thread or executor; a separate process can be
stopped whatever it does. Each role ("extract", "entities") has one worker process per calling
process (the ingest process, or each Dask worker), started on first use and kept: its models
load once, in :func:`call`'s ``warm`` function, not per document.

Per document the worker runs under three bounds:

- wall time: the caller waits ``seconds`` for the answer, then kills the worker (``E601``);
- memory: the worker caps its own address space at its size when the document comes in plus
  ``memory_bytes`` (a parse that asks for more gets MemoryError, ``E602``), and the caller
  watches its resident size as well, killing it when it grows by more (``E602``);
- CPU: the worker's CPU limit is set to its usage so far plus the wall time, so a worker whose
  caller is gone (killed with -9) still stops.

A killed or dead worker is replaced on the next call; the batch goes on. The worker also dies
with its caller (``PR_SET_PDEATHSIG`` on Linux when started from the main thread; otherwise at
the end of its input, or at its CPU limit if it is inside a document). The worker process's side
is :mod:`sujet.pipeline.bounded_worker`.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from sujet.errors import (
    DocumentOverMemory,
    DocumentTimeout,
    SujetError,
    WorkerDied,
)

_HEADER = struct.Struct("!Q")
_POLL_S = 0.05  # how often the caller looks at the worker's resident size while waiting
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True, slots=True)
class Bounds:
    """The limits of one document: wall seconds and memory the document may add (bytes)."""

    seconds: float
    memory_bytes: int


@dataclass(frozen=True, slots=True)
class Overrun:
    """A document the worker did not finish: the code and one-line reason to report."""

    code: str
    reason: str


def _write_frame(stream: BinaryIO, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)))
    stream.write(data)
    stream.flush()


def _read_exact(stream: BinaryIO, n: int) -> bytes:
    parts: list[bytes] = []
    while n:
        chunk = stream.read(n)
        if not chunk:
            raise EOFError("stream ended")
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _read_frame(stream: BinaryIO) -> Any:
    (size,) = _HEADER.unpack(_read_exact(stream, _HEADER.size))
    return pickle.loads(_read_exact(stream, size))


def _rss_bytes(pid: int) -> int | None:
    """Resident size of a process (Linux /proc), or None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


class BoundedWorker:
    """One worker process for one role; :meth:`call` runs a function on it under bounds."""

    def __init__(self, role: str, warm: Callable[[], object] | None = None) -> None:
        self.role = role
        self.warm = warm
        self._proc: subprocess.Popen[bytes] | None = None
        self._to: BinaryIO | None = None
        self._from: BinaryIO | None = None
        self._base_rss = 0
        self._lock = threading.Lock()
        self.started = 0  # worker processes started (the first, then each replacement)

    # -- life cycle -------------------------------------------------------------------------

    def _start(self) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = dict(os.environ)
        env.setdefault("OMP_NUM_THREADS", "1")
        # the caller's import path, so the worker finds every module the caller can name
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        # Linux ties the worker's death to the thread that starts it: only the main thread
        # lives as long as the process (a worker started from a pool thread ends with its
        # input instead, and its CPU limit stops a document it is still working on).
        tie = "1" if threading.current_thread() is threading.main_thread() else "0"
        cmd = [sys.executable, "-m", "sujet.pipeline.bounded_worker", str(to_child_r),
               str(from_child_w), tie]
        try:
            self._proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                cmd, pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL,
                stdout=sys.stderr.fileno() if _has_fileno(sys.stderr) else None,
                env=env, close_fds=True,
            )
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self._to = os.fdopen(to_child_w, "wb")
        self._from = os.fdopen(from_child_r, "rb")
        self.started += 1
        _write_frame(self._to, ("warm", self.warm))
        reply = _read_frame(self._from)  # models load here, without a bound: once per worker
        if reply[0] != "ok":
            self.close()
            raise SujetError(f"{self.role} worker failed to start: {reply[1]}")
        self._base_rss = _rss_bytes(self._proc.pid) or 0

    def close(self) -> None:
        """Stop the worker process (a later call starts a new one)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            _RETIRED[0] += _cpu_seconds(proc.pid)
        for stream in (self._to, self._from):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._to = self._from = None
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(OSError):
                proc.kill()
        if proc is not None:
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                proc.wait(timeout=10)

    @property
    def base_rss(self) -> int:
        """The resident size of the worker process after start-up and warming (bytes)."""
        return self._base_rss

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    # -- one document ------------------------------------------------------------------------

    def call(self, fn: Callable[[Any], Any], arg: Any, bounds: Bounds) -> Any:
        """``fn(arg)`` in the worker, or an :class:`Overrun` when a bound stopped it.

        An exception ``fn`` raises is raised here again (a MemoryError as an Overrun).
        """
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self.close()
                self._start()
            assert self._proc is not None and self._to is not None and self._from is not None
            # what this document may add to the worker as it stands before the document
            memory_cap = (_rss_bytes(self._proc.pid) or self._base_rss) + bounds.memory_bytes
            try:
                _write_frame(self._to, ("run", fn, arg, bounds))
            except (BrokenPipeError, OSError):
                return self._died("before it read the document")
            return self._wait(bounds, memory_cap)

    def _wait(self, bounds: Bounds, memory_cap: int) -> Any:
        assert self._proc is not None and self._from is not None
        deadline = time.monotonic() + bounds.seconds
        fd = self._from.fileno()
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.close()
                return Overrun(DocumentTimeout.code, f"over {bounds.seconds:g} s; worker replaced")
            ready, _, _ = select.select([fd], [], [], min(_POLL_S, left))
            if ready:
                break
            rss = _rss_bytes(self._proc.pid)
            if rss is not None and rss > memory_cap:
                self.close()
                return Overrun(DocumentOverMemory.code,
                               f"over {bounds.memory_bytes // 2**20} MB; worker replaced")
        try:
            reply = _read_frame(self._from)
        except (EOFError, OSError, pickle.UnpicklingError):
            return self._died("while working on it")
        kind = reply[0]
        if kind == "ok":
            return reply[1]
        if kind == "memory":
            self.close()  # a MemoryError may leave its state half built: start afresh
            return Overrun(DocumentOverMemory.code, reply[1])
        raise reply[1]

    def _died(self, when: str) -> Overrun:
        proc = self._proc
        code = proc.wait(timeout=10) if proc is not None else None
        self.close()
        if code is not None and -code == getattr(signal, "SIGXCPU", -1):
            return Overrun(DocumentTimeout.code, "CPU limit reached; worker replaced")
        if code is not None and -code in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT):
            # the kernel's out-of-memory killer and failed allocations in C code end this way
            return Overrun(WorkerDied.code, f"worker died {when} (signal {-code}); replaced")
        return Overrun(WorkerDied.code, f"worker exited {when} (status {code}); replaced")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process (Linux /proc; 0 elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _peak_rss(pid: int) -> int:
    """Peak resident bytes of a live process (Linux /proc; 0 elsewhere)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def workers_cpu_seconds() -> float:
    """CPU seconds spent by this process's worker processes so far, stopped ones included
    (what ``time.process_time`` of the caller does not see)."""
    with _WORKERS_LOCK:
        live = sum(_cpu_seconds(w.pid) for w in _WORKERS.values() if w.pid is not None)
    return _RETIRED[0] + live


def workers_peak_rss() -> int:
    """The sum of the peak resident sizes of this process's live worker processes."""
    with _WORKERS_LOCK:
        return sum(_peak_rss(w.pid) for w in _WORKERS.values() if w.pid is not None)


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


_WORKERS: dict[str, BoundedWorker] = {}
_WORKERS_LOCK = threading.Lock()
_RETIRED = [0.0]  # CPU seconds of stopped worker processes


def worker(role: str, warm: Callable[[], object] | None = None) -> BoundedWorker:
    """This process's worker for ``role`` (one per role, started on first call)."""
    with _WORKERS_LOCK:
        found = _WORKERS.get(role)
        if found is None or found.warm != warm:  # an equal warm-up (a copy) keeps it
            if found is not None:
                found.close()
            found = _WORKERS[role] = BoundedWorker(role, warm)
        return found


def call(role: str, fn: Callable[[Any], Any], arg: Any, bounds: Bounds,
         warm: Callable[[], object] | None = None) -> Any:
    """``fn(arg)`` on this process's ``role`` worker under ``bounds`` (or an Overrun)."""
    return worker(role, warm).call(fn, arg, bounds)


@atexit.register
def close_all() -> None:
    """Stop every worker process of this process."""
    with _WORKERS_LOCK:
        for w in _WORKERS.values():
            w.close()
        _WORKERS.clear()
