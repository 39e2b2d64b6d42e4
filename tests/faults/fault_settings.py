"""Settings of the fault suite: the shipped ones, with some limits changed."""

from __future__ import annotations

from pathlib import Path

from sujet.config import LimitSettings, Settings


def settings_with(tmp_path: Path, **limits: object) -> Settings:
    """Default settings on a SQLite store in ``tmp_path``, with some limits changed."""
    return Settings(db=f"sqlite:///{tmp_path / 'store.sqlite'}",
                    limits=LimitSettings().model_copy(update=limits))
