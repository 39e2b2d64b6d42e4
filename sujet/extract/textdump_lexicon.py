"""Small per-language lexicons of page furniture (ru/de/en), a secondary signal of the cleaner.

The cleaner decides mostly from the shape of the text (line length, punctuation, runs of short
lines, position); these patterns only tip the balance for short and medium lines. Each pattern is
matched case-insensitively against a whole line with collapsed whitespace.
"""

from __future__ import annotations

import re

# Phrases that make up a whole furniture line, or start one ("Share on Facebook", "Foto: dpa").
_FURNITURE_STARTS = [
    # en
    r"share( this| on| via|:|$)", r"tweet( this)?$", r"follow (us|on|the)\b", r"subscribe\b",
    r"sign (up|in)\b", r"log ?in\b", r"log ?out\b", r"register\b", r"read (more|next|also)\b",
    r"related( articles| stories| posts| topics| content| coverage|:|$)", r"recommended\b",
    r"advertisement\b", r"sponsored\b", r"(show |view |load |leave a |post a |add a )?comments?\b",
    r"(photo|image|picture|video|credit|source|caption)s?( credit)?:", r"getty images\b",
    r"click here\b", r"you (may|might) (also )?like\b", r"most (popular|read|viewed)\b",
    r"trending\b", r"skip to\b", r"back to top\b", r"next (article|story|post)\b",
    r"previous (article|story|post)\b", r"(more|latest) (news|stories|from|on)\b",
    r"copyright\b", r"all rights reserved\b", r"privacy( policy)?\b", r"terms (of|and)\b",
    r"cookie", r"we use cookies\b", r"accept( all)?( cookies)?$", r"newsletter\b",
    r"recent posts\b", r"popular posts\b", r"tags?:", r"categor(y|ies):", r"filed under\b",
    r"posted (in|by|on)\b", r"print( this)?$", r"email( this)?$", r"download( the)? app\b",
    # de
    r"teilen\b", r"anmelden\b", r"abonnieren\b", r"registrieren\b", r"weiterlesen\b",
    r"mehr (zum thema|lesen|dazu|erfahren|anzeigen)\b", r"lesen sie (auch|mehr)\b",
    r"das könnte sie (auch )?interessieren\b", r"kommentare?\b", r"werbung\b", r"anzeige\b",
    r"(foto|fotos|bild|bilder|quelle|grafik)s?:", r"datenschutz", r"impressum\b",
    r"alle rechte vorbehalten\b", r"zum seitenanfang\b", r"startseite\b", r"externer inhalt\b",
    r"zustimmen\b", r"ich bin einverstanden\b", r"nach oben\b", r"drucken\b", r"artikel teilen\b",
    r"schlagworte?:", r"themen:", r"zurück( zur übersicht)?\b",
    # ru
    r"добавить новость\b", r"подписаться\b", r"поделиться\b", r"читать (далее|также|еще|ещё)\b",
    r"читайте (также|нас)\b", r"комментари[иейя]\b", r"реклама\b", r"источник( фото)?:",
    r"фото( и видео)?:", r"все права защищены\b", r"политика конфиденциальности\b",
    r"мы можем вам\b", r"перезвонить\b", r"войти\b", r"регистрация\b", r"главная\b",
    r"последняя должность\b", r"данные о правообладателе\b", r"популярное\b", r"актуально$",
    r"редакция$", r"теги:", r"рубрики?:", r"при использовании материалов\b", r"версия для печати\b",
    r"наверх$", r"новости по-русски\b", r"частные объявления\b", r"присоединяйтесь\b",
    r"мы в (соцсетях|социальных сетях)\b", r"обратный звонок\b",
]
FURNITURE_RE = re.compile(r"^\W{0,3}(?:" + "|".join(_FURNITURE_STARTS) + ")", re.I)

# Relative-time markers of teaser lists ("3 часа ago", "vor 2 Stunden", "5 hours ago").
RELATIVE_TIME_RE = re.compile(
    r"(\b\d+\s*(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago\b"
    r"|\b\d+\s*(?:секунд|минут|час|дн|день|недел|месяц|год|лет)\w*\s+(?:назад|ago)\b"
    r"|\bvor\s+\d+\s*(?:sekunde|minute|stunde|tag|woche|monat|jahr)\w*\b"
    r"|^(?:yesterday|today|just now|gestern|heute|вчера|сегодня|только что)$"
    r"|\bago$)",
    re.I,
)

# Photo and rights credits that may be long enough to pass for a sentence.
CREDIT_RE = re.compile(
    r"(©|\(c\)\s|\bcopyright\b|правообладател|источник фото|фото:|foto:|bild:|"
    r"photo:|image:|getty images|\bdpa-infocom\b|shutterstock|\breuters/|\bap photo\b)",
    re.I,
)

# Headers that open the section after an article: comments, related stories, teaser lists.
# Inside the selected region the body stops at such a line.
_SECTION_STOPS = [
    r"\d+ (comments?|responses?|replies|thoughts on)\b", r"(leave|post) a (reply|comment)\b",
    r"(show |view |load |read )?comments?( \(\d+\))?$", r"comments are closed\b",
    r"related( articles| stories| posts| content| coverage| links| reading)?:?$",
    r"(you (may|might) (also )?like|recommended( for you| stories)?|more stories|more from)\b",
    r"(more in|more on|read more|latest (news|stories)|most (popular|read)|trending)\b",
    r"recent posts\b", r"popular posts\b", r"you are commenting using\b", r"join the discussion\b",
    r"(\d+ )?kommentare?( \(\d+\))?:?$", r"(mehr zum thema|das könnte sie auch interessieren)\b",
    r"(weitere artikel|ähnliche artikel|verwandte artikel|lesen sie auch|auch interessant)\b",
    r"(schreibe|hinterlasse) einen kommentar\b", r"diskutieren sie mit\b",
    r"(\d+ )?комментари(и|ев|й)?:?( \(\d+\))?$", r"(читайте также|похожие новости|другие новости|новости партнеров)\b",
    r"(последние новости|популярное|самое читаемое|материалы по теме|оставить комментарий)\b",
]
SECTION_STOP_RE = re.compile(r"^\W{0,3}(?:" + "|".join(_SECTION_STOPS) + r")", re.I)
SECTION_STOP_MAX_WORDS = 10  # a section header is short; a sentence starting alike is text
