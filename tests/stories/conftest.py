"""Shared fixtures of the story tests: the encoders load once per test session."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


@pytest.fixture(scope="session")
def static_encoder():
    from sujet.stories.encoder import get_encoder

    return get_encoder("static")


@pytest.fixture(scope="session")
def full_encoder():
    from sujet.stories.encoder import get_encoder

    return get_encoder("use")

