"""Boundary and type post-rules for Russian spans (natasha's conventions -> the project's).

The project's conventions (those of factRuEval-2016 as natasha's naeval maps it): a person is
the whole name; an organisation is its name without the legal form ("ОАО «Газпром»" ->
"Газпром"); a parenthesised alias or original-script name is a span of its own ("Комитет защиты
журналистов (КЗЖ)" -> two spans); list bullets separate names; supranational unions are
organisations; listed place names natasha missed are added. A span never crosses a line break;
a generic head word before a quoted or Latin-script name is left out ("Концерн «Майкрософт»" ->
"Майкрософт"); persons listed with commas are split; initials glued to a surname belong to the
person ("Д.Медведев").

Every rule was kept only when it raised the exact-span F1 of factRuEval-2016 (dev) without
lowering that of NEREL (dev): the two sets disagree on several conventions (NEREL keeps "ИА
REGNUM" whole), and the rules follow only where they agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sujet.entities.gazetteer import entity_type, fold, place_words
from sujet.entities.span import Span
from sujet.model import EntityType

# Legal and agency forms that precede a quoted organisation name.
_ORG_FORM = re.compile(
    r"^(?:ОАО|ЗАО|ООО|ПАО|АО|НАО|ГУП|МУП|ФГУП|ОДО|ЧУП|ИП|НКО|АНО|РКК|РИА|ИА|ГК|НПО|ТОО)\s*"
    r"[«\"„“]\s*(?P<name>[^»\"“”]+?)\s*[»\"“”]?$"
)
# Spans that are never named entities on their own.
_STOP = frozenset({"сми", "оао", "зао", "ооо", "пао", "ао", "гу", "ип", "оон)", "сети"})
_WORD = re.compile(r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?")
_TRIM = " \t\n()[]•·,;:.«»\"„“”'"
# Generic heads before an organisation's own name; "ИА" and "газета" are left out on purpose
# (NEREL keeps them in the name).
_GENERIC_HEAD = re.compile(
    r"^(?:[Кк]онцерн|[Кк]омпания|[Кк]омпании|[Аа]гентство|[Аа]генство|[Хх]олдинг|[Гг]руппа|"
    r"[Кк]луб|[Фф]ирма|[Бб]анк|[Тт]елеканал|[Жж]урнал|[Сс]айт|[Ии]здание)\s+(?=[«\"„“A-Z])"
)
# One or two initials right before a surname: "Д.Медведев", "В. В. Путин", "Дж.Коми".
_INITIALS_BEFORE = re.compile(r"(?:(?<![\w.])(?:[А-ЯЁA-Z]|Дж)\.\s?){1,2}$")
_INITIALS_NAME = re.compile(
    r"(?<![\w.])(?:(?:[А-ЯЁ]|Дж)\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _pieces(text: str, span: Span) -> list[tuple[int, int]]:
    """Split a span at bullets and parentheses: "A (B)" -> A, B."""
    parts: list[tuple[int, int]] = []
    start = span.start
    for m in re.finditer(r"[•·()]", text[span.start : span.end]):
        parts.append((start, span.start + m.start()))
        start = span.start + m.end()
    parts.append((start, span.end))
    return [p for p in (_trim(text, s, e) for s, e in parts) if p[1] > p[0]]


def _retype(name: str, current: EntityType) -> EntityType:
    listed = entity_type(name, "ru")
    return "ORG" if listed == "ORG" else "LOC" if listed == "LOC" else current


def postprocess(text: str, spans: list[Span], lemma: object = None) -> list[Span]:
    """Apply the rules above; ``lemma`` maps a word to its dictionary form (optional)."""
    out: list[Span] = []
    for sp in spans:
        for s, e in _pieces(text, sp):
            surface = text[s:e]
            if fold(surface) in _STOP:
                continue
            m = _ORG_FORM.match(surface) if sp.type == "ORG" else None
            if m:
                s, e = s + m.start("name"), s + m.end("name")
                surface = text[s:e]
            typ = _retype(_lemma_phrase(surface, lemma), sp.type)
            if typ == "PER":
                s, e = _strip_title_words(text, s, e, lemma)
                if s >= e:
                    continue
                surface = text[s:e]
            if typ == "ORG":
                s = _extend_relational_adjective(text, s)
                surface = text[s:e]
            out.append(Span(s, e, typ, surface))
    out = _split_person_lists(text, _strip_generic_heads(text, _cut_at_line_breaks(text, out)))
    out = [sp for sp in out if not _sentence_initial_common_noun(text, sp)]
    out = [_with_initials(text, sp) for sp in out]
    out.extend(_initialled_names(text, out))
    out.extend(_gazetteer_spans(text, out, lemma))
    out.sort(key=lambda x: (x.start, x.end))
    return _drop_overlaps(out)


_PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s+|\n\s*)$")


def _sentence_initial_common_noun(text: str, sp: Span) -> bool:
    """A one-word span that opens a sentence or a headline, that the dictionary knows only as a
    common noun and that the text never capitalises inside a sentence ("Товарооборот вырос на
    45 %"): capitalised by position, not a name."""
    word = sp.text
    if not _WORD.fullmatch(word) or "-" in word:
        return False
    if not _SENTENCE_START.search(text[max(0, sp.start - 3) : sp.start]):
        return False
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        if not _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]):
            return False  # capitalised inside a sentence elsewhere: a name ("Шумов")
    from sujet.entities.natasha_models import natasha_models

    parses = natasha_models().vocab.parse(word.lower())
    if not parses or not all(p.is_known for p in parses):
        return False
    return all(p.tag.POS == "NOUN" and not (_PROPER_TAGS & p.tag.grammemes) for p in parses)


