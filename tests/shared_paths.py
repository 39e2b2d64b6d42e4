"""Where the shared evaluation data lies: ``SUJET_SHARED_DATA``, else ``../shared/data`` beside the
repository. A test that needs a part of it that is absent skips, naming the path it looked for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("SUJET_SHARED_DATA") or REPO.parent / "shared" / "data")


def shared_path(*parts: str) -> Path:
    """``SHARED_DATA / parts``; skips the calling test when that path does not exist."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared evaluation data not found: {path} (set SUJET_SHARED_DATA to its folder)")
    return path
