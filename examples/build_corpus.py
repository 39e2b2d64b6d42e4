"""Build the sample corpus in examples/corpus/ from the article texts in corpus_content.py.

    python examples/build_corpus.py            # writes examples/corpus/
    python examples/build_corpus.py --out DIR  # writes the same files under DIR

The output is deterministic: fixed dates, record ids and file order, so a rebuild gives
byte-identical files (the test suite checks this). Every claim written to corpus-gold.json is checked
against the rendered pages before anything is written.
"""

from __future__ import annotations

import argparse
import codecs
import html
import io
import json
import re
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_content import EVENTS, NEAR_DUPLICATES, PERSONS, STORIES  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "corpus"


# --------------------------------------------------------------------------- stories


def body_of(key: str) -> list[str]:
    if key in STORIES:
        return list(STORIES[key]["paras"])
    nd = NEAR_DUPLICATES[key]
    old, new = nd["replace"]
    paras = [p.replace(old, new) for p in STORIES[nd["of"]]["paras"]]
    assert paras != STORIES[nd["of"]]["paras"], key
    return paras


def story(key: str) -> dict:
    if key in STORIES:
        return STORIES[key]
    nd = NEAR_DUPLICATES[key]
    base = dict(STORIES[nd["of"]])
    base["persons"] = [
        dict(p, forms=nd["persons_forms"].get(p["name"], p["forms"])) for p in base["persons"]
    ]
    base["figures"] = nd["figures"]
    return base


def first_para(key: str) -> str:
    """The first paragraph as printed: dateline, a space, then the text."""
    s = story(key)
    return f"{s['dateline']} {body_of(key)[0]}" if s.get("dateline") else body_of(key)[0]


# --------------------------------------------------------------------------- HTML sites

SITES = {
    "omsk-press": {
        "name": "Омск-Пресс",
        "domain": "omsk-press.example",
        "lang": "ru",
        "nav": ["Главная", "Политика", "Экономика", "Общество", "Спорт", "Афиша"],
        "related_title": "Читайте также",
        "related": [
            "На Иртышской набережной высадят 300 лип",
            "Омские школьники привезли три медали с олимпиады по химии",
            "Ремонт моста через Омь продлится до октября",
        ],
        "footer": "© 2024–2025 Омск-Пресс. Сетевое издание. 18+",
        "cookie": "Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая, вы соглашаетесь.",
    },
    "uralinform": {
        "name": "Уралинформ",
        "domain": "uralinform.example",
        "lang": "ru",
        "nav": ["Новости", "Бизнес", "Промышленность", "Город", "Фото"],
        "related_title": "Популярное",
        "related": [
            "В Верхней Пышме открыли новый каток",
            "Трамвай до Академического пустят к зиме",
            "Уральские хоккеисты начали сборы в Тюмени",
        ],
        "footer": "Уралинформ © 2025. Все права защищены. При цитировании ссылка обязательна.",
        "cookie": 'Сайт использует cookies. Нажмите "Принять", чтобы скрыть это сообщение.',
    },
    "vesti-ekb": {
        "name": "Вести Екатеринбурга",
        "domain": "vesti-ekb.example",
        "lang": "ru",
        "nav": ["Лента", "Регион", "Деньги", "Происшествия", "Погода"],
        "related_title": "Другие новости",
        "related": [
            "Синоптики обещают уральцам жаркие выходные",
            "В Ботаническом саду зацвела королевская лилия",
            "Пробки на Московской: водителей просят объезжать",
        ],
        "footer": "Вести Екатеринбурга, 2024. Редакция: info@vesti-ekb.example",
        "cookie": "Оставаясь на сайте, вы соглашаетесь на использование cookie.",
    },
    "sibir-inform": {
        "name": "Сибирь-Информ",
        "domain": "sibir-inform.example",
        "lang": "ru",
        "nav": ["Новости Сибири", "Наука", "Образование", "Экономика", "Мнения"],
        "related_title": "Материалы по теме",
        "related": [
            "В Академгородке построят новый корпус технопарка",
            "Обская вода: итоги весеннего паводка",
            "Новосибирские кондитеры вышли на рынок Монголии",
        ],
        "footer": "© Сибирь-Информ, 2025. Перепечатка без ссылки запрещена.",
        "cookie": "Мы собираем cookie для статистики посещений. Подробнее в политике конфиденциальности.",
    },
    "belnachrichten": {
        "name": "BelNachrichten",
        "domain": "belnachrichten.example",
        "lang": "de",
        "nav": ["Startseite", "Politik", "Wirtschaft", "Regionen", "Kultur", "Sport"],
        "related_title": "Weitere Meldungen",
        "related": [
            "Neue Eisenbahnverbindung zwischen Grodno und Brest eröffnet",
            "Flachsernte im Gebiet Witebsk übertrifft Erwartungen",
            "Minsker Philharmonie eröffnet die Saison mit Brahms",
        ],
        "footer": "© BelNachrichten 2025 – Deutscher Dienst. Alle Rechte vorbehalten.",
        "cookie": "Wir verwenden Cookies, um unsere Website für Sie zu verbessern. Einverstanden?",
    },
    "hessen-depesche": {
        "name": "Hessen-Depesche",
        "domain": "hessen-depesche.example",
        "lang": "de",
        "nav": ["Region", "Kassel", "Nordhessen", "Kultur", "Sport", "Service"],
        "related_title": "Das könnte Sie auch interessieren",
        "related": [
            "Documenta-Halle: Sanierung beginnt im Frühjahr",
            "KSV Hessen gewinnt Derby gegen Baunatal",
            "Herbstmarkt auf dem Königsplatz lockt Tausende",
        ],
        "footer": "Hessen-Depesche · Impressum · Datenschutz · Kontakt",
        "cookie": "Diese Website nutzt Cookies. Mit „Akzeptieren“ stimmen Sie der Nutzung zu.",
    },
    "ural-wire": {
        "name": "Ural Wire",
        "domain": "uralwire.example",
        "lang": "en",
        "nav": ["World", "Business", "Markets", "Industry", "Regions"],
        "related_title": "More from Ural Wire",
        "related": [
            "Copper smelter in Kyshtym resumes full output",
            "Yekaterinburg airport adds winter flights to Tashkent",
            "Steel prices steady as construction season peaks",
        ],
        "footer": "Ural Wire · About us · Terms of use · All rights reserved",
        "cookie": "We use cookies to personalise content and analyse our traffic. Accept all?",
    },
    "siberia-wire": {
        "name": "Siberia Wire",
        "domain": "siberiawire.example",
        "lang": "en",
        "nav": ["Home", "Business", "Science", "Regions", "Opinion"],
        "related_title": "Most read",
        "related": [
            "Novosibirsk zoo welcomes two snow leopard cubs",
            "Akademgorodok start-up raises seed round for lidar chips",
            "Ob river shipping season opens early",
        ],
        "footer": "Siberia Wire (c) 2025. Independent news from Siberia.",
        "cookie": "This site uses cookies. By continuing to browse you agree to our use of cookies.",
    },
    "business-digest": {
        "name": "Business Digest",
        "domain": "business-digest.example",
        "lang": "en",
        "nav": ["Latest", "Companies", "Education", "Tech", "Podcasts"],
        "related_title": "Trending now",
        "related": [
            "Five spreadsheet habits that cost you hours",
            "Regional airlines struggle with spare parts",
            "Why warehouse rents are falling in the east",
        ],
        "footer": "Business Digest. Stories republished with permission of their agencies.",
        "cookie": "We and our partners store cookies on your device. Manage preferences",
    },
    "volga-wire": {
        "name": "Volga Wire",
        "domain": "volgawire.example",
        "lang": "en",
        "nav": ["News", "Culture", "Travel", "Business"],
        "related_title": "Related stories",
        "related": [
            "Yaroslavl river port to get new passenger terminal",
            "Kostroma cheese makers win national award",
            "Golden Ring tourist numbers up in summer season",
        ],
        "footer": "Volga Wire - news from the Upper Volga. Contact: desk@volgawire.example",
        "cookie": "Cookies help us deliver our services. Learn more | Got it",
    },
    "irtysh-media": {
        "name": "Иртыш-Медиа",
        "domain": "irtysh-media.example",
        "lang": "ru",
        "nav": ["Новости", "Экономика", "Агро", "Люди", "Видео"],
        "related_title": "Ещё на сайте",
        "related": [
            "Уборочная в Омской области: обмолочено 40% площадей",
            "На Левобережье откроют новую поликлинику",
            "Омский «Авангард» подписал вратаря из Казани",
        ],
        "footer": "© Иртыш-Медиа. Все материалы защищены. 16+",
        "cookie": "Мы используем cookie. Это нормально.",
    },
    "wdo": {
        "name": "Wirtschaftsdienst Ost",
        "domain": "wirtschaftsdienst-ost.example",
        "lang": "de",
        "nav": ["Märkte", "Unternehmen", "Länder", "Energie", "Termine"],
        "related_title": "Aus dem Ressort Märkte",
        "related": [
            "Kasachstan erhöht Weizenexportquote",
            "Usbekistan plant neue Sonderwirtschaftszone bei Samarkand",
            "Rubelkurs gibt nach Zinsentscheid leicht nach",
        ],
        "footer": "Wirtschaftsdienst Ost GmbH · Berlin · Abonnement · Impressum",
        "cookie": "Wir setzen Cookies für Statistik und Komfortfunktionen ein. Alle akzeptieren",
    },
}