def _cut_at_line_breaks(text: str, spans: list[Span]) -> list[Span]:
    """A name ends at a line break: a headline word and the next paragraph are two things."""
    out: list[Span] = []
    for sp in spans:
        cut = text.find("\n", sp.start, sp.end)
        if cut < 0:
            out.append(sp)
            continue
        e = sp.start + len(text[sp.start : cut].rstrip())
        if e > sp.start:
            out.append(Span(sp.start, e, sp.type, text[sp.start : e]))
    return out


def _strip_generic_heads(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for sp in spans:
        m = _GENERIC_HEAD.match(text[sp.start : sp.end]) if sp.type == "ORG" else None
        if m:
            s, e = _trim(text, sp.start + m.end(), sp.end)
            if e > s:
                out.append(Span(s, e, "ORG", text[s:e]))
                continue
        out.append(sp)
    return out


def _split_person_lists(text: str, spans: list[Span]) -> list[Span]:
    """Persons listed with commas ("Овечкин, Фёдоров") become one span each."""
    out: list[Span] = []
    for sp in spans:
        if sp.type != "PER" or ", " not in sp.text:
            out.append(sp)
            continue
        pos = sp.start
        for part in sp.text.split(", "):
            if part.strip():
                out.append(Span(pos, pos + len(part), "PER", part))
            pos += len(part) + 2
    return out


def _with_initials(text: str, sp: Span) -> Span:
    """Initials before a person's surname join the span; so does the dot of a final initial."""
    if sp.type != "PER":
        return sp
    s, e = sp.start, sp.end
    m = _INITIALS_BEFORE.search(text[max(0, s - 8) : s])
    if m:
        s -= len(m.group(0))
    if re.search(r"(?<!\w)[А-ЯЁA-Z]$", text[s:e]) and text[e : e + 1] == "." and " " in text[s:e]:
        e += 1
    return sp if (s, e) == (sp.start, sp.end) else Span(s, e, "PER", text[s:e])


def _initialled_names(text: str, spans: list[Span]) -> list[Span]:
    """Initials + surname outside every span ("Б.Обама назначил ...") natasha left out."""
    found: list[Span] = []
    for m in _INITIALS_NAME.finditer(text):
        if not any(sp.start < m.end() and m.start() < sp.end for sp in spans):
            found.append(Span(m.start(), m.end(), "PER", m.group()))
    return found


# A lower-case relational adjective right before an organisation belongs to its name in the
# project's convention ("японского МИДа", "государственной Комиссии по атомной энергии").
_REL_ADJ = re.compile(
    r"(?:^|(?<=\s))([а-яё]+(?:ск|цк|альн|ональн|енн|ическ)(?:ого|ой|ий|ый|ая|ое|ому|ым|ом|ую|ие|их|ими|ей))\s+$"
)


def _extend_relational_adjective(text: str, s: int) -> int:
    m = _REL_ADJ.search(text[max(0, s - 40) : s])
    return s - len(m.group(0)) if m else s


def _strip_title_words(text: str, s: int, e: int, lemma: object) -> tuple[int, int]:
    """Drop leading position words a person span picked up ("Губернатора Юрий Петухов")."""
    if not callable(lemma):
        return s, e
    from sujet.entities.positions import heads

    hs = heads("ru")
    if fold(text[s : s + 3]) not in {h[:3] for h in hs}:
        return s, e
    while s < e:
        m = re.match(r"\S+\s*", text[s:e])
        if not m or fold(str(lemma(m.group().strip()))) not in hs:
            break
        s += m.end()
    return s, e


def _lemma_phrase(surface: str, lemma: object) -> str:
    if not callable(lemma) or fold(surface)[:3] not in _listed_prefixes():
        return surface
    return " ".join(str(lemma(w)) for w in surface.split())


def _gazetteer_spans(text: str, spans: list[Span], lemma: object) -> list[Span]:
    """Capitalised words outside every span whose dictionary form is a listed place."""
    if not callable(lemma):
        return []
    places = place_words("ru")
    covered = sorted((s.start, s.end) for s in spans)
    found: list[Span] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if any(a < m.end() and m.start() < b for a, b in covered):
            continue
        if fold(word)[:3] not in _place_prefixes() and fold(word) not in places:
            continue  # cheap filter before the dictionary lookup
        if fold(str(lemma(word))) in places:
            found.append(Span(m.start(), m.end(), "LOC", word))
    return found


@lru_cache(maxsize=1)
def _place_prefixes() -> frozenset[str]:
    return frozenset(w[:3] for w in place_words("ru"))


@lru_cache(maxsize=1)
def _listed_prefixes() -> frozenset[str]:
    from sujet.entities.gazetteer import name_index

    return frozenset(k[:3] for k in name_index("ru"))


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for sp in spans:
        if kept and sp.start < kept[-1].end:
            if sp.end - sp.start > kept[-1].end - kept[-1].start:
                kept[-1] = sp
            continue
        kept.append(sp)
    return kept
