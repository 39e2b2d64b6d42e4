"""The entities a resolver holds, and how it finds the others.

:class:`HeldEntities` is the memory of :class:`sujet.entities.resolve.EntityResolver`: the
entities it has loaded, created or changed, the name keys of those, and the map of merged-away
ids. The candidates of a name are looked up by its name keys (:mod:`sujet.entities.name_keys`)
in the held entities and in an :class:`~sujet.entities.entity_source.EntitySource`, whose
answers are loaded on the way; :meth:`HeldEntities.release` lets go of everything but the merge
map once the caller has written the held entities back to the source.
"""

from __future__ import annotations

from collections.abc import Iterable

from sujet.entities.analyze import ArticleEntities
from sujet.entities.entity_source import EntitySource, MemoryEntities
from sujet.entities.name_keys import entity_keys, keys_of_names
from sujet.model import Entity


class HeldEntities:
    """The entities held (``entities``, by id), the merged-away ids (``merged``, to the id they
    joined) and the lookup of candidates by name keys."""

    def __init__(self, entities: Iterable[Entity] = (), *,
                 source: EntitySource | None = None) -> None:
        given = list(entities)
        self.source: EntitySource = source if source is not None else MemoryEntities(given)
        self.entities: dict[str, Entity] = {}  # the entities held: loaded, created, changed
        self.merged: dict[str, str] = {}
        self._index: dict[str, set[str]] = {}  # name keys of the held entities
        self._looked_up: dict[str, set[str]] = {}  # the source's answers since the release
        self._dropped: set[str] = set()  # merged away or removed since: never loaded again
        for ent in given:
            self._hold(ent)

    # --- holding ---------------------------------------------------------------------------

    def _hold(self, ent: Entity) -> None:
        self.entities[ent.id] = ent
        self._index_entity(ent)

    def _fetch(self, ids: Iterable[str]) -> None:
        wanted = sorted(set(ids) - self.entities.keys() - self._dropped)
        if wanted:
            for ent in self.source.entities(wanted):
                self._hold(ent)

    def load(self, ids: Iterable[str]) -> None:
        """Hold the entities ``ids`` (read through merges) from the source, if not held."""
        self._fetch(self.resolve_id(i) for i in ids)

    def drop(self, eid: str) -> None:
        """Forget an entity that is removed (the caller deletes it from the source)."""
        self.entities.pop(eid, None)
        self._dropped.add(eid)

    def release(self) -> None:
        """Let go of every held entity, once the caller has written them to the source (the
        merge map stays: ids merged away are still read through it)."""
        self.entities = {}
        self._index = {}
        self._looked_up = {}
        self._dropped = set()

    def _free(self, eid: str) -> bool:
        """Whether a new entity may take ``eid``: no entity is held or stored under it (one
        removed since the release does not count), and it was not merged away since the release
        (the mentions of the entity it named move to the one it joined when the chunk is
        written)."""
        if eid in self.entities or (eid in self.merged and eid in self._dropped):
            return False
        return eid in self._dropped or not self.source.exists(eid)

    def _claim(self, eid: str) -> None:
        """Take a free id for a new entity. One merged away before the release names an entity
        again; the ids merged into it go on to the entity it joined."""
        self._dropped.discard(eid)
        if eid in self.merged:
            target = self.merged.pop(eid)
            for old, new in self.merged.items():
                if new == eid:
                    self.merged[old] = target

    def _entity(self, eid: str) -> Entity | None:
        """The entity of exactly ``eid`` (not read through merges), held from now on."""
        self._fetch([eid])
        return self.entities.get(eid)

    # --- looking up --------------------------------------------------------------------------

    def _index_entity(self, ent: Entity) -> None:
        for k in entity_keys(ent):
            self._index.setdefault(k, set()).add(ent.id)

    def _source_ids(self, keys: set[str]) -> set[str]:
        missing = keys - self._looked_up.keys()
        if missing:
            found = self.source.ids_for_keys(missing)
            for k in missing:
                self._looked_up[k] = found.get(k, set())
        out: set[str] = set()
        for k in keys:
            out |= self._looked_up[k]
        return out

    def _candidates(self, typ: str, names: Iterable[str]) -> set[str]:
        keys = keys_of_names(typ, names)
        out = self._source_ids(keys)
        for k in keys:
            out |= self._index.get(k, set())
        ids = {self.resolve_id(i) for i in out}
        self._fetch(ids)
        return {i for i in ids if i in self.entities}

    def _prefetch(self, analyses: Iterable[ArticleEntities]) -> None:
        """Hold the candidates of every name of ``analyses`` (one lookup for a chunk)."""
        keys: set[str] = set()
        for analysis in analyses:
            for local in analysis.entities:
                keys |= keys_of_names(local.type, [*filter(None, local.variants), local.name])
        self.load(self._source_ids(keys))

    def resolve_id(self, eid: str) -> str:
        while eid in self.merged:
            eid = self.merged[eid]
        return eid


__all__ = ["HeldEntities"]
