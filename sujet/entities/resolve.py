"""One entity per real thing across articles, cases and scripts.

:class:`EntityResolver` takes :class:`ArticleEntities` (one per article) and merges their local
entities into :class:`sujet.model.Entity` records. Persons match when their names are the same
person by :func:`sujet.entities.names.same_person` (transliteration, surname similarity, given
name compatibility); a weak name match (score under ``STRONG``) also needs shared context, a
position head or a co-mentioned entity, so that namesakes stay apart. Places and organisations
match on their normal form, aliases and transliteration. An entity's id is derived from its type
and its canonical name when it is created (``stable_id``; a namesake kept apart takes the first
free of the suffixes 2, 3, ...) and then kept, so ids survive new articles; when a new article
shows two existing entities to be one, the smaller one is merged away and reported.

The resolver holds only the entities it works on. The candidates of a name are found by its
name keys (:mod:`sujet.entities.name_keys`) in an :class:`EntitySource` (memory, or the store's
key table) and loaded when looked up; :meth:`EntityResolver.release` drops them once the caller
has written them, so a process that resolves chunk after chunk against a store holds one chunk's
entities, never the store's. What lives on between chunks is the map of merged-away ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sujet.entities.analyze import ArticleEntities, LocalEntity, person_key
from sujet.entities.gazetteer import fold, listed_type_any, place_key
from sujet.entities.holding import HeldEntities
from sujet.entities.names import name_score
from sujet.entities.translit import is_cyrillic, skeleton, to_latin
from sujet.model import Article, Entity, EntityType, Position, stable_id

# Name score above which two person names merge without further evidence. Calibrated on
# names/slavicner dev: the classifier's precision is 0.97 above 0.9 and 0.91 at its threshold.
STRONG = 0.9


@dataclass(slots=True)
class ResolveReport:
    """What one :meth:`EntityResolver.add` call did."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)  # merged-away id -> surviving id

    @property
    def changed(self) -> list[str]:
        return sorted(set(self.created) | set(self.updated))


def _meta_counter(ent: Entity, key: str) -> Counter[str]:
    raw = ent.metadata.get(key) or {}
    return Counter({str(k): int(v) for k, v in raw.items()})


def _full(name: str) -> bool:
    return len(name.split()) >= 2


