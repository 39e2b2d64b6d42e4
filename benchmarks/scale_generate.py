"""Rows of a realistic store, generated without the models, chunk by chunk.

The plan is drawn first (cheap arrays): events of 1–50 articles (P(k) ∝ k^-1.7) on days over two
years, in date order, each with key entities; events sharing a person within a quarter form a
storyline. Then each chunk of events becomes table rows:

- an article per event member: language ru/de/en (45/30/25 %, an event's reports mostly in one
  language), a site by a Zipf law, a date within three days of its event, a title and a text of
  real sentences (lognormal length, median about 1,800 characters), 10–20 name mentions at exact
  spans (the slots of the real sentences, filled with the event's key entities or entities drawn
  by a Zipf law), facts (sentences with figures), a quote now and then, a MinHash signature, the
  content hash and the search stems exactly as the store computes them; about 3 % of later
  reports are duplicates of an earlier original report (same text, ``duplicate_of`` set, no
  mentions);
- the event rows (members, languages, the most mentioned entities, importance order key);
- the article vectors event clustering reads, in the store's embedding cache as ingest leaves
  them (``scale_vectors``: per event a random direction, its reports close to it).

Entity and storyline rows are derived from the stored mentions and events at the end
(``scale_write.finish``), so a partly loaded store can be finished too.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
from scale_corpus import LANGS, TYPES, Material, Sentence
from scale_vectors import ArticleVectors, cache_rows

from sujet.dedup.fingerprint import content_hash, signature, to_bytes
from sujet.model import Article, Event, EventMember, stable_id
from sujet.store.rows import name_key
from sujet.store.stemming import index_stems
from sujet.stories.importance import order_key
from sujet.topics.scheme import TOPICS

END_DAY = date(2026, 11, 30)
SPAN_DAYS = 730
LANG_SHARE = (0.45, 0.30, 0.25)
MAX_EVENT = 50
EVENT_EXPONENT = 1.7
ZIPF_ENTITIES = 1.0
ZIPF_SITES = 1.1
DUPLICATE_SHARE = 0.03
STORYLINE_MIN_EVENT = 3
CHUNK_ARTICLES = 5000
NUM_PERM, SHINGLE_WORDS = 128, 5  # the dedup settings' defaults
_DIGIT = set("0123456789")
_WORDISH = re.compile(r"[\w\u0300\u0301\u00ad]")


def entity_count(n_articles: int) -> int:
    """Distinct entities of a store of ``n_articles`` (sublinear growth, Heaps-like)."""
    return max(300, int(6 * n_articles ** 0.78))


class Zipf:
    """Draws ranks 0..n-1 with P(k) ∝ (k+1)^-s."""

    def __init__(self, n: int, s: float) -> None:
        weights = 1.0 / np.arange(1, n + 1) ** s
        self.cum = np.cumsum(weights / weights.sum())

    def draw(self, rng: np.random.Generator, size: int | None = None) -> Any:
        u = rng.random(size)
        return np.minimum(np.searchsorted(self.cum, u), len(self.cum) - 1)


@dataclass(slots=True)
class EntityPool:
    """The store's entities: real names, then real names recombined, per type."""

    names: dict[str, list[str]]
    zipf: dict[str, Zipf]

    @classmethod
    def build(cls, material: Material, total: int, rng: np.random.Generator) -> EntityPool:
        names: dict[str, list[str]] = {}
        per_type = {"PER": 0.5, "ORG": 0.3, "LOC": 0.2}
        for typ in TYPES:
            real = list(dict.fromkeys(material.names[typ]))
            rng.shuffle(real)
            want = max(20, int(total * per_type[typ]))
            pool = real[:want]
            if typ != "LOC":  # places are few in reality too: only the real ones
                pool += _recombined(real, want - len(pool), rng)
            names[typ] = pool
        return cls(names, {t: Zipf(len(v), ZIPF_ENTITIES) for t, v in names.items()})

    def entity_id(self, typ: str, index: int) -> str:
        return stable_id("entity", typ, name_key(self.names[typ][index]))


def _recombined(real: list[str], count: int, rng: np.random.Generator) -> list[str]:
    """``count`` new names made of the first and last words of real multi-word names."""
    parts = [n.split() for n in real if len(n.split()) >= 2]
    if count <= 0 or not parts:
        return []
    heads = list(dict.fromkeys(p[0] for p in parts))
    tails = list(dict.fromkeys(p[-1] for p in parts))
    seen = set(real)
    out: list[str] = []
    for _ in range(count * 3):
        name = f"{heads[rng.integers(len(heads))]} {tails[rng.integers(len(tails))]}"
        if name not in seen:
            seen.add(name)
            out.append(name)
            if len(out) == count:
                break
    return out


