"""Monitoring that runs by itself: registered sources polled on their schedules.

:class:`Monitor` polls feeds, sitemaps, list pages and dropped-into folders
(:mod:`sujet.monitor.kinds`), reading each through :mod:`sujet.monitor.reading`, and ingests
what is new; :class:`SourceState` is what the store records per source
(:mod:`sujet.monitor.state`).

Whatever reacts to new articles (watchlists) either passes an ``on_articles`` observer, called
with a :class:`NewArticles` for each stored chunk, or reads the store's new articles by their
sequence number; the monitor does not need to know which.
"""

from sujet.monitor.service import Monitor, NewArticles
from sujet.monitor.state import KINDS, SourceState

__all__ = ["KINDS", "Monitor", "NewArticles", "SourceState"]