class EntityResolver(HeldEntities):
    """Merges per-article entities into global ones; incremental over batches of articles.

    ``entities`` are held from the start (the in-memory form); ``source`` is where the others
    are looked up (default: those same entities); see :class:`HeldEntities`."""

    def _co_mentions(self, ent: Entity) -> Counter[str]:
        """An entity's co-mention counts keyed by surviving ids (merges rename their keys)."""
        co: Counter[str] = Counter()
        for other, n in _meta_counter(ent, "co_mentions").items():
            co[self.resolve_id(other)] += n
        co.pop(ent.id, None)
        return co

    # --- matching --------------------------------------------------------------------------

    def _match(self, local: LocalEntity, analysis: ArticleEntities, context: set[str]) -> list[str]:
        names = [v for v in local.variants if v] + [local.name]
        cands = self._candidates(local.type, names)
        hits: list[tuple[float, str]] = []
        for eid in cands:
            ent = self.entities[eid]
            if local.type == "PER":
                score = self._person_score(local, ent)
                if score >= STRONG or (
                    score >= 0.5 and self._shares_context(ent, local, analysis, context)
                ):
                    hits.append((score, eid))
            elif ent.type != "PER" and _same_place_or_org(names, ent):
                hits.append((1.0, eid))
        hits.sort(reverse=True)
        return [eid for _s, eid in hits]

    def _person_score(self, local: LocalEntity, ent: Entity) -> float:
        mine = (
            [local.name]
            if _full(local.name)
            else [v for v in local.variants if _full(v)] or [local.name]
        )
        theirs = [ent.name] + [v for v in ent.variants if _full(v)][:8]
        best = 0.0
        for a in mine:
            for b in theirs:
                if not (_full(a) and _full(b)):
                    # one side is a bare surname: only an exact surname match counts
                    sa, sb = skeleton(a).split(), skeleton(b).split()
                    s = 0.6 if sa and sb and sa[-1] == sb[-1] else 0.0
                else:
                    ka, kb = person_key(a), person_key(b)
                    s = 1.0 if ka and ka == kb else name_score(a, b)
                best = max(best, s)
        return best

    def _shares_context(
        self, ent: Entity, local: LocalEntity, analysis: ArticleEntities, context: set[str]
    ) -> bool:
        co = set(_meta_counter(ent, "co_mentions"))
        if co & context:
            return True
        mine = {
            p.title.split()[0].lower()
            for p in analysis.positions
            if p.person == local.name and p.title
        }
        theirs = {p.title.split()[0].lower() for p in ent.positions if p.title}
        return bool(mine & theirs)

    # --- updating --------------------------------------------------------------------------

    def add(self, analysis: ArticleEntities, article: Article | None = None) -> ResolveReport:
        """Merge one article's entities; sets ``Mention.entity_id`` on its mentions."""
        report = ResolveReport()
        date = (article.date if article is not None else None) or analysis.date
        context_names = {f"{e.type}:{fold(e.name)}" for e in analysis.entities}
        assigned: dict[int, str] = {}
        for local in analysis.entities:
            hits = self._match(local, analysis, context_names)
            if hits:
                eid = hits[0]
                for other in hits[1:]:
                    if (
                        self.entities[other].type != "PER"
                        and local.type != "PER"
                        or (
                            local.type == "PER"
                            and self._person_score(local, self.entities[other]) >= STRONG
                        )
                    ):
                        eid = self._merge(eid, other, report)
                report.updated.append(eid)
            else:
                eid = self._create(local)
                report.created.append(eid)
            assigned[id(local)] = eid
            ent = self.entities[eid]
            self._absorb(ent, local, analysis, date)
            self._index_entity(ent)
            for i in local.mentions:
                analysis.mentions[i].entity_id = eid
        # A later local entity may have merged away an id handed out earlier in this article:
        # every id is read through the merge map from here on.
        ids = {self.resolve_id(assigned[id(e)]) for e in analysis.entities}
        for eid in ids:
            co = self._co_mentions(self.entities[eid])
            for other in ids - {eid}:
                co[other] += 1
            self.entities[eid].metadata["co_mentions"] = dict(co)
        for m in analysis.mentions:
            if m.entity_id:
                m.entity_id = self.resolve_id(m.entity_id)
        report.created = [i for i in report.created if i in self.entities]
        report.updated = sorted({self.resolve_id(i) for i in report.updated} - set(report.created))
        return report

    def add_many(self, items: Iterable[tuple[ArticleEntities, Article | None]]) -> ResolveReport:
        """Merge many articles, oldest first (so ids and canonical names do not depend on input order)."""
        total = ResolveReport()
        ordered = sorted(
            items, key=lambda x: ((x[1].date if x[1] else x[0].date) or "9999", x[0].article_id)
        )
        self._prefetch(a for a, _ in ordered)
        for analysis, article in ordered:
            rep = self.add(analysis, article)
            total.created += [i for i in rep.created if i not in total.created]
            total.updated += [i for i in rep.updated if i not in total.updated]
            total.merged.update(rep.merged)
        total.created = [i for i in total.created if i in self.entities]
        total.updated = sorted({self.resolve_id(i) for i in total.updated} - set(total.created))
        return total

    def _create(self, local: LocalEntity) -> str:
        name = fold(local.name)
        eid = stable_id(local.type, name)
        held = self._entity(eid)
        while held is not None and held.type != local.type:
            eid = stable_id(local.type, name, eid)
            held = self._entity(eid)
        if not self._free(eid):  # a namesake kept apart: same name, another person
            n = 2
            while not self._free(eid := stable_id(local.type, name, str(n))):
                n += 1
        self._claim(eid)
        self.entities[eid] = Entity(eid, local.type, local.name)
        return eid

    def _absorb(
        self, ent: Entity, local: LocalEntity, analysis: ArticleEntities, date: str | None
    ) -> None:
        counts = _meta_counter(ent, "name_counts")
        for i in local.mentions:
            m = analysis.mentions[i]
            if _full(m.normal) or ent.type != "PER":
                counts[m.normal] += 1
        ent.metadata["name_counts"] = dict(counts)
        if ent.type != "PER":
            votes = _meta_counter(ent, "type_votes")
            votes.update(analysis.mentions[i].type for i in local.mentions)
            ent.metadata["type_votes"] = dict(votes)
        for v in local.variants:
            if v not in ent.variants:
                ent.variants.append(v)
        ent.mentions += len(local.mentions)
        if date:
            ent.first_seen = min(filter(None, [ent.first_seen, date]))
            ent.last_seen = max(filter(None, [ent.last_seen, date]))
        articles = list(ent.metadata.get("articles") or [])
        if analysis.article_id not in articles:
            articles.append(analysis.article_id)
        ent.metadata["articles"] = articles
        if ent.type == "PER":
            for p in analysis.positions:
                if p.person != local.name:
                    continue
                if any(
                    q.title == p.title and q.article_id == analysis.article_id
                    for q in ent.positions
                ):
                    continue
                ent.positions.append(
                    Position(p.title, date, analysis.article_id, p.organisation, analysis.language)
                )
            ent.positions.sort(key=lambda q: (q.date is None, q.date or "", q.article_id))
        ent.name = _canonical(ent, counts)
        if ent.type != "PER":
            ent.type = _vote_type(ent)

    def _merge(self, keep: str, drop: str, report: ResolveReport) -> str:
        a, b = self.entities[keep], self.entities[drop]
        if b.mentions > a.mentions:
            a, b = b, a
            keep, drop = drop, keep
        for v in b.variants:
            if v not in a.variants:
                a.variants.append(v)
        a.mentions += b.mentions
        a.first_seen = min(filter(None, [a.first_seen, b.first_seen]), default=None)
        a.last_seen = max(filter(None, [a.last_seen, b.last_seen]), default=None)
        a.positions = sorted(
            a.positions + b.positions, key=lambda q: (q.date is None, q.date or "", q.article_id)
        )
        counts = _meta_counter(a, "name_counts") + _meta_counter(b, "name_counts")
        a.metadata["name_counts"] = dict(counts)
        a.metadata["articles"] = list(
            dict.fromkeys((a.metadata.get("articles") or []) + (b.metadata.get("articles") or []))
        )
        a.name = _canonical(a, counts)
        if a.type != "PER":
            votes = _meta_counter(a, "type_votes") + _meta_counter(b, "type_votes")
            a.metadata["type_votes"] = dict(votes)
            a.type = _vote_type(a)
        self.drop(drop)
        self.merged[drop] = keep
        co = self._co_mentions(a) + self._co_mentions(b)
        co.pop(keep, None)
        a.metadata["co_mentions"] = dict(co)
        report.merged[drop] = keep
        self._index_entity(a)
        return keep


