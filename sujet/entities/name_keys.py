"""The lookup keys of an entity's names: which stored entities are candidates for a name.

A name gives a few keys (:func:`name_keys`); two names that could be one entity share at least
one. Persons are keyed by their folded name and the first three letters of the sound skeleton
of their first and last words (candidates for the name classifier); places and organisations by
their folded name, their sound skeleton and their gazetteer entry. The resolver
(:mod:`sujet.entities.resolve`) looks candidates up by these keys, and the store keeps them for
every name and variant of every entity (table ``entity_name_keys``), so that no process needs all
entities in memory to find them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sujet.entities.gazetteer import fold, place_key
from sujet.entities.translit import skeleton
from sujet.model import Entity


def name_keys(typ: str, name: str) -> set[str]:
    """The keys of one name of an entity of type ``typ``."""
    # Places and organisations share one key space: the tagger's type of a name varies between
    # articles and languages, the entity's type is voted (see resolve._vote_type).
    space = "PER" if typ == "PER" else "LO"
    keys = {f"{space}:n:{fold(name)}"}
    sk = skeleton(name)
    if typ == "PER":
        parts = sk.split()
        if parts:
            keys.add(f"PER:s:{parts[-1][:3]}")  # surname head: candidates for the classifier
            keys.add(f"PER:s:{parts[0][:3]}")
    else:
        if sk:
            keys.add(f"LO:k:{sk}")
        place = place_key(name)
        if place:
            keys.add(f"LO:g:{place}")
    return keys


def keys_of_names(typ: str, names: Iterable[str]) -> set[str]:
    """The keys of several names of one type."""
    out: set[str] = set()
    for n in names:
        out |= name_keys(typ, n)
    return out


def entity_keys(entity: Entity) -> set[str]:
    """The keys of an entity: of its name and every variant."""
    return keys_of_names(entity.type, {entity.name, *entity.variants})


__all__ = ["entity_keys", "keys_of_names", "name_keys"]
