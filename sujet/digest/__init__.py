"""The digest of a period: top events, people and organisations on the rise, agreements and
figures, as HTML or PDF."""

from sujet.digest.build import Digest, build_digest
from sujet.digest.render import render_html, render_pdf

__all__ = ["Digest", "build_digest", "render_html", "render_pdf"]
