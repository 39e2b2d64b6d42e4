"""Count how common each name key is in a reference corpus (the rarity of shared names).

Reads the training texts of ``train/ner`` (Russian news, German news, German court decisions)
and the English article bodies of ``extraction/aeb``, cuts each text into pieces of about an
article's length (2,000 characters), and counts the pieces that hold each name key
(:func:`sujet.stories.keys.light_keys`). Deterministic; writes
``sujet/stories/models/name_frequencies.json.gz``. The pairs the pair model is measured on are
never read.

    .venv/bin/python scripts/build_name_frequencies.py
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from sujet.stories.keys import light_keys
from sujet.stories.name_frequencies import TABLE, NameFrequencies

DATA = Path(os.environ.get("SUJET_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
PIECE = 2000


def texts() -> Iterator[tuple[str, str]]:
    """(source, text) of every reference text, in a fixed order."""
    for folder in sorted((DATA / "train" / "ner").glob("*/docs")):
        for path in sorted(folder.glob("*.txt")):
            yield folder.parent.name, path.read_text(encoding="utf-8")
    for line in (DATA / "extraction" / "aeb" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield "extraction/aeb", json.loads(line).get("text") or ""


def main() -> None:
    df: Counter[str] = Counter()
    pieces: Counter[str] = Counter()
    for source, text in texts():
        for lo in range(0, len(text), PIECE):
            df.update(set(light_keys("", text[lo : lo + PIECE]).names))
            pieces[source] += 1
    table = NameFrequencies(dict(df), sum(pieces.values()), {
        "made_by": "scripts/build_name_frequencies.py",
        "pieces_of_chars": PIECE,
        "pieces_per_source": dict(sorted(pieces.items())),
    })
    table.save(TABLE)
    print(f"wrote {TABLE}: {len(df)} name keys over {table.n_docs} pieces")


if __name__ == "__main__":
    main()
