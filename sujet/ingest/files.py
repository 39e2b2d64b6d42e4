"""Reading local inputs with a size cap: plain and gzip files, and streams."""

from __future__ import annotations

import gzip
import os
import zlib
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


def open_binary(path: Path, source: str) -> BinaryIO:
    """Open a file for streaming, decompressing ``.gz`` transparently."""
    try:
        raw = path.open("rb")
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source=source) from err
    if is_gzip_name(path):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def is_readable_file(path: Path) -> bool:
    return path.is_file() and os.access(path, os.R_OK)
