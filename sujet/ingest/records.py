"""JSON and JSON Lines files of records: objects with ``text`` or ``html``, one Page each.

A record may also carry ``url``, ``title``, ``date`` and ``source`` (a site or agency name);
other fields are kept in the page's metadata. Sources are ``path#N``, N the 0-based index of the
record (blank lines of a JSONL file are not records).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sujet.errors import EmptyInput, MalformedInput, SujetError, TooLarge
from sujet.ingest.failures import ReadFailure
from sujet.ingest.files import open_binary, read_file_capped
from sujet.ingest.sniff import site_of
from sujet.model import Page

_KNOWN = ("text", "html", "url", "title", "date", "source", "fetched_at")


def _text_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _fetched_at(record: dict[str, Any]) -> datetime | None:
    raw = _text_field(record, "fetched_at")
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        return None


def record_page(record: Any, source: str, *, folder_site: str | None) -> Page:
    """The Page of one record; raises MalformedInput / EmptyInput for an unusable one."""
    if not isinstance(record, dict):
        raise MalformedInput(f"record is a JSON {type(record).__name__}, not an object", source=source)
    html = record.get("html")
    text = record.get("text")
    if isinstance(html, str) and html.strip():
        content, ctype = html, "text/html"
    elif isinstance(text, str) and text.strip():
        content, ctype = text, "text/plain"
    else:
        raise EmptyInput("record has no non-empty 'text' or 'html' field", source=source)
    url = _text_field(record, "url")
    name = _text_field(record, "source")
    extra = {k: v for k, v in record.items() if k not in _KNOWN}
    if name:
        extra["source"] = name
    extra["date_from"] = "record"  # the date hint, if any, is the record's own date field
    return Page(
        source=source,
        content=content,
        content_type=ctype,
        url=url,
        fetched_at=_fetched_at(record),
        title_hint=_text_field(record, "title"),
        date_hint=_text_field(record, "date"),
        site=site_of(url) or name or folder_site,
        metadata=extra,
    )


def iter_json(
    path: Path, source: str, max_bytes: int, *, folder_site: str | None
) -> Iterator[Page | ReadFailure]:
    """A ``.json`` file: one record object, or a list of them. Raises for an unreadable file."""
    data = read_file_capped(path, max_bytes, source)
    try:
        loaded = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise MalformedInput(f"malformed JSON: {err}", source=source) from err
    records = loaded if isinstance(loaded, list) else [loaded]
    for index, record in enumerate(records):
        item = f"{source}#{index}"
        try:
            yield record_page(record, item, folder_site=folder_site)
        except SujetError as err:
            yield ReadFailure.from_error(err, item)


def iter_jsonl(
    path: Path, source: str, max_bytes: int, *, folder_site: str | None, member_bytes: int
) -> Iterator[Page | ReadFailure]:
    """A ``.jsonl`` file, streamed: ``max_bytes`` caps each line, not the file, and
    ``member_bytes`` the decompressed size of a gzip member (TooLarge past it).

    A malformed line is one failure and reading goes on; a file cut short (truncated gzip)
    ends with one failure after the records read before the cut.
    """
    index = 0
    with open_binary(path, source, member_bytes) as stream:
        while True:
            item = f"{source}#{index}"
            try:
                line = stream.readline(max_bytes + 1)
            except (EOFError, OSError) as err:
                yield ReadFailure(item, MalformedInput.code, f"file ends early or is broken: {err}")
                return
            if not line:
                if getattr(stream, "truncated", False):
                    yield ReadFailure(item, MalformedInput.code, "file ends early (truncated gzip)")
                return
            if len(line) > max_bytes:
                yield ReadFailure.from_error(TooLarge("record over the size limit", source=item), item)
                _skip_line(stream)
                index += 1
                continue
            if not line.strip():
                continue
            index += 1
            try:
                record = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                yield ReadFailure(item, MalformedInput.code, f"malformed JSON line: {err}")
                continue
            try:
                yield record_page(record, item, folder_site=folder_site)
            except SujetError as err:
                yield ReadFailure.from_error(err, item)


def _skip_line(stream: Any) -> None:
    while True:
        chunk = stream.readline(1024 * 1024)
        if not chunk or chunk.endswith(b"\n"):
            return
