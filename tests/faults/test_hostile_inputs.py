"""Each hostile input of the table, alone and in a batch of good pages: refused with its code,
in bounded time, and the good pages of the batch stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import fault_inputs as gen
import pytest
from fault_settings import settings_with

from sujet.errors import DocumentOverMemory, DocumentTimeout, OverLimit, TooLarge
from sujet.ingest.readers import iter_pages
from sujet.pipeline.executor import DaskExecutor
from sujet.pipeline.ingest import IngestReport, ingest_pages, run_ingest
from sujet.store import Store

MB = gen.MB
TIME_BOUND_S = 60.0  # the target: every input refused within a minute

# (file name, generator, limits changed for the test, code). Full size, default limits, except
# the gzip bomb's member cap (64 MB instead of 1 GB; the full cap is run by the CLI test).
TABLE: list[tuple[str, Callable[[Path], Path], dict[str, int], str]] = [
    ("prose.html", gen.prose_html, {}, OverLimit.code),
    ("attributes.html", gen.many_attributes, {}, OverLimit.code),
    ("paragraphs.html", gen.tiny_paragraphs, {}, OverLimit.code),
    ("nested.html", gen.deep_nesting, {}, OverLimit.code),
    ("zeros.jsonl.gz", gen.nul_bomb_jsonl_gz, {"gzip_member_bytes": 64 * MB}, TooLarge.code),
    ("line.txt", gen.long_line_txt, {}, OverLimit.code),
    ("prose.txt", gen.prose_txt, {}, OverLimit.code),
    ("table.txt", gen.csv_txt, {}, OverLimit.code),
    ("controls.txt", gen.c0_controls_txt, {}, OverLimit.code),
]


CAPS_OFF = {"html_elements": 10**9, "html_attributes": 10**9, "html_depth": 10**9,
            "text_chars": 10**12}


def _ingest(paths: list[Path], settings: object, store_of: Callable[..., Store]) -> IngestReport:
    store = store_of(settings)
    return run_ingest([str(p) for p in paths], store, settings, enrichers=[])  # type: ignore[arg-type]


def _stored_sources(settings: object, store_of: Callable[..., Store]) -> set[str]:
    store = store_of(settings)
    return {a.source for a in store.iter_articles()}


@pytest.mark.parametrize(("name", "make", "limits", "code"), TABLE, ids=[t[0] for t in TABLE])
def test_refused_alone_with_its_code_in_bounded_time(
    tmp_path: Path, store_of: Callable[..., Store], name: str, make: Callable[[Path], Path],
    limits: dict[str, int], code: str,
) -> None:
    path = make(tmp_path / name)
    settings = settings_with(tmp_path, **limits)
    t0 = time.monotonic()
    report = _ingest([path], settings, store_of)
    assert time.monotonic() - t0 < TIME_BOUND_S
    assert report.added == 0
    assert report.rejects and {r.code for r in report.rejects} == {code}


def test_a_batch_keeps_every_good_page(tmp_path: Path, store_of: Callable[..., Store]) -> None:
    folder = tmp_path / "batch"
    good = gen.good_batch(folder)
    hostile = {}
    for i, (name, make, _limits, code) in enumerate(TABLE):
        # named to sort before, between and after the good pages
        hostile[str(make(folder / f"{'amz'[i % 3]}-{name}"))] = code
    settings = settings_with(tmp_path, gzip_member_bytes=64 * MB)
    t0 = time.monotonic()
    report = _ingest([folder], settings, store_of)
    assert time.monotonic() - t0 < TIME_BOUND_S * 2
    codes = {r.source.split("#")[0]: r.code for r in report.rejects}
    assert {src: codes.get(src) for src in hostile} == hostile
    assert {str(p) for p in good} <= _stored_sources(settings, store_of)


def test_the_worker_bounds_hold_when_no_cap_stops_the_page(
    tmp_path: Path, store_of: Callable[..., Store]
) -> None:
    """Caps off: the parse itself runs away, and the worker's time and memory bounds stop it."""
    folder = tmp_path / "batch"
    good = gen.good_batch(folder)
    slow = gen.prose_html(folder / "m-slow.html", size=12 * MB)  # several times the bound
    big = gen.tiny_paragraphs(folder / "n-big.html", size=12 * MB)  # a tree of 1.5 M elements
    settings = settings_with(tmp_path, document_seconds=1.5, document_memory_mb=96, **CAPS_OFF)
    report = _ingest([folder], settings, store_of)
    codes = {r.source: r.code for r in report.rejects}
    assert codes[str(slow)] in (DocumentTimeout.code, DocumentOverMemory.code)
    assert codes[str(big)] in (DocumentTimeout.code, DocumentOverMemory.code)
    assert {str(p) for p in good} <= _stored_sources(settings, store_of)