LANG_WORDS = {
    "ru": {
        "search": "Поиск по сайту",
        "subscribe": "Подпишитесь на наш канал",
        "accept": "Принять",
        "share": "Поделиться",
    },
    "de": {
        "search": "Suche",
        "subscribe": "Newsletter abonnieren",
        "accept": "Akzeptieren",
        "share": "Teilen",
    },
    "en": {
        "search": "Search",
        "subscribe": "Sign up for our newsletter",
        "accept": "Accept",
        "share": "Share",
    },
}


def site_boilerplate(site: str) -> list[str]:
    """Strings of a site's page furniture that must never reach an article body."""
    s = SITES[site]
    return [s["related_title"], s["related"][0], s["related"][2], s["footer"], s["cookie"]]


def render_html(
    key: str,
    site: str,
    url: str,
    *,
    published: str | None,
    charset_meta: str | None,
    display_date: str,
) -> str:
    s = SITES[site]
    st = story(key)
    w = LANG_WORDS[s["lang"]]
    head = ["<!DOCTYPE html>", f'<html lang="{s["lang"]}">', "<head>"]
    if charset_meta:
        head.append(f'<meta charset="{charset_meta}">')
    head += [
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{st['title']} | {s['name']}</title>",
        f'<meta property="og:title" content="{html.escape(st["title"])}">',
        f'<meta property="og:site_name" content="{s["name"]}">',
        f'<link rel="canonical" href="{url}">',
    ]
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    head += ['<link rel="stylesheet" href="/static/site.css">', "</head>", "<body>"]
    nav = "\n".join(f'  <li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(s["nav"]))
    related = "\n".join(
        f'    <li><a href="/news/{1000 + i}.html">{h}</a></li>' for i, h in enumerate(s["related"])
    )
    paras = [first_para(key)] + body_of(key)[1:]
    body = "\n".join(f"    <p>{p}</p>" for p in paras)
    time_attr = f' datetime="{published}"' if published else ""
    parts = head + [
        '<header class="site-header">',
        f'  <a class="logo" href="/">{s["name"]}</a>',
        f'  <form class="search"><input type="text" placeholder="{w["search"]}"></form>',
        '  <nav><ul class="menu">',
        nav,
        "  </ul></nav>",
        "</header>",
        '<main class="layout">',
        '  <article class="news">',
        f"    <h1>{st['title']}</h1>",
        f'    <div class="meta"><time{time_attr}>{display_date}</time></div>',
        body,
        f'    <div class="share">{w["share"]}: VK · Telegram · E-mail</div>',
        "  </article>",
        '  <aside class="sidebar">',
        f"    <h3>{s['related_title']}</h3>",
        "    <ul>",
        related,
        "    </ul>",
        f'    <div class="subscribe">{w["subscribe"]}</div>',
        "  </aside>",
        "</main>",
        f'<footer class="site-footer"><p>{s["footer"]}</p></footer>',
        f'<div class="cookie-banner" id="cookies"><p>{s["cookie"]}</p>'
        f"<button>{w['accept']}</button></div>",
        '<script>document.getElementById("cookies").onclick=function(){this.remove()}</script>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def render_index_html(site: str, headlines: list[tuple[str, str]], title: str) -> str:
    s = SITES[site]
    w = LANG_WORDS[s["lang"]]
    nav = "\n".join(f'  <li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(s["nav"]))
    items = "\n".join(
        f'    <li><span class="date">{d}</span> <a href="/news/{2000 + i}.html">{h}</a></li>'
        for i, (d, h) in enumerate(headlines)
    )
    pages = " ".join(f'<a href="?page={n}">{n}</a>' for n in range(1, 8))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{s["lang"]}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{title} | {s['name']}</title>",
            "</head>",
            "<body>",
            '<header class="site-header">',
            f'  <a class="logo" href="/">{s["name"]}</a>',
            f'  <form class="search"><input type="text" placeholder="{w["search"]}"></form>',
            '  <nav><ul class="menu">',
            nav,
            "  </ul></nav>",
            "</header>",
            '<main class="tag-page">',
            f"  <h1>{title}</h1>",
            '  <ul class="news-list">',
            items,
            "  </ul>",
            f'  <div class="pager">{pages}</div>',
            "</main>",
            f'<footer class="site-footer"><p>{s["footer"]}</p></footer>',
            f'<div class="cookie-banner"><p>{s["cookie"]}</p><button>{w["accept"]}</button></div>',
            "</body>",
            "</html>",
            "",
        ]
    )


# --------------------------------------------------------------------------- text dumps

LINK_FARM_RU = [
    "Синоптики пообещали снег в горах Алтая уже в сентябре",
    "Футбольный клуб из Тулы сменил главного тренера",
    "Цены на гречку в магазинах снизились второй месяц подряд",
    "В Казани открылась выставка старинных самоваров",
    "Как выбрать зимние шины: советы экспертов",
]
LINK_FARM_DE = [
    "Bahnstreik: Pendler müssen mit Ausfällen rechnen",
    "Bundesliga: Bochum verliert knapp in Freiburg",
    "Rezept der Woche: Kürbissuppe mit Ingwer",
    "Wetter: Sturmböen an der Nordsee erwartet",
]


def dump_omsk_press_2025(key: str) -> tuple[str, list[str], list[str]]:
    """Title three times (the third glued to the first paragraph), photo credit, Анализ panel."""
    st = story(key)
    t = st["title"]
    paras = body_of(key)
    lines = [
        "Омск-Пресс",
        "Новости Омска и области",
        "17 июня 2025, 14:20",
        "",
        t,
        "",
        t,
        "",
        "Фото: пресс-служба правительства Омской области",
        "",
        t + first_para(key),
        "",
    ]
    for p in paras[1:]:
        lines += [p, ""]
    lines += [
        "Данные о правообладателе фото и видеоматериалов взяты с сайта «Омск-Пресс», подробнее в "
        "Условиях использования",
        "Анализ",
        "×",
        "Андрей Николаевич Голованов",
        "Последняя должность: Заместитель председателя (Правительство Омской области)",
        "41",
        "Дмитрий Лещенко",
        "Последняя должность: Министр (Минсельхозпрод Республики Беларусь)",
        "17",
        "Владимир Соколов",
        "Последняя должность: Заместитель премьер-министра (Совет министров Республики Беларусь)",
        "29",
        "",
    ]
    not_in = [
        "Новости Омска и области",
        "Фото: пресс-служба правительства Омской области",
        "Данные о правообладателе",
        "Анализ",
        "Последняя должность",
        "Андрей Николаевич",
        "Минсельхозпрод",
        t,
    ]
    return "\n".join(lines), not_in, []


def dump_body_twice(key: str) -> tuple[str, list[str], list[str]]:
    """A news-agency page whose whole body is printed twice, the second time without dateline."""
    paras = body_of(key)
    lines = [first_para(key)] + paras[1:] + paras
    text = "\n".join(lines) + "\n"
    once = [p[:60].rsplit(" ", 1)[0] for p in paras]
    return text, [], once


def dump_link_farm_de(key: str) -> tuple[str, list[str], list[str]]:
    st = story(key)
    lines = [
        "BelNachrichten",
        "Deutscher Dienst",
        "Startseite | Politik | Wirtschaft | Regionen",
        "",
        st["title"],
        "",
        "09.07.2024 | 11:05",
        "",
        first_para(key),
        "",
    ]
    for p in body_of(key)[1:]:
        lines += [p, ""]
    lines += ["Teilen:", "Facebook", "Telegram", "", "", "Top-Themen", ""]
    for h in LINK_FARM_DE:
        lines += [h, ""]
    lines += ["© BelNachrichten 2024", ""]
    not_in = [
        "Deutscher Dienst",
        "Startseite | Politik",
        "Top-Themen",
        "Bahnstreik",
        "Kürbissuppe",
        "Sturmböen",
        "© BelNachrichten 2024",
    ]
    return "\n".join(lines), not_in, []


RECENT_POSTS = [
    (
        "Аэропорт Кольцово открыл рейсы в Анталью на зимний сезон",
        "Первый самолёт вылетит в конце октября, билеты уже в продаже…",
        "3 часа ago",
    ),
    (
        "На Эльмаше затопило подвал жилого дома",
        "Аварийные службы откачали воду за шесть часов, жильцов…",
        "4 часа ago",
    ),
    (
        "Екатеринбургские школьники сдали нормы ГТО",
        "Больше двухсот учеников получили золотые значки в этом году…",
        "7 часов ago",
    ),
]


def dump_recent_posts(
    key: str, site: str, header: list[str], *, callback: bool, recent: bool
) -> tuple[str, list[str], list[str]]:
    st = story(key)
    lines = list(header) + ["", st["title"], "", first_para(key), ""]
    for p in body_of(key)[1:]:
        lines += [p, ""]
    not_in = [h for h in header if h != site]
    if recent:
        lines += [site, "", "Редакция", "", "Recent Posts", ""]
        for h, lead, ago in RECENT_POSTS:
            lines += [h, "", lead, "", ago, ""]
        not_in += ["Recent Posts", "ago", "Кольцово", "Эльмаше", "ГТО"]
    if callback:
        lines += ["Мы можем вам", "перезвонить", ""]
        not_in += ["Мы можем вам", "перезвонить"]
    else:
        lines += ["Оставьте заявку – наш менеджер свяжется с вами", "Отправить", ""]
        not_in += ["Оставьте заявку", "Отправить"]
    return "\n".join(lines), not_in, []


def dump_site_header_ru(key: str) -> tuple[str, list[str], list[str]]:
    """A news aggregator: site header, the month, the title, the article, a trailing link farm."""
    st = story(key)
    lines = [
        "Добавить новость",
        "vv-news.example",
        "Новости Верхневолжья",
        "Сентябрь",
        "2024",
        "",
        st["title"],
        "",
        "0",
        first_para(key),
        "",
    ]
    for p in body_of(key)[1:]:
        lines += [p, ""]
    lines += ["", "", "Верхневолжье.Сегодня", "Частные объявления", "", ""]
    for h in LINK_FARM_RU:
        lines += [h, ""]
    not_in = [
        "Добавить новость",
        "vv-news.example",
        "Новости Верхневолжья",
        "Частные объявления",
        "самоваров",
        "гречку",
        "зимние шины",
    ]
    return "\n".join(lines), not_in, []


def dump_plain_copy(key: str) -> tuple[str, list[str], list[str]]:
    """The same article as another site's HTML page, copied out as text."""
    st = story(key)
    lines = [
        "ОМСКИЙ БИЗНЕС",
        "Деловые новости Прииртышья",
        "Главная  Экономика  Компании  Рынки",
        "",
        st["title"],
        "",
        "14.02.2025 16:02  |  Просмотров: 312",
        "",
        first_para(key),
        "",
    ]
    for p in body_of(key)[1:]:
        lines += [p, ""]
    lines += [
        "Источник: Омск-Пресс",
        "",
        "Подписаться на рассылку",
        "",
        "Реклама на сайте",
        "© Омский бизнес, 2025",
        "",
    ]
    not_in = [
        "ОМСКИЙ БИЗНЕС",
        "Деловые новости Прииртышья",
        "Просмотров",
        "Подписаться на рассылку",
        "Реклама на сайте",
        "© Омский бизнес",
    ]
    return "\n".join(lines), not_in, []


# --------------------------------------------------------------------------- items

# Each item: name (relative path, '#N' inside containers), the story it carries, and how it is
# rendered. Order here is the order of corpus-gold.json.


def html_item(name, key, site, url, *, published, charset, meta, display_date, bom=False):
    return {
        "name": name,
        "key": key,
        "form": "html",
        "site": site,
        "url": url,
        "published": published,
        "charset": charset,
        "meta": meta,
        "bom": bom,
        "display_date": display_date,
    }


HTML_ITEMS = [
    html_item(
        "html/omsk-press/2024-08-22-rabochaya-gruppa.html",
        "e1-ru-omsk-press",
        "omsk-press",
        "https://omsk-press.example/news/2024/08/22/rabochaya-gruppa-belarus.html",
        published="2024-08-22T12:40:00+06:00",
        charset="cp1251",
        meta="windows-1251",
        display_date="22 августа 2024, 12:40",
    ),
    html_item(
        "html/belnachrichten/2025-06-17-fahrplan-omsk.html",
        "e2-de-belnachrichten",
        "belnachrichten",
        "https://belnachrichten.example/wirtschaft/2025/06/17/omsk-fahrplan",
        published="2025-06-17T15:10:00+03:00",
        charset="utf-8",
        meta="utf-8",
        display_date="17.06.2025, 15:10",
    ),
    html_item(
        "html/uralinform/2024-07-09-sokolov-innoprom.html",
        "e3-ru-uralinform",
        "uralinform",
        "https://uralinform.example/biz/2024/07/09/sokolov-innoprom.html",
        published=None,
        charset="koi8-r",
        meta=None,
        display_date="9 июля 2024, 10:15",
    ),
    html_item(
        "html/vesti-ekb/2024-07-09-sokolov-innoprom.html",
        "e3-ru-uralinform",
        "vesti-ekb",
        "https://vesti-ekb.example/lenta/2024-07-09/belarus-innoprom",
        published="2024-07-09T13:40:00+05:00",
        charset="utf-8",
        meta="utf-8",
        display_date="9 июля 2024, 13:40",
    ),
    html_item(
        "html/sibir-inform/2025-03-12-setevaya-magistratura.html",
        "e5-ru-sibir-inform",
        "sibir-inform",
        "https://sibir-inform.example/obrazovanie/2025/03/12/nipi-mirs",
        published="2025-03-12T09:30:00+07:00",
        charset="koi8-r",
        meta="koi8-r",
        display_date="12.03.2025 09:30",
    ),
    html_item(
        "html/hessen-depesche/2024-09-26-staedtepartner.html",
        "e6-de-hessen-depesche",
        "hessen-depesche",
        "https://hessen-depesche.example/kassel/2024-09-26/staedtepartner",
        published="2024-09-26T17:05:00+02:00",
        charset="utf-8",
        meta=None,
        bom=True,
        display_date="26. September 2024",
    ),
    html_item(
        "html/omsk-press/2025-02-14-tovarooborot.html",
        "e7-ru-omsk-press",
        "omsk-press",
        "https://omsk-press.example/news/2025/02/14/tovarooborot-belarus.html",
        published=None,
        charset="cp1251",
        meta=None,
        display_date="14 февраля 2025, 11:00",
    ),
    html_item(
        "html/ural-wire/2025-07-08-belarus-chip-memo.html",
        "e4-en-ural-wire",
        "ural-wire",
        "https://uralwire.example/industry/2025/07/08/belarus-chip-memo",
        published="2025-07-08T16:20:00+05:00",
        charset="utf-8",
        meta="utf-8",
        display_date="July 8, 2025 4:20 PM",
    ),
]
INDEX_ITEM = "html/uralinform/tag-innoprom.html"

TEXT_ITEMS = [
    ("text/omsk-press-2025-06-17.txt", "e2-ru-omsk-press", dump_omsk_press_2025),
    ("text/belnachrichten-2024-08-22.txt", "e1-de-belnachrichten", dump_body_twice),
    ("text/belnachrichten-2024-07-09.txt", "e3-de-belnachrichten", dump_link_farm_de),
    (
        "text/uralinform-2025-07-08.txt",
        "e4-ru-uralinform",
        lambda k: dump_recent_posts(
            k,
            "Уралинформ",
            ["Уралинформ", "Промышленность", "Июль 2025"],
            callback=True,
            recent=True,
        ),
    ),  # noqa: E501
    (
        "text/vestnik-urala-2025-07-08.txt",
        "e4-ru-vestnik-urala",
        lambda k: dump_recent_posts(
            k,
            "Вестник Урала",
            ["ВЕСТНИК УРАЛА", "Деловая газета", "08.07.2025"],
            callback=False,
            recent=False,
        ),
    ),
    ("text/verkhnevolzhskie-vesti-2024-09-26.txt", "e6-ru-verkhnevolzhskie", dump_site_header_ru),
    ("text/omsk-biznes-2025-02-14.txt", "e7-ru-omsk-press", dump_plain_copy),
]

RSS_NAME = "feeds/siberia-wire.rss"
RSS_ITEMS = [  # document order, newest first
    (
        "e2-en-siberia-wire",
        "https://siberiawire.example/2025/06/17/omsk-belarus-roadmap",
        "Tue, 17 Jun 2025 12:45:00 +0000",
    ),
    (
        "e5-en-siberia-wire",
        "https://siberiawire.example/2025/03/12/nipi-mirs-masters",
        "Wed, 12 Mar 2025 05:10:00 +0000",
    ),
    (
        "e7-en-siberia-wire",
        "https://siberiawire.example/2025/02/14/omsk-belarus-trade",
        "Fri, 14 Feb 2025 08:30:00 +0000",
    ),
    (
        "e1-en-siberia-wire",
        "https://siberiawire.example/2024/08/22/omsk-combines",
        "Thu, 22 Aug 2024 10:00:00 +0000",
    ),
]

ATOM_NAME = "feeds/belnachrichten-de.atom"
ATOM_ITEMS = [
    (
        "e4-de-belnachrichten",
        "https://belnachrichten.example/wirtschaft/2025/07/08/sokolow-innoprom",
        "2025-07-08T14:00:00+03:00",
    ),
    (
        "e5-de-belnachrichten",
        "https://belnachrichten.example/bildung/2025/03/12/mirs-nipi",
        "2025-03-12T10:30:00+03:00",
    ),
    (
        "e7-de-belnachrichten",
        "https://belnachrichten.example/wirtschaft/2025/02/14/omsk-handel",
        "2025-02-14T09:15:00+03:00",
    ),
]

WARC_NAME = "warc/sample.warc.gz"
# (story, site, url, payload charset, publication time in the page, crawl time)
WARC_ITEMS = [
    (
        "e6-en-volga-wire",
        "volga-wire",
        "https://volgawire.example/2024/09/26/kassel-yaroslavl",
        "utf-8",
        "2024-09-26T18:00:00+03:00",
        "2025-08-01T10:00:00Z",
        "September 26, 2024",
    ),
    (
        "e3-en-ural-wire",
        "ural-wire",
        "https://uralwire.example/industry/2024/07/09/sweeper-jv",
        "utf-8",
        "2024-07-09T12:30:00+05:00",
        "2025-08-01T10:00:05Z",
        "July 9, 2024 12:30 PM",
    ),
    (
        "e4-de-wdo",
        "wdo",
        "https://wirtschaftsdienst-ost.example/laender/belarus/2025-07-09-chips",
        "utf-8",
        "2025-07-09T08:00:00+02:00",
        "2025-08-01T10:00:10Z",
        "09.07.2025",
    ),
    (
        "e2-ru-irtysh-media",
        "irtysh-media",
        "https://irtysh-media.example/agro/2025/06/17/servis",
        "cp1251",
        None,
        "2025-08-01T10:00:15Z",
        "17 июня 2025",
    ),
    (
        "e3-de-wdo",
        "wdo",
        "https://wirtschaftsdienst-ost.example/maerkte/2024-07-10-innoprom",
        "utf-8",
        "2024-07-10T07:30:00+02:00",
        "2025-08-01T10:00:20Z",
        "10.07.2024",
    ),
]
WARC_INDEX_URL = "https://irtysh-media.example/tag/belarus/"

JSONL_NAME = "jsonl/records.jsonl"

DUPLICATES = {  # item -> the original it duplicates
    "html/vesti-ekb/2024-07-09-sokolov-innoprom.html": (
        "html/uralinform/2024-07-09-sokolov-innoprom.html",
        "exact",
    ),
    "text/omsk-biznes-2025-02-14.txt": ("html/omsk-press/2025-02-14-tovarooborot.html", "exact"),
    "text/vestnik-urala-2025-07-08.txt": ("text/uralinform-2025-07-08.txt", "near"),
    "jsonl/records.jsonl#0": ("feeds/siberia-wire.rss#1", "exact"),
}


# --------------------------------------------------------------------------- containers


def build_rss() -> bytes:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        "<title>Siberia Wire - Business</title>",
        "<link>https://siberiawire.example/</link>",
        "<description>Business news from Siberia</description>",
        "<language>en</language>",
        "<lastBuildDate>Tue, 17 Jun 2025 13:00:00 +0000</lastBuildDate>",
    ]
    for key, url, date in RSS_ITEMS:
        st = story(key)
        paras = [first_para(key)] + body_of(key)[1:]
        content = "".join(f"<p>{p}</p>" for p in paras)
        out += [
            "<item>",
            f"<title>{html.escape(st['title'], quote=False)}</title>",
            f"<link>{url}</link>",
            f'<guid isPermaLink="true">{url}</guid>',
            f"<pubDate>{date}</pubDate>",
            "<dc:creator>Siberia Wire</dc:creator>",
            f"<description>{html.escape(body_of(key)[0][:120], quote=False)}...</description>",
            f"<content:encoded><![CDATA[{content}]]></content:encoded>",
            "</item>",
        ]
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out).encode("utf-8")