@dataclass(slots=True)
class Plan:
    """The events of the store in date order, their key entities and storylines."""

    n_articles: int
    seed: int
    sizes: np.ndarray
    days: np.ndarray
    langs: np.ndarray
    keys: np.ndarray  # (events, 3): PER, ORG, LOC indices
    storyline: np.ndarray  # storyline number or -1
    entities: EntityPool
    sites: list[str]
    site_zipf: Zipf = field(init=False)

    def __post_init__(self) -> None:
        self.site_zipf = Zipf(len(self.sites), ZIPF_SITES)

    @classmethod
    def draw(cls, material: Material, n_articles: int, seed: int) -> Plan:
        rng = np.random.default_rng(seed)
        k = np.arange(1, MAX_EVENT + 1)
        p = k ** -EVENT_EXPONENT
        sizes = rng.choice(k, size=n_articles, p=p / p.sum())
        ends = np.cumsum(sizes)
        n_events = int(np.searchsorted(ends, n_articles)) + 1
        sizes = sizes[:n_events].copy()
        sizes[-1] -= int(ends[n_events - 1] - n_articles)
        # More news lately (a growing crawl), fewer at weekends.
        days = np.sort((SPAN_DAYS * rng.random(n_events) ** 0.8).astype(int))
        weekday = (END_DAY - timedelta(days=SPAN_DAYS)).weekday()
        weekend = ((days + weekday) % 7) >= 5
        days[weekend & (rng.random(n_events) < 0.4)] -= 2
        days = np.sort(np.clip(days, 0, SPAN_DAYS - 1))
        langs = rng.choice(len(LANGS), size=n_events, p=LANG_SHARE)
        pool = EntityPool.build(material, entity_count(n_articles), rng)
        keys = np.stack([pool.zipf[t].draw(rng, n_events) for t in TYPES], axis=1)
        storyline = np.full(n_events, -1)
        groups: dict[tuple[int, int], list[int]] = {}
        for i in np.flatnonzero(sizes >= STORYLINE_MIN_EVENT):
            groups.setdefault((int(keys[i, 0]), int(days[i]) // 90), []).append(int(i))
        number = 0
        for members in groups.values():
            if len(members) >= 2:
                storyline[members] = number
                number += 1
        return cls(n_articles, seed, sizes, days, langs, keys, storyline, pool, material.sites)

    def chunks(self) -> Iterator[tuple[int, int]]:
        """(first event, end event) of each chunk of about CHUNK_ARTICLES articles."""
        ends = np.cumsum(self.sizes)
        start = 0
        while start < len(self.sizes):
            base = ends[start - 1] if start else 0
            stop = int(np.searchsorted(ends, base + CHUNK_ARTICLES)) + 1
            stop = min(stop, len(self.sizes))
            yield start, stop
            start = stop


@dataclass(slots=True)
class Rows:
    """Rows of one chunk, by table name."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.tables.setdefault(table, []).append(row)


def day_iso(day: int) -> str:
    return (END_DAY - timedelta(days=SPAN_DAYS - 1 - day)).isoformat()


class ChunkWriter:
    """Turns the plan's events ``start:stop`` into rows."""

    def __init__(self, plan: Plan, material: Material) -> None:
        self.plan = plan
        self.material = material
        self.slotted = {lang: [s for s in material.sentences[lang] if s.slots] for lang in LANGS}
        self.figures = {lang: [s for s in material.sentences[lang] if _DIGIT & set(s.text)]
                        for lang in LANGS}
        self.plain = {lang: [s for s in material.sentences[lang] if not s.slots] or
                      material.sentences[lang] for lang in LANGS}
        self._stems = StemCache()
        self.vectors = ArticleVectors(plan.seed)

    def first_article_id(self, start: int) -> str:
        """The id of the first article of the chunk that starts at event ``start``."""
        return stable_id("scale-article", str(self.plan.seed),
                         str(int(np.sum(self.plan.sizes[:start]))))

    def rows(self, start: int, stop: int) -> Rows:
        plan = self.plan
        rng = np.random.default_rng([plan.seed, start])
        # the vectors draw from their own stream: the rows are those of a store without them
        vector_rng = np.random.default_rng([plan.seed, start, 1])
        rows = Rows()
        vectors: dict[tuple[str, str], bytes] = {}
        first = int(np.sum(plan.sizes[:start]))
        for e in range(start, stop):
            done = len(rows.tables.get("articles", ()))
            first = self._event(e, first, rng, rows)
            self.vectors.rows(rows.tables["articles"][done:], vector_rng, vectors)
        rows.tables["cache"] = cache_rows(vectors)
        return rows

    def _event(self, e: int, first: int, rng: np.random.Generator, rows: Rows) -> int:
        plan = self.plan
        event_id = stable_id("scale-event", str(plan.seed), str(e))
        line = int(plan.storyline[e])
        line_id = stable_id("scale-storyline", str(plan.seed), str(line)) if line >= 0 else None
        members: list[dict[str, Any]] = []
        reports: list[Article] = []
        counts: Counter[str] = Counter()
        for j in range(int(plan.sizes[e])):
            article, mentions = self._article(e, first + j, j, reports, rng)
            article.update(event_id=event_id, storyline_id=line_id)
            rows.add("articles", article)
            rows.add("signatures", {"article_id": article["id"], "signature": article.pop("_sig")})
            for table in ("mentions", "facts", "quotes"):
                for row in article.pop(f"_{table}"):
                    rows.add(table, row)
            counts.update(m["entity_id"] for m in mentions)
            members.append({"event_id": event_id, "ord": j, "article_id": article["id"],
                            "score": round(float(1.0 - 0.2 * rng.random()), 3) if j else 1.0,
                            "why": ["title", "entities"] if j else []})
            reports.append(_light(article))
        languages = list(dict.fromkeys(r.language for r in reports if r.language))
        event = Event(id=event_id, title=reports[0].title or "", languages=languages,
                      date_from=min(r.date or "" for r in reports),
                      date_to=max(r.date or "" for r in reports), storyline_id=line_id,
                      members=[EventMember(m["article_id"], m["score"]) for m in members])
        rows.add("events", {
            "id": event_id, "title": event.title, "date_from": event.date_from,
            "date_to": event.date_to, "storyline_id": line_id, "n_articles": len(members),
            "summary": {languages[0]: reports[0].metadata["lead"]} if languages else {},
            "metadata": {}, "importance": order_key(event, reports)})
        for row in members:
            rows.add("event_members", row)
        for i, lang in enumerate(languages):
            rows.add("event_languages", {"event_id": event_id, "ord": i, "language": lang})
        for i, (entity_id, _) in enumerate(counts.most_common(5)):
            rows.add("event_entities", {"event_id": event_id, "ord": i, "entity_id": entity_id})
        return first + len(members)

    def _article(self, e: int, n: int, j: int, reports: list[Article],
                 rng: np.random.Generator) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        plan = self.plan
        lang = LANGS[int(plan.langs[e])] if rng.random() < 0.85 else LANGS[rng.integers(3)]
        day = min(SPAN_DAYS - 1, int(plan.days[e]) + int(rng.geometric(0.6)) - 1)
        site = plan.sites[int(plan.site_zipf.draw(rng))]
        article_id = stable_id("scale-article", str(plan.seed), str(n))
        iso = day_iso(day)
        url = f"https://{site}/{iso.replace('-', '/')}/{article_id}.html"
        # a copy repeats an original report (ingest marks a copy of a copy as one of its original)
        originals = [r for r in reports if r.duplicate_of is None]
        original = originals[rng.integers(len(originals))] if originals else None
        if original is not None and rng.random() < DUPLICATE_SHARE:
            title, text = original.title or "", original.metadata["text"]
            mentions: list[dict[str, Any]] = []
            facts: list[dict[str, Any]] = []
            quotes: list[dict[str, Any]] = []
            duplicate_of: str | None = original.id
        else:
            title = self.material.titles[lang][rng.integers(len(self.material.titles[lang]))]
            text, mentions, facts, quotes = self._text(article_id, lang, e, rng)
            duplicate_of = None
        row: dict[str, Any] = {
            "id": article_id, "source": url, "text": text, "title": title, "url": url,
            "date": iso, "date_precision": "day", "date_source": "htmldate", "language": lang,
            "dateline": None, "agency": None, "author": None, "site": site,
            "content_hash": content_hash(text), "duplicate_of": duplicate_of,
            "fetched_at": f"{iso}T{rng.integers(6, 23):02d}:{rng.integers(60):02d}:00+00:00",
            "metadata": {}, "topic": TOPICS[min(int(rng.geometric(0.35)) - 1, len(TOPICS) - 1)],
            "search_stems": (index_stems(title, text, lang) if duplicate_of
                             else self._stems.article(title, lang)),
            "_sig": to_bytes(signature(text, num_perm=NUM_PERM, shingle_words=SHINGLE_WORDS)),
            "_mentions": mentions, "_facts": facts, "_quotes": quotes,
        }
        return row, mentions

    def _text(self, article_id: str, lang: str, e: int, rng: np.random.Generator
              ) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        target_len = int(min(12000, max(300, rng.lognormal(math.log(1800), 0.5))))
        target_mentions = int(rng.integers(10, 21))
        parts: list[str] = []
        mentions: list[dict[str, Any]] = []
        facts: list[dict[str, Any]] = []
        quotes: list[dict[str, Any]] = []
        length = 0
        while (length < target_len or len(mentions) < target_mentions) and len(parts) < 120:
            if len(mentions) < target_mentions:
                sentence = self.slotted[lang][rng.integers(len(self.slotted[lang]))]
            elif len(facts) < 3 and rng.random() < 0.15:
                sentence = self.figures[lang][rng.integers(len(self.figures[lang]))]
            else:
                pool = self.plain[lang]
                sentence = pool[rng.integers(len(pool))]
            sep = ("\n\n" if len(parts) % 4 == 3 else " ") if parts else ""
            offset = length + len(sep)
            text, spans, pieces = self._fill(sentence, e, rng)
            self._stems.note(text, pieces, lang)
            parts.append(sep + text)
            length = offset + len(text)
            for start, end, typ, entity_id, name in spans:
                mentions.append({"article_id": article_id, "ord": len(mentions),
                                 "span_start": offset + start, "span_end": offset + end,
                                 "type": typ, "surface": name, "normal": name,
                                 "entity_id": entity_id, "field": "text"})
            if _DIGIT & set(text) and len(facts) < 3:
                facts.append({"article_id": article_id, "ord": len(facts), "kind": "figure",
                              "text": text, "span_start": offset, "span_end": offset + len(text),
                              "value": {"number": _first_number(text), "unit": ""}})
            speakers = [s for s in spans if s[2] == "PER"]
            if speakers and not quotes and rng.random() < 0.3:
                quotes.append({"article_id": article_id, "ord": 0, "span_start": offset,
                               "span_end": offset + len(text), "text": text,
                               "speaker": speakers[0][4], "entity_id": speakers[0][3],
                               "kind": "indirect", "cue": "said"})
        return "".join(parts), mentions, facts, quotes

    def _fill(self, sentence: Sentence, e: int, rng: np.random.Generator
              ) -> tuple[str, list[tuple[int, int, str, str, str]], list[str]]:
        """The sentence with each name slot filled by an entity; the filled spans; the
        pieces (text between names, names) it was made of."""
        pool = self.plan.entities
        out: list[str] = []
        spans: list[tuple[int, int, str, str, str]] = []
        pos = length = 0
        for start, end, typ in sentence.slots:
            if start < pos:
                continue
            t = TYPES.index(typ)
            index = int(self.plan.keys[e, t]) if rng.random() < 0.5 else int(pool.zipf[typ].draw(rng))
            name = pool.names[typ][index]
            out.append(sentence.text[pos:start])
            length += start - pos
            spans.append((length, length + len(name), typ, pool.entity_id(typ, index), name))
            out.append(name)
            length += len(name)
            pos = end
        out.append(sentence.text[pos:])
        return "".join(out), spans, out


class StemCache:
    """``index_stems`` of an article, exactly, from the stems of the pieces it is made of.

    The stem column is the stems of the title's and the text's words in order, so the stems of
    a text are the stems of its pieces joined, wherever no word runs across two pieces; a
    sentence where one does is stemmed whole.
    """

    def __init__(self) -> None:
        self.pieces: dict[tuple[str, str], str] = {}
        self.sentences: list[str] = []

    def _piece(self, piece: str, lang: str) -> str:
        key = (piece, lang)
        found = self.pieces.get(key)
        if found is None:
            found = self.pieces[key] = index_stems(None, piece, lang)
        return found

    def note(self, sentence: str, pieces: list[str], lang: str) -> None:
        """Add the stems of the text's next sentence (made of ``pieces``)."""
        pieces = [p for p in pieces if p]
        joined = all(not (_WORDISH.match(a[-1]) and _WORDISH.match(b[0]))
                     for a, b in zip(pieces, pieces[1:], strict=False))
        if joined:
            stems = " ".join(s for p in pieces if (s := self._piece(p, lang)))
        else:
            stems = index_stems(None, sentence, lang)
        self.sentences.append(stems)

    def article(self, title: str, lang: str) -> str:
        """The stems of the title and of the sentences noted since the last article."""
        parts = [self._piece(title, lang)] if title else []
        parts.extend(self.sentences)
        self.sentences.clear()
        return " ".join(p for p in parts if p)


def _first_number(text: str) -> float:
    digits = ""
    for ch in text:
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return float(digits[:12] or 0)


def _light(row: dict[str, Any]) -> Article:
    """The article as the importance order key reads it (the text kept aside for copies)."""
    lead = row["text"].split("\n\n", 1)[0][:400]
    return Article(id=row["id"], source=row["source"], text="", title=row["title"],
                   url=row["url"], date=row["date"], language=row["language"], site=row["site"],
                   fetched_at=row["fetched_at"], duplicate_of=row["duplicate_of"],
                   metadata={"text": row["text"], "lead": lead})
