"""A scripted stream of articles built from the example corpus texts, with varied dates, names,
languages, sources, topics and events, and what each article was scripted to carry.

The reference computation (:func:`expected_alerts`) reads only that script: which person was
named (in which written form does not matter), which marker phrase was put in, which event the
article belongs to. It shares no code with :mod:`sujet.alerts`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sujet.model import Article, Entity, Event, Storyline
from sujet.store.base import Store

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "text"

# Written forms of two people, as the reports give them: cases, scripts, transliterations.
ZABOLOTSKY = ["Прохор Заболоцкий", "Прохора Заболоцкого", "Заболоцкому", "Заболоцким",
              "Prokhor Zabolotsky", "Prochor Sabolozki", "Zabolotskiy"]
KOWALCZYK = ["Marta Kowalczyk", "Kowalczyk", "Марта Ковальчик", "Марты Ковальчик"]
DECOYS = ["Пётр Заболотный", "Martin Kowalski", "Заболотная", "Kowal"]
SOLAR = ["солнечной электростанции", "солнечная электростанция", "Solarpark", "solar park"]
TOPICS = ["economy", "society", "technology", "sports"]
EVENTS = ["ev-main", "ev-old", "ev-other"]
STORY_EVENTS = [f"ev-s{i}" for i in range(1, 6)]


@dataclass(slots=True)
class Scripted:
    article: Article
    people: set[str] = field(default_factory=set)  # "zabolotsky", "kowalczyk"
    solar: bool = False


def _paragraphs() -> list[tuple[str, str, str]]:
    """(site, language, paragraph) of the corpus texts."""
    out: list[tuple[str, str, str]] = []
    for path in sorted(CORPUS.glob("*.txt")):
        site = path.stem.rsplit("-", 3)[0]
        text = path.read_text(encoding="utf-8")
        language = "de" if site.startswith("bel") else "ru"
        paras = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 60]
        out.extend((site, language, p) for p in paras)
    return out


def build_stream(n: int = 1000, seed: int = 7) -> list[Scripted]:
    rng = random.Random(seed)
    paras = _paragraphs()
    start = date(2024, 1, 1)
    stream: list[Scripted] = []
    for i in range(n):
        site, language, para = paras[i % len(paras)]
        item = Scripted(Article(id="", source="", text=""))
        sentences = [para]
        if rng.random() < 0.25:
            sentences.append(f"Об этом сообщил {rng.choice(ZABOLOTSKY)}.")
            item.people.add("zabolotsky")
        if rng.random() < 0.2:
            sentences.append(f"{rng.choice(KOWALCZYK)} kommentierte das.")
            item.people.add("kowalczyk")
        if rng.random() < 0.1:
            sentences.append(f"Dazu äußerte sich {rng.choice(DECOYS)}.")
        if rng.random() < 0.15:
            sentences.append(f"Речь шла о проекте: {rng.choice(SOLAR)} у города.")
            item.solar = True
        rng.shuffle(sentences)
        text = f"Сообщение {i}. " + " ".join(sentences)
        roll = rng.random()
        event = EVENTS[int(roll * 10) % 3] if roll < 0.3 else None
        story_event = rng.choice(STORY_EVENTS) if 0.3 <= roll < 0.4 else None
        article_id = f"a{i:04d}"
        item.article = Article(
            id=article_id, source=f"https://{site}.example/news/{i}", text=text,
            title=f"Новость {i}", url=f"https://{site}.example/news/{i}",
            date=(start + timedelta(days=rng.randrange(700))).isoformat(), language=language,
            site=f"{site}.example", content_hash=f"h{i}",
            event_id=event or story_event, storyline_id="st-1" if story_event else None,
            metadata={"topic": rng.choice(TOPICS)},
        )
        if i > 10 and rng.random() < 0.03:
            item.article.duplicate_of = stream[i - 5].article.id
        stream.append(item)
    return stream


def seed_records(store: Store) -> None:
    """Entities the two people are known by, and the events and storyline of the stream."""
    store.upsert_entities([
        Entity("per-zab", "PER", "Прохор Заболоцкий",
               variants=["Прохор Заболоцкий", "Prokhor Zabolotsky", "Prochor Sabolozki",
                         "Заболоцкий"], mentions=5),
        Entity("per-kow", "PER", "Marta Kowalczyk",
               variants=["Marta Kowalczyk", "Марта Ковальчик", "Kowalczyk", "Ковальчик"],
               mentions=5),
    ])
    store.upsert_events([Event(e, e) for e in ["ev-main", "ev-other", *STORY_EVENTS]])  # ev-old: merged
    store.add_event_aliases({"ev-old": "ev-main"})
    store.upsert_storylines([Storyline("st-1", "Storyline", event_ids=STORY_EVENTS)])


# The watchlists of the test: (name, kind, target, filters).
WATCHLISTS: list[tuple[str, str, str, dict[str, str]]] = [
    ("zab", "person", "Заболоцкий", {}),
    ("kow-de", "person", "Marta Kowalczyk", {"language": "de"}),
    ("zab-omsk", "person", "Prokhor Zabolotsky", {"source": "omsk"}),
    ("zab-not-kow", "query", "Заболоцкий AND NOT Kowalczyk", {}),
    ("solar", "query", '"солнечной электростанции" OR Solarpark OR "solar park"', {}),
    ("kow-economy", "query", "Kowalczyk OR Ковальчик", {"topic": "economy"}),
    ("solar-or-both", "query", "(Заболоцкий Kowalczyk) OR (Solarpark NOT Заболоцкий)", {}),
    ("event", "event", "ev-old", {}),
    ("story", "storyline", "st-1", {}),
]


def expected_alerts(stream: list[Scripted]) -> dict[str, set[tuple[str, str]]]:
    """The alerts each watchlist should get: (subject kind, subject id) pairs."""
    out: dict[str, set[tuple[str, str]]] = {name: set() for name, *_ in WATCHLISTS}
    for s in stream:
        a = s.article
        if a.duplicate_of:
            continue
        zab, kow = "zabolotsky" in s.people, "kowalczyk" in s.people
        # The one-word German marker alone (not the Russian phrases, not "solar park").
        solar_word = s.solar and "Solarpark" in a.text

        def add(name: str, cond: bool, a: Article = a) -> None:
            if cond:
                out[name].add(("article", a.id))

        add("zab", zab)
        add("kow-de", kow and a.language == "de")
        add("zab-omsk", zab and "omsk" in (a.source or ""))
        add("zab-not-kow", zab and not kow)
        add("solar", s.solar)
        add("kow-economy", kow and a.metadata["topic"] == "economy")
        add("solar-or-both", (zab and kow) or (solar_word and not zab))
        add("event", a.event_id in ("ev-main", "ev-old"))
        if a.storyline_id == "st-1" and a.event_id:
            out["story"].add(("event", a.event_id))
    return out