def build_atom() -> bytes:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
        "<title>BelNachrichten – Deutscher Dienst</title>",
        '<link href="https://belnachrichten.example/"/>',
        "<id>tag:belnachrichten.example,2024:de</id>",
        "<updated>2025-07-08T14:00:00+03:00</updated>",
        "<author><name>BelNachrichten</name></author>",
    ]
    for key, url, date in ATOM_ITEMS:
        st = story(key)
        paras = [first_para(key)] + body_of(key)[1:]
        content = html.escape("".join(f"<p>{p}</p>" for p in paras), quote=False)
        out += [
            "<entry>",
            f"<title>{html.escape(st['title'], quote=False)}</title>",
            f'<link rel="alternate" href="{url}"/>',
            f"<id>{url}</id>",
            f"<published>{date}</published>",
            f"<updated>{date}</updated>",
            f'<content type="html">{content}</content>',
            "</entry>",
        ]
    out += ["</feed>", ""]
    return "\n".join(out).encode("utf-8")


def warc_html(key, site, url, published, display_date, charset) -> str:
    meta = None if charset != "utf-8" else "utf-8"
    return render_html(
        key, site, url, published=published, charset_meta=meta, display_date=display_date
    )


WARC_INDEX_HEADLINES = [
    ("17.06.2025", "Омские аграрии получат сервисный центр белорусской техники"),
    ("14.02.2025", "Товарооборот с Беларусью вырос почти в полтора раза"),
    ("22.08.2024", "В Омске соберут белорусские комбайны"),
    ("05.06.2024", "Омская делегация посетила Минский тракторный завод"),
    ("12.12.2023", "Белорусские лифты появятся в омских новостройках"),
]


