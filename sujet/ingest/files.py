"""Reading local inputs with a size cap: plain and gzip files, and streams."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sujet.errors import InputError, MalformedInput, TooLarge

_CHUNK = 1024 * 1024


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def read_stream_capped(stream: BinaryIO, max_bytes: int, source: str) -> bytes:
    """Read ``stream`` to its end, refusing (TooLarge) as soon as it passes ``max_bytes``."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(f"more than {_mb(max_bytes)} (the size limit)", source=source)


def is_gzip_name(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def inner_name(path: Path) -> str:
    """The file name without a trailing ``.gz``, in lower case: what the content is."""
    return path.name.lower().removesuffix(".gz")


def check_size(path: Path, max_bytes: int, source: str) -> None:
    """Refuse a file larger than ``max_bytes`` from its size alone, without reading it."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source=source) from err
    if size > max_bytes:
        raise TooLarge(f"{_mb(size)} is over the {_mb(max_bytes)} size limit", source=source)


def read_file_capped(path: Path, max_bytes: int, source: str) -> bytes:
    """The bytes of a file (decompressed when gzip), at most ``max_bytes`` of them.

    The compressed size is checked before reading and the decompressed size while reading, so
    neither a huge file nor a small gzip bomb is ever held in memory whole.
    """
    check_size(path, max_bytes, source)
    try:
        with path.open("rb") as raw:
            if not is_gzip_name(path):
                return read_stream_capped(raw, max_bytes, source)
            with gzip.GzipFile(fileobj=raw) as unzipped:
                return read_stream_capped(unzipped, max_bytes, source)  # type: ignore[arg-type]
    except EOFError as err:
        raise MalformedInput("truncated gzip (compressed data ends early)", source=source) from err
    except (gzip.BadGzipFile, zlib.error) as err:
        raise MalformedInput(f"broken gzip: {err}", source=source) from err
    except IsADirectoryError as err:
        raise InputError("is a directory", source=source) from err
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source=source) from err


def open_binary(path: Path, source: str, member_bytes: int) -> BinaryIO:
    """Open a file for streaming, decompressing ``.gz`` transparently (at most ``member_bytes``
    from one gzip member: TooLarge past it)."""
    try:
        raw = path.open("rb")
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source=source) from err
    if is_gzip_name(path):
        return GunzipStream(raw, member_bytes, source)  # type: ignore[return-value]
    return raw


class GunzipStream:
    """A read-only stream of gzip data (one or many members), each member capped.

    Decompression goes a bounded step at a time (``zlib``'s ``max_length``), so a bomb never
    fills memory: the member that passes ``member_bytes`` raises TooLarge. The standard gzip
    module loses the last block at a cut and reads a member of any size; this stream hands out
    everything that can be decompressed, then ends cleanly with ``truncated`` set.
    """

    _CHUNK = 64 * 1024

    def __init__(self, raw: BinaryIO, member_bytes: int, source: str) -> None:
        self._raw = raw
        self._cap = member_bytes
        self._source = source
        self._zlib = zlib.decompressobj(wbits=31)
        self._pending = b""  # compressed input not decompressed yet
        self._buffer = bytearray()
        self._member_out = 0
        self._done = False
        self._in_member = False  # input fed to the current member, its end not seen yet
        self.truncated = False

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            self._fill()
        n = len(self._buffer) if size < 0 else min(size, len(self._buffer))
        out = bytes(self._buffer[:n])
        del self._buffer[:n]
        return out

    def readline(self, limit: int = -1) -> bytes:
        start = 0
        while True:
            end = self._buffer.find(b"\n", start)
            if end >= 0:
                n = end + 1
                break
            if 0 <= limit <= len(self._buffer) or self._done:
                n = len(self._buffer)
                break
            start = len(self._buffer)
            self._fill()
        if limit >= 0:
            n = min(n, limit)
        out = bytes(self._buffer[:n])
        del self._buffer[:n]
        return out

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> GunzipStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fill(self) -> None:
        if not self._pending:
            self._pending = self._raw.read(self._CHUNK)
            if not self._pending:
                self._done = True
                self.truncated = self._in_member
                return
        self._in_member = True
        try:
            out = self._zlib.decompress(self._pending, self._CHUNK)
        except zlib.error as err:
            raise MalformedInput(f"broken gzip: {err}", source=self._source) from err
        self._pending = self._zlib.unconsumed_tail
        self._member_out += len(out)
        if self._member_out > self._cap:
            raise TooLarge(f"a gzip member decompresses to more than {_mb(self._cap)}",
                           source=self._source)
        self._buffer += out
        if not self._zlib.eof:
            return
        self._in_member = False
        self._member_out = 0
        rest = self._zlib.unused_data
        while len(rest) < 2:  # is another member next?
            more = self._raw.read(self._CHUNK)
            if not more:
                break
            rest += more
        if not rest.startswith(b"\x1f\x8b"):
            self._done = True  # the end, or padding or garbage after the last member
            return
        self._pending = rest
        self._zlib = zlib.decompressobj(wbits=31)


def is_readable_file(path: Path) -> bool:
    return path.is_file() and os.access(path, os.R_OK)
