"""Hostile inputs made on the spot (nothing stored in the repository): huge and pathological
pages, a gzip bomb, a feed of 100,000 items, and good pages to batch them with.

Each generator writes one file and returns its path; sizes are parameters so that the suite can
test the mechanism on small inputs and run a few at full size.
"""

from __future__ import annotations

import gzip
import random
import shutil
import struct
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOOD = sorted((REPO / "examples" / "corpus" / "html").rglob("2*.html")) + sorted(
    (REPO / "examples" / "corpus" / "text").glob("*.txt")
)
_SENTENCE = (
    "the council said on monday that the new bridge over the river would open next spring "
    "after two years of work while residents asked for more buses and a safer crossing near "
    "the school where the mayor met parents and engineers to discuss the plan in detail"
)
_WORDS = _SENTENCE.split(" ")
MB = 1024 * 1024


def prose(n_chars: int, seed: int = 0) -> str:
    """Sentences of ordinary English words, about ``n_chars`` long."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_chars:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 20))]
        sentence = " ".join(words).capitalize() + ". "
        out.append(sentence)
        size += len(sentence)
    return "".join(out)


def _write_chunks(path: Path, head: str, body_chunk: str, total_bytes: int, tail: str) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(head)
        written = len(head)
        while written < total_bytes:
            fh.write(body_chunk)
            written += len(body_chunk)
        fh.write(tail)
    return path


def prose_html(path: Path, size: int = 19 * MB) -> Path:
    """An HTML page of plain prose paragraphs (under the 20 MB file cap at full size)."""
    para = "".join(f"<p>{prose(600, seed=i)}</p>\n" for i in range(50))
    return _write_chunks(path, "<html><head><title>Long</title></head><body>\n", para, size,
                         "</body></html>\n")


def many_attributes(path: Path, n: int = 200_000) -> Path:
    """One <p> with ``n`` attributes."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write("<html><body><p")
        for i in range(n):
            fh.write(f' a{i}="v"')
        fh.write(f">{prose(2000)}</p></body></html>\n")
    return path


def tiny_paragraphs(path: Path, size: int = 12 * MB) -> Path:
    """``size`` bytes of ``<p>a</p>`` (1.5 million paragraphs at full size)."""
    return _write_chunks(path, "<html><body>", "<p>a</p>" * 8192, size, "</body></html>\n")


def deep_nesting(path: Path, depth: int = 100_000) -> Path:
    """Elements nested ``depth`` deep."""
    path.write_text("<html><body>" + "<div>" * depth + prose(2000) + "</div>" * depth
                    + "</body></html>\n", encoding="utf-8")
    return path


def nul_bomb_jsonl_gz(path: Path, expanded: int = 10 * 1024 * MB) -> Path:
    """A ``.jsonl.gz`` whose one gzip member expands to ``expanded`` NUL bytes, written as the
    same flushed deflate block over and over, so the file is about 1/1000 of that and is made
    in a fraction of a second. The trailer's CRC is left zero: no reader gets that far."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(b"\0" * MB) + comp.flush(zlib.Z_FULL_FLUSH)
    with path.open("wb") as fh:
        fh.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")  # gzip header, no name
        for _ in range(expanded // MB):
            fh.write(block)
        fh.write(comp.flush(zlib.Z_FINISH))
        fh.write(struct.pack("<II", 0, expanded & 0xFFFFFFFF))
    return path


def rss_items(path: Path, n: int = 100_000) -> Path:
    """An RSS 2.0 feed of ``n`` items, each with its own short article."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                 "<title>Many</title><link>https://feed.example/</link>\n")
        body = ("The council met on Monday to talk about the new bridge, the buses of the town "
                "and a safer school crossing.")
        for i in range(n):
            fh.write(f"<item><link>https://f.example/{i}</link>"
                     f"<description>{i}. {body}</description></item>\n")
        fh.write("</channel></rss>\n")
    return path


def long_line_txt(path: Path, size: int = 5 * MB) -> Path:
    """One line of ``size`` letters without a space."""
    return _write_chunks(path, "", "abcdefghij" * 1000, size, "\n")


def prose_txt(path: Path, size: int = 15 * MB) -> Path:
    """``size`` bytes of plain prose."""
    return _write_chunks(path, "", prose(100_000) + "\n\n", size, "")


def csv_txt(path: Path, rows: int = 5000) -> Path:
    """A CSV table of ``rows`` rows in a file named .txt."""
    rng = random.Random(3)
    lines = ["id,date,region,name,amount,currency,status,comment"]
    for i in range(rows):
        lines.append(f"{i},2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
                     f"region-{rng.randint(1, 80)},{rng.choice(_WORDS)} {rng.choice(_WORDS)},"
                     f"{rng.randint(100, 999999)},EUR,{rng.choice(['open', 'closed'])},"
                     f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} {rng.choice(_WORDS)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def c0_controls_txt(path: Path, size: int = 2 * MB) -> Path:
    """Prose with C0 control characters (other than tab and newline) strewn through it."""
    rng = random.Random(4)
    controls = [chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r"]
    text = prose(size // 4)
    chars = list(text)
    for i in range(0, len(chars), 61):
        chars[i] = rng.choice(controls)
    body = "".join(chars)
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < size:
            fh.write(body)
    return path


def good_batch(folder: Path) -> list[Path]:
    """Copies of the example corpus's article pages and texts: each is stored by a clean run."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for src in GOOD:
        dst = folder / f"{src.parent.name}--{src.name}"
        shutil.copyfile(src, dst)
        out.append(dst)
    return out


def gzip_file(src: Path, dst: Path) -> Path:
    with src.open("rb") as fin, gzip.open(dst, "wb") as fout:
        shutil.copyfileobj(fin, fout)
    return dst
