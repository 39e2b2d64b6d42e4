"""The topic scheme (the Telegram news contest's) and the check of a topic given as a filter."""

from __future__ import annotations

from sujet.errors import InputError

TOPICS = ("society", "economy", "technology", "sports", "entertainment", "science", "other",
          "not_news")
TOPIC_HELP = "topic: " + ", ".join(TOPICS)


def check_topic(value: str | None) -> str | None:
    """A topic filter: None when empty, else one of :data:`TOPICS` (InputError otherwise)."""
    value = (value or "").strip().lower()
    if not value:
        return None
    if value not in TOPICS:
        raise InputError(f"unknown topic {value!r}: use one of {', '.join(TOPICS)}")
    return value
