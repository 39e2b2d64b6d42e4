"""Turn a cluster of article representations into an Event record a reader can use."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from sujet.model import Event, EventMember, Fact
from sujet.stories.represent import ArticleRepr, split_sentences

SUMMARY_CHARS = 320


def centrality(members: Sequence[ArticleRepr],
               edges: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    ids = {r.id for r in members}
    return {r.id: sum(s for o, s in edges.get(r.id, {}).items() if o in ids) for r in members}


def _lead_sentences(r: ArticleRepr, chars: int = SUMMARY_CHARS) -> str:
    lead = r.lead.split("\n", 1)[1] if "\n" in r.lead else r.lead
    out: list[str] = []
    for s in split_sentences(lead):
        if out and sum(map(len, out)) + len(s) > chars:
            break
        out.append(s)
    return " ".join(out)


def key_names(members: Sequence[ArticleRepr], n: int = 8) -> list[str]:
    """Display names of the event's key entities (entity names when given, else light keys),
    most widely shared first."""
    ent: Counter[str] = Counter()
    names: dict[str, str] = {}
    for r in members:
        if r.entity_keys:
            ent.update(r.entity_keys)
            names.update(r.entity_names)
    if ent:
        top = sorted(ent, key=lambda k: (-ent[k], k))[:n]
        return [names.get(k, k) for k in top]
    keys: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    surfaces: dict[str, str] = {}
    for r in members:
        keys.update(set(r.keys.names))
        weight.update(r.keys.names)
        for k, s in r.keys.surfaces.items():
            if k not in surfaces or len(s) < len(surfaces[k]):  # shortest: usually the base form
                surfaces[k] = s
    top = sorted(keys, key=lambda k: (-keys[k], -weight[k], k))[:n]
    return [surfaces.get(k, k) for k in top]


def build_event(
    event_id: str,
    members: Sequence[ArticleRepr],
    memberships: Sequence[EventMember],
    edges: Mapping[str, Mapping[str, float]],
    *,
    preferred_language: str,
    facts: Mapping[str, Sequence[Fact]] | None = None,
) -> Event:
    """The Event record of one cluster (members in a stable order: by date, then id)."""
    cent = centrality(members, edges)
    langs = Counter(r.language or "und" for r in members)
    languages = sorted(langs, key=lambda lang: (-langs[lang], lang))
    titled = Counter(r.language or "und" for r in members if r.has_title)
    if preferred_language in titled or (preferred_language in langs and not titled):
        headline_lang = preferred_language
    else:  # the most common language among articles with a real title
        pool = titled or langs
        headline_lang = sorted(pool, key=lambda lang: (-pool[lang], -langs[lang], lang))[0]

    def best_of(pool: Sequence[ArticleRepr]) -> ArticleRepr:
        return max(pool, key=lambda r: (r.has_title, cent.get(r.id, 0.0), -(r.day or 0), r.id))

    head = best_of([r for r in members if (r.language or "und") == headline_lang])
    summary = {}
    for lang in languages:
        text = _lead_sentences(best_of([r for r in members if (r.language or "und") == lang]))
        if text:
            summary[lang] = text
    # the day-precise dates bound the event; a month or a year only when nothing is more precise
    exact = [r.date for r in members if r.date and r.span and r.span[0] == r.span[1]]
    dates = sorted(exact or [r.date for r in members if r.date])
    sources = sorted({r.agency or r.site or r.source or "" for r in members} - {""})
    entity_ids: Counter[str] = Counter()
    for r in members:
        entity_ids.update(r.entity_keys or ())
    metadata: dict[str, object] = {"sources": sources, "key_names": key_names(members),
                                   "size": len(members)}
    order = {r.id: (r.day if r.day is not None else 10**9, r.id) for r in members}
    if facts:
        ids = sorted(order, key=order.__getitem__)  # in date order
        figures = [f.text for i in ids for f in facts.get(i, ()) if f.kind == "figure"]
        agreements = [f.text for i in ids for f in facts.get(i, ()) if f.kind == "agreement"]
        if figures:
            metadata["figures"] = list(dict.fromkeys(figures))
        if agreements:
            metadata["agreements"] = list(dict.fromkeys(agreements))
    return Event(
        id=event_id,
        title=head.title,
        languages=[lang for lang in languages if lang != "und"],
        date_from=dates[0] if dates else None,
        date_to=dates[-1] if dates else None,
        members=sorted(memberships, key=lambda m: order.get(m.article_id, (10**9, m.article_id))),
        key_entities=sorted(entity_ids, key=lambda k: (-entity_ids[k], k))[:10],
        summary=summary,
        metadata=metadata,
    )