def test_a_refused_page_is_remembered_and_retried_on_purpose(
    tmp_path: Path, store_of: Callable[..., Store]
) -> None:
    folder = tmp_path / "batch"
    gen.good_batch(folder)
    long = folder / "long.txt"
    long.write_text("Long read\n\n" + gen.prose(20_000), encoding="utf-8")
    settings = settings_with(tmp_path, text_chars=15_000)
    store = store_of(settings)
    first = run_ingest([str(folder)], store, settings, enrichers=[])
    assert [(r.source, r.code) for r in first.rejects] == [(str(long), OverLimit.code)]
    again = run_ingest([str(folder)], store, settings, enrichers=[])
    assert again.previously_rejected == 1 and not again.rejects and again.added == 0
    # the limit raised, and the page tried again on purpose: stored, and no longer remembered
    raised = settings_with(tmp_path)
    retried = run_ingest([str(folder)], store, raised, enrichers=[], retry_rejected=True)
    assert retried.added == 1 and not retried.rejects
    assert store.list_rejects() == []


def test_a_huge_feed_is_taken_a_slice_per_run_in_order(
    tmp_path: Path, store_of: Callable[..., Store]
) -> None:
    feed = gen.rss_items(tmp_path / "items.rss", n=100_000)
    settings = settings_with(tmp_path, feed_items_per_run=40)
    store = store_of(settings)
    t0 = time.monotonic()
    first = run_ingest([str(feed)], store, settings, enrichers=[])
    assert time.monotonic() - t0 < TIME_BOUND_S
    second = run_ingest([str(feed)], store, settings, enrichers=[])
    assert first.seen == second.seen == 40
    # stored or rejected (items this short have no article text): each item taken once, in order
    sources = [a.source for a in store.iter_articles()] + [r.source for r in store.list_rejects()]
    assert sorted(int(s.rsplit("#", 1)[1]) for s in sources) == list(range(80))


def test_the_bounds_hold_on_the_dask_executor(
    tmp_path: Path, store_of: Callable[..., Store]
) -> None:
    pytest.importorskip("dask.distributed")
    folder = tmp_path / "batch"
    good = gen.good_batch(folder)
    big = gen.tiny_paragraphs(folder / "n-big.html", size=12 * MB)
    settings = settings_with(tmp_path, document_seconds=4.0, document_memory_mb=96, **CAPS_OFF)
    store = store_of(settings)
    executor = DaskExecutor()
    try:
        report = ingest_pages(iter_pages([str(folder)], settings), store, settings,
                              executor=executor)
    finally:
        executor.close()
    codes = {r.source: r.code for r in report.rejects}
    assert list(codes) == [str(big)]
    assert codes[str(big)] in (DocumentTimeout.code, DocumentOverMemory.code)
    assert {str(p) for p in good} <= {a.source for a in store.iter_articles()}


def test_full_size_through_the_command_line(tmp_path: Path) -> None:
    """The 10 GB gzip bomb and the 19 MB page with the shipped limits, through ``sujet``."""
    folder = tmp_path / "batch"
    good = gen.good_batch(folder)
    bomb = gen.nul_bomb_jsonl_gz(folder / "a-zeros.jsonl.gz")
    page = gen.prose_html(folder / "m-prose.html")
    sujet = Path(sys.executable).with_name("sujet")
    t0 = time.monotonic()
    out = subprocess.run(
        [str(sujet), "ingest", str(folder), "--no-enrich", "--json",
         "--db", f"sqlite:///{tmp_path / 'cli.sqlite'}"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    assert time.monotonic() - t0 < TIME_BOUND_S, out.stderr
    report = json.loads(out.stdout)
    codes = {r["source"].split("#")[0]: r["code"] for r in report["rejects"]}
    assert codes == {str(bomb): TooLarge.code, str(page): OverLimit.code}
    assert report["added"] == len(good)
