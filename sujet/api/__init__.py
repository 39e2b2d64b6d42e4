"""REST API and web server: ``create_app(settings, store)`` builds the FastAPI application."""

from __future__ import annotations

from sujet.api.app import create_app

__all__ = ["create_app"]
