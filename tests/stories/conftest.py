"""Shared fixtures of the story tests: the encoders load once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def shared_data() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def static_encoder():
    from sujet.stories.encoder import get_encoder

    return get_encoder("static")


@pytest.fixture(scope="session")
def full_encoder():
    from sujet.stories.encoder import get_encoder

    return get_encoder("use")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    d = shared_data()
    if not d.is_dir():
        pytest.skip(f"shared evaluation data not found at {d}")
    return d