def build_warc() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="1.0")

    def rid(n: int) -> str:
        return f"<urn:uuid:5a1e0000-0000-4000-8000-{n:012d}>"

    info = (
        b"software: sujet examples/build_corpus.py\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: Sample crawl of invented news sites for the Sujet project\r\n"
    )
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": rid(1),
                "WARC-Date": "2025-08-01T10:00:00Z",
                "WARC-Filename": "sample.warc.gz",
            },
        )
    )
    n = 2
    pages = [
        (url, charset, crawl, warc_html(key, site, url, published, disp, charset))
        for key, site, url, charset, published, crawl, disp in WARC_ITEMS
    ]
    pages.append(
        (
            WARC_INDEX_URL,
            "utf-8",
            "2025-08-01T10:00:25Z",
            render_index_html("irtysh-media", WARC_INDEX_HEADLINES, "Беларусь"),
        )
    )
    for url, charset, crawl, page in pages:
        host = url.split("/")[2]
        path = "/" + url.split("/", 3)[3]
        req = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: sujet-example\r\n\r\n".encode()
        writer.write_record(
            writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(req),
                length=len(req),
                warc_headers_dict={"WARC-Record-ID": rid(n), "WARC-Date": crawl},
            )
        )
        n += 1
        payload = page.encode(charset)
        http_headers = StatusAndHeaders(
            "200 OK",
            [
                (
                    "Content-Type",
                    f"text/html; charset={'windows-1251' if charset == 'cp1251' else charset}",
                ),
                ("Content-Length", str(len(payload))),
                ("Date", "Fri, 01 Aug 2025 10:00:00 GMT"),
            ],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                length=len(payload),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Record-ID": rid(n), "WARC-Date": crawl},
            )
        )
        n += 1
    return buf.getvalue()


