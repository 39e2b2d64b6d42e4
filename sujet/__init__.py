"""Sujet: offline-first multilingual news monitoring.

``sujet.analyze(text_or_html)`` turns one page into a clean article; ``sujet.open(db_url)``
opens a store with the operations of the CLI (ingest, articles, search, ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sujet.library import Sujet, analyze, open  # noqa: A004


def __getattr__(name: str) -> Any:
    # Lazy: `import sujet` stays cheap; the extractors and stores load on first use.
    if name in ("analyze", "open", "Sujet"):
        from sujet import library

        return getattr(library, name)
    raise AttributeError(name)


__all__ = ["Sujet", "__version__", "analyze", "open"]
