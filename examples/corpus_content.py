"""Article texts of the sample corpus, with what a reader must find in each.

Everything here is invented for the Sujet project: the people, companies, agencies, sites and
events do not exist (real city and region names are used as settings only). Licence: Apache-2.0,
like the project.

Each story is one article as its agency wrote it. ``build_corpus.py`` puts stories into pages
(HTML, text dumps, feeds, WARC, JSONL), adds each site's boilerplate, and writes ``gold.json``.
The clean body is ``paras`` joined by a blank line; the dateline is printed in front of the
first paragraph on the page but is not part of the body.

``persons[].forms`` are the exact surface forms of the name in the body (any case, any order);
``figures[].text`` is an exact substring of the body.
"""

from __future__ import annotations

# Storylines: S1 Omsk region and Belarus (working group 2024, trade report, working group 2025);
# S2 Belarus at the Innoprom fair in Yekaterinburg (2024 and 2025); S3 a university agreement;
# S4 a German-Russian partner-city conference.
EVENTS = {
    "E1": {
        "storyline": "S1",
        "title": "IV meeting of the Omsk Region - Belarus working group, Omsk",
        "dates": "2024-08-22",
    },
    "E2": {
        "storyline": "S1",
        "title": "V meeting of the Omsk Region - Belarus working group, Minsk",
        "dates": "2025-06-17",
    },
    "E7": {
        "storyline": "S1",
        "title": "Omsk Region trade with Belarus in 2024 (+45%)",
        "dates": "2025-02-14",
    },
    "E3": {
        "storyline": "S2",
        "title": "Sokolov (minister of industry) meets Martynov at Innoprom 2024",
        "dates": "2024-07-09",
    },
    "E4": {
        "storyline": "S2",
        "title": "Sokolov (deputy prime minister) meets Martynov at Innoprom 2025",
        "dates": "2025-07-08",
    },
    "E5": {
        "storyline": "S3",
        "title": "NIPI and MIRS sign a joint master's programme, Novosibirsk",
        "dates": "2025-03-12",
    },
    "E6": {
        "storyline": "S4",
        "title": "Conference of German and Russian partner cities, Kassel",
        "dates": "2024-09-25/2024-09-26",
    },
}

# Canonical (Russian) name -> the same person in German and English spelling.
PERSONS = {
    "Владимир Соколов": {"de": "Wladimir Sokolow", "en": "Vladimir Sokolov"},
    "Евгений Мартынов": {"de": "Jewgeni Martynow", "en": "Yevgeny Martynov"},
    "Андрей Голованов": {"de": "Andrej Golowanow", "en": "Andrei Golovanov"},
    "Дмитрий Лещенко": {"de": "Dmitri Leschtschenko", "en": "Dmitry Leshchenko"},
    "Марина Ковалёва": {"de": "Marina Kowaljowa", "en": "Marina Kovaleva"},
    "Павел Дубровский": {"de": "Pawel Dubrowski", "en": "Pavel Dubrovsky"},
    "Олег Чернов": {"de": "Oleg Tschernow", "en": "Oleg Chernov"},
    "Сабина Линднер": {"de": "Sabine Lindner", "en": "Sabine Lindner"},
    "Татьяна Русакова": {"de": "Tatjana Russakowa", "en": "Tatyana Rusakova"},
}


def _p(name, position, *forms, same_as=None):
    d = {"name": name, "position": position, "forms": list(forms)}
    if same_as:
        d["same_as"] = same_as
    return d


def _f(text, value, unit, what):
    return {"text": text, "value": value, "unit": unit, "what": what}


