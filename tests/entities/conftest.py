"""Fixtures of the entity tests: the shared data folder and the models, loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def shared_data() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = shared_data()
    if not path.is_dir():
        pytest.skip(f"shared evaluation data not found at {path}")
    return path


@pytest.fixture(scope="session")
def ru_recognizer():
    from sujet.entities.ner import get_recognizer

    return get_recognizer("ru")


@pytest.fixture(scope="session")
def de_recognizer():
    from sujet.entities.ner import get_recognizer

    return get_recognizer("de")
