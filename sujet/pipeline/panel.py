"""The article panel: persons in the article, their last position and total mentions."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sujet.model import Article
from sujet.store.base import Store


def article_panel(store: Store, article: Article) -> list[dict[str, Any]]:
    """One row per person mentioned in the article, most mentioned first."""
    here = Counter(m.entity_id for m in store.mentions_of_article(article.id)
                   if m.type == "PER" and m.entity_id)
    rows: list[dict[str, Any]] = []
    for entity_id, count in here.items():
        entity = store.get_entity(entity_id)
        if entity is None:
            continue
        last = entity.last_position
        rows.append({
            "id": entity.id,
            "name": entity.name,
            "last_position": last.title if last else None,
            "last_position_date": last.date if last else None,
            "mentions": entity.mentions,
            "mentions_here": count,
        })
    rows.sort(key=lambda r: (-r["mentions_here"], -r["mentions"], r["name"]))
    return rows
