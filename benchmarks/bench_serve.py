"""Latency of the web UI and REST API on a large SQLite store.

Generates varied synthetic articles (Russian, German, English; names in several cases and
scripts; dates over four years), with people, mentions and events, writes them through the Store
interface in batches, then measures p50/p95 of the feed, event, dossier and search pages (HTML and
JSON) with an in-process client.

    nice .venv/bin/python benchmarks/bench_serve.py --articles 100000 --write-doc

``--articles 2000`` makes a quick run. ``--db`` keeps the generated store for a later run
(``--reuse`` skips generation when it already holds articles).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from sujet.model import Article, Entity, Event, EventMember, Mention, Position, stable_id
from sujet.store import Store, open_store

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks" / "serve.md"

# (nominative, genitive, German spelling, English spelling)
FIRST = [("Владимир", "Владимира", "Wladimir", "Vladimir"), ("Сергей", "Сергея", "Sergej", "Sergei"),
         ("Александр", "Александра", "Alexander", "Alexander"), ("Иван", "Ивана", "Iwan", "Ivan"),
         ("Дмитрий", "Дмитрия", "Dmitri", "Dmitry"), ("Николай", "Николая", "Nikolai", "Nikolay"),
         ("Михаил", "Михаила", "Michail", "Mikhail"), ("Андрей", "Андрея", "Andrej", "Andrei"),
         ("Павел", "Павла", "Pawel", "Pavel"), ("Олег", "Олега", "Oleg", "Oleg"),
         ("Юрий", "Юрия", "Juri", "Yuri"), ("Виктор", "Виктора", "Viktor", "Viktor")]
LAST = [("Мазур", "Мазура", "Masur", "Mazur"), ("Масляк", "Масляка", "Masljak", "Maslyak"),
        ("Пархомчик", "Пархомчика", "Parchomtschik", "Parkhomchik"),
        ("Королёв", "Королёва", "Koroljow", "Korolev"), ("Соколов", "Соколова", "Sokolow", "Sokolov"),
        ("Лебедев", "Лебедева", "Lebedew", "Lebedev"), ("Новиков", "Новикова", "Nowikow", "Novikov"),
        ("Морозов", "Морозова", "Morosow", "Morozov"), ("Волков", "Волкова", "Wolkow", "Volkov"),
        ("Зайцев", "Зайцева", "Saizew", "Zaitsev"), ("Павлов", "Павлова", "Pawlow", "Pavlov"),
        ("Семёнов", "Семёнова", "Semjonow", "Semenov"), ("Голубев", "Голубева", "Golubew", "Golubev"),
        ("Виноградов", "Виноградова", "Winogradow", "Vinogradov"), ("Богданов", "Богданова", "Bogdanow", "Bogdanov"),
        ("Воробьёв", "Воробьёва", "Worobjow", "Vorobyov"), ("Фёдоров", "Фёдорова", "Fjodorow", "Fedorov"),
        ("Медведев", "Медведева", "Medwedew", "Medvedev"), ("Ершов", "Ершова", "Jerschow", "Yershov"),
        ("Никитин", "Никитина", "Nikitin", "Nikitin"), ("Сорокин", "Сорокина", "Sorokin", "Sorokin"),
        ("Захаров", "Захарова", "Sacharow", "Zakharov"), ("Зуев", "Зуева", "Sujew", "Zuev"),
        ("Титов", "Титова", "Titow", "Titov"), ("Кузьмин", "Кузьмина", "Kusmin", "Kuzmin")]
PLACES = {"ru": ["Томске", "Минске", "Новосибирске", "Казани", "Омске", "Берлине"],
          "de": ["Tomsk", "Minsk", "Nowosibirsk", "Kasan", "Omsk", "Berlin"],
          "en": ["Tomsk", "Minsk", "Novosibirsk", "Kazan", "Omsk", "Berlin"]}
TITLES = ["губернатор", "министр промышленности", "вице-премьер", "мэр", "посол",
          "председатель правительства", "министр экономики", "ректор университета"]
TOPICS = {"ru": ["поставки техники", "строительство завода", "обмен студентами", "экспорт зерна",
                 "тарифы на тепло", "ремонт дорог", "цифровую медицину", "лесную промышленность"],
          "de": ["Maschinenlieferungen", "den Bau eines Werks", "Studentenaustausch", "Getreideexporte",
                 "Heizungstarife", "Straßenreparaturen", "digitale Medizin", "die Forstwirtschaft"],
          "en": ["machinery deliveries", "a new plant", "student exchanges", "grain exports",
                 "heating tariffs", "road repairs", "digital medicine", "the timber industry"]}
SENTENCES = {
    "ru": ["{place_cap}: {person} обсудил {topic} с коллегами.",
           "По словам {person_gen}, объём работ вырастет на {n}% в следующем году.",
           "Встреча прошла в {place}, где {person} представил план на {n} миллионов рублей.",
           "Эксперты отмечают, что {topic} остаётся главным вопросом повестки.",
           "{person} подчеркнул важность сотрудничества регионов.",
           "Стороны подписали соглашение и договорились встретиться через {n} месяцев."],
    "de": ["In {place} sprach {person} über {topic}.",
           "Laut {person} soll das Volumen im nächsten Jahr um {n} Prozent wachsen.",
           "{person} stellte einen Plan über {n} Millionen Euro vor.",
           "Beobachter sehen {topic} als wichtigstes Thema der Verhandlungen.",
           "Die Seiten unterzeichneten ein Abkommen und wollen sich in {n} Monaten wieder treffen."],
    "en": ["In {place}, {person} discussed {topic} with officials.",
           "According to {person}, volumes will grow by {n} percent next year.",
           "{person} presented a plan worth {n} million dollars.",
           "Analysts say {topic} remains the main item on the agenda.",
           "The sides signed an agreement and will meet again in {n} months."],
}
HEADLINES = {"ru": "{person} обсудил {topic} в {place}", "de": "{person} spricht in {place} über {topic}",
             "en": "{person} discusses {topic} in {place}"}


@dataclass(slots=True)
class Person:
    id: str
    forms: dict[str, str]  # "ru", "ru_gen", "de", "en" -> full name
    positions: list[Position] = field(default_factory=list)
    mentions: int = 0
    first: str | None = None
    last: str | None = None

    def entity(self) -> Entity:
        variants = sorted({v for k, v in self.forms.items() if k != "ru"})
        return Entity(id=self.id, type="PER", name=self.forms["ru"], variants=variants,
                      mentions=self.mentions, first_seen=self.first, last_seen=self.last,
                      positions=self.positions[-20:])


def make_people(rng: random.Random, count: int) -> list[Person]:
    people: list[Person] = []
    seen: set[tuple[str, str]] = set()
    while len(people) < count:
        f, la = rng.choice(FIRST), rng.choice(LAST)
        suffix = "" if (f[0], la[0]) not in seen else f"-{len(people)}"
        seen.add((f[0], la[0]))
        forms = {"ru": f"{f[0]} {la[0]}{suffix}", "ru_gen": f"{f[1]} {la[1]}{suffix}",
                 "de": f"{f[2]} {la[2]}{suffix}", "en": f"{f[3]} {la[3]}{suffix}"}
        people.append(Person(id=stable_id("bench-person", forms["ru"]), forms=forms))
    return people


def make_article(rng: random.Random, index: int, people: list[Person], when: date,
                 lang: str) -> tuple[Article, list[Mention], list[Person]]:
    cast = rng.sample(people, k=rng.randint(1, 3))
    topic = rng.choice(TOPICS[lang])
    place = rng.choice(PLACES[lang])
    article_id = stable_id("bench-article", str(index))
    key = "ru" if lang == "ru" else lang
    title = HEADLINES[lang].format(person=cast[0].forms[key], topic=topic, place=place)
    pieces: list[str] = []
    mentions: list[Mention] = []
    offset = 0
    for _ in range(rng.randint(5, 10)):
        template = rng.choice(SENTENCES[lang])
        person = rng.choice(cast)
        form = person.forms["ru_gen"] if "{person_gen}" in template else person.forms[key]
        filled = template.replace("{person_gen}", "{person}").format(
            person=form, topic=topic, place=place, place_cap=place.capitalize(),
            n=rng.randint(2, 90))
        at = filled.find(form)
        if at >= 0:
            mentions.append(Mention(article_id, offset + at, offset + at + len(form), "PER",
                                    form, person.forms["ru"], person.id))
        pieces.append(filled)
        offset += len(filled) + 1
    text = " ".join(pieces)
    iso = when.isoformat()
    article = Article(id=article_id, source=f"https://news{index % 40}.example/{article_id}",
                      text=text, title=title, date=iso, date_precision="day", language=lang,
                      site=f"news{index % 40}.example", content_hash=stable_id("h", text, iso))
    for person in cast:
        person.mentions += sum(1 for m in mentions if m.entity_id == person.id)
        person.first = min(person.first or iso, iso)
        person.last = max(person.last or iso, iso)
        if rng.random() < 0.05 and lang == "ru":
            person.positions.append(Position(rng.choice(TITLES), iso, article_id, language="ru"))
    return article, mentions, cast


def generate(store: Store, n: int, seed: int = 7, batch: int = 1000) -> None:
    rng = random.Random(seed)
    people = make_people(rng, max(40, n // 250))
    start = date(2022, 1, 1)
    pending: list[Article] = []
    pending_mentions: list[tuple[str, list[Mention]]] = []
    by_day: dict[str, list[tuple[Article, list[Person]]]] = defaultdict(list)
    t0 = time.perf_counter()
    for i in range(n):
        when = start + timedelta(days=rng.randint(0, 4 * 365))
        lang = rng.choices(["ru", "de", "en"], weights=[5, 3, 2])[0]
        article, mentions, cast = make_article(rng, i, people, when, lang)
        pending.append(article)
        pending_mentions.append((article.id, mentions))
        if rng.random() < 0.6:
            by_day[article.date or ""].append((article, cast))
        if len(pending) >= batch:
            _flush(store, pending, pending_mentions)
            print(f"  {i + 1} articles ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
    _flush(store, pending, pending_mentions)
    store.upsert_entities([p.entity() for p in people])
    events, updates = make_events(rng, by_day)
    for k in range(0, len(events), batch):
        store.upsert_events(events[k:k + batch])
    for k in range(0, len(updates), batch):
        store.update_articles(updates[k:k + batch])
    print(f"  generated {n} articles, {len(people)} people, {len(events)} events in "
          f"{time.perf_counter() - t0:.0f}s", file=sys.stderr)


def _flush(store: Store, articles: list[Article],
           mentions: list[tuple[str, list[Mention]]]) -> None:
    store.add_articles(articles)
    for article_id, rows in mentions:
        store.replace_mentions(article_id, rows)
    articles.clear()
    mentions.clear()


def make_events(rng: random.Random, by_day: dict[str, list[tuple[Article, list[Person]]]]
                ) -> tuple[list[Event], list[Article]]:
    events: list[Event] = []
    updates: list[Article] = []
    for day, items in sorted(by_day.items()):
        rng.shuffle(items)
        while items:
            group, items = items[:rng.randint(2, 8)], items[rng.randint(2, 8):]
            if len(group) < 2:
                break
            event_id = stable_id("bench-event", day, group[0][0].id)
            people = list(dict.fromkeys(p.id for _, cast in group for p in cast))[:6]
            events.append(Event(
                id=event_id, title=group[0][0].title or "", date_from=day, date_to=day,
                languages=sorted({a.language or "?" for a, _ in group}),
                members=[EventMember(a.id, round(rng.uniform(0.6, 0.99), 2),
                                     ["shared people", "same day"]) for a, _ in group],
                key_entities=people))
            for article, _ in group:
                data = article.to_dict()
                data["event_id"] = event_id
                updates.append(Article(**data))
    return events, updates


def measure(call: Callable[[str], int], paths: list[str], warmup: int = 3) -> tuple[float, float, float]:
    for path in paths[:warmup]:
        call(path)
    times = []
    for path in paths:
        t0 = time.perf_counter()
        status = call(path)
        times.append((time.perf_counter() - t0) * 1000)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, times[-1]


Rows = list[tuple[str, float, float, float]]


def load_average() -> float:
    """The 1-minute load average (0 where the system does not report one)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def run(args: argparse.Namespace) -> tuple[int, Rows, tuple[float, float]]:
    from fastapi.testclient import TestClient

    from sujet.api import create_app
    from sujet.config import Settings

    db = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="sujet-bench-")) / "bench.sqlite"
    store = open_store(f"sqlite:///{db}")
    if not (args.reuse and store.count_articles() > 0):
        print(f"generating {args.articles} articles into {db}", file=sys.stderr)
        generate(store, args.articles)
    total = store.count_articles()
    rng = random.Random(11)
    events = store.list_events(limit=200) + store.list_events(limit=200, offset=total // 20)
    people = [e for e in store.list_entities() if e.type == "PER"]
    queries = []
    for person in rng.sample(people, k=min(len(people), 30)):
        queries.append(person.name.split()[-1])
        queries.extend(person.variants[:1])
    queries += ["поставки техники", "Straßenreparaturen", "grain exports", "соглашение"]
    n = args.requests
    pick = lambda items: [rng.choice(items) for _ in range(n)]  # noqa: E731
    cases = {
        "feed /": ["/"] + [f"/?page={rng.randint(1, 20)}" for _ in range(n - 1)],
        "event /events/{id}": [f"/events/{e.id}" for e in pick(events)],
        "dossier /entities/{id}": [f"/entities/{p.id}" for p in pick(people)],
        "search /search?q=": [f"/search?q={quote(q)}" for q in pick(queries)],
        "API events list": ["/api/v1/events"] * n,
        "API event": [f"/api/v1/events/{e.id}" for e in pick(events)],
        "API dossier": [f"/api/v1/entities/{p.id}/dossier" for p in pick(people)],
        "API search": [f"/api/v1/search?q={quote(q)}" for q in pick(queries)],
    }
    app = create_app(Settings(db=f"sqlite:///{db}"), store, poll_feeds=False)
    rows = []
    load_before = load_average()
    # A loopback host name: the server answers only the names it is allowed to serve.
    with TestClient(app, base_url="http://localhost") as client:
        for name, paths in cases.items():
            p50, p95, worst = measure(lambda p: client.get(p).status_code, paths)
            rows.append((name, p50, p95, worst))
            print(f"{name:28s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  max {worst:7.1f} ms",
                  file=sys.stderr)
    store.close()
    loads = (load_before, load_average())
    print(f"load average (1 min) at start {loads[0]:.1f}, at end {loads[1]:.1f}", file=sys.stderr)
    return total, rows, loads


def write_doc(rows: Rows, articles: int, requests: int, loads: tuple[float, float]) -> None:
    lines = [f"\n## {date.today().isoformat()} — {articles:,} articles, SQLite\n",
             f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
             f"{platform.python_version()}, {platform.system()}. {requests} requests per row, "
             "in-process client (ASGI, no network), after 3 warm-up requests. Load average "
             f"(1 min) {loads[0]:.1f} at the start, {loads[1]:.1f} at the end.\n",
             "| Endpoint | p50 (ms) | p95 (ms) | max (ms) | p95 < 100 ms |",
             "|---|---:|---:|---:|:---:|"]
    for name, p50, p95, worst in rows:
        lines.append(f"| {name} | {p50:.1f} | {p95:.1f} | {worst:.1f} | "
                     f"{'yes' if p95 < 100 else 'no'} |")
    if not DOC.exists():
        DOC.parent.mkdir(parents=True, exist_ok=True)
        DOC.write_text("# Serving latency\n\nProduced by `benchmarks/bench_serve.py`; newest "
                       "runs last.\n", "utf-8")
    with DOC.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60, help="requests per endpoint")
    parser.add_argument("--db", help="SQLite file to generate into (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="skip generation when --db has data")
    parser.add_argument("--write-doc", action="store_true", help=f"append the table to {DOC}")
    args = parser.parse_args(argv)
    total, rows, loads = run(args)
    if args.write_doc:
        write_doc(rows, total, args.requests, loads)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
