"""Hostile inputs through the real command line, and the calibration of the per-document limits.

Part 1 generates each input of the fault table (tests/faults/fault_inputs.py), ingests it
alone and then all of them inside one batch with the example corpus's pages, each run as
``/usr/bin/time -v sujet ingest INPUT --db sqlite:///...`` with the shipped settings, and
records CPU seconds (user + system, worker processes included), peak resident memory of the
largest process, wall time and the codes of the rejects.

Part 2 calibrates ``limits.document_seconds`` and ``limits.document_memory_mb``: every page of
the extraction development sets is extracted in a bounded worker (the slowest page's seconds
and the worker's peak resident size), and the longest texts of textdump/ are analysed for
entities in one (the slowest article's seconds and that worker's peak).

Writes a dated table into docs/benchmarks/limits.md.

    python benchmarks/bench_limits.py [--no-write] [--skip-calibration]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "faults"))
DATA = Path(os.environ.get("SUJET_SHARED_DATA", REPO.parent / "shared" / "data"))
DOC = REPO / "docs" / "benchmarks" / "limits.md"
SUJET = Path(sys.executable).with_name("sujet")

import fault_inputs as gen  # noqa: E402

TABLE = [
    ("19 MB HTML page of plain prose", "prose.html", gen.prose_html),
    ("one `<p>` with 200,000 attributes", "attributes.html", gen.many_attributes),
    ("12 MB of `<p>a</p>` (1.5 M paragraphs)", "paragraphs.html", gen.tiny_paragraphs),
    ("elements nested 100,000 deep", "nested.html", gen.deep_nesting),
    (".jsonl.gz expanding to 10 GB of NUL bytes", "zeros.jsonl.gz", gen.nul_bomb_jsonl_gz),
    ("RSS feed with 100,000 items", "items.rss", gen.rss_items),
    ("5 MB line without spaces (.txt)", "line.txt", gen.long_line_txt),
    ("15 MB of prose (.txt)", "prose.txt", gen.prose_txt),
    ("5,000-row CSV named .txt", "table.txt", gen.csv_txt),
    ("text with C0 control characters", "controls.txt", gen.c0_controls_txt),
]


def _timed_ingest(inputs: list[Path], db: Path, env: dict[str, str] | None = None) -> dict[str, object]:
    cmd = ["/usr/bin/time", "-v", str(SUJET), "ingest", *map(str, inputs), "--json",
           "--db", f"sqlite:///{db}"]
    t0 = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=900,
                         env={**os.environ, **(env or {})})
    wall = time.monotonic() - t0
    err = out.stderr

    def field(name: str) -> float:
        m = re.search(rf"{re.escape(name)}: ([0-9.]+)", err)
        return float(m.group(1)) if m else float("nan")

    start = out.stdout.find("{")
    report = json.loads(out.stdout[start:]) if start >= 0 else {}
    codes: dict[str, int] = {}
    for r in report.get("rejects", []):
        codes[r["code"]] = codes.get(r["code"], 0) + 1
    return {
        "cpu_s": field("User time (seconds)") + field("System time (seconds)"),
        "rss_mb": field("Maximum resident set size (kbytes)") / 1024,
        "wall_s": wall,
        "seen": report.get("seen", 0),
        "added": report.get("added", 0),
        "codes": codes,
        "rejects": report.get("rejects", []),
    }


def _codes(codes: dict[str, int]) -> str:
    return ", ".join(f"{c} x{n}" if n > 1 else c for c, n in sorted(codes.items())) or "-"


def hostile_table(work: Path) -> list[str]:
    rows = ["| input | file size | result | CPU s | peak RSS MB | wall s |",
            "|---|---:|---|---:|---:|---:|"]
    folder = work / "batch"
    good = gen.good_batch(folder)
    paths = []
    for i, (label, name, make) in enumerate(TABLE):
        path = make(work / name)
        paths.append(path)
        r = _timed_ingest([path], work / f"alone-{i}.sqlite")
        result = _codes(r["codes"])  # type: ignore[arg-type]
        if name.endswith(".rss"):
            result += (f"; {r['seen']} of 100,000 items taken ({r['added']} stored), the rest "
                       "on later runs")
        rows.append(f"| {label} | {path.stat().st_size / 2**20:.1f} MB | {result} | "
                    f"{r['cpu_s']:.1f} | {r['rss_mb']:.0f} | {r['wall_s']:.1f} |")
        print(rows[-1], flush=True)
    for path in paths:
        os.link(path, folder / f"m-{path.name}")
    r = _timed_ingest([folder], work / "batch.sqlite")
    stored = r["added"]
    rows.append(f"| all of the above in one folder with the {len(good)} example pages | | "
                f"{_codes(r['codes'])}; {stored} of {len(good)} good pages stored | "  # type: ignore[arg-type]
                f"{r['cpu_s']:.1f} | {r['rss_mb']:.0f} | {r['wall_s']:.1f} |")
    print(rows[-1], flush=True)
    return rows


# Caps switched off: only the worker's time and memory bounds stand between the parser and the page.
NO_CAPS = {"SUJET_LIMITS__HTML_ELEMENTS": "1000000000", "SUJET_LIMITS__HTML_ATTRIBUTES": "1000000000",
           "SUJET_LIMITS__HTML_DEPTH": "1000000000", "SUJET_LIMITS__TEXT_CHARS": "1000000000000"}


def worker_bound_table(work: Path) -> list[str]:
    rows = ["| input (caps off) | result | CPU s | peak RSS MB | wall s |", "|---|---|---:|---:|---:|"]
    for i, (label, name, make) in enumerate(TABLE[:3]):
        path = make(work / name)
        r = _timed_ingest([path], work / f"nocaps-{i}.sqlite", NO_CAPS)
        reasons = "; ".join(f"{x['code']} {x['reason']}" for x in r["rejects"])  # type: ignore[attr-defined]
        rows.append(f"| {label} | {reasons or 'stored'} | {r['cpu_s']:.1f} | {r['rss_mb']:.0f} | "
                    f"{r['wall_s']:.1f} |")
        print(rows[-1], flush=True)
    return rows


def calibration() -> list[str]:
    from sujet.ingest.prescan import MarkupCaps
    from sujet.model import Article, Page
    from sujet.pipeline import bounded
    from sujet.pipeline.articles import ExtractJob, extract_page, warm_extraction
    from sujet.pipeline.bounded import BoundedWorker, Bounds
    from sujet.pipeline.enrich import warm_entities

    rows: list[str] = []
    pages = sorted((DATA / "extraction").glob("*/pages/*.html"))
    if not pages:
        return ["(development data not found: calibration skipped)"]
    bounds = Bounds(600, 8 * 2**30)
    caps = MarkupCaps(10**9, 10**9, 10**9, 10**12)
    w = BoundedWorker("calibrate-extract", warm_extraction)
    slowest = (0.0, "")
    for path in pages:
        page = Page(source=path.name, content=path.read_bytes(), content_type="text/html")
        t0 = time.monotonic()
        w.call(extract_page, ExtractJob(page, None, None, 80, 600, caps), bounds)
        slowest = max(slowest, (time.monotonic() - t0, path.name))
    base = w.base_rss
    peak = _hwm(w.pid)
    w.close()
    rows.append(f"| extraction, {len(pages)} pages of extraction/ (up to "
                f"{max(p.stat().st_size for p in pages) / 2**20:.1f} MB) | slowest page "
                f"{slowest[0]:.2f} s | worker {base / 2**20:.0f} MB after start, peak "
                f"{peak / 2**20:.0f} MB |")
    texts = sorted((DATA / "textdump").glob("*/pages/*.txt"), key=lambda p: p.stat().st_size)[-20:]
    e = BoundedWorker("calibrate-entities", warm_entities)
    slowest = (0.0, "")
    from sujet.entities import analyze_entities

    for path in texts:
        text = path.read_text(encoding="utf-8")
        art = Article(id=path.stem, source=path.name, text=text)
        t0 = time.monotonic()
        e.call(analyze_entities, art, bounds)
        slowest = max(slowest, (time.monotonic() - t0, path.name))
    base = e.base_rss
    peak = _hwm(e.pid)
    e.close()
    rows.append(f"| entity analysis, the {len(texts)} longest texts of textdump/ (up to "
                f"{max(p.stat().st_size for p in texts) / 1000:.0f} kB) | slowest article "
                f"{slowest[0]:.2f} s | worker {base / 2**20:.0f} MB after start, peak "
                f"{peak / 2**20:.0f} MB |")
    bounded.close_all()
    return rows


def _hwm(pid: int | None) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    m = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(m.group(1)) * 1024 if m else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--skip-calibration", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table = hostile_table(Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        bound = worker_bound_table(Path(tmp))
    calib = [] if args.skip_calibration else calibration()
    for row in calib:
        print(row, flush=True)
    text = [
        "# Limits: hostile inputs and the calibration of the per-document bounds",
        "",
        f"Measured {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores "
        "shared with other jobs, Python " + platform.python_version() + ", shipped settings.",
        "",
        "    python benchmarks/bench_limits.py",
        "",
        "Each input is generated (tests/faults/fault_inputs.py) and ingested alone with "
        "`/usr/bin/time -v sujet ingest INPUT --json --db sqlite:///...`, then all together in "
        "one folder with the example corpus's article pages. CPU is user + system time of the "
        "command and its worker processes; peak RSS is that of the largest process.",
        "",
        *table,
        "",
        "The same pages with the caps before parsing switched off (`SUJET_LIMITS__HTML_ELEMENTS`, "
        "`__HTML_ATTRIBUTES`, `__HTML_DEPTH`, `__TEXT_CHARS` set out of reach): only the worker "
        "process's time and memory bounds are left, and a parse that overruns them is stopped "
        "(with enrichment: a page that stays within them is stored and enriched).",
        "",
        *bound,
        "",
        "## Calibration of `limits.document_seconds` and `limits.document_memory_mb`",
        "",
        "Each development page, and each of the longest development texts, in a bounded worker "
        "with no caps (one core, shared):",
        "",
        "| work | time | memory |",
        "|---|---|---|",
        *calib,
        "",
    ]
    if not args.no_write:
        DOC.write_text("\n".join(text), encoding="utf-8")
        print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