def _same_place_or_org(names: list[str], ent: Entity) -> bool:
    """A name of the mention is a name of ``ent``: equal folded, equal sound skeleton (longer
    names), or one gazetteer entry or region in any language and script."""
    known = {fold(v) for v in [ent.name, *ent.variants]}
    keys = {skeleton(v) for v in [ent.name, *ent.variants]}
    places = {place_key(v) for v in [ent.name, *ent.variants]} - {None}
    return any(
        fold(n) in known or (len(n) > 3 and skeleton(n) in keys) or place_key(n) in places
        for n in names
    )


def _vote_type(ent: Entity) -> EntityType:
    """One type for a place or organisation: the gazetteer's when one of its names is listed
    (in any language), else the type most of its mentions were given."""
    listed = Counter(t for v in [ent.name, *ent.variants] if (t := listed_type_any(v)))
    if listed:
        return "ORG" if listed.most_common(1)[0][0] == "ORG" else "LOC"
    votes = _meta_counter(ent, "type_votes")
    if not votes:
        return ent.type
    top = max(votes.values())
    # a tie keeps the type the entity has
    if votes.get(ent.type, 0) == top:
        return ent.type
    return "ORG" if votes.get("ORG", 0) == top else "LOC"


def _canonical(ent: Entity, counts: Counter[str]) -> str:
    """The most frequent full normal form; ties go to the Cyrillic/Latin form seen first. A
    place or organisation is not named in capitals when another form is known ("INNOPROM")."""
    full = {n: c for n, c in counts.items() if _full(n) or ent.type != "PER"}
    if ent.type != "PER":
        written = {n: c for n, c in full.items() if not (n.isupper() and len(n) > 4)}
        full = written or full
    if not full:
        return ent.name
    top = max(full.values())
    best = [n for n in ent.variants if full.get(n) == top] or [
        n for n, c in full.items() if c == top
    ]
    return best[0]


def resolve(
    analyses: Iterable[ArticleEntities], articles: dict[str, Article] | None = None
) -> list[Entity]:
    """Entities of a batch of analysed articles (a fresh resolver; see :class:`EntityResolver`)."""
    resolver = EntityResolver()
    arts = articles or {}
    resolver.add_many((a, arts.get(a.article_id)) for a in analyses)
    return sorted(resolver.entities.values(), key=lambda e: (-e.mentions, e.name))


def latin_variants(entity: Entity) -> list[str]:
    """Latin spellings of an entity's Cyrillic names (search helpers, exports)."""
    return sorted({to_latin(v) for v in entity.variants if is_cyrillic(v)})


__all__ = ["EntityResolver", "ResolveReport", "latin_variants", "resolve"]
