"""The RSS/Atom feed of a watchlist: its newest alerts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sujet.alerts.model import Alert, Watchlist
from sujet.api.syndication import FeedItem, FeedMeta, atom, rss


def watchlist_feed(fmt: str, watchlist: Watchlist, alerts: Sequence[Alert],
                   link_of: Callable[[Alert], str], page: str, self_link: str) -> bytes:
    items = [FeedItem(id=f"alert-{a.id}", title=a.title, link=link_of(a), date=a.date,
                      summary=f"{watchlist.name}: {a.title}")
             for a in alerts]
    meta = FeedMeta(title=f"Sujet — watchlist {watchlist.name}", link=page,
                    self_link=self_link,
                    description=f"Alerts of the watchlist {watchlist.name} "
                                f"({watchlist.kind}: {watchlist.target})",
                    language=watchlist.filters.language)
    return rss(meta, items) if fmt == "rss" else atom(meta, items)
