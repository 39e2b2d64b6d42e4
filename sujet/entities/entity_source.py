"""Where the entity resolver reads the entities it has not loaded: memory or the store.

:class:`EntitySource` is the lookup :class:`sujet.entities.resolve.EntityResolver` reads through:
the entity ids under name keys (:mod:`sujet.entities.name_keys`), the entities of ids, and
whether an id is taken. :class:`MemoryEntities` answers from entities held in memory (a batch
resolved at once, scripts, evaluation); :class:`StoreEntities` answers from the store's tables,
so that a process holds only the entities a chunk of articles touches.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from sujet.entities.name_keys import entity_keys
from sujet.model import Entity


class EntitySource(Protocol):
    """The entities a resolver can load."""

    def ids_for_keys(self, keys: Collection[str]) -> dict[str, set[str]]:
        """For each of ``keys`` that has any, the ids of the entities with a name under it."""
        ...

    def entities(self, ids: Sequence[str]) -> list[Entity]:
        """The entities among ``ids`` (unknown ids left out)."""
        ...

    def exists(self, entity_id: str) -> bool:
        """Whether an entity has the id ``entity_id``."""
        ...


class MemoryEntities:
    """Entities held in memory, indexed by their name keys when given (the resolver updates the
    same objects in place)."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._by_id: dict[str, Entity] = {}
        self._keys: dict[str, set[str]] = {}
        for ent in entities:
            self._by_id[ent.id] = ent
            for key in entity_keys(ent):
                self._keys.setdefault(key, set()).add(ent.id)

    def ids_for_keys(self, keys: Collection[str]) -> dict[str, set[str]]:
        return {k: set(self._keys[k]) for k in keys if k in self._keys}

    def entities(self, ids: Sequence[str]) -> list[Entity]:
        return [self._by_id[i] for i in ids if i in self._by_id]

    def exists(self, entity_id: str) -> bool:
        return entity_id in self._by_id


class EntityStore(Protocol):
    """The part of :class:`sujet.store.Store` that :class:`StoreEntities` reads."""

    def entity_ids_for_keys(self, keys: Sequence[str]) -> dict[str, set[str]]: ...

    def get_entities(self, entity_ids: Sequence[str]) -> list[Entity]: ...

    def has_entity(self, entity_id: str) -> bool: ...


class StoreEntities:
    """The entities of a store, read on demand through its name-key table."""

    def __init__(self, store: EntityStore) -> None:
        self.store = store

    def ids_for_keys(self, keys: Collection[str]) -> dict[str, set[str]]:
        return self.store.entity_ids_for_keys(sorted(keys))

    def entities(self, ids: Sequence[str]) -> list[Entity]:
        return self.store.get_entities(ids)

    def exists(self, entity_id: str) -> bool:
        return self.store.has_entity(entity_id)


__all__ = ["EntitySource", "EntityStore", "MemoryEntities", "StoreEntities"]
