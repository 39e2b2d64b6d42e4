"""Fixtures of the entity tests: the models, loaded once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def ru_recognizer():
    from sujet.entities.ner import get_recognizer

    return get_recognizer("ru")


@pytest.fixture(scope="session")
def de_recognizer():
    from sujet.entities.ner import get_recognizer

    return get_recognizer("de")
