"""Entity lookups shared by the views of one request (and, optionally, across requests)."""

from __future__ import annotations

from sujet.api.caching import TTLCache
from sujet.model import Entity
from sujet.store.base import Store


class EntityCache:
    """Looks each entity up once per request; with ``shared``, once per ``shared.ttl_s``
    across requests (for pages where an entity a few seconds old is fine)."""

    def __init__(self, store: Store, shared: TTLCache[Entity | None] | None = None) -> None:
        self._store = store
        self._shared = shared
        self._seen: dict[str, Entity | None] = {}

    def get(self, entity_id: str) -> Entity | None:
        if entity_id not in self._seen:
            if self._shared is not None:
                self._seen[entity_id] = self._shared.get_or_compute(
                    entity_id, lambda: self._store.get_entity(entity_id))
            else:
                self._seen[entity_id] = self._store.get_entity(entity_id)
        return self._seen[entity_id]

    def many(self, entity_ids: list[str]) -> list[Entity]:
        """The known entities among ``entity_ids``, in order; those not seen yet are read in one
        batch."""
        wanted = list(dict.fromkeys(entity_ids))
        missing = []
        for entity_id in wanted:
            if entity_id in self._seen:
                continue
            if self._shared is not None:
                live, value = self._shared.get(entity_id)
                if live:
                    self._seen[entity_id] = value
                    continue
            missing.append(entity_id)
        if missing:
            loaded = {e.id: e for e in self._store.get_entities(missing)}
            for entity_id in missing:
                entity = loaded.get(entity_id)
                self._seen[entity_id] = entity
                if self._shared is not None:
                    self._shared.put(entity_id, entity)
        found = (self._seen[i] for i in wanted)
        return [e for e in found if e is not None]
