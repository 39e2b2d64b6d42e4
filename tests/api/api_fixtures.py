"""Shared test data and helpers of the API and web tests: a seeded corpus written through the
Store interface, the write token, a loopback site (the PostgreSQL server: ``pg_backend``)."""

from __future__ import annotations

from sujet.config import ServeSettings, Settings
from sujet.model import (
    Article,
    Entity,
    Event,
    EventMember,
    Fact,
    Mention,
    Position,
    Storyline,
)
from sujet.store import Store

TOKEN = "test-token-5f1c-7a9e"

HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Title</b>'
HOSTILE_TEXT = (
    "Опасная страница <script>window.__pwned = 1</script> и "
    '<a href="javascript:window.__pwned=1">ссылка</a> и '
    '<svg onload="window.__pwned=1"></svg> и <div onclick="x()">Мазур</div> конец.'
)



def _article(article_id: str, **fields: object) -> Article:
    fields.setdefault("source", f"https://news.example/{article_id}")
    fields.setdefault("content_hash", f"hash-{article_id}")
    return Article(id=article_id, **fields)  # type: ignore[arg-type]


def _mention(article: Article, surface: str, entity_id: str, normal: str,
             type_: str = "PER") -> Mention:
    start = article.text.index(surface)
    return Mention(article.id, start, start + len(surface), type_, surface, normal,  # type: ignore[arg-type]
                   entity_id)


def seed(store: Store) -> dict[str, object]:
    """A small bilingual corpus: two events of one storyline, people across scripts, a hostile
    page. Returns the ids the tests refer to."""
    ru1 = _article(
        "ru1", title="Томская область и Беларусь договорились о сотрудничестве",
        text=("ТОМСК, 30 авг – РИА Томск. Губернатор Томской области Владимир Мазур встретился "
              "с министром промышленности Беларуси Александром Пархомчиком.\n\n"
              "Стороны подписали соглашение о сотрудничестве. Товарооборот вырос на 15%."),
        date="2024-08-30", language="ru", agency="РИА Томск", site="riatomsk.ru",
        dateline="Томск")
    de1 = _article(
        "de1", title="Tomsk und Belarus vereinbaren Zusammenarbeit",
        text=("MINSK, 30. August (BelTA) - Gouverneur Wladimir Masur traf den Industrieminister "
              "Alexander Parchomtschik. Die Seiten unterzeichneten ein Abkommen."),
        date="2024-08-30", language="de", agency="BelTA", site="belta.by", dateline="Minsk")
    ru2 = _article(
        "ru2", title="Рабочая группа собралась снова",
        text=("ТОМСК, 12 сен – РИА Томск. Вице-премьер Беларуси Александр Пархомчик и "
              "Владимир Мазур провели заседание рабочей группы."),
        date="2025-09-12", language="ru", agency="РИА Томск", site="riatomsk.ru")
    en1 = _article(
        "en1", title="Markets today", text="Stock markets rose on Monday in London and Paris.",
        date="2025-01-05", language="en", site="markets.example")
    evil = _article("evil", title=HOSTILE_TITLE, text=HOSTILE_TEXT, date="2025-02-01",
                    language="ru", site="evil.example", url="javascript:window.__pwned=5")
    dup = _article("dup1", title=de1.title, text=de1.text, date="2024-08-30", language="de",
                   duplicate_of="de1", content_hash="hash-de1")
    articles = [ru1, de1, ru2, en1, evil, dup]
    store.add_articles(articles)

    mazur = Entity(
        id="p-mazur", type="PER", name="Владимир Мазур",
        variants=["Владимира Мазура", "Владимиром Мазуром", "Wladimir Masur"], mentions=3,
        first_seen="2024-08-30", last_seen="2025-09-12",
        positions=[Position("губернатор Томской области", "2024-08-30", "ru1",
                            organisation="Томская область", language="ru")])
    parkh = Entity(
        id="p-parkh", type="PER", name="Александр Пархомчик",
        variants=["Александром Пархомчиком", "Alexander Parchomtschik"], mentions=3,
        first_seen="2024-08-30", last_seen="2025-09-12",
        positions=[Position("министр промышленности", "2024-08-30", "ru1", language="ru"),
                   Position("вице-премьер", "2025-09-12", "ru2", language="ru")])
    tomsk = Entity(id="l-tomsk", type="LOC", name="Томская область", variants=["Tomsk"],
                   mentions=2)
    hostile = Entity(id="p-evil", type="PER", name='<script>window.__pwned=1</script>Evil',
                     variants=['"><svg onload=alert(1)>'], mentions=1,
                     positions=[Position("<b>boss</b>", "2025-02-01", "evil")])
    store.upsert_entities([mazur, parkh, tomsk, hostile])
    store.replace_mentions("ru1", [
        _mention(ru1, "Владимир Мазур", "p-mazur", "Владимир Мазур"),
        _mention(ru1, "Александром Пархомчиком", "p-parkh", "Александр Пархомчик"),
        _mention(ru1, "Томской области", "l-tomsk", "Томская область", "LOC")])
    store.replace_mentions("de1", [
        _mention(de1, "Wladimir Masur", "p-mazur", "Владимир Мазур"),
        _mention(de1, "Alexander Parchomtschik", "p-parkh", "Александр Пархомчик")])
    store.replace_mentions("ru2", [
        _mention(ru2, "Александр Пархомчик", "p-parkh", "Александр Пархомчик"),
        _mention(ru2, "Владимир Мазур", "p-mazur", "Владимир Мазур")])
    store.replace_mentions("evil", [_mention(evil, "<script>", "p-evil", "<script>")])
    store.replace_facts("ru1", [
        Fact("ru1", "agreement", "Стороны подписали соглашение о сотрудничестве."),
        Fact("ru1", "figure", "Товарооборот вырос на 15%.", value={"number": 15, "unit": "%"})])

    ev1 = Event(id="ev-2024", title="Tomsk and Belarus agree to cooperate",
                languages=["ru", "de"], date_from="2024-08-30", date_to="2024-08-30",
                storyline_id="st-1",
                members=[EventMember("ru1", 0.93, ["same people: Мазур, Пархомчик"]),
                         EventMember("de1", 0.88, ["translation of the same report"])],
                key_entities=["p-mazur", "p-parkh", "l-tomsk"],
                summary={"en": "The Tomsk region and Belarus signed a cooperation agreement."})
    ev2 = Event(id="ev-2025", title="Working group meets again", languages=["ru"],
                date_from="2025-09-12", date_to="2025-09-12", storyline_id="st-1",
                members=[EventMember("ru2", 0.9, ["same working group"])],
                key_entities=["p-parkh", "p-mazur"])
    ev_evil = Event(id="ev-evil", title=HOSTILE_TITLE, languages=["ru"],
                    date_from="2025-02-01", members=[EventMember("evil", 0.5, ["<i>why</i>"])],
                    key_entities=["p-evil"])
    store.upsert_events([ev1, ev2, ev_evil])
    store.update_articles([
        _with(ru1, event_id="ev-2024", storyline_id="st-1"),
        _with(de1, event_id="ev-2024", storyline_id="st-1"),
        _with(ru2, event_id="ev-2025", storyline_id="st-1"),
        _with(evil, event_id="ev-evil")])
    store.upsert_storylines([Storyline(id="st-1", title="Tomsk–Belarus cooperation",
                                       event_ids=["ev-2024", "ev-2025"], date_from="2024-08-30",
                                       date_to="2025-09-12", key_entities=["p-mazur", "p-parkh"])])
    return {"articles": [a.id for a in articles]}


