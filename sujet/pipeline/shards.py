"""Big inputs read in shards: a re-run after a crash redoes only the shards left unfinished.

A folder is split into shards of ``size`` files (in walk order), a file holding many records
(WARC, JSON Lines, a feed) into shards of ``size`` records. Shards are numbered in input order,
so the split is the same on every run of the same input. An input's identity is its absolute
path with, for a folder, the name, size and modification time of every file it walks, and for
a file its size and modification time: a changed input is a new input.

After the last page of a shard, a mark goes down the step list behind it; the shard step at
the end records the shard finished once the chunk holding the mark is stored and enriched
(:class:`sujet.store.shards.ShardLog`). A run started again after a crash skips the finished
shards: a folder's files in them are not read at all, a file's records are passed over without
being extracted. A run that ends normally forgets its inputs' shards, so the next run of the
same input reads it whole again (and finds its pages stored).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sujet.config import Settings
from sujet.ingest.failures import ReadFailure
from sujet.ingest.readers import iter_pages, walked_files
from sujet.model import Page
from sujet.pipeline.steps import Doc, Run, Step, chunks
from sujet.store.shards import ShardLog

SHARD_SIZE = 1000  # files of a folder, or records of a file, per shard


@dataclass(frozen=True, slots=True)
class ShardMark:
    """The end of one shard of an input: its identity, number and how many items it held."""

    input_id: str
    number: int
    items: int
    skipped: bool = False  # finished by an earlier run: not read this time


def _stat_line(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}\0?"
    return f"{path}\0{st.st_size}\0{st.st_mtime_ns}"


def input_identity(spec: str, files: Sequence[Path | ReadFailure] | None = None) -> str | None:
    """The identity of a local file or folder input (None for anything else: URLs, stdin)."""
    if spec == "-" or "://" in spec:
        return None
    path = Path(spec)
    digest = hashlib.sha1(usedforsecurity=False)
    if path.is_dir():
        digest.update(f"dir\0{path.resolve()}\n".encode())
        for item in files if files is not None else list(walked_files(path)):
            line = _stat_line(item) if isinstance(item, Path) else f"!{item.source}"
            digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
    elif path.is_file():
        digest.update(f"file\0{_stat_line(path.resolve())}".encode("utf-8", "surrogateescape"))
    else:
        return None
    return digest.hexdigest()


class ShardedReader:
    """Pages of the inputs with a mark after each shard, leaving out finished shards."""

    def __init__(self, settings: Settings, log: ShardLog, *, size: int = SHARD_SIZE,
                 fetch_links: bool = False, known: Callable[[Page], bool] | None = None) -> None:
        self.settings = settings
        self.log = log
        self.size = max(1, size)
        self.fetch_links = fetch_links
        self.known = known
        self.input_ids: list[str] = []

    def _read(self, specs: Iterable[str]) -> Iterator[Page | ReadFailure]:
        return iter_pages(specs, self.settings, fetch_links=self.fetch_links, known=self.known)

    def pages(self, inputs: Iterable[str]) -> Iterator[Page | ReadFailure | Doc]:
        for spec in inputs:
            path = Path(spec)
            files = list(walked_files(path)) if path.is_dir() else None
            input_id = input_identity(spec, files)
            if input_id is None:
                yield from self._read([spec])
                continue
            self.input_ids.append(input_id)
            finished = self.log.finished(input_id)
            if files is not None:
                yield from self._folder(input_id, files, finished)
            else:
                yield from self._records(input_id, spec, finished)

    def _folder(self, input_id: str, files: list[Path | ReadFailure],
                finished: set[int]) -> Iterator[Page | ReadFailure | Doc]:
        for number, group in enumerate(chunks(files, self.size)):
            if number in finished:
                yield Doc(mark=ShardMark(input_id, number, len(group), skipped=True))
                continue
            items = 0
            for item in group:
                if isinstance(item, ReadFailure):
                    items += 1
                    yield item
                    continue
                for page in self._read([str(item)]):
                    items += 1
                    yield page
            yield Doc(mark=ShardMark(input_id, number, items))

    def _records(self, input_id: str, spec: str,
                 finished: set[int]) -> Iterator[Page | ReadFailure | Doc]:
        for number, group in enumerate(chunks(self._read([spec]), self.size)):
            skipped = number in finished
            if not skipped:
                yield from group
            yield Doc(mark=ShardMark(input_id, number, len(group), skipped=skipped))


class ShardStep(Step):
    """Records each shard whose pages the steps before it have stored and enriched."""

    name = "shards"
    sees_marks = True

    def __init__(self, run: Run, log: ShardLog) -> None:
        super().__init__(run)
        self.log = log

    def run(self, docs: list[Doc]) -> Iterator[Doc]:
        for doc in docs:
            mark: Any = doc.mark if isinstance(doc, Doc) else None
            if not isinstance(mark, ShardMark):
                yield doc
            elif mark.skipped:
                self.run_of.report.in_finished_shards += mark.items
                self.skip("finished_before")
            else:
                self.log.finish(mark.input_id, mark.number, mark.items)
                self.skip("finished")


def shard_log(store: Any) -> ShardLog | None:
    """The store's shard log, or None for a store that keeps none."""
    try:
        return ShardLog.of(store)
    except Exception:  # noqa: BLE001 - a store without the table reads unsharded
        return None


__all__ = ["SHARD_SIZE", "ShardMark", "ShardStep", "ShardedReader", "input_identity", "shard_log"]
