"""Constants and types shared by the browser tests and their fixtures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sujet.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@dataclass
class LiveServer:
    base: str
    store: Store

    def url(self, path: str) -> str:
        return self.base + path
