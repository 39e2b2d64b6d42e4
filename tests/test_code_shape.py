"""The code keeps its shape: no module of the package over 400 lines, no function anywhere in
the package or its tests with a cyclomatic complexity over 25 (ruff's mccabe check, C901)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "sujet"
MAX_LINES = 400
MAX_COMPLEXITY = 25


def test_no_module_over_400_lines() -> None:
    long = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            long[str(path.relative_to(REPO))] = lines
    assert not long, f"modules over {MAX_LINES} lines (split them by responsibility): {long}"


def test_no_function_over_complexity_25() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "C901",
         "--config", f"lint.mccabe.max-complexity = {MAX_COMPLEXITY}",
         "--output-format", "concise", "sujet", "tests"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    offenders = [line for line in proc.stdout.splitlines() if " C901 " in line]
    assert proc.returncode in (0, 1), proc.stderr
    assert not offenders, "functions over complexity 25:\n" + "\n".join(offenders)
    assert proc.returncode == 0, proc.stdout + proc.stderr
