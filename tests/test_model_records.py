"""Every shipped model is rebuilt by ``make models`` and records the command and data that made it."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _models_target() -> list[tuple[list[str], list[str], str]]:
    """(models, data folders, command) of each scripts/record_model.py step of ``make models``."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    body = text.split("\nmodels:", 1)[1]
    steps = []
    for line in body.split("\n")[1:]:
        if not line.startswith("\t"):
            break
        if "$(RECORD)" not in line and "record_model.py" not in line:
            continue
        opts, _, command = line.partition(" -- ")
        models = re.findall(r"--model\s+(\S+)", opts)
        data = re.findall(r"--data\s+(\S+)", opts)
        steps.append((models, data, " ".join(command.split())))
    return steps


STEPS = _models_target()
MODELS = [(m, d, c) for models, d, c in STEPS for m in models]


def test_every_model_file_is_rebuilt_by_make_models() -> None:
    named = {m for m, _d, _c in MODELS}
    shipped = {
        p.relative_to(ROOT).as_posix()
        for p in ROOT.glob("sujet/**/models/*")
        if p.is_file() and not p.name.endswith(".meta.json")
    }
    assert shipped, "no model files found"
    assert shipped <= named, f"model files that make models does not rebuild: {shipped - named}"


@pytest.mark.parametrize(("model", "data", "command"), MODELS, ids=[m for m, _d, _c in MODELS])
def test_model_records_how_it_was_made(model: str, data: list[str], command: str) -> None:
    path = ROOT / model
    assert path.is_file(), f"{model} missing"
    record = path.with_name(path.name + ".meta.json")
    assert record.is_file(), f"{model} has no record (run it through scripts/record_model.py)"
    meta = json.loads(record.read_text(encoding="utf-8"))
    script = command.split()[0]
    assert (ROOT / script).is_file()
    assert meta["command"].split()[1] == script, meta["command"]
    assert [d["path"] for d in meta["data"]] == data
    assert all(d["files"] > 0 and len(d["sha256"]) == 64 for d in meta["data"])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert meta["sha256"] == digest, f"{model} changed since its record was written"
