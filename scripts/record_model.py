"""Run a training command and record, beside each model it writes, how the model was made.

    python scripts/record_model.py --model sujet/entities/models/ner_de.crfsuite \
        --data ner/germeval --data ner/europarl-de -- scripts/train_ner.py --train

The command runs with this interpreter from the repository root. When it succeeds, each
``--model`` gets ``<model>.meta.json``: the command, the data folders (relative to the shared
data root, with a fingerprint: the number of files and a SHA-256 over their names, sizes and the
contents of their top-level ``*.jsonl`` files), the model's size and SHA-256, the commit of the
code and the time it took. ``make models`` runs every training script of the project this way;
tests/test_model_records.py checks that every shipped model has its record.

``--existing`` records a model already in the tree without running the command (for a model
whose rebuild is not bit-identical, such as the pair models over the e5 engine's floating-point
sums): the record then says ``"rebuilt_when_recorded": false`` and has no time or commit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def data_root() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def fingerprint(folder: Path) -> dict[str, Any]:
    """Number of files and a SHA-256 over names, sizes and top-level jsonl contents."""
    digest = hashlib.sha256()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    for path in files:
        rel = path.relative_to(folder).as_posix()
        digest.update(f"{rel}\t{path.stat().st_size}\n".encode())
        if path.parent == folder and path.suffix == ".jsonl":
            digest.update(path.read_bytes())
    return {"files": len(files), "sha256": digest.hexdigest()}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def record_path(model: Path) -> Path:
    return model.with_name(model.name + ".meta.json")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--model", type=Path, action="append", required=True, help="a file it writes")
    ap.add_argument("--data", action="append", default=[], help="a data folder it reads")
    ap.add_argument(
        "--existing", action="store_true", help="record the models as they are, do not run"
    )
    ap.add_argument("command", nargs=argparse.REMAINDER, help="-- script.py [args]")
    args = ap.parse_args(argv)
    command = [c for c in args.command if c != "--"] if args.command[:1] == ["--"] else args.command
    if not command:
        ap.error("no command given after --")
    root = data_root()
    data = []
    for rel in args.data:
        folder = root / rel
        if not folder.is_dir():
            print(f"error: data folder {folder} not found", file=sys.stderr)
            return 2
        data.append({"path": rel, **fingerprint(folder)})
    t0 = time.time()
    if not args.existing:
        done = subprocess.run([sys.executable, *command], cwd=ROOT)
        if done.returncode != 0:
            return done.returncode
    seconds = round(time.time() - t0, 1)
    for model in args.model:
        path = model if model.is_absolute() else ROOT / model
        if not path.is_file():
            print(f"error: {model} was not written by the command", file=sys.stderr)
            return 2
        meta: dict[str, Any] = {
            "model": path.name,
            "command": "python " + " ".join(command),
            "data": data,
            "data_root": "../shared/data",
            "bytes": path.stat().st_size,
            "sha256": file_sha256(path),
            "rebuilt_when_recorded": not args.existing,
        }
        if not args.existing:
            meta["code_commit"] = commit()
            meta["made"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            meta["seconds"] = seconds
        record_path(path).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
