"""Work that misbehaves, run in a bounded worker process by the tests (importable there)."""

from __future__ import annotations

import os
import re
import signal


def echo(value: object) -> object:
    return value


def pid(_: object) -> int:
    return os.getpid()


def backtrack(n: int) -> bool:
    """A regular expression that backtracks for ever inside C code: no signal handler runs
    until it returns, so only killing the process stops it."""
    return re.match(r"(a+)+$", "a" * n + "b") is not None


def allocate(megabytes: int) -> int:
    """Hold ``megabytes`` of memory at once."""
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def touch_pages(megabytes: int) -> int:
    """Grow the resident size a page at a time, in C (the address-space cap stops it first,
    or the caller's watch on the resident size)."""
    blocks = [b"x" * (1024 * 1024) for _ in range(megabytes)]
    return len(blocks)


def crash(_: object) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def fail(message: str) -> None:
    raise ValueError(message)
