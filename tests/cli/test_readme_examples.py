"""The README's command-line examples find something in the store `make run` builds (the sample
corpus in examples/corpus), run through the real command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Example lines of the README (text before the comment), run with the options they show.
EXAMPLES = [
    'sujet search "Соколов"',
    'sujet entity "Wladimir Sokolow"',
    "sujet entities [--type PER] [--name Соколов]",
    "sujet events [--language de] [--from 2025]",
    "sujet articles [--language ru] [--from 2025-06-01] [--json]",
    "sujet stats",
]


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sujet.cli", *args, "--db", db],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """What `make run` does: the sample corpus ingested with entities and events."""
    db = f"sqlite:///{tmp_path_factory.mktemp('readme') / 'sujet.sqlite'}"
    out = run("ingest", str(ROOT / "examples" / "corpus"), db=db)
    assert out.returncode == 0, out.stderr
    return db


def test_readme_says_how_to_reach_the_command() -> None:
    assert ".venv/bin/sujet stats" in README and ". .venv/bin/activate" in README


@pytest.mark.parametrize("example", EXAMPLES)
def test_readme_example_finds_something(corpus_store: str, example: str) -> None:
    assert any(line.startswith(example) or line.startswith(f".venv/bin/{example}")
               for line in README.splitlines()), f"not in the README: {example}"
    args = re.findall(r'"[^"]+"|\S+', example.replace("[", " ").replace("]", " "))[1:]
    out = run(*[a.strip('"') for a in args], db=corpus_store)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip(), f"{example} printed nothing (stderr: {out.stderr.strip()})"
    assert not out.stderr.startswith("no ")
    if example.startswith("sujet entity "):
        assert "Соколов" in out.stdout.splitlines()[0]
