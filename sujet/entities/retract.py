"""Taking an article's contribution out of the entities, so that enriching it again replaces
what it added instead of adding it twice.

What an article added to an entity (:meth:`EntityResolver.add`) is read back from its stored
mentions: one mention each, the name counts of their normal forms, the type votes of places and
organisations, the article in the entity's list, its co-mentions and the positions it gave. The
first and last dates an entity was seen, and the name variants, stay (the same article adds them
again). An entity left without mentions is dropped. The entities of the stored mentions are
loaded into the resolver first (it holds only what it was given or looked up).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sujet.entities.resolve import EntityResolver, _canonical, _full, _meta_counter, _vote_type
from sujet.model import Mention


@dataclass(slots=True)
class Retracted:
    updated: set[str] = field(default_factory=set)  # entities that lost part of their counts
    removed: set[str] = field(default_factory=set)  # entities left with no mention


def retract(resolver: EntityResolver, stored: Mapping[str, Sequence[Mention]]) -> Retracted:
    """Take out of ``resolver``'s entities what the articles of ``stored`` (article id -> its
    stored mentions) contributed."""
    out = Retracted()
    resolver.load(m.entity_id for found in stored.values() for m in found if m.entity_id)
    for article_id, mentions in stored.items():
        ids = _retract_article(resolver, article_id, mentions)
        out.updated |= ids
    for eid in sorted(out.updated):
        ent = resolver.entities.get(eid)
        if ent is not None and ent.mentions <= 0:
            resolver.drop(eid)
            out.removed.add(eid)
    out.updated -= out.removed
    return out


def _retract_article(resolver: EntityResolver, article_id: str,
                     mentions: Sequence[Mention]) -> set[str]:
    ids: set[str] = set()
    for m in mentions:
        eid = resolver.resolve_id(m.entity_id) if m.entity_id else None
        ent = resolver.entities.get(eid) if eid else None
        if ent is None or eid is None:
            continue
        ids.add(eid)
        ent.mentions -= 1
        if _full(m.normal) or ent.type != "PER":
            _decrement(ent.metadata, "name_counts", m.normal)
        if ent.type != "PER":
            _decrement(ent.metadata, "type_votes", m.type)
    for eid in ids:
        ent = resolver.entities[eid]
        ent.metadata["articles"] = [a for a in ent.metadata.get("articles") or []
                                    if a != article_id]
        ent.positions = [p for p in ent.positions if p.article_id != article_id]
        co = _meta_counter(ent, "co_mentions")
        for other in ids - {eid}:
            co[other] -= 1
        ent.metadata["co_mentions"] = {k: v for k, v in co.items() if v > 0}
        ent.name = _canonical(ent, _meta_counter(ent, "name_counts"))
        if ent.type != "PER":
            ent.type = _vote_type(ent)
    return ids


def _decrement(metadata: dict[str, object], key: str, name: str) -> None:
    counts = dict(metadata.get(key) or {})  # type: ignore[call-overload]
    left = int(counts.get(name, 0)) - 1
    if left > 0:
        counts[name] = left
    else:
        counts.pop(name, None)
    metadata[key] = counts
