"""`--executor`, `--workers` and `--scheduler` of `sujet ingest` and `sujet enrich`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sujet.cli import with_executor
from sujet.config import Settings
from sujet.errors import InputError


def test_flags_map_to_the_executor_settings() -> None:
    base = Settings()
    assert with_executor(base, None, None, None) is base
    local = with_executor(base, "local", 3, None)
    assert (local.executor, local.dask_workers, local.dask_address) == ("local", 3, None)
    dask = with_executor(base, "dask", None, None)
    assert (dask.executor, dask.dask_workers, dask.dask_address) == ("dask", None, None)
    remote = with_executor(base, None, None, "tcp://127.0.0.1:8786")
    assert (remote.executor, remote.dask_address) == ("dask", "tcp://127.0.0.1:8786")


@pytest.mark.parametrize(
    ("executor", "scheduler"),
    [("threads", None), ("local", "tcp://127.0.0.1:8786"), (None, "127.0.0.1:8786")],
)
def test_bad_executor_flags_are_input_errors(executor: str | None, scheduler: str | None) -> None:
    with pytest.raises(InputError):
        with_executor(Settings(), executor, None, scheduler)


@pytest.mark.parametrize("command", ["ingest", "enrich"])
def test_an_unknown_executor_is_one_coded_line_and_exit_2(tmp_path: Path, command: str) -> None:
    args = [sys.executable, "-m", "sujet.cli", command, "--executor", "threads", "--json",
            "--db", f"sqlite:///{tmp_path / 's.sqlite'}"]
    if command == "ingest":
        args.insert(4, str(tmp_path))
    out = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2, out.stderr
    error = json.loads(out.stderr)["error"]
    assert error["code"] == "E100" and "threads" in error["message"]
    assert not (tmp_path / "s.sqlite").exists()