def build_jsonl() -> bytes:
    key, url, _ = RSS_ITEMS[1]
    page0 = render_html(
        key,
        "business-digest",
        "https://business-digest.example/siberia/nipi-mirs",
        published="2025-03-12T15:00:00+07:00",
        charset_meta="utf-8",
        display_date="March 12, 2025",
    )
    st1 = story("e1-ru-irtysh-media")
    text1 = "\n".join(
        [
            "Иртыш-Медиа | Новости Омска",
            "Новости  Экономика  Агро  Люди  Видео",
            "",
            st1["title"],
            "",
            first_para("e1-ru-irtysh-media"),
            "",
        ]
        + [x for p in body_of("e1-ru-irtysh-media")[1:] for x in (p, "")]
        + [
            "Читайте также:",
            "Уборочная в Омской области: обмолочено 40% площадей",
            "На Левобережье откроют новую поликлинику",
            "",
            "© Иртыш-Медиа. 16+",
        ]
    )
    recs = [
        {
            "url": "https://business-digest.example/siberia/nipi-mirs",
            "title": story(key)["title"],
            "html": page0,
        },
        {"url": "https://irtysh-media.example/agro/2024/08/22/kombainy", "text": text1},
    ]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")


# --------------------------------------------------------------------------- gold


def visible_text(raw: str) -> str:
    """Tags stripped, entities decoded, whitespace collapsed: what checks compare against."""
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    raw = re.sub(r"(?s)<[^>]+>", " ", raw)
    return " ".join(html.unescape(raw).split())


