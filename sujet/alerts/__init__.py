"""Watchlists and alerts: what an analyst watches, and being told when something new matches.

A watchlist names a person or organisation, a query, an event or a storyline, optionally
filtered by language, source and topic (:mod:`sujet.alerts.model`). Evaluation reads the store's
new articles past each watchlist's watermark (:mod:`sujet.alerts.evaluate`) and records each
alert once; delivery sends the alerts through the watchlist's channels (RSS/Atom feed, webhook,
e-mail) and records per alert and channel that it was delivered or why not
(:mod:`sujet.alerts.deliver`).
"""