STORIES = {
    # ------------------------------------------------------------------ E1 Omsk, 22 Aug 2024
    "e1-ru-omsk-press": {
        "lang": "ru",
        "event": "E1",
        "date": "2024-08-22",
        "title": "Омская область и Беларусь договорились о сборке комбайнов и обмене кадрами",
        "dateline": "ОМСК, 22 авг – Омск-Пресс.",
        "dateline_place": "Омск",
        "agency": "Омск-Пресс",
        "paras": [
            "В Омске прошло IV заседание рабочей группы по сотрудничеству Омской области и "
            "Республики Беларусь. Встречу провели заместитель председателя правительства Омской "
            "области Андрей Голованов и министр сельского хозяйства и продовольствия Республики "
            "Беларусь Дмитрий Лещенко.",
            "По данным регионального министерства экономики, за первое полугодие 2024 года "
            "товарооборот между Омской областью и Беларусью составил 212 млн долларов и вырос на "
            "38% к тому же периоду прошлого года. Основу белорусского импорта составляют "
            "сельхозтехника, молочная продукция и лифты, омского экспорта – нефтепродукты, "
            "пластики и зерно.",
            "«Мы уходим от разовых закупок к настоящей кооперации: сборка техники на омской "
            "площадке означает новые рабочие места и локализацию», – сказал Андрей Голованов.",
            "По итогам заседания омское предприятие «Иртыш-Агромаш» и белорусское ОАО "
            "«Полесьеагротех» подписали соглашение о сборке в Омске 120 зерноуборочных комбайнов "
            "до конца 2025 года. Дмитрий Лещенко пригласил омских аграриев на весеннюю "
            "сельскохозяйственную выставку в Минске.",
        ],
        "persons": [
            _p(
                "Андрей Голованов",
                "заместитель председателя правительства Омской области",
                "Андрей Голованов",
            ),
            _p(
                "Дмитрий Лещенко",
                "министр сельского хозяйства и продовольствия Республики Беларусь",
                "Дмитрий Лещенко",
            ),
        ],
        "places": ["Омск", "Омская область", "Беларусь", "Минск"],
        "organizations": [
            "Иртыш-Агромаш",
            "Полесьеагротех",
        ],
        "agreements": [
            "соглашение о сборке в Омске 120 зерноуборочных комбайнов до конца 2025 "
            "года (Иртыш-Агромаш и Полесьеагротех)"
        ],
        "figures": [
            _f(
                "212 млн долларов", 212_000_000, "USD", "товарооборот за первое полугодие 2024 года"
            ),
            _f("вырос на 38%", 38, "%", "рост товарооборота"),
            _f("120 зерноуборочных комбайнов", 120, "шт.", "комбайны к сборке"),
        ],
        "event_dates": ["2024-08-22"],
    },
    "e1-de-belnachrichten": {
        "lang": "de",
        "event": "E1",
        "date": "2024-08-22",
        "title": "Belarus und Gebiet Omsk vereinbaren Montage von Mähdreschern",
        "dateline": "MINSK, 22. August (BelNachrichten) -",
        "dateline_place": "Minsk",
        "agency": "BelNachrichten",
        "paras": [
            "In Omsk hat am 22. August die vierte Sitzung der Arbeitsgruppe für Zusammenarbeit "
            "zwischen der Republik Belarus und dem Gebiet Omsk stattgefunden. Den Vorsitz führten "
            "der belarussische Minister für Landwirtschaft und Ernährung Dmitri Leschtschenko und "
            "der stellvertretende Regierungschef des Gebietes Omsk Andrej Golowanow.",
            "Wie das Landwirtschaftsministerium mitteilte, unterzeichneten das belarussische "
            "Unternehmen Polesjeagrotech und der Omsker Betrieb Irtysch-Agromasch ein Abkommen über "
            "die Montage von 120 Mähdreschern in Omsk bis Ende 2025.",
            "Der Handel zwischen Belarus und dem Gebiet Omsk stieg im ersten Halbjahr 2024 um 38 "
            "Prozent auf 212 Millionen US-Dollar. Leschtschenko nannte die Milchwirtschaft und die "
            "Ausbildung von Landmaschinentechnikern als nächste gemeinsame Themen.",
        ],
        "persons": [
            _p(
                "Dmitri Leschtschenko",
                "belarussischer Minister für Landwirtschaft und Ernährung",
                "Dmitri Leschtschenko",
                "Leschtschenko",
                same_as="Дмитрий Лещенко",
            ),
            _p(
                "Andrej Golowanow",
                "stellvertretender Regierungschef des Gebietes Omsk",
                "Andrej Golowanow",
                same_as="Андрей Голованов",
            ),
        ],
        "places": ["Omsk", "Gebiet Omsk", "Belarus", "Minsk"],
        "organizations": ["BelNachrichten", "Polesjeagrotech", "Irtysch-Agromasch"],
        "agreements": ["Abkommen über die Montage von 120 Mähdreschern in Omsk bis Ende 2025"],
        "figures": [
            _f("um 38 Prozent", 38, "%", "Wachstum des Handels"),
            _f("212 Millionen US-Dollar", 212_000_000, "USD", "Handel im ersten Halbjahr 2024"),
            _f("120 Mähdreschern", 120, "Stück", "Mähdrescher zur Montage"),
        ],
        "event_dates": ["2024-08-22"],
    },
    "e1-en-siberia-wire": {
        "lang": "en",
        "event": "E1",
        "date": "2024-08-22",
        "title": "Belarus to assemble combine harvesters in Omsk under new deal",
        "dateline": "OMSK, Aug 22 (Siberia Wire) -",
        "dateline_place": "Omsk",
        "agency": "Siberia Wire",
        "paras": [
            "A Belarusian farm machinery maker will assemble 120 combine harvesters in Omsk by the "
            "end of 2025, officials said on Thursday after the fourth meeting of the working group "
            "of the Omsk Region and Belarus.",
            "The agreement was signed by Polesyeagrotech of Belarus and Omsk-based Irtysh-Agromash. "
            "The meeting was chaired by Andrei Golovanov, deputy chairman of the Omsk regional "
            "government, and Dmitry Leshchenko, Belarus's Minister of Agriculture and Food.",
            "Trade between the region and Belarus rose 38% in the first half of 2024 to $212 "
            "million, according to the regional economy ministry.",
        ],
        "persons": [
            _p(
                "Andrei Golovanov",
                "deputy chairman of the Omsk regional government",
                "Andrei Golovanov",
                same_as="Андрей Голованов",
            ),
            _p(
                "Dmitry Leshchenko",
                "Belarus's Minister of Agriculture and Food",
                "Dmitry Leshchenko",
                same_as="Дмитрий Лещенко",
            ),
        ],
        "places": ["Omsk", "Omsk Region", "Belarus"],
        "organizations": ["Siberia Wire", "Polesyeagrotech", "Irtysh-Agromash"],
        "agreements": ["agreement to assemble 120 combine harvesters in Omsk by the end of 2025"],
        "figures": [
            _f("120 combine harvesters", 120, "units", "harvesters to assemble"),
            _f("rose 38%", 38, "%", "trade growth"),
            _f("$212 million", 212_000_000, "USD", "trade in the first half of 2024"),
        ],
        "event_dates": ["2024-08-22"],
    },
    "e1-ru-irtysh-media": {
        "lang": "ru",
        "event": "E1",
        "date": "2024-08-22",
        "title": "В Омске соберут белорусские комбайны",
        "dateline": "ОМСК, 22 авг – Иртыш-Медиа.",
        "dateline_place": "Омск",
        "agency": "Иртыш-Медиа",
        "paras": [
            "Сборочное производство белорусских комбайнов появится на площадке предприятия "
            "«Иртыш-Агромаш». Об этом договорились участники рабочей группы Омской области и "
            "Республики Беларусь, которая собралась в региональной столице в четвёртый раз.",
            "Сопредседатель группы с белорусской стороны, министр сельского хозяйства и "
            "продовольствия Дмитрий Лещенко, отметил, что первые машины должны сойти с конвейера "
            "весной 2025 года. Всего до конца 2025 года планируется собрать 120 комбайнов.",
            "Андрей Голованов, вице-премьер омского правительства, рассказал, что регион готов "
            "субсидировать аграриям до 25% стоимости техники местной сборки.",
        ],
        "persons": [
            _p(
                "Дмитрий Лещенко", "министр сельского хозяйства и продовольствия", "Дмитрий Лещенко"
            ),
            _p("Андрей Голованов", "вице-премьер омского правительства", "Андрей Голованов"),
        ],
        "places": ["Омская область", "Беларусь"],
        "organizations": ["Иртыш-Агромаш"],
        "agreements": [],
        "figures": [
            _f("120 комбайнов", 120, "шт.", "комбайны к сборке до конца 2025 года"),
            _f("до 25%", 25, "%", "субсидия на технику местной сборки"),
        ],
        "event_dates": ["2024-08-22"],
    },
    # ------------------------------------------------------------------ E2 Minsk, 17 Jun 2025
    "e2-ru-omsk-press": {
        "lang": "ru",
        "event": "E2",
        "date": "2025-06-17",
        "title": "Товарооборот вырос на 45%: рабочая группа Омской области и Беларуси собралась в Минске",
        "dateline": "МИНСК, 17 июн – Омск-Пресс.",
        "dateline_place": "Минск",
        "agency": "Омск-Пресс",
        "paras": [
            "В Минске прошло V заседание рабочей группы по сотрудничеству Омской области и "
            "Республики Беларусь. Омскую делегацию возглавил заместитель председателя правительства "
            "Омской области Андрей Голованов, белорусскую сторону представлял министр сельского "
            "хозяйства и продовольствия Республики Беларусь Дмитрий Лещенко.",
            "По итогам 2024 года товарооборот Омской области и Беларуси вырос на 45% и достиг 486 "
            "млн долларов. За январь–апрель 2025 года рост составил ещё 12%.",
            "Стороны подписали дорожную карту сотрудничества на 2025–2027 годы. Документ "
            "предусматривает открытие в Омске сервисного центра белорусской сельхозтехники и "
            "совместную программу подготовки механизаторов.",
            "Омскую делегацию также принял заместитель премьер-министра Республики Беларусь "
            "Владимир Соколов. Он напомнил, что первые комбайны омской сборки уже работают в "
            "хозяйствах Исилькульского района.",
        ],
        "persons": [
            _p(
                "Андрей Голованов",
                "заместитель председателя правительства Омской области",
                "Андрей Голованов",
            ),
            _p(
                "Дмитрий Лещенко",
                "министр сельского хозяйства и продовольствия Республики Беларусь",
                "Дмитрий Лещенко",
            ),
            _p(
                "Владимир Соколов",
                "заместитель премьер-министра Республики Беларусь",
                "Владимир Соколов",
            ),
        ],
        "places": ["Минск", "Омская область", "Беларусь", "Омск", "Исилькульский район"],
        "organizations": [],
        "agreements": ["дорожная карта сотрудничества на 2025–2027 годы"],
        "figures": [
            _f("вырос на 45%", 45, "%", "рост товарооборота в 2024 году"),
            _f("486 млн долларов", 486_000_000, "USD", "товарооборот 2024 года"),
            _f("ещё 12%", 12, "%", "рост за январь–апрель 2025 года"),
        ],
        "event_dates": ["2025-06-17"],
    },
    "e2-de-belnachrichten": {
        "lang": "de",
        "event": "E2",
        "date": "2025-06-17",
        "title": "Belarus und Gebiet Omsk unterzeichnen Fahrplan bis 2027",
        "dateline": "MINSK, 17. Juni (BelNachrichten) -",
        "dateline_place": "Minsk",
        "agency": "BelNachrichten",
        "paras": [
            "Die Republik Belarus und das russische Gebiet Omsk haben in Minsk einen Fahrplan für "
            "die Zusammenarbeit in den Jahren 2025 bis 2027 unterzeichnet. Das Dokument wurde auf "
            "der fünften Sitzung der gemeinsamen Arbeitsgruppe angenommen.",
            "Landwirtschaftsminister Dmitri Leschtschenko sagte, der Warenumsatz mit dem Gebiet sei "
            "2024 um 45 Prozent auf 486 Millionen US-Dollar gewachsen. Vorgesehen sind ein "
            "Servicezentrum für belarussische Landtechnik in Omsk und ein gemeinsames "
            "Ausbildungsprogramm für Mechaniker.",
            "Die Omsker Delegation unter Leitung des stellvertretenden Regierungschefs Andrej "
            "Golowanow traf außerdem den stellvertretenden Premierminister der Republik Belarus "
            "Wladimir Sokolow.",
        ],
        "persons": [
            _p(
                "Dmitri Leschtschenko",
                "Landwirtschaftsminister",
                "Dmitri Leschtschenko",
                same_as="Дмитрий Лещенко",
            ),
            _p(
                "Andrej Golowanow",
                "stellvertretender Regierungschef",
                "Andrej Golowanow",
                same_as="Андрей Голованов",
            ),
            _p(
                "Wladimir Sokolow",
                "stellvertretender Premierminister der Republik Belarus",
                "Wladimir Sokolow",
                same_as="Владимир Соколов",
            ),
        ],
        "places": ["Minsk", "Belarus", "Gebiet Omsk", "Omsk"],
        "organizations": ["BelNachrichten"],
        "agreements": ["Fahrplan für die Zusammenarbeit in den Jahren 2025 bis 2027"],
        "figures": [
            _f("um 45 Prozent", 45, "%", "Wachstum des Warenumsatzes 2024"),
            _f("486 Millionen US-Dollar", 486_000_000, "USD", "Warenumsatz 2024"),
        ],
        "event_dates": ["2025-06-17"],
    },
    "e2-en-siberia-wire": {
        "lang": "en",
        "event": "E2",
        "date": "2025-06-17",
        "title": "Omsk and Belarus sign 2025-2027 roadmap as trade jumps 45%",
        "dateline": "MINSK, June 17 (Siberia Wire) -",
        "dateline_place": "Minsk",
        "agency": "Siberia Wire",
        "paras": [
            "Officials from Russia's Omsk Region and Belarus signed a three-year cooperation roadmap "
            "in Minsk on Tuesday at the fifth meeting of their joint working group.",
            "Trade between the two rose 45% last year to $486 million and grew another 12% in "
            "January-April 2025, the Omsk delegation said. The roadmap covers a service centre for "
            "Belarusian farm machinery in Omsk and joint training of machine operators.",
            "The delegation, led by Andrei Golovanov, deputy chairman of the Omsk regional "
            "government, also met Belarusian Deputy Prime Minister Vladimir Sokolov.",
        ],
        "persons": [
            _p(
                "Andrei Golovanov",
                "deputy chairman of the Omsk regional government",
                "Andrei Golovanov",
                same_as="Андрей Голованов",
            ),
            _p(
                "Vladimir Sokolov",
                "Belarusian Deputy Prime Minister",
                "Vladimir Sokolov",
                same_as="Владимир Соколов",
            ),
        ],
        "places": ["Minsk", "Omsk Region", "Belarus", "Omsk"],
        "organizations": ["Siberia Wire"],
        "agreements": ["three-year cooperation roadmap (2025-2027)"],
        "figures": [
            _f("rose 45%", 45, "%", "trade growth in 2024"),
            _f("$486 million", 486_000_000, "USD", "trade in 2024"),
            _f("another 12%", 12, "%", "growth in January-April 2025"),
        ],
        "event_dates": ["2025-06-17"],
    },
    "e2-ru-irtysh-media": {
        "lang": "ru",
        "event": "E2",
        "date": "2025-06-17",
        "title": "Омские аграрии получат сервисный центр белорусской техники",
        "dateline": "МИНСК, 17 июн – Иртыш-Медиа.",
        "dateline_place": "Минск",
        "agency": "Иртыш-Медиа",
        "paras": [
            "Сервисный центр белорусской сельскохозяйственной техники откроется в Омске в 2026 году. "
            "Это одно из положений дорожной карты на 2025–2027 годы, подписанной на пятом заседании "
            "рабочей группы Омской области и Республики Беларусь в белорусской столице.",
            "Андрей Голованов сообщил журналистам, что в центре будут обслуживать комбайны и "
            "тракторы, а также обучать механизаторов. Министр сельского хозяйства и продовольствия "
            "Беларуси Дмитрий Лещенко пообещал направить в Омск инструкторов с белорусских заводов.",
            "Встреча в Минске продолжила работу, начатую в августе 2024 года в Омске, где стороны "
            "договорились о сборке комбайнов.",
        ],
        "persons": [
            _p("Андрей Голованов", None, "Андрей Голованов"),
            _p(
                "Дмитрий Лещенко",
                "министр сельского хозяйства и продовольствия Беларуси",
                "Дмитрий Лещенко",
            ),
        ],
        "places": ["Омск", "Омская область", "Беларусь", "Минск"],
        "organizations": [],
        "agreements": ["дорожная карта на 2025–2027 годы"],
        "figures": [],
        "event_dates": ["2025-06-17"],
    },
    # ------------------------------------------------------------------ E3 Innoprom, 9 Jul 2024
    "e3-ru-uralinform": {
        "lang": "ru",
        "event": "E3",
        "date": "2024-07-09",
        "title": 'Министр промышленности Беларуси Владимир Соколов провёл переговоры на "Иннопроме"',
        "dateline": "ЕКАТЕРИНБУРГ, 9 июл - Уралинформ.",
        "dateline_place": "Екатеринбург",
        "agency": "Уралинформ",
        "paras": [
            'На международной промышленной выставке "Иннопром", которая проходит в Екатеринбурге с '
            "8 по 11 июля, министр промышленности Республики Беларусь Владимир Соколов встретился с "
            "министром промышленности и науки Свердловской области Евгением Мартыновым.",
            "Стороны обсудили поставки комплектующих для коммунальной техники и станкостроение. В "
            'присутствии министров екатеринбургское АО "УралКоммунТех" и минское ОАО '
            '"Белмашсервис" подписали соглашение о создании совместного предприятия по выпуску '
            "подметально-уборочных машин.",
            '"Свердловская область остаётся для нас одним из трёх крупнейших партнёров в России", - '
            "отметил Владимир Соколов. По его словам, в 2023 году товарооборот Беларуси с регионом "
            "составил 1,1 млрд долларов.",
            "Евгений Мартынов предложил провести следующую встречу на выставке через год.",
        ],
        "persons": [
            _p(
                "Владимир Соколов", "министр промышленности Республики Беларусь", "Владимир Соколов"
            ),
            _p(
                "Евгений Мартынов",
                "министр промышленности и науки Свердловской области",
                "Евгением Мартыновым",
                "Евгений Мартынов",
            ),
        ],
        "places": ["Екатеринбург", "Свердловская область", "Беларусь", "Россия"],
        "organizations": ["Иннопром", "УралКоммунТех", "Белмашсервис"],
        "agreements": [
            "соглашение о создании совместного предприятия по выпуску "
            "подметально-уборочных машин (УралКоммунТех и Белмашсервис)"
        ],
        "figures": [_f("1,1 млрд долларов", 1_100_000_000, "USD", "товарооборот 2023 года")],
        "event_dates": ["2024-07-08/2024-07-11"],
    },
    "e3-de-belnachrichten": {
        "lang": "de",
        "event": "E3",
        "date": "2024-07-09",
        "title": "Sokolow: Gebiet Swerdlowsk bleibt wichtiger Partner der belarussischen Industrie",
        "dateline": "MINSK, 9. Juli (BelNachrichten) -",
        "dateline_place": "Minsk",
        "agency": "BelNachrichten",
        "paras": [
            "Der belarussische Industrieminister Wladimir Sokolow ist am Rande der Industriemesse "
            "INNOPROM in Jekaterinburg mit dem Minister für Industrie und Wissenschaft des Gebietes "
            "Swerdlowsk Jewgeni Martynow zusammengetroffen.",
            "In Anwesenheit der Minister schlossen das Minsker Unternehmen Belmaschservice und die "
            "Firma UralKommunTech aus Jekaterinburg einen Vertrag über ein Gemeinschaftsunternehmen "
            "zur Herstellung von Kehrmaschinen. Sokolow bezeichnete das Gebiet als einen der drei "
            "wichtigsten russischen Partner von Belarus.",
            "Die Messe findet vom 8. bis 11. Juli statt. Belarus ist mit einem Gemeinschaftsstand "
            "von 40 Unternehmen vertreten.",
        ],
        "persons": [
            _p(
                "Wladimir Sokolow",
                "belarussischer Industrieminister",
                "Wladimir Sokolow",
                "Sokolow",
                same_as="Владимир Соколов",
            ),
            _p(
                "Jewgeni Martynow",
                "Minister für Industrie und Wissenschaft des Gebietes Swerdlowsk",
                "Jewgeni Martynow",
                same_as="Евгений Мартынов",
            ),
        ],
        "places": ["Jekaterinburg", "Gebiet Swerdlowsk", "Belarus", "Minsk"],
        "organizations": ["BelNachrichten", "INNOPROM", "Belmaschservice", "UralKommunTech"],
        "agreements": [
            "Vertrag über ein Gemeinschaftsunternehmen zur Herstellung von Kehrmaschinen"
        ],
        "figures": [_f("40 Unternehmen", 40, "Unternehmen", "belarussischer Gemeinschaftsstand")],
        "event_dates": ["2024-07-08/2024-07-11"],
    },
    "e3-en-ural-wire": {
        "lang": "en",
        "event": "E3",
        "date": "2024-07-09",
        "title": "Belarusian and Urals firms agree street-sweeper joint venture at Innoprom",
        "dateline": "YEKATERINBURG, July 9 (Ural Wire) -",
        "dateline_place": "Yekaterinburg",
        "agency": "Ural Wire",
        "paras": [
            "A Yekaterinburg maker of municipal vehicles and a Minsk engineering firm agreed on "
            "Tuesday to set up a joint venture to build street sweepers, in a deal signed at the "
            "Innoprom industrial fair.",
            "The agreement between UralKommunTekh and Belmashservice was witnessed by Belarusian "
            "Industry Minister Vladimir Sokolov and Yevgeny Martynov, minister of industry and "
            "science of the Sverdlovsk Region.",
            "Innoprom runs from July 8 to 11. Sokolov said the trade of Belarus with the region "
            "reached $1.1 billion in 2023.",
        ],
        "persons": [
            _p(
                "Vladimir Sokolov",
                "Belarusian Industry Minister",
                "Vladimir Sokolov",
                "Sokolov",
                same_as="Владимир Соколов",
            ),
            _p(
                "Yevgeny Martynov",
                "minister of industry and science of the Sverdlovsk Region",
                "Yevgeny Martynov",
                same_as="Евгений Мартынов",
            ),
        ],
        "places": ["Yekaterinburg", "Minsk", "Sverdlovsk Region", "Belarus"],
        "organizations": ["Ural Wire", "Innoprom", "UralKommunTekh", "Belmashservice"],
        "agreements": [
            "joint venture to build street sweepers (UralKommunTekh and Belmashservice)"
        ],
        "figures": [_f("$1.1 billion", 1_100_000_000, "USD", "trade in 2023")],
        "event_dates": ["2024-07-08/2024-07-11"],
    },
    "e3-de-wdo": {
        "lang": "de",
        "event": "E3",
        "date": "2024-07-10",
        "title": "INNOPROM: Belarus setzt auf Kommunaltechnik aus dem Ural",
        "dateline": "BERLIN, 10. Juli (Wirtschaftsdienst Ost) -",
        "dateline_place": "Berlin",
        "agency": "Wirtschaftsdienst Ost",
        "paras": [
            "Belarussische und russische Hersteller von Kommunalfahrzeugen wollen künftig gemeinsam "
            "produzieren. Auf der Messe INNOPROM in Jekaterinburg vereinbarten Belmaschservice und "
            "UralKommunTech ein Gemeinschaftsunternehmen, wie Industrieminister Wladimir Sokolow am "
            "Dienstag mitteilte.",
            "Der Handel zwischen Belarus und dem Gebiet Swerdlowsk belief sich 2023 nach "
            "belarussischen Angaben auf 1,1 Milliarden US-Dollar. Die Messe in Jekaterinburg gilt "
            "als wichtigste Industrieschau Russlands; Aussteller aus Westeuropa sind dort seit "
            "einigen Jahren kaum noch vertreten.",
        ],
        "persons": [
            _p(
                "Wladimir Sokolow",
                "Industrieminister",
                "Wladimir Sokolow",
                same_as="Владимир Соколов",
            ),
        ],
        "places": ["Jekaterinburg", "Belarus", "Gebiet Swerdlowsk", "Berlin"],
        "organizations": ["Wirtschaftsdienst Ost", "INNOPROM", "Belmaschservice", "UralKommunTech"],
        "agreements": ["Gemeinschaftsunternehmen von Belmaschservice und UralKommunTech"],
        "figures": [_f("1,1 Milliarden US-Dollar", 1_100_000_000, "USD", "Handel 2023")],
        "event_dates": [],
    },
    # ------------------------------------------------------------------ E4 Innoprom, 8 Jul 2025
    "e4-ru-uralinform": {
        "lang": "ru",
        "event": "E4",
        "date": "2025-07-08",
        "title": "Вице-премьер Беларуси Владимир Соколов и Евгений Мартынов подписали меморандум по микроэлектронике",
        "dateline": "ЕКАТЕРИНБУРГ, 8 июл – Уралинформ.",
        "dateline_place": "Екатеринбург",
        "agency": "Уралинформ",
        "paras": [
            "Заместитель премьер-министра Республики Беларусь Владимир Соколов второй год подряд "
            "провёл переговоры с министром промышленности и науки Свердловской области Евгением "
            "Мартыновым на выставке «Иннопром», которая в этот раз проходит с 7 по 10 июля.",
            "Главным итогом встречи стал меморандум о поставках электронных компонентов: "
            "екатеринбургское АО «Вектор-Электро» будет получать микросхемы управления от минского "
            "ОАО «Нёман-Микро». Объём поставок в 2026 году оценивается в 2,5 млрд рублей.",
            "Владимир Соколов напомнил, что совместное предприятие по выпуску подметально-уборочных "
            "машин, о создании которого договорились на прошлом «Иннопроме», уже выпустило первые "
            "60 машин.",
            "Товарооборот Беларуси и Свердловской области в 2024 году вырос на 9%, сообщил Евгений "
            "Мартынов.",
        ],
        "persons": [
            _p(
                "Владимир Соколов",
                "заместитель премьер-министра Республики Беларусь",
                "Владимир Соколов",
            ),
            _p(
                "Евгений Мартынов",
                "министр промышленности и науки Свердловской области",
                "Евгением Мартыновым",
                "Евгений Мартынов",
            ),
        ],
        "places": ["Екатеринбург", "Свердловская область", "Беларусь", "Минск"],
        "organizations": ["Иннопром", "Вектор-Электро", "Нёман-Микро"],
        "agreements": [
            "меморандум о поставках электронных компонентов (Нёман-Микро и Вектор-Электро)"
        ],
        "figures": [
            _f("2,5 млрд рублей", 2_500_000_000, "RUB", "объём поставок в 2026 году"),
            _f("первые 60 машин", 60, "шт.", "выпуск совместного предприятия"),
            _f("вырос на 9%", 9, "%", "рост товарооборота в 2024 году"),
        ],
        "event_dates": ["2025-07-07/2025-07-10"],
    },
    "e4-en-ural-wire": {
        "lang": "en",
        "event": "E4",
        "date": "2025-07-08",
        "title": "Belarus deputy PM signs microchip supply memo in Yekaterinburg",
        "dateline": "YEKATERINBURG, July 8 (Ural Wire) -",
        "dateline_place": "Yekaterinburg",
        "agency": "Ural Wire",
        "paras": [
            "Belarusian Deputy Prime Minister Vladimir Sokolov, who attended last year's Innoprom "
            "as industry minister, returned to the Yekaterinburg fair on Tuesday and signed a "
            "memorandum on supplies of control chips to the Urals.",
            "Under the memorandum, Minsk-based Neman-Mikro will supply microcontrollers to "
            "Vektor-Elektro of Yekaterinburg; the 2026 volume is estimated at 2.5 billion roubles. "
            "The document was co-signed by Yevgeny Martynov, minister of industry and science of "
            "the Sverdlovsk Region.",
            "Innoprom is held from July 7 to 10 this year.",
        ],
        "persons": [
            _p(
                "Vladimir Sokolov",
                "Belarusian Deputy Prime Minister",
                "Vladimir Sokolov",
                same_as="Владимир Соколов",
            ),
            _p(
                "Yevgeny Martynov",
                "minister of industry and science of the Sverdlovsk Region",
                "Yevgeny Martynov",
                same_as="Евгений Мартынов",
            ),
        ],
        "places": ["Yekaterinburg", "Minsk", "Urals", "Sverdlovsk Region"],
        "organizations": ["Ural Wire", "Innoprom", "Neman-Mikro", "Vektor-Elektro"],
        "agreements": ["memorandum on supplies of control chips (Neman-Mikro to Vektor-Elektro)"],
        "figures": [_f("2.5 billion roubles", 2_500_000_000, "RUB", "2026 supply volume")],
        "event_dates": ["2025-07-07/2025-07-10"],
    },
    "e4-de-belnachrichten": {
        "lang": "de",
        "event": "E4",
        "date": "2025-07-08",
        "title": "Vizepremier Sokolow: Gemeinschaftsunternehmen liefert erste Kehrmaschinen",
        "dateline": "MINSK, 8. Juli (BelNachrichten) -",
        "dateline_place": "Minsk",
        "agency": "BelNachrichten",
        "paras": [
            "Das im vergangenen Jahr auf der INNOPROM vereinbarte belarussisch-russische "
            "Gemeinschaftsunternehmen hat die ersten 60 Kehrmaschinen ausgeliefert. Das teilte der "
            "stellvertretende Premierminister der Republik Belarus Wladimir Sokolow am Dienstag in "
            "Jekaterinburg mit.",
            "Sokolow und der Minister für Industrie und Wissenschaft des Gebietes Swerdlowsk "
            "Jewgeni Martynow unterzeichneten zudem ein Memorandum über die Lieferung von "
            "Mikrochips des Minsker Herstellers Neman-Mikro an das Unternehmen Vektor-Elektro. Die "
            "Messe dauert noch bis zum 10. Juli.",
        ],
        "persons": [
            _p(
                "Wladimir Sokolow",
                "stellvertretender Premierminister der Republik Belarus",
                "Wladimir Sokolow",
                "Sokolow",
                same_as="Владимир Соколов",
            ),
            _p(
                "Jewgeni Martynow",
                "Minister für Industrie und Wissenschaft des Gebietes Swerdlowsk",
                "Jewgeni Martynow",
                same_as="Евгений Мартынов",
            ),
        ],
        "places": ["Jekaterinburg", "Minsk", "Gebiet Swerdlowsk", "Belarus"],
        "organizations": ["BelNachrichten", "INNOPROM", "Neman-Mikro", "Vektor-Elektro"],
        "agreements": [
            "Memorandum über die Lieferung von Mikrochips (Neman-Mikro an Vektor-Elektro)"
        ],
        "figures": [_f("ersten 60 Kehrmaschinen", 60, "Stück", "ausgelieferte Kehrmaschinen")],
        "event_dates": ["2025-07-07/2025-07-10"],
    },
    "e4-de-wdo": {
        "lang": "de",
        "event": "E4",
        "date": "2025-07-09",
        "title": "Belarus liefert Steuerchips in den Ural",
        "dateline": "BERLIN, 9. Juli (Wirtschaftsdienst Ost) -",
        "dateline_place": "Berlin",
        "agency": "Wirtschaftsdienst Ost",
        "paras": [
            "Der belarussische Elektronikhersteller Neman-Mikro soll ab 2026 Mikrocontroller an "
            "Vektor-Elektro in Jekaterinburg liefern. Ein entsprechendes Memorandum unterzeichneten "
            "der belarussische Vizepremier Wladimir Sokolow und der Industrieminister des Gebietes "
            "Swerdlowsk Jewgeni Martynow auf der INNOPROM.",
            "Das Liefervolumen wird für 2026 auf 2,5 Milliarden Rubel geschätzt. Sokolow war im "
            "Vorjahr noch als Industrieminister zur Messe gereist; im Frühjahr 2025 wurde er zum "
            "stellvertretenden Premierminister ernannt.",
        ],
        "persons": [
            _p(
                "Wladimir Sokolow",
                "belarussischer Vizepremier",
                "Wladimir Sokolow",
                "Sokolow",
                same_as="Владимир Соколов",
            ),
            _p(
                "Jewgeni Martynow",
                "Industrieminister des Gebietes Swerdlowsk",
                "Jewgeni Martynow",
                same_as="Евгений Мартынов",
            ),
        ],
        "places": ["Jekaterinburg", "Gebiet Swerdlowsk", "Berlin"],
        "organizations": ["Wirtschaftsdienst Ost", "INNOPROM", "Neman-Mikro", "Vektor-Elektro"],
        "agreements": [
            "Memorandum über Lieferungen von Mikrocontrollern (Neman-Mikro an Vektor-Elektro)"
        ],
        "figures": [_f("2,5 Milliarden Rubel", 2_500_000_000, "RUB", "Liefervolumen 2026")],
        "event_dates": [],
    },
    # ------------------------------------------------------------------ E5 Novosibirsk, 12 Mar 2025
    "e5-ru-sibir-inform": {
        "lang": "ru",
        "event": "E5",
        "date": "2025-03-12",
        "title": "Новосибирский и минский вузы запустят сетевую магистратуру по анализу данных",
        "dateline": "НОВОСИБИРСК, 12 мар - Сибирь-Информ.",
        "dateline_place": "Новосибирск",
        "agency": "Сибирь-Информ",
        "paras": [
            "Новосибирский институт прикладной информатики (НИПИ) и Минский институт радиотехники "
            'и связи (МИРС) подписали соглашение о сетевой магистерской программе "Данные в '
            'промышленности". Документ скрепили подписями ректор НИПИ Марина Ковалёва и ректор МИРС '
            "Павел Дубровский.",
            "Обучение начнётся 1 сентября 2025 года. Каждый год по программе будут учиться 20 "
            "студентов: первый год - в Новосибирске, второй - в Минске. Выпускники получат два "
            "диплома.",
            '"Нашим промышленным партнёрам нужны специалисты, которые понимают и станок, и данные с '
            'него", - сказала Марина Ковалёва. Павел Дубровский добавил, что МИРС готов принять '
            "новосибирских преподавателей на стажировку уже этой весной.",
        ],
        "persons": [
            _p("Марина Ковалёва", "ректор НИПИ", "Марина Ковалёва"),
            _p("Павел Дубровский", "ректор МИРС", "Павел Дубровский"),
        ],
        "places": ["Новосибирск", "Минск"],
        "organizations": [
            "Новосибирский институт прикладной информатики",
            "НИПИ",
            "Минский институт радиотехники и связи",
            "МИРС",
        ],
        "acronyms": {
            "НИПИ": "Новосибирский институт прикладной информатики",
            "МИРС": "Минский институт радиотехники и связи",
        },
        "agreements": [
            'соглашение о сетевой магистерской программе "Данные в промышленности" (НИПИ и МИРС)'
        ],
        "figures": [_f("20 студентов", 20, "чел.", "набор в год")],
        "event_dates": ["2025-03-12", "2025-09-01"],
    },
    "e5-de-belnachrichten": {
        "lang": "de",
        "event": "E5",
        "date": "2025-03-12",
        "title": "Minsker Hochschule vereinbart Doppelabschluss mit Nowosibirsk",
        "dateline": "MINSK, 12. März (BelNachrichten) -",
        "dateline_place": "Minsk",
        "agency": "BelNachrichten",
        "paras": [
            "Das Minsker Institut für Funktechnik und Nachrichtenwesen (MIRS) und das Nowosibirsker "
            "Institut für Angewandte Informatik (NIPI) bieten ab September 2025 einen gemeinsamen "
            "Masterstudiengang in industrieller Datenanalyse an. Die Vereinbarung unterzeichneten "
            "in Nowosibirsk der MIRS-Rektor Pawel Dubrowski und die NIPI-Rektorin Marina Kowaljowa.",
            "Jährlich sollen 20 Studierende aufgenommen werden, die ein Jahr in Nowosibirsk und ein "
            "Jahr in Minsk studieren und zwei Abschlüsse erhalten.",
        ],
        "persons": [
            _p("Pawel Dubrowski", "MIRS-Rektor", "Pawel Dubrowski", same_as="Павел Дубровский"),
            _p("Marina Kowaljowa", "NIPI-Rektorin", "Marina Kowaljowa", same_as="Марина Ковалёва"),
        ],
        "places": ["Minsk", "Nowosibirsk"],
        "organizations": [
            "BelNachrichten",
            "Minsker Institut für Funktechnik und Nachrichtenwesen",
            "MIRS",
            "Nowosibirsker Institut für Angewandte Informatik",
            "NIPI",
        ],
        "acronyms": {
            "MIRS": "Minsker Institut für Funktechnik und Nachrichtenwesen",
            "NIPI": "Nowosibirsker Institut für Angewandte Informatik",
        },
        "agreements": ["Vereinbarung über einen gemeinsamen Masterstudiengang (MIRS und NIPI)"],
        "figures": [_f("20 Studierende", 20, "Personen", "Aufnahme pro Jahr")],
        "event_dates": ["2025-03-12", "2025-09"],
    },
    "e5-en-siberia-wire": {
        "lang": "en",
        "event": "E5",
        "date": "2025-03-12",
        "title": "Novosibirsk and Minsk institutes launch joint data master's",
        "dateline": "NOVOSIBIRSK, March 12 (Siberia Wire) -",
        "dateline_place": "Novosibirsk",
        "agency": "Siberia Wire",
        "paras": [
            "The Novosibirsk Institute of Applied Informatics (NIPI) and the Minsk Institute of "
            "Radio Engineering and Communications (MIRS) signed an agreement on Wednesday to run a "
            "joint master's programme in industrial data analysis.",
            "Twenty students a year will spend their first year in Novosibirsk and the second in "
            "Minsk, and will receive degrees from both institutes, NIPI rector Marina Kovaleva said. "
            "Teaching starts on September 1, 2025.",
            "MIRS rector Pavel Dubrovsky said the programme was the first double-degree scheme "
            "between the two cities.",
        ],
        "persons": [
            _p("Marina Kovaleva", "NIPI rector", "Marina Kovaleva", same_as="Марина Ковалёва"),
            _p("Pavel Dubrovsky", "MIRS rector", "Pavel Dubrovsky", same_as="Павел Дубровский"),
        ],
        "places": ["Novosibirsk", "Minsk"],
        "organizations": [
            "Siberia Wire",
            "Novosibirsk Institute of Applied Informatics",
            "NIPI",
            "Minsk Institute of Radio Engineering and Communications",
            "MIRS",
        ],
        "acronyms": {
            "NIPI": "Novosibirsk Institute of Applied Informatics",
            "MIRS": "Minsk Institute of Radio Engineering and Communications",
        },
        "agreements": ["agreement on a joint master's programme in industrial data analysis"],
        "figures": [_f("Twenty students a year", 20, "persons", "intake per year")],
        "event_dates": ["2025-03-12", "2025-09-01"],
    },
    # ------------------------------------------------------------------ E6 Kassel, 25-26 Sep 2024
    "e6-de-hessen-depesche": {
        "lang": "de",
        "event": "E6",
        "date": "2024-09-26",
        "title": "Städtepartner aus Kassel und Jaroslawl wollen Jugendaustausch wiederbeleben",
        "dateline": "KASSEL, 26. September (Hessen-Depesche) -",
        "dateline_place": "Kassel",
        "agency": "Hessen-Depesche",
        "paras": [
            "Auf der Konferenz der deutsch-russischen Städtepartnerschaften in Kassel haben "
            "Vertreter aus rund 30 Städten am Donnerstag über die Zukunft ihrer Kontakte beraten. "
            "Gut 120 Teilnehmer kamen zu dem zweitägigen Treffen am 25. und 26. September.",
            "Die Beauftragte für Städtepartnerschaften der Stadt Kassel, Sabine Lindner, und der "
            "Vorsitzende des Komitees für internationale Beziehungen der Stadtverwaltung Jaroslawl, "
            "Oleg Tschernow, unterzeichneten eine Absichtserklärung über ein "
            "Jugendaustauschprogramm für das Jahr 2025.",
            "„Gerade wenn die große Politik schweigt, brauchen wir die Begegnung von Schülern, "
            "Chören und Sportvereinen“, sagte Lindner. Die Partnerschaft zwischen Kassel und "
            "Jaroslawl besteht seit 1988.",
        ],
        "persons": [
            _p(
                "Sabine Lindner",
                "Beauftragte für Städtepartnerschaften der Stadt Kassel",
                "Sabine Lindner",
                "Lindner",
                same_as="Сабина Линднер",
            ),
            _p(
                "Oleg Tschernow",
                "Vorsitzender des Komitees für internationale Beziehungen der Stadtverwaltung "
                "Jaroslawl",
                "Oleg Tschernow",
                same_as="Олег Чернов",
            ),
        ],
        "places": ["Kassel", "Jaroslawl"],
        "organizations": ["Hessen-Depesche", "Stadtverwaltung Jaroslawl"],
        "agreements": ["Absichtserklärung über ein Jugendaustauschprogramm für das Jahr 2025"],
        "figures": [
            _f("rund 30 Städten", 30, "Städte", "vertretene Städte"),
            _f("Gut 120 Teilnehmer", 120, "Personen", "Teilnehmer"),
        ],
        "event_dates": ["2024-09-25/2024-09-26"],
    },
    "e6-ru-verkhnevolzhskie": {
        "lang": "ru",
        "event": "E6",
        "date": "2024-09-26",
        "title": "Ярославль и Кассель договорились о молодёжных обменах",
        "dateline": "ЯРОСЛАВЛЬ, 26 сен – Верхневолжские вести.",
        "dateline_place": "Ярославль",
        "agency": "Верхневолжские вести",
        "paras": [
            "Делегация Ярославля приняла участие в конференции российско-германских "
            "городов-партнёров, которая 25–26 сентября проходит в немецком Касселе. В ней участвуют "
            "около 120 представителей из 30 городов двух стран.",
            "Председатель комитета по международным связям мэрии Ярославля Олег Чернов и "
            "уполномоченная по городским партнёрствам Касселя Сабина Линднер подписали декларацию о "
            "намерениях: в 2025 году город примет 15 школьников из Германии, а ярославские студенты "
            "поедут в Кассель на летнюю практику.",
            "Олег Чернов напомнил, что Ярославль и Кассель стали городами-побратимами в 1988 году.",
        ],
        "persons": [
            _p(
                "Олег Чернов",
                "председатель комитета по международным связям мэрии Ярославля",
                "Олег Чернов",
            ),
            _p(
                "Сабина Линднер",
                "уполномоченная по городским партнёрствам Касселя",
                "Сабина Линднер",
            ),
        ],
        "places": ["Ярославль", "Кассель", "Германия"],
        "organizations": ["мэрия Ярославля"],
        "agreements": ["декларация о намерениях (молодёжные обмены в 2025 году)"],
        "figures": [
            _f("около 120 представителей", 120, "чел.", "участники"),
            _f("15 школьников", 15, "чел.", "школьники из Германии в 2025 году"),
        ],
        "event_dates": ["2024-09-25/2024-09-26"],
    },
    "e6-en-volga-wire": {
        "lang": "en",
        "event": "E6",
        "date": "2024-09-26",
        "title": "Kassel and Yaroslavl sign youth exchange pledge at partner-city conference",
        "dateline": "YAROSLAVL, Sept 26 (Volga Wire) -",
        "dateline_place": "Yaroslavl",
        "agency": "Volga Wire",
        "paras": [
            "Officials from the German city of Kassel and the Russian city of Yaroslavl signed a "
            "declaration of intent on a youth exchange for 2025 at a conference of German and "
            "Russian partner cities in Kassel, Yaroslavl city hall said on Thursday.",
            "The declaration was signed by Oleg Chernov, chairman of the international relations "
            "committee of Yaroslavl city hall, and Sabine Lindner, Kassel's commissioner for town "
            "twinning. Some 120 delegates from 30 cities attend the two-day meeting, which ends on "
            "Thursday.",
        ],
        "persons": [
            _p(
                "Oleg Chernov",
                "chairman of the international relations committee of Yaroslavl city hall",
                "Oleg Chernov",
                same_as="Олег Чернов",
            ),
            _p(
                "Sabine Lindner",
                "Kassel's commissioner for town twinning",
                "Sabine Lindner",
                same_as="Сабина Линднер",
            ),
        ],
        "places": ["Kassel", "Yaroslavl"],
        "organizations": ["Volga Wire", "Yaroslavl city hall"],
        "agreements": ["declaration of intent on a youth exchange for 2025"],
        "figures": [
            _f("Some 120 delegates", 120, "persons", "delegates"),
            _f("30 cities", 30, "cities", "cities represented"),
        ],
        "event_dates": ["2024-09-25/2024-09-26"],
    },
    # ------------------------------------------------------------------ E7 trade report, 14 Feb 2025
    "e7-ru-omsk-press": {
        "lang": "ru",
        "event": "E7",
        "date": "2025-02-14",
        "title": "Товарооборот Омской области с Беларусью в 2024 году вырос на 45%",
        "dateline": "ОМСК, 14 фев – Омск-Пресс.",
        "dateline_place": "Омск",
        "agency": "Омск-Пресс",
        "paras": [
            "Внешнеторговый оборот Омской области с Республикой Беларусь по итогам 2024 года "
            "составил 486 млн долларов, что на 45% больше, чем годом ранее. Такие данные привела "
            "министр экономики Омской области Татьяна Русакова.",
            "Экспорт региона в Беларусь вырос на 52% и достиг 301 млн долларов, импорт увеличился "
            "на 35%, до 185 млн долларов. В структуре импорта почти половину занимает "
            "сельскохозяйственная техника.",
            "По словам Татьяны Русаковой, рост обеспечила в том числе договорённость о сборке "
            "белорусских комбайнов в Омске, достигнутая в августе 2024 года на заседании рабочей "
            "группы.",
        ],
        "persons": [
            _p(
                "Татьяна Русакова",
                "министр экономики Омской области",
                "Татьяна Русакова",
                "Татьяны Русаковой",
            ),
        ],
        "places": ["Омская область", "Беларусь", "Омск"],
        "organizations": [],
        "agreements": [],
        "figures": [
            _f("486 млн долларов", 486_000_000, "USD", "товарооборот 2024 года"),
            _f("на 45% больше", 45, "%", "рост товарооборота"),
            _f("вырос на 52%", 52, "%", "рост экспорта"),
            _f("301 млн долларов", 301_000_000, "USD", "экспорт"),
            _f("на 35%", 35, "%", "рост импорта"),
            _f("185 млн долларов", 185_000_000, "USD", "импорт"),
        ],
        "event_dates": ["2024"],
    },
    "e7-en-siberia-wire": {
        "lang": "en",
        "event": "E7",
        "date": "2025-02-14",
        "title": "Omsk Region's trade with Belarus up 45% in 2024",
        "dateline": "OMSK, Feb 14 (Siberia Wire) -",
        "dateline_place": "Omsk",
        "agency": "Siberia Wire",
        "paras": [
            "Trade between Russia's Omsk Region and Belarus rose 45% in 2024 to $486 million, "
            "regional economy minister Tatyana Rusakova said on Friday.",
            "Exports from the region to Belarus grew 52% to $301 million, while imports rose 35% to "
            "$185 million, with farm machinery accounting for almost half of imports. Rusakova "
            "credited the assembly of Belarusian combine harvesters in Omsk agreed last August.",
        ],
        "persons": [
            _p(
                "Tatyana Rusakova",
                "regional economy minister",
                "Tatyana Rusakova",
                "Rusakova",
                same_as="Татьяна Русакова",
            ),
        ],
        "places": ["Omsk Region", "Belarus", "Omsk"],
        "organizations": ["Siberia Wire"],
        "agreements": [],
        "figures": [
            _f("rose 45%", 45, "%", "trade growth in 2024"),
            _f("$486 million", 486_000_000, "USD", "trade in 2024"),
            _f("grew 52%", 52, "%", "export growth"),
            _f("$301 million", 301_000_000, "USD", "exports"),
            _f("rose 35%", 35, "%", "import growth"),
            _f("$185 million", 185_000_000, "USD", "imports"),
        ],
        "event_dates": ["2024"],
    },
    "e7-de-belnachrichten": {
        "lang": "de",
        "event": "E7",
        "date": "2025-02-14",
        "title": "Handel zwischen Belarus und Gebiet Omsk wächst um 45 Prozent",
        "dateline": "MINSK, 14. Februar (BelNachrichten) -",
        "dateline_place": "Minsk",
        "agency": "BelNachrichten",
        "paras": [
            "Der Warenumsatz zwischen Belarus und dem Gebiet Omsk ist 2024 um 45 Prozent auf 486 "
            "Millionen US-Dollar gestiegen. Das gab die Wirtschaftsministerin des Gebietes Omsk "
            "Tatjana Russakowa bekannt.",
            "Den größten Anteil an den belarussischen Lieferungen hatten Landmaschinen, darunter "
            "Mähdrescher, die seit dem vergangenen Jahr in Omsk montiert werden. Die Exporte des "
            "Gebietes nach Belarus legten um 52 Prozent zu.",
        ],
        "persons": [
            _p(
                "Tatjana Russakowa",
                "Wirtschaftsministerin des Gebietes Omsk",
                "Tatjana Russakowa",
                same_as="Татьяна Русакова",
            ),
        ],
        "places": ["Belarus", "Gebiet Omsk", "Omsk", "Minsk"],
        "organizations": ["BelNachrichten"],
        "agreements": [],
        "figures": [
            _f("um 45 Prozent", 45, "%", "Wachstum des Warenumsatzes 2024"),
            _f("486 Millionen US-Dollar", 486_000_000, "USD", "Warenumsatz 2024"),
            _f("um 52 Prozent", 52, "%", "Wachstum der Exporte"),
        ],
        "event_dates": ["2024"],
    },
}

# The near duplicate of e4-ru-uralinform: the same article rewritten by another site, with its
# last sentence changed.
NEAR_DUPLICATES = {
    "e4-ru-vestnik-urala": {
        "of": "e4-ru-uralinform",
        "replace": (
            "Товарооборот Беларуси и Свердловской области в 2024 году вырос на 9%, сообщил Евгений "
            "Мартынов.",
            "По словам Евгения Мартынова, в 2024 году товарооборот Беларуси и Свердловской области "
            "увеличился на 9%.",
        ),
        "persons_forms": {"Евгений Мартынов": ["Евгением Мартыновым", "Евгения Мартынова"]},
        "figures": [
            _f("2,5 млрд рублей", 2_500_000_000, "RUB", "объём поставок в 2026 году"),
            _f("первые 60 машин", 60, "шт.", "выпуск совместного предприятия"),
            _f("увеличился на 9%", 9, "%", "рост товарооборота в 2024 году"),
        ],
    },
}