def squash(s: str) -> str:
    return " ".join(s.split())


def gold_entry(
    name,
    key,
    *,
    form,
    url=None,
    site=None,
    encoding=None,
    not_in_body=(),
    once_in_body=(),
    extra=None,
    html=None,
) -> dict:
    st = story(key)
    paras = list(body_of(key))
    # An HTML article keeps its dateline in the body, as published; a text dump's body starts
    # after it (the dateline is metadata there, as in the hand-annotated sample dumps).
    in_body = form in ("html", "rss", "atom", "warc") if html is None else html
    if in_body and st.get("dateline"):
        paras[0] = f"{st['dateline']} {paras[0]}"
    text = "\n\n".join(paras)
    dup = DUPLICATES.get(name)
    e = {
        "item": name,
        "form": form,
        "url": url,
        "site": site,
        "language": st["lang"],
        "title": st["title"],
        "date": st["date"],
        "dateline": st.get("dateline"),
        "dateline_in_body": bool(in_body and st.get("dateline")),
        "dateline_place": st.get("dateline_place"),
        "agency": st.get("agency"),
        "body_starts": " ".join(paras[0].split()[:8]),
        "body_ends": " ".join(paras[-1].split()[-6:]),
        "not_in_body": list(not_in_body),
        "once_in_body": list(once_in_body),
        "duplicate_of": dup[0] if dup else None,
        "duplicate_kind": dup[1] if dup else None,
        "event": st["event"],
        "storyline": EVENTS[st["event"]]["storyline"],
        "persons": st["persons"],
        "places": st["places"],
        "organizations": st["organizations"],
        "acronyms": st.get("acronyms", {}),
        "agreements": st["agreements"],
        "figures": st["figures"],
        "event_dates": st["event_dates"],
        "text": text,
    }
    if encoding:
        e.update(encoding)
    if extra:
        e.update(extra)
    return e


