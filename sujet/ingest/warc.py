"""WARC archives: one Page per HTML or text response record.

Requests, metadata, revisits, non-2xx responses and non-text payloads are skipped. Gzip WARCs
are read through the standard gzip module, which handles both the usual one-member-per-record
layout and whole-file compression, and reports a cut-off archive as an error instead of quietly
ending. ``max_bytes`` caps each record, not the archive: crawls are large by nature.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from datetime import datetime
from email.message import Message
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sujet.errors import InputError, MalformedInput, SujetError, TooLarge
from sujet.ingest.failures import ReadFailure
from sujet.ingest.files import GunzipStream
from sujet.ingest.sniff import check_content, site_of
from sujet.model import Page

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# warcio meets a cut-off or garbled archive with whatever its parser trips on.
_STREAM_ERRORS = (
    ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError, OSError,
    AttributeError, TypeError, KeyError, IndexError,
)


def _content_type(raw: str | None) -> tuple[str, str | None]:
    """(mime type, charset) of a Content-Type header value."""
    if not raw:
        return "", None
    msg = Message()
    msg["content-type"] = raw
    charset = msg.get_param("charset")
    return msg.get_content_type(), charset if isinstance(charset, str) else None


def _warc_date(raw: str | None) -> datetime | None:
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.strip())
    except ValueError:
        return None


def _wanted(record: Any) -> tuple[str, str | None] | None:
    """(mime type, charset) of a record whose payload is a page, else None."""
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        if not status or not status.startswith("2"):
            return None
        mime, charset = _content_type(record.http_headers.get_header("Content-Type"))
    elif record.rec_type == "resource":
        mime, charset = _content_type(record.rec_headers.get_header("Content-Type"))
    else:
        return None
    return (mime, charset) if mime in _TEXT_TYPES else None


def iter_warc(
    path: Path, source: str, max_bytes: int, member_bytes: int
) -> Iterator[Page | ReadFailure]:
    """Pages of a WARC file, ``source#N`` with N counting the page records in order.

    ``max_bytes`` caps each page record's payload, ``member_bytes`` each gzip member's
    decompressed size (a member over it ends the archive with TooLarge)."""
    try:
        raw = path.open("rb")
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source=source) from err
    with raw:
        compressed = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        stream: Any = GunzipStream(raw, member_bytes, source) if compressed else raw
        index = 0
        archive = ArchiveIterator(stream, arc2warc=True)
        records = iter(archive)
        seen_any = False
        while True:
            item = f"{source}#{index}"
            try:
                record = next(records)
            except StopIteration:
                if getattr(stream, "truncated", False) or _unread_tail(raw, archive, compressed):
                    why = "truncated WARC: the archive ends inside a record"
                    yield ReadFailure(item, MalformedInput.code, why)
                elif not seen_any and path.stat().st_size > 0:
                    yield ReadFailure(item, MalformedInput.code, "no WARC record found (not a WARC or cut off)")
                return
            except SujetError as err:  # a gzip member over its cap, or broken
                yield ReadFailure.from_error(err, item)
                return
            except _STREAM_ERRORS as err:
                yield ReadFailure(item, MalformedInput.code, f"truncated or broken WARC: {_one_line(err)}")
                return
            seen_any = True
            if record.rec_type is None or record.length is None:
                yield ReadFailure(item, MalformedInput.code, "truncated WARC: a record header is cut off")
                return
            wanted = _wanted(record)
            if wanted is None:
                try:
                    cut = _cut_off(record)
                except SujetError as err:
                    yield ReadFailure.from_error(err, item)
                    return
                if cut:
                    yield ReadFailure(item, MalformedInput.code, "truncated WARC: a record is cut off")
                    return
                continue
            index += 1
            try:
                yield _record_page(record, item, wanted, max_bytes)
            except SujetError as err:
                yield ReadFailure.from_error(err, item)
                if isinstance(err, MalformedInput):
                    return  # nothing after a cut-off record can be read
            except _STREAM_ERRORS as err:
                yield ReadFailure(item, MalformedInput.code, f"truncated or broken WARC: {_one_line(err)}")
                return


def _cut_off(record: Any) -> bool:
    """Read a skipped record to its end; True when the file ends before its declared length."""
    try:
        while record.raw_stream.read(64 * 1024):
            pass
    except _STREAM_ERRORS:
        return True
    return getattr(record.raw_stream, "limit", 0) > 0


def _unread_tail(raw: BinaryIO, archive: ArchiveIterator, compressed: bool) -> bool:
    """True when bytes follow the last whole record of an uncompressed WARC.

    warcio ends quietly on a record cut inside its header; what it leaves unread shows it.
    """
    if compressed:
        return False
    try:
        raw.seek(int(archive.offset))
        return bool(raw.read(4096).strip())
    except (OSError, ValueError, TypeError):
        return False


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text[:200]


def _record_page(record: Any, item: str, wanted: tuple[str, str | None], max_bytes: int) -> Page:
    mime, charset = wanted
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        raise TooLarge("record payload over the size limit", source=item)
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise MalformedInput("record cut off before its declared length (truncated WARC)", source=item)
    check_content(body, item)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Page(
        source=item,
        content=body,
        content_type=mime,
        url=url,
        fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
        encoding=charset,
        site=site_of(url),
        metadata={"warc_record_id": record.rec_headers.get_header("WARC-Record-ID")},
    )
