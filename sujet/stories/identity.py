"""Ids that hold while groups change: events over articles, storylines over events.

When clustering runs again on a region, its new groups inherit the ids of the old groups they
continue. Each old group has one heir: the new group that holds most of its members. A new
group that is the heir of several old groups keeps the oldest id (the one whose group began
first) and the others become aliases of it, so links to them lead to the survivor; a new group
that is nobody's heir gets a fresh id. An event that grows keeps its id; one that splits leaves
its id with its larger part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from sujet.model import stable_id


@dataclass(slots=True)
class Inheritance:
    """The id of each new group (in the order given) and the old ids that became aliases."""

    ids: list[str]
    aliases: dict[str, str] = field(default_factory=dict)  # old id -> surviving id


def carry_ids(
    groups: Sequence[Sequence[str]],
    previous: Mapping[str, str],
    age: Callable[[str], Hashable],
    fresh: Callable[[Sequence[str]], str],
) -> Inheritance:
    """Ids for ``groups`` (lists of member ids, each in a fixed order: its first member
    breaks ties, and ``fresh`` sees the members in that order).

    ``previous`` maps a member to the id of its old group; ``age(old_id)`` orders old ids,
    oldest first; ``fresh(members)`` names a group that inherits nothing.
    """
    overlap: dict[str, Counter[int]] = {}
    for g, members in enumerate(groups):
        for m in members:
            old = previous.get(m)
            if old is not None:
                overlap.setdefault(old, Counter())[g] += 1
    heirs: dict[int, list[str]] = {}
    for old, counts in overlap.items():
        # most of its members, then the larger group, then the group whose first member sorts
        # first: the same in every run
        heir = min(counts, key=lambda g: (-counts[g], -len(groups[g]), groups[g][0]))
        heirs.setdefault(heir, []).append(old)
    ids: list[str] = []
    aliases: dict[str, str] = {}
    for g, members in enumerate(groups):
        olds = sorted(heirs.get(g, []), key=lambda o: (age(o), o))
        if olds:
            ids.append(olds[0])
            aliases.update((o, olds[0]) for o in olds[1:])
        else:
            ids.append(fresh(members))
    return Inheritance(ids, aliases)


def fresh_id(kind: str, first: str, taken: Callable[[str], bool]) -> str:
    """A new id derived from the group's first member, salted when already in use."""
    candidate = stable_id(kind, first)
    salt = 1
    while taken(candidate):
        candidate = stable_id(kind, first, str(salt))
        salt += 1
    return candidate