def check_entry(e: dict, raw_visible: str) -> None:
    """Every claim of a gold entry must be true of the text and of the raw item."""
    name, text = e["item"], e["text"]
    flat = squash(text)
    assert 300 <= len(text) <= 1500, (name, len(text))
    assert flat.startswith(e["body_starts"]) and flat.endswith(e["body_ends"]), name
    assert e["title"] is None or (e["title"] not in text and squash(e["title"]) in raw_visible), (
        name
    )
    for s in (e["body_starts"], e["body_ends"], *e["once_in_body"]):
        assert s in raw_visible, (name, s)
    for s in e["once_in_body"]:
        assert flat.count(squash(s)) == 1, (name, s)
        assert raw_visible.count(squash(s)) >= 2, (name, "not repeated on the page", s)
    for s in e["not_in_body"]:
        assert squash(s) in raw_visible, (name, "boilerplate missing from page", s)
        assert not e["dateline"] or s not in e["dateline"], (name, "boilerplate in dateline", s)
        assert squash(s) not in flat, (name, "boilerplate inside body", s)
    if e["dateline"]:
        assert e["dateline"] in raw_visible, name
        assert (e["dateline"] in flat) == e["dateline_in_body"], name
    for p in e["persons"]:
        for f in p["forms"]:
            assert f in flat, (name, f)
    for f in e["figures"]:
        assert f["text"] in flat, (name, f["text"])
    for a in e["acronyms"]:
        assert f"({a})" in flat, (name, a)