def _with(article: Article, **fields: object) -> Article:
    data = article.to_dict()
    data.update(fields)
    return Article(**data)




def make_settings(store_url: str = "sqlite://", **serve: object) -> Settings:
    """Settings of a test app; the test client's host name ("testserver") is allowed."""
    serve.setdefault("allowed_hosts", ["testserver"])
    return Settings(db=store_url, serve=ServeSettings(**serve))  # type: ignore[arg-type]


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class LocalSite:
    """A loopback HTTP server serving fixed pages: ``{path: (content_type, body)}``."""

    def __init__(self, pages: dict[str, tuple[str, bytes]]) -> None:
        import http.server
        import threading

        site_pages = pages

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                found = site_pages.get(self.path)
                if found is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                kind, body = found
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                return

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


NEWS_HTML = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Томск и Минск обсудили поставки техники</title></head><body>
<header><nav><a href="/">Главная</a> <a href="/news">Новости</a></nav></header>
<article><h1>Томск и Минск обсудили поставки техники</h1>
<p>ТОМСК, 2 окт – РИА Томск. Делегация Томской области провела переговоры в Минске о
поставках коммунальной техники и строительстве совместного сборочного производства.</p>
<p>По словам участников встречи, первые машины могут поступить в регион уже весной,
а объём поставок в следующем году вырастет вдвое по сравнению с текущим.</p>
<p>Стороны также договорились о стажировках для студентов томских вузов на белорусских
предприятиях и о регулярных встречах рабочей группы.</p></article>
<footer>© Новости региона</footer></body></html>"""

NEWS_TEXT = (
    "БЕРЛИН, 3. Oktober – Die Stadtverwaltung hat am Donnerstag einen neuen Plan für den "
    "Ausbau der Straßenbahn vorgestellt. Bis 2030 sollen drei neue Linien entstehen, die "
    "die Außenbezirke besser mit dem Zentrum verbinden. Die Kosten werden auf 1,2 Milliarden "
    "Euro geschätzt; der Bund soll einen großen Teil davon übernehmen."
)
