"""End-to-end throughput: extract -> entities -> events on ~2,000-character ru and de articles.

Pages are built from the development texts (ner/factrueval and ner/nerel for Russian,
ner/germeval and ner/europarl-de for German), cut to about 2,000 characters at a sentence end
and wrapped in a small news page with navigation and a footer. Each tool runs in its own
process on the same pages, so peak memory is its own:

- ``sujet``: the whole ingest (extraction, dedup, store, entities, events) into a fresh SQLite,
  with the default event decision on multilingual-e5 vectors; the share of its CPU time spent
  in the e5 encoder is measured too;
- ``sujet-static``: the same with ``stories.encoder = "static"`` (distilled USE vectors only);
- ``sujet-extract``: sujet's extraction alone;
- ``trafilatura``: ``trafilatura.extract`` alone, the usual baseline;
- with ``--before TREE``, ``sujet-before``: the whole ingest of another source tree of sujet
  (``git worktree add TREE REV``), so that a change is measured against its base in one run.

Articles per CPU-second of the process is the per-core figure (the machine may be shared, so
wall time is reported beside it). Writes a dated table into docs/benchmarks/pipeline.md.

    python benchmarks/bench_pipeline.py [--per-language 100] [--no-write] [--before TREE]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SUJET_SHARED_DATA", REPO.parent / "shared" / "data"))
DOC = REPO / "docs" / "benchmarks" / "pipeline.md"
SETS = {"ru": ["ner/factrueval", "ner/nerel"], "de": ["ner/germeval", "ner/europarl-de"]}
TARGET_CHARS = 2000


def _texts(lang: str, n: int) -> list[str]:
    out: list[str] = []
    for name in SETS[lang]:
        folder = DATA / name / "docs"
        for path in sorted(folder.glob("*.txt")):
            text = " ".join(path.read_text(encoding="utf-8").split())
            if len(text) < TARGET_CHARS:
                continue
            cut = text.rfind(". ", 0, TARGET_CHARS)
            out.append(text[: cut + 1 if cut > 0 else TARGET_CHARS])
            if len(out) >= n:
                return out
    return out


def _page(i: int, lang: str, text: str) -> str:
    sentences = text.split(". ")
    title = sentences[0][:90]
    paragraphs = [". ".join(sentences[k : k + 3]) for k in range(1, len(sentences), 3)]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())
    return (
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | Wire</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/politics'>Politics</a> <a href='/economy'>Economy</a></nav>"
        f"<article><h1>{html.escape(title)}</h1><time datetime='2024-0{1 + i % 9}-1{i % 10}'>"
        f"</time>{body}</article>"
        "<aside><h2>Most read</h2><ul><li><a href='/a'>Weather this weekend</a></li>"
        "<li><a href='/b'>Football results</a></li></ul></aside>"
        "<footer>© Wire. Contact. Privacy.</footer></body></html>"
    )


def build_pages(folder: Path, per_language: int) -> int:
    n = 0
    for lang in ("ru", "de"):
        for i, text in enumerate(_texts(lang, per_language)):
            (folder / f"{lang}-{i:04d}.html").write_text(_page(i, lang, text), encoding="utf-8")
            n += 1
    return n


WARM = 6  # pages run before the clock starts: models load once per process, not per page


def _run_tool(tool: str, folder: str) -> None:
    """Child process: run one tool over the folder, print JSON with its own figures.

    The first pages warm the tool up (model loading) and are not timed: the figure is the
    steady-state throughput a long ingest sees.
    """
    pages = sorted(Path(folder).glob("*.html"))
    warm, timed = pages[:: max(1, len(pages) // WARM)][:WARM], pages
    timed = [p for p in pages if p not in set(warm)]
    kept = 0
    if tool == "trafilatura":
        import trafilatura

        def run(batch: list[Path]) -> int:
            return sum(bool(trafilatura.extract(p.read_bytes(), include_comments=False))
                       for p in batch)
    elif tool == "sujet-extract":
        from sujet.extract.document import extract_document

        def run(batch: list[Path]) -> int:
            return sum(bool(extract_document(p.read_bytes(), kind="html").text) for p in batch)
    else:
        from sujet.config import Settings
        from sujet.pipeline.ingest import run_ingest
        from sujet.store import open_store

        tmp = tempfile.mkdtemp()
        settings = Settings(db=f"sqlite:///{tmp}/bench.sqlite")
        if tool == "sujet-static":
            settings.stories.encoder = "static"  # type: ignore[assignment]
        store = open_store(settings.db)

        def run(batch: list[Path]) -> int:
            return run_ingest([str(p) for p in batch], store, settings).added
    run(warm)
    if tool != "trafilatura":
        # htmldate's fallback date parser (dateparser) compiles the patterns of its ~200
        # locales the first time a string matches none of them: a one-off of about 7 s per
        # process, like a model load, that the warm pages do not always reach.
        from htmldate.extractors import get_external_parser

        get_external_parser().get_date_data("1 Xyzzy 2024")
    encoder_cpu = _time_the_e5_encoder()
    t_cpu, t_wall, t_workers = time.process_time(), time.perf_counter(), _workers_cpu()
    kept = run(timed)
    cpu, wall = time.process_time() - t_cpu, time.perf_counter() - t_wall
    cpu += _workers_cpu() - t_workers  # pages extracted and analysed in worker processes
    peak_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + _workers_peak_kb()) / 1024
    print(json.dumps({"tool": tool, "pages": len(timed), "kept": kept, "cpu_s": cpu,
                      "wall_s": wall, "peak_mb": peak_mb, "e5_cpu_s": encoder_cpu[0]}))


def _workers_cpu() -> float:
    """CPU seconds of the bounded worker processes (where this tree has them)."""
    try:
        from sujet.pipeline.bounded import workers_cpu_seconds
    except ImportError:
        return 0.0
    return workers_cpu_seconds()


def _workers_peak_kb() -> float:
    """Peak resident kB of the bounded worker processes, added to the process's own."""
    try:
        from sujet.pipeline.bounded import workers_peak_rss
    except ImportError:
        return 0.0
    return workers_peak_rss() / 1024


