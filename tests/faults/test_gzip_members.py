"""The capped gzip stream: every member read, a member over its cap refused, a cut noted."""

from __future__ import annotations

import gzip
import io
import zlib

import pytest

from sujet.errors import TooLarge
from sujet.ingest.files import GunzipStream


def _members(*parts: bytes) -> bytes:
    return b"".join(gzip.compress(p) for p in parts)


def test_every_member_is_read_line_by_line() -> None:
    parts = [f"line {i}\n".encode() * 1000 for i in range(5)]
    stream = GunzipStream(io.BytesIO(_members(*parts)), 1 << 20, "x")
    assert b"".join(stream) == b"".join(parts) and not stream.truncated


def _stored_member(size: int) -> bytes:
    """A gzip member (stored, not compressed) of exactly ``size`` bytes."""
    for n in range(size, 0, -1):
        comp = zlib.compressobj(0, zlib.DEFLATED, 31)
        member = comp.compress(b"s" * n) + comp.flush()
        if len(member) == size:
            return member
    raise AssertionError("no stored member of that size")


def test_a_member_ending_on_a_read_boundary_is_not_the_end() -> None:
    chunk = GunzipStream._CHUNK  # noqa: SLF001 - the size it reads at a time
    first = _stored_member(chunk)
    stream = GunzipStream(io.BytesIO(first + gzip.compress(b"second\n")), 1 << 30, "x")
    assert stream.read().endswith(b"s" * 100 + b"second\n")


def test_a_member_over_its_cap_is_refused_without_reading_it_whole() -> None:
    bomb = gzip.compress(b"\0" * (8 << 20))
    stream = GunzipStream(io.BytesIO(bomb), 1 << 20, "x")
    with pytest.raises(TooLarge):
        stream.read()


def test_a_cut_off_member_is_noted() -> None:
    data = gzip.compress(b"hello world\n" * 1000)
    stream = GunzipStream(io.BytesIO(data[: len(data) // 2]), 1 << 20, "x")
    stream.read()
    assert stream.truncated