def build(out: Path) -> list[Path]:
    files: dict[str, bytes] = {}
    items: list[dict] = []

    for it in HTML_ITEMS:
        page = render_html(
            it["key"],
            it["site"],
            it["url"],
            published=it["published"],
            charset_meta=it["meta"],
            display_date=it["display_date"],
        )
        data = page.encode(it["charset"])
        if it["bom"]:
            data = codecs.BOM_UTF8 + data
        files[it["name"]] = data
        enc = None
        if it["charset"] != "utf-8":
            enc = {
                "encoding": codecs.lookup(it["charset"]).name.replace("_", "-"),
                "charset_declared": it["meta"],
            }
        elif it["bom"]:
            enc = {"encoding": "utf-8", "bom": True, "charset_declared": None}
        e = gold_entry(
            it["name"],
            it["key"],
            form="html",
            url=it["url"],
            site=SITES[it["site"]]["domain"],
            encoding=enc,
            not_in_body=site_boilerplate(it["site"]),
            extra={"published": it["published"]},
        )
        items.append((e, page))

    index = render_index_html(
        "uralinform",
        [
            ("08.07.2025", story("e4-ru-uralinform")["title"]),
            ("09.07.2024", story("e3-ru-uralinform")["title"]),
            ("11.07.2023", "«Иннопром-2023»: итоги первого дня"),
            ("12.07.2022", "Как добраться до «Иннопрома»: схема движения транспорта"),
            ("06.07.2021", "Выставка «Иннопром» откроется в понедельник"),
        ],
        "Тег: Иннопром",
    )
    files[INDEX_ITEM] = index.encode("utf-8")

    for name, key, fn in TEXT_ITEMS:
        text, not_in, once = fn(key)
        files[name] = text.encode("utf-8")
        e = gold_entry(name, key, form="text", not_in_body=not_in, once_in_body=once)
        if fn is dump_body_twice:
            e["title"] = None  # the page has no headline
        items.append((e, text))

    files[RSS_NAME] = build_rss()
    for i, (key, url, date) in enumerate(RSS_ITEMS):
        e = gold_entry(
            f"{RSS_NAME}#{i}",
            key,
            form="rss",
            url=url,
            site="siberiawire.example",
            extra={"published": date},
        )
        items.append(
            (
                e,
                story(key)["title"]
                + "".join(f"<p>{p}</p>" for p in [first_para(key)] + body_of(key)[1:]),
            )
        )

    files[ATOM_NAME] = build_atom()
    for i, (key, url, date) in enumerate(ATOM_ITEMS):
        e = gold_entry(
            f"{ATOM_NAME}#{i}",
            key,
            form="atom",
            url=url,
            site="belnachrichten.example",
            extra={"published": date},
        )
        items.append(
            (
                e,
                story(key)["title"]
                + "".join(f"<p>{p}</p>" for p in [first_para(key)] + body_of(key)[1:]),
            )
        )

    files[WARC_NAME] = build_warc()
    for i, (key, site, url, charset, published, crawl, disp) in enumerate(WARC_ITEMS):
        enc = None
        if charset != "utf-8":
            enc = {
                "encoding": codecs.lookup(charset).name.replace("_", "-"),
                "charset_declared": "http",
            }
        e = gold_entry(
            f"{WARC_NAME}#{i}",
            key,
            form="warc",
            url=url,
            site=SITES[site]["domain"],
            encoding=enc,
            not_in_body=site_boilerplate(site),
            extra={"published": published, "warc_date": crawl},
        )
        items.append((e, warc_html(key, site, url, published, disp, charset)))

    files[JSONL_NAME] = build_jsonl()
    recs = [json.loads(x) for x in files[JSONL_NAME].decode("utf-8").splitlines()]
    e = gold_entry(
        f"{JSONL_NAME}#0",
        RSS_ITEMS[1][0],
        form="jsonl",
        html=True,
        url=recs[0]["url"],
        site="business-digest.example",
        not_in_body=site_boilerplate("business-digest"),
    )
    items.append((e, recs[0]["html"]))
    e = gold_entry(
        f"{JSONL_NAME}#1",
        "e1-ru-irtysh-media",
        form="jsonl",
        url=recs[1]["url"],
        site="irtysh-media.example",
        not_in_body=["Иртыш-Медиа | Новости Омска", "Читайте также", "Уборочная", "© Иртыш-Медиа"],
    )
    items.append((e, recs[1]["text"]))

    for e, raw in items:
        check_entry(e, visible_text(raw))

    gold = assemble_gold([e for e, _ in items])

    written = []
    for name in sorted(files):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
        written.append(path)
    # The gold sits beside the corpus, not in it, so that ingesting the folder reads pages only.
    gold_path = gold_path_for(out)
    gold_path.write_bytes((json.dumps(gold, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    written.append(gold_path)
    return written


def gold_path_for(out: Path) -> Path:
    return out.parent / f"{out.name}-gold.json"


ABOUT = (
    "Gold annotation of the Sujet sample corpus (examples/corpus). All articles, people, "
    "companies, agencies and sites are invented for the project; real city and region names are "
    "settings only. Item names: a plain file is its path relative to examples/corpus/; an item "
    "inside a container is 'path#N', N the 0-based index among the container's items (feed "
    "entries in document order; WARC: among response records in file order, warcinfo and request "
    "records not counted; JSONL: line index). Per item: 'text' is the full clean article body "
    "(paragraphs separated by a blank line) without the title; an HTML article (page, feed "
    "item, WARC record, JSONL html) keeps its dateline in front of the first paragraph as "
    "published, a text dump's body starts after it ('dateline_in_body' says which); "
    "'body_starts'/'body_ends' are its first and last words; 'not_in_body' are strings of page "
    "furniture (navigation, related links, footers, cookie banners, widgets, analytics panels) "
    "that occur on the raw page and must not survive extraction; 'once_in_body' occur at least "
    "twice on the raw page and exactly once in the body. Compare strings after collapsing "
    "whitespace. 'date' is the publication date in ISO form as precise as the item tells it "
    "(here always the day); 'published' is the full timestamp where the page or feed carries one. "
    "In the WARC, 'warc_date' is the crawl time and is never the publication date. 'dateline' is "
    "the dateline as printed in front of the first paragraph; 'dateline_place' is its place in "
    "the nominative, in the text's language. 'duplicate_of' names the original of an exact "
    "duplicate (same body, other site and boilerplate) or a near duplicate (one sentence "
    "changed), see 'duplicate_kind'; the original is both earlier in name order and not later in "
    "time. 'event' and 'storyline' are gold cluster ids; duplicates carry their original's event. "
    "'persons': name in the nominative in the text's script, the position as the text states it "
    "(nominative, text's language; null if none), 'forms' = exact surface forms in the body, "
    "'same_as' = the canonical Russian name for non-Russian spellings. 'figures[].text' is an "
    "exact substring of the body. 'encoding' is given for items that are not plain UTF-8 (legacy "
    "single-byte encodings: they do not decode as UTF-8); 'charset_declared' is the meta charset, "
    "'http' when only the HTTP header of the WARC record declares it, or null. 'expected': events "
    "and storylines as clusters of items; same_person_across_scripts; mention_counts_at_least = "
    "number of distinct non-duplicate articles mentioning the person (a floor for any mention "
    "count); positions_in_order = the person's positions in date order, in Russian (details in "
    "position_history); dropped = items that hold no article, with the error code "
    "(E107 = no article text)."
)


def assemble_gold(entries: list[dict]) -> dict:
    events: dict[str, list[str]] = {}
    for e in entries:
        events.setdefault(e["event"], []).append(e["item"])
    storylines: dict[str, list[str]] = {}
    for eid, ev in EVENTS.items():
        storylines.setdefault(ev["storyline"], []).append(eid)
    counts: dict[str, int] = {}
    for e in entries:
        if e["duplicate_of"]:
            continue
        for p in e["persons"]:
            canon = p.get("same_as", p["name"])
            counts[canon] = counts.get(canon, 0) + 1
    history = [
        {
            "position": "министр промышленности Республики Беларусь",
            "date": "2024-07-09",
            "items": [
                e["item"]
                for e in entries
                if e["event"] == "E3"
                and any(p.get("same_as", p["name"]) == "Владимир Соколов" for p in e["persons"])
            ],
        },
        {
            "position": "заместитель премьер-министра Республики Беларусь",
            "date": "2025-06-17",
            "items": [
                e["item"]
                for e in entries
                if e["event"] in ("E2", "E4")
                and any(p.get("same_as", p["name"]) == "Владимир Соколов" for p in e["persons"])
            ],
        },
    ]
    languages = sorted({e["language"] for e in entries})
    return {
        "about": ABOUT,
        "containers": {
            RSS_NAME: {"kind": "rss", "items": len(RSS_ITEMS)},
            ATOM_NAME: {"kind": "atom", "items": len(ATOM_ITEMS)},
            WARC_NAME: {
                "kind": "warc",
                "items": len(WARC_ITEMS) + 1,
                "records": 1 + 2 * (len(WARC_ITEMS) + 1),
            },
            JSONL_NAME: {"kind": "jsonl", "items": 2},
        },
        "languages": languages,
        "events": {
            k: {"storyline": v["storyline"], "title": v["title"], "dates": v["dates"]}
            for k, v in EVENTS.items()
        },
        "items": entries,
        "expected": {
            "events": events,
            "storylines": storylines,
            "duplicates": {k: {"of": v[0], "kind": v[1]} for k, v in DUPLICATES.items()},
            "same_person_across_scripts": [
                list(dict.fromkeys([ru, d["de"], d["en"]])) for ru, d in PERSONS.items()
            ],
            "mention_counts_at_least": dict(sorted(counts.items())),
            "positions_in_order": {"Владимир Соколов": [h["position"] for h in history]},
            "position_history": {"Владимир Соколов": history},
            "dropped": [
                {
                    "item": INDEX_ITEM,
                    "reason": "E107",
                    "why": "tag page: a list of headlines with dates, no article",
                },
                {
                    "item": f"{WARC_NAME}#{len(WARC_ITEMS)}",
                    "reason": "E107",
                    "why": "tag page inside the WARC: headlines only",
                },
            ],
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = ap.parse_args(argv)
    for path in build(args.out):
        print(path.relative_to(args.out.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
