"""Names across scripts: Cyrillic <-> Latin transliteration and a script-neutral name key.

``to_latin`` romanises Cyrillic with a scheme per language (ru, uk, bg) and a style ("en":
Maslyak / Parkhomchik, "de": Masljak / Parchomtschik, "scientific": Masljak / Parchomčik);
``to_cyrillic`` goes the other way for Latin-script names (cs/pl/sl/de/en spellings).
``skeleton`` maps any spelling to a coarse ASCII sound key in which the usual variants agree:
Мазур / Masur / Mazur -> "mazur", Масляк / Masljak / Maslyak -> "maslak". ``word_keys`` gives
the keys of the readings of one name word (English reading of a Latin name, without a feminine
or a case ending), which the same-person decision compares. ``coarse_skeleton`` is the older,
simpler key the story features (article name keys, name frequencies, event pair models) are
built on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sujet.lang import profile


def _pairs(pairs: str) -> list[tuple[str, str]]:
    """"a=b c=d ..." to (a, b), (c, d), ... in order (an empty right side drops the letter)."""
    out = []
    for pair in pairs.split():
        src, dst = pair.split("=", 1)
        out.append((src, dst))
    return out


def _table(pairs: str) -> dict[str, str]:
    return dict(_pairs(pairs))


_RU_COMMON = _table(
    "а=a б=b в=v г=g д=d е=e ё=e з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f "
    "ц=ts ъ= ы=y ь= э=e"
)
_STYLES: dict[str, dict[str, str]] = {
    "en": {"ж": "zh", "х": "kh", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya", "й": "y"},
    "de": {
        "ж": "sch",
        "х": "ch",
        "ч": "tsch",
        "ш": "sch",
        "щ": "schtsch",
        "ю": "ju",
        "я": "ja",
        "й": "j",
        "в": "w",
        "з": "s",
        "ц": "z",
        "ы": "y",
        "е": "e",
    },
    "scientific": {
        "ж": "ž",
        "х": "ch",
        "ч": "č",
        "ш": "š",
        "щ": "šč",
        "ю": "ju",
        "я": "ja",
        "й": "j",
        "ц": "c",
        "ы": "y",
    },
}
_CYR = re.compile(r"[\u0400-\u04FF]")


def is_cyrillic(text: str) -> bool:
    return bool(_CYR.search(text))


def to_latin(text: str, lang: str = "ru", style: str = "en") -> str:
    """Romanise Cyrillic ``text`` (other characters kept); capitalisation follows the source."""
    # the language's own letters (its profile's ``romanisation``) over the Russian table
    table = {**_RU_COMMON, **_STYLES.get(style, _STYLES["en"]), **profile(lang).romanisation}
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        rep = table.get(low)
        if rep is None:
            out.append(ch)
            continue
        if ch.isupper():
            nxt_upper = i + 1 < len(text) and text[i + 1].isupper()
            rep = rep.upper() if nxt_upper else rep[:1].upper() + rep[1:]
        out.append(rep)
    return "".join(out)


# Latin -> Cyrillic (Russian), longest match first; German and Slavic spellings.
_LAT2CYR = sorted(
    _table(
        "schtsch=щ shch=щ tsch=ч sch=ш sh=ш ch=х zh=ж kh=х ts=ц tz=ц ja=я ya=я ju=ю yu=ю jo=ё "
        "yo=ё je=е ye=е ij=ий iy=ий yj=ый cz=ч sz=ш rz=ж szcz=щ ph=ф th=т w=в a=а b=б v=в g=г "
        "d=д e=е z=з i=и j=й k=к l=л m=м n=н o=о p=п r=р s=с t=т u=у f=ф h=х c=ц y=ы x=кс q=к "
        "š=ш č=ч ž=ж ř=рж ł=л ę=е ą=а ć=ч ń=н ś=ш ź=ж ż=ж ö=ё ü=ю ä=е ß=сс"
    ).items(),
    key=lambda kv: -len(kv[0]),
)


# The English reading of "ch" ("Parkhomchik"), beside the German one of _LAT2CYR ("Parchomtschik").
_LAT2CYR_EN = [(src, "ч" if src == "ch" else dst) for src, dst in _LAT2CYR]


def cyrillic_spellings(text: str) -> set[str]:
    """Cyrillic spellings of a Latin-script name under the German and the English readings
    ("Parkhomchik" -> "Пархомчик" as well as "Пархомхик"), for search."""
    return {to_cyrillic(text), to_cyrillic(text, _LAT2CYR_EN)}


def to_cyrillic(text: str, table: list[tuple[str, str]] | None = None) -> str:
    """A Russian-style Cyrillic spelling of a Latin-script name (approximate, for search)."""
    out: list[str] = []
    low = text.lower()
    i = 0
    while i < len(text):
        for src, dst in table or _LAT2CYR:
            if low.startswith(src, i):
                rep = dst.capitalize() if text[i].isupper() else dst
                out.append(rep)
                i += len(src)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


# --- the skeleton: a coarse sound key shared by the spellings of one name -----------------------

# Latin spellings -> a common form (applied on lower case, before diacritics go); in order
_PRE = _pairs(
    "schtsch=shch szcz=shch tsch=ch sch=sh cz=ch sz=sh rz=zh ř=rzh š=sh ś=sh č=ch ć=ch ž=zh "
    "ż=zh ź=zh ł=l ß=ss đ=dj dž=dzh ě=e ů=u ő=o ű=u"
)
# ASCII spellings -> the key; in order
_POST = _pairs(
    "shch=sh sht=sh tch=ch zh=z kh=h ch=h tz=c ts=c ph=f th=t w=v x=ks q=k ck=k sh=s ye=e "
    "ya=a yu=u yo=o ja=a ju=u jo=o je=e iy=i ij=i yj=i y=i j=i ou=u oo=u ee=i ea=i uo=vo"
)


@lru_cache(maxsize=100_000)
def skeleton(name: str, lang: str | None = None) -> str:
    """A lower-case ASCII sound key: spellings of one name in any script mostly agree."""
    text = name.lower()
    if is_cyrillic(text):
        text = to_latin(text, lang or "ru", "en").lower()
    for src, dst in _PRE:
        text = text.replace(src, dst)
    if profile(lang).soft_ie:
        text = re.sub(r"(?<=[bcdfghklmnprstvwz])ie", "e", text)  # Miedwiediew / Medvedev
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z ]+", " ", text)
    for src, dst in _POST:
        text = text.replace(src, dst)
    text = re.sub(r"([a-z])\1+", r"\1", text)  # double letters
    # German "s" before a vowel at word start is the Russian "з" (Masur / Мазур)
    text = re.sub(r"(?<=[aeiou])s(?=[aeiou])", "z", text)
    return " ".join(text.split())


def transliterations(name: str, lang: str | None = None) -> set[str]:
    """Spellings of ``name`` in the other script (all styles), for search and variants."""
    if is_cyrillic(name):
        lg = lang or "ru"
        return {to_latin(name, lg, style) for style in ("en", "de", "scientific")}
    return {to_cyrillic(name)}


# --- spelling variants of one name word -----------------------------------------------------------

# A Latin-script name may be spelt by Slavic rules (j = й, c = ц: Jaroslav, Cyril) or by English
# ones, which the Cyrillic renderings of western names follow by sound (John / Джон,
# George / Джордж, Vince / Винс, Jill / Джил). The English reading, as rules on lower case.
_ENGLISH_READING = [
    (re.compile(r"\bj(?=[aeiouy])"), "dzh"),
    (re.compile(r"g(?=[eiy])"), "dzh"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"(?<![st])c(?!h)"), "k"),
    (re.compile(r"(?<=[^aeiou])e\b"), ""),  # silent final e: George, Vince, Pete
    (re.compile(r"(?<=[aeiou])h(?![aeiou])"), ""),  # John, Sarah
    (re.compile(r"(?<=dzh)eo"), "o"),  # George
]
# Feminine surname forms of Czech, Slovak, Slovene and Polish that other languages write without
# the ending (Merkelová / Merkel, Mayová / May, Kowalska / Kowalski) or with another one.
_FEMININE = [
    (re.compile(r"ov[áa]$"), ("", "ov", "ova")),
    (re.compile(r"sk[áa]$"), ("ski", "sky", "skii")),
    (re.compile(r"ck[áa]$"), ("cki", "cky")),
    (re.compile(r"owa$"), ("", "ow")),
]
# Case endings of Slavic names (ru/uk/bg/pl/cs/sk/sl), longest first: a surname in an oblique
# case (Путина, Мазуру, Kowalskiego, Putinem) compared by its stem. Only stems of four or more
# letters are kept, so short names are not cut to nothing.
_CASE_ENDINGS = sorted(
    {
        "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ым", "им", "ом", "ем", "ую", "ою", "ами",
        "а", "у", "е", "ю", "я", "ы", "и",
        "ego", "emu", "owi", "ovi", "iem", "em", "om", "ou", "ého", "ému", "ym", "im", "a", "u",
        "e", "y",
    },
    key=len,
    reverse=True,
)


def english_reading(word: str) -> str:
    """``word`` (Latin script) respelt by English reading rules: "George" -> "dzhordzh"."""
    text = word.lower()
    for pattern, rep in _ENGLISH_READING:
        text = pattern.sub(rep, text)
    return text


def case_stems(word: str) -> set[str]:
    """Forms of ``word`` without one Slavic case ending (stems of four letters or more)."""
    low = word.lower()
    return {low[: -len(e)] for e in _CASE_ENDINGS if low.endswith(e) and len(low) - len(e) >= 4}


def feminine_bases(word: str) -> set[str]:
    """Forms of a feminine surname without or with another gender ending."""
    low = word.lower()
    out: set[str] = set()
    for pattern, reps in _FEMININE:
        m = pattern.search(low)
        if m and m.start() >= 2:
            out.update(low[: m.start()] + r for r in reps)
    return out


@lru_cache(maxsize=200_000)
def word_keys(word: str, lang: str | None = None, inflected: bool = False) -> frozenset[str]:
    """Sound keys (:func:`skeleton`) of the readings of one name word: as written, by English
    rules (Latin script), without a feminine ending, and with ``inflected`` without a case
    ending too. Two spellings of one name share a key or have close ones."""
    forms = {word}
    if not is_cyrillic(word):
        forms.add(english_reading(word))
    forms |= feminine_bases(word)
    if inflected:
        forms |= {s for f in list(forms) for s in case_stems(f)}
    keys = {skeleton(f, lang) for f in forms}
    return frozenset(k for k in keys if k)


# --- the coarse key of the story features ------------------------------------------------------
# A simpler romanisation and sound key than :func:`skeleton`: the name keys of articles
# (:func:`sujet.stories.keys.name_key`), the shipped name-frequency table and the event pair
# models are built on it, so a change here needs ``make models``.

_SIMPLE_CYR = _table(
    "а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f "
    "х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya і=i ї=i є=e ґ=g ў=u"
)
_LATIN_FOLD = str.maketrans(
    _table(
        "ä=a ö=o ü=u ß=ss é=e è=e ê=e á=a à=a â=a ó=o ò=o ô=o í=i ì=i ú=u ù=u ç=c ñ=n ł=l ś=s "
        "ź=z ż=z ć=c ń=n ą=a ę=e č=c š=s ž=z ř=r ě=e ğ=g ş=s ı=i"
    )
)
# German, English and scholarly renderings of Slavic sounds collapse to one form; in order.
_COARSE = _pairs(
    "shch=sh tsch=h sch=sh zh=sh kh=h ch=h ck=k ph=f ts=s tz=s w=v z=s j=i y=i x=ks q=k"
)


def simple_latin(text: str) -> str:
    """Lowercase Latin rendering of Cyrillic (scholarly-simple) and folded Latin diacritics."""
    low = text.lower()
    return "".join(_SIMPLE_CYR.get(ch, ch) for ch in low).translate(_LATIN_FOLD)


def coarse_skeleton(word: str) -> str:
    """The coarse sound key of one word (Мазура / Masur -> "masura" / "masur")."""
    s = simple_latin(word)
    for a, b in _COARSE:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)  # doubled letters: Massljak / Masljak
