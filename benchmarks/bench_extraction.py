"""Speed, peak memory and quality of HTML article extraction, side by side.

Runs each tool in its own subprocess over the same pages (the extraction/aeb and
extraction/trafilatura dev pages), so that peak memory (``ru_maxrss``) belongs to one tool, and
scores the bodies (aeb: shingle-4 macro F1; trafilatura: snippet micro F1). Appends a dated table
to docs/benchmarks/extraction.md.

    .venv/bin/python benchmarks/bench_extraction.py [--limit N] [--data DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("SUJET_SHARED_DATA", REPO.parent / "shared" / "data"))
DEFAULT_OUTPUT = REPO / "docs" / "benchmarks" / "extraction.md"
SETS = ("aeb", "trafilatura")
# Pages every tool runs once before the measured run over all pages (the first of the list).
WARM_UP_PAGES = 10
TOOLS = {
    "sujet extract_html": "sujet",
    "trafilatura.extract (defaults)": "trafilatura",
    "trafilatura.extract (include_comments=False)": "trafilatura-nocomments",
    "readability-lxml": "readability",
}
TABLE_HEADER = (
    "| date | cores | tool | pages | pages/s (wall) | pages/s (CPU) | peak MB | aeb F1 "
    "| trafilatura snippet F1 |\n"
    "|---|---|---|---|---|---|---|---|---|\n"
)


def _load_pages(data: Path, limit: int | None) -> list[dict[str, Any]]:
    pages: list[dict[str, Any]] = []
    for name in SETS:
        folder = data / "extraction" / name
        if not (folder / "gold.jsonl").is_file():
            continue
        gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text().splitlines()]
        for rec in gold[:limit] if limit else gold:
            path = folder / "pages" / f"{rec['id']}.html"
            if path.is_file():
                pages.append({"set": name, "path": str(path), "gold": rec})
    return pages


def _tool(name: str) -> Callable[[bytes, str | None], str]:
    if name == "sujet":
        from sujet.extract.html import extract_html

        return lambda raw, url: extract_html(raw, url=url).text
    if name.startswith("trafilatura"):
        import trafilatura

        comments = name == "trafilatura"
        return lambda raw, url: trafilatura.extract(raw, url=url, include_comments=comments) or ""
    if name == "readability":
        import lxml.html
        from readability import Document

        from sujet.extract.html.parse import visible_text
        from sujet.ingest.encoding import decode

        def run(raw: bytes, url: str | None) -> str:
            summary = Document(decode(raw)[0], url=url).summary(html_partial=True)
            return visible_text(lxml.html.fragment_fromstring(summary, create_parent="div"))

        return run
    raise ValueError(f"unknown tool {name}")


def _score(pages: list[dict[str, Any]], texts: list[str]) -> dict[str, float | None]:
    from sujet.eval.metrics import macro_prf, prf, shingle_tp_fp_fn, snippet_counts

    rows = []
    snip = [0, 0, 0, 0]
    for page, text in zip(pages, texts, strict=True):
        gold = page["gold"]
        if "text" in gold:
            rows.append(shingle_tp_fp_fn(gold["text"], text))
        if "must_have" in gold or "must_not_have" in gold:
            counts = snippet_counts(text, gold.get("must_have", []), gold.get("must_not_have", []))
            snip = [a + b for a, b in zip(snip, counts, strict=True)]
    return {
        "aeb_f1": macro_prf(rows)[2] if rows else None,
        "snippet_f1": prf(snip[0], snip[2], snip[1])[2] if sum(snip) else None,
    }


def _first_use() -> float:
    """CPU seconds of dateparser's one-time set-up, run in every tool's process alike.

    htmldate hands the date strings its own rules cannot read to dateparser, which then tries
    its locales one by one and compiles each one's word lists the first time: 1.5 to 5 s of CPU
    once per process, spread over the few pages (6 of 290 here) that reach it, and missed by a
    warm-up on ten pages. A long-running ingest pays it once; a date string that no locale reads
    makes dateparser set up all of them here. BENCH_FIRST_USE=0 leaves it inside the measure.
    """
    try:
        from htmldate.extractors import get_external_parser
    except ImportError:
        return 0.0
    start = time.process_time()
    get_external_parser().get_date_data("12 qqqq 2021")
    return time.process_time() - start


def worker(tool: str, pages_file: Path) -> None:
    """One tool over every page; prints one JSON line of figures."""
    pages = json.loads(pages_file.read_text())
    raws = [Path(p["path"]).read_bytes() for p in pages]
    run = _tool(tool)
    # warm-up, the same for every tool: lazy imports and what libraries load on first use
    # (dateparser loads its language data the first time htmldate asks it, about 2 s of CPU
    # once per process, which a long-running ingest pays once and not per page)
    warm_cpu = time.process_time()
    first_use_cpu = _first_use() if os.environ.get("BENCH_FIRST_USE", "1") == "1" else 0.0
    for page, raw in list(zip(pages, raws, strict=True))[:WARM_UP_PAGES]:
        try:
            run(raw, page["gold"].get("url"))
        except Exception:  # noqa: BLE001, S112 - a failing page is counted in the measured run
            continue
    warm_cpu = time.process_time() - warm_cpu
    texts: list[str] = []
    failures = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for page, raw in zip(pages, raws, strict=True):
        try:
            texts.append(run(raw, page["gold"].get("url")))
        except Exception:  # noqa: BLE001 - a failing page scores empty and is counted
            failures += 1
            texts.append("")
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({
        "pages": len(pages), "seconds": seconds, "cpu_seconds": cpu_seconds,
        "peak_mb": peak_kb / 1024, "warm_up_cpu_seconds": warm_cpu,
        "first_use_cpu_seconds": first_use_cpu,
        "failures": failures, **_score(pages, texts),
    }))


def _fmt(value: float | None, digits: int = 4) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _write_table(output: Path, rows: list[str]) -> None:
    intro = (
        "# Extraction benchmark\n\n"
        "Written by `benchmarks/bench_extraction.py`: every tool runs in its own process over the "
        "same pages (the extraction/aeb and extraction/trafilatura dev pages of "
        "`../shared/data`), one page at a time, after a warm-up over the first 10 pages (lazy imports, language data that libraries load on first use) "
        "and, in every tool's process alike, dateparser's one-time set-up of its locales (which htmldate calls on a few pages; "
        "from 2026-12-02 on). Peak MB is the "
        "process's maximum resident set size (interpreter, libraries and the pages in memory "
        "included). pages/s (CPU) divides by the process's CPU time, which other load on a shared "
        "machine does not inflate; pages/s (wall) by elapsed time. aeb F1: shingle-4 macro F1 of the body against the full gold text; "
        "trafilatura snippet F1: micro F1 of must-have / must-not-have snippets. New runs are "
        "appended; rows are not comparable across machines.\n\n"
    )
    old_rows: list[str] = []
    notes = ""  # hand-written sections ("## ...") after the table are kept as they are
    if output.is_file():
        text = output.read_text()
        old_rows = [ln for ln in text.splitlines() if ln.startswith("| 2")]
        at = text.find("\n## ")
        notes = "\n" + text[at + 1 :] if at >= 0 else ""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(intro + TABLE_HEADER + "\n".join(old_rows + rows) + "\n" + notes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="pages per set (default: all)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="Markdown table to update")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--pages-file", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.pages_file)
        return
    pages = _load_pages(args.data, args.limit)
    if not pages:
        sys.exit(f"no extraction dev pages under {args.data / 'extraction'}")
    pages_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"sujet-bench-pages-{os.getpid()}.json"
    pages_file.write_text(json.dumps(pages))
    today = dt.date.today().isoformat()
    cores = os.cpu_count() or 1
    rows = []
    try:
        for label, tool in TOOLS.items():
            proc = subprocess.run(
                [sys.executable, __file__, "--worker", tool, "--pages-file", str(pages_file)],
                capture_output=True, text=True, check=True,
                env={**os.environ, "OMP_NUM_THREADS": "1"},
            )
            fig = json.loads(proc.stdout.strip().splitlines()[-1])
            rate = fig["pages"] / fig["seconds"] if fig["seconds"] else 0.0
            cpu_rate = fig["pages"] / fig["cpu_seconds"] if fig["cpu_seconds"] else 0.0
            rows.append(
                f"| {today} | {cores} | {label} | {fig['pages']} | {rate:.1f} | {cpu_rate:.1f} | "
                f"{fig['peak_mb']:.0f} | {_fmt(fig['aeb_f1'])} | {_fmt(fig['snippet_f1'])} |"
            )
            setup = f"(dateparser set-up before the run: {fig['first_use_cpu_seconds']:.2f} s CPU)"
            print(rows[-1], setup, flush=True)
    finally:
        pages_file.unlink(missing_ok=True)
    _write_table(args.output, rows)
    print(f"{platform.python_implementation()} {platform.python_version()}; table in {args.output}")


if __name__ == "__main__":
    main()
