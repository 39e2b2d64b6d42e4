"""The worker process of :mod:`sujet.pipeline.bounded`: reads a document's work from its
caller, runs it under the document's address-space and CPU limits, and answers.

Run as ``python -m sujet.pipeline.bounded_worker INBOX_FD OUTBOX_FD TIE`` by its caller only.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sys
from typing import Any, BinaryIO

from sujet.errors import SujetError
from sujet.pipeline.bounded import _PAGE, Bounds, _read_frame, _write_frame


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (no effect elsewhere)."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _address_space() -> int:
    """This process's virtual size in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


def _set_limits(bounds: Bounds) -> None:
    size = _address_space()
    if size:
        resource.setrlimit(resource.RLIMIT_AS, (size + bounds.memory_bytes, resource.RLIM_INFINITY))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(usage.ru_utime + usage.ru_stime + bounds.seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, resource.RLIM_INFINITY))


def _lift_limits() -> None:
    for which in (resource.RLIMIT_AS, resource.RLIMIT_CPU):
        resource.setrlimit(which, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def _status_kb(field: str) -> int | None:
    """A size field of /proc/self/status ("VmHWM", "VmRSS") in bytes, None where unreadable."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _reset_peak_resident() -> int | None:
    """Start a new peak-resident count for this document (Linux: ``clear_refs`` 5) and give the
    resident size now; None where the peak cannot be reset or read."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        return None
    return _status_kb("VmRSS")


# A document whose work failed after its resident size grew by this share of its memory
# allowance ran out of memory: parsers in C report a failed allocation in their own words
# (libxml2: "unknown error"), not as MemoryError, and a library above them may swallow that
# and report the page as having no text.
_AT_THE_CAP = 0.75


def _failed_at_the_cap(result: Any, resident: int | None, bounds: Bounds) -> bool:
    if resident is None or getattr(result, "code", None) is None:
        return False
    peak = _status_kb("VmHWM")
    return peak is not None and peak - resident >= _AT_THE_CAP * bounds.memory_bytes


def _serve(inbox: BinaryIO, outbox: BinaryIO) -> None:
    while True:
        try:
            message = _read_frame(inbox)
        except EOFError:
            return  # the caller is gone
        if message[0] == "warm":
            warm = message[1]
            try:
                if warm is not None:
                    warm()
            except Exception as err:  # noqa: BLE001 - reported to the caller, which gives up
                _write_frame(outbox, ("error", f"{type(err).__name__}: {err}"))
                return
            _write_frame(outbox, ("ok", None))
            continue
        _, fn, arg, bounds = message
        resident = _reset_peak_resident()
        try:
            _set_limits(bounds)
            try:
                result = fn(arg)
            finally:
                _lift_limits()
            if _failed_at_the_cap(result, resident, bounds):
                _write_frame(outbox, ("memory", f"over {bounds.memory_bytes // 2**20} MB "
                                                f"({getattr(result, 'reason', '')})"[:300]))
                return  # a fresh worker takes the next document
        except MemoryError:
            _lift_limits()
            _write_frame(outbox, ("memory", f"over {bounds.memory_bytes // 2**20} MB"))
            return  # a fresh worker takes the next document
        except Exception as err:  # noqa: BLE001 - raised again in the caller
            try:
                _write_frame(outbox, ("raise", err))
            except Exception:  # noqa: BLE001 - an exception that does not pickle
                _write_frame(outbox, ("raise", SujetError(f"{type(err).__name__}: {err}"[:300])))
            continue
        try:
            _write_frame(outbox, ("ok", result))
        except MemoryError:
            _write_frame(outbox, ("memory", "result too large to send back"))
            return


def _main(argv: list[str]) -> None:
    if argv[2:3] == ["1"]:
        _die_with_parent()
    inbox = os.fdopen(int(argv[0]), "rb")
    outbox = os.fdopen(int(argv[1]), "wb")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the caller, which stops us
    _serve(inbox, outbox)


if __name__ == "__main__":
    _main(sys.argv[1:])
