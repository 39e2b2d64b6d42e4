"""Suite-wide settings: one BLAS thread, shared-data location, required services in CI."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pytest  # noqa: E402
from shared_paths import shared_path  # noqa: E402

# In CI these services exist; a test that would skip for want of them fails there instead.
_REQUIRED = {
    "postgres": "SUJET_REQUIRE_POSTGRES",
    "browser": "SUJET_REQUIRE_BROWSER",
}


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared evaluation data folder (tests/shared_paths.py); the test skips without it."""
    return shared_path()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                              ) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    if not report.skipped:
        return
    for marker, env in _REQUIRED.items():
        if os.environ.get(env) and item.get_closest_marker(marker) is not None:
            report.outcome = "failed"
            report.longrepr = f"{marker} is required here ({env}=1) but the test skipped: {report.longrepr}"
