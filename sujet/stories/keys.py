"""Light keys of an article: names, numbers and dates that survive translation.

Used when no entity ids are given (and to explain matches). A name key is a capitalised word
transliterated to Latin, reduced to a spelling skeleton that Russian and German renderings of the
same name share (Мазура / Masur -> "masur", Пархомчик / Parchomtschik -> "parhomhik"), and cut to
its first letters so that case endings fall away.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from sujet.entities.translit import coarse_skeleton as skeleton
from sujet.entities.translit import simple_latin as transliterate

KEY_LEN = 5  # a skeleton prefix of 5 letters drops Russian/German case endings of most names

_WORD_RE = re.compile(r"[^\W\d_][^\W_]*(?:[-'][^\W\d_]+)*", re.UNICODE)
_NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0.,]\d{3})+(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_YEAR_RE = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
_SENT_END = re.compile(r"[.!?…:]\s*$")

# Capitalised function words and month names that are not names (ru, de, en, and a few more).
_COMMON = frozenset(["в", "во", "на", "по", "из", "за", "от", "до", "для", "при", "без", "над", "под", "о", "об", "а", "и", "но", "или", "что", "как", "это", "этот", "эта", "эти", "тот", "та", "те", "он", "она", "они", "мы", "вы", "я", "его", "ее", "её", "их", "не", "ни", "же", "бы", "ли", "уже", "также", "так", "тогда", "кроме", "после", "перед", "между", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder", "aber", "auch", "nicht", "im", "in", "am", "an", "auf", "aus", "bei", "mit", "nach", "von", "vor", "zu", "zum", "zur", "für", "über", "unter", "durch", "gegen", "ohne", "um", "als", "wie", "wenn", "dass", "es", "er", "sie", "wir", "ihr", "ich", "man", "sich", "so", "doch", "noch", "schon", "nur", "hier", "dort", "dies", "diese", "dieser", "dieses", "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "not", "no", "yes", "if", "when", "while", "after", "before", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr", "республика", "республики", "республикой", "республику", "область", "области", "областью", "край", "края", "город", "губернатор", "губернатора", "министр", "министра", "министерство", "премьер", "президент", "президента", "глава", "главы", "заместитель", "председатель", "правительство", "правительства", "директор", "генеральный", "посол", "мэр", "компания", "новости", "фото", "источник", "также", "однако", "кроме", "republik", "gebiet", "gebiets", "region", "stadt", "minister", "ministers", "ministerin", "präsident", "präsidenten", "regierung", "gouverneur", "vorsitzende", "chef", "direktor", "botschafter", "bürgermeister", "unternehmen", "zusammenarbeit", "jahr", "jahres", "jahren", "nachrichten", "foto", "quelle", "republic", "region", "city", "minister", "president", "government", "governor", "director", "ambassador", "mayor", "company", "news", "photo", "source", "year", "el", "la", "los", "las", "un", "una", "y", "o", "de", "del", "en", "con", "por", "para", "que", "se", "lo", "le", "les", "du", "des", "et", "ou", "un", "une", "le", "à"])


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """The cross-script key of one capitalised word ("" when too short to be telling)."""
    s = skeleton(word)
    s = "".join(ch for ch in s if ch.isalpha())
    if len(s) < 3:
        return ""
    return s[:KEY_LEN]


@dataclass(slots=True)
class LightKeys:
    """Keys of one article and the surface form each key was seen as (for explanations)."""

    names: Counter[str] = field(default_factory=Counter)
    numbers: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    surfaces: dict[str, str] = field(default_factory=dict)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or bool(_SENT_END.search(before)) or "\n" in before


def _normalise_number(raw: str) -> str:
    digits = re.sub(r"[ \u00a0]", "", raw)
    # 1.500 / 1,500 / 1 500 are thousands when three digits follow; else a decimal mark
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", digits):
        return digits.replace(".", "").replace(",", "")
    return digits.replace(",", ".")


def light_keys(title: str, text: str, *, max_chars: int = 6000) -> LightKeys:
    """Name keys (counted), numbers and years of an article's title and text."""
    body = text[:max_chars]
    names: Counter[str] = Counter()
    surfaces: dict[str, str] = {}
    for source in (title, body):
        for m in _WORD_RE.finditer(source):
            word = m.group(0)
            if not word[0].isupper() or word.lower() in _COMMON:
                continue
            # a sentence-initial word counts only when it is not a common word (checked above)
            # and is capitalised again elsewhere, or is all-caps (an acronym)
            if (_sentence_initial(source, m.start()) and not word.isupper()
                    and not re.search(rf"(?<=[\w,;] ){re.escape(word[:4])}", source)):
                continue
            key = name_key(word)
            if key:
                names[key] += 1
                # the shortest form seen is usually the base form (Мазур, not Мазура/Мазуром)
                if key not in surfaces or len(word) < len(surfaces[key]):
                    surfaces[key] = word
    numbers, years = set(), set()
    for m in _NUMBER_RE.finditer(f"{title}\n{body}"):
        n = _normalise_number(m.group(0))
        if _YEAR_RE.match(n):
            years.add(n)
        elif len(n.replace(".", "")) >= 2:
            numbers.add(n)
    return LightKeys(names=names, numbers=frozenset(numbers), years=frozenset(years),
                     surfaces=surfaces)


__all__ = ["KEY_LEN", "LightKeys", "light_keys", "name_key", "skeleton", "transliterate"]