def _time_the_e5_encoder() -> list[float]:
    """Count the CPU seconds spent in the e5 encoder from now on (where this tree has one)."""
    spent = [0.0]
    try:
        from sujet.stories.encoder import E5Encoder
    except ImportError:
        return spent
    encode = E5Encoder.encode

    def timed(self: E5Encoder, texts):  # type: ignore[no-untyped-def]
        t0 = time.process_time()
        try:
            return encode(self, texts)
        finally:
            spent[0] += time.process_time() - t0

    E5Encoder.encode = timed  # type: ignore[method-assign]
    return spent


def measure(tool: str, folder: Path, tree: Path | None = None) -> dict[str, float]:
    """Run one tool in a child process; ``tree``: another source tree of sujet to import."""
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(tree), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    out = subprocess.run([sys.executable, __file__, "--child", tool, str(folder)],
                         capture_output=True, text=True, check=True, env=env)
    row = json.loads(out.stdout.strip().splitlines()[-1])
    if tree is not None:
        row["tool"] = f"{tool}-before"
    return row


def write_table(rows: list[dict[str, float]], n: int) -> str:
    load = os.getloadavg()[0]
    lines = [
        f"### {date.today().isoformat()} — {n} pages (ru + de, ~2,000 characters), "
        f"{os.cpu_count()} cores, load {load:.1f}, Python {platform.python_version()}",
        "",
        "| tool | articles/s per core (CPU) | articles/s (wall) | peak MB | e5 encoder share |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        share = f"{100 * r['e5_cpu_s'] / r['cpu_s']:.0f} %" if r.get("e5_cpu_s") else "—"
        lines.append(f"| {r['tool']} | {r['pages'] / r['cpu_s']:.1f} | "
                     f"{r['pages'] / r['wall_s']:.1f} | {r['peak_mb']:.0f} | {share} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-language", type=int, default=100)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--before", type=Path, help="another source tree of sujet to run beside")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _run_tool(*args.child)
        return
    if not DATA.is_dir():
        sys.exit(f"development data not found at {DATA}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = build_pages(folder, args.per_language)
        rows = [measure(tool, folder) for tool in ("trafilatura", "sujet-extract")]
        if args.before is not None:
            rows.append(measure("sujet", folder, args.before.resolve()))
        rows += [measure(tool, folder) for tool in ("sujet", "sujet-static")]
    table = write_table(rows, n)
    print(table)
    if not args.no_write:
        write_doc(table)


MARKER = "<!-- results: newest first -->"


def write_doc(table: str) -> None:
    """Insert ``table`` after the results marker of the doc (newest first)."""
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# End-to-end throughput\n\n{MARKER}\n"
    if MARKER not in doc:
        doc = doc.rstrip("\n") + f"\n\n{MARKER}\n"
    before, after = doc.split(MARKER, 1)
    DOC.write_text(before + MARKER + "\n\n" + table + after, encoding="utf-8")

if __name__ == "__main__":
    main()
