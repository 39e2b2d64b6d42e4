"""Language-agnostic NER: capitalised word sequences typed by gazetteers and trigger words.

Used for English and for every language without its own module (pl, uk, ...). It never raises on
any input: a text without capitalised words simply yields no spans.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sujet.entities.gazetteer import entity_type, fold
from sujet.entities.ner.person_repair import given_name_start
from sujet.entities.span import Span
from sujet.entities.tokenize import Token, tokenized_sentences
from sujet.lang import DEFAULT, LanguageProfile, generation, profile, profiles
from sujet.model import EntityType

# Lower-case particles allowed inside a name ("Ludwig van Beethoven", "Osama bin Laden").
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "de",
        "du",
        "da",
        "di",
        "del",
        "la",
        "le",
        "bin",
        "al",
        "el",
        "ibn",
        "y",
        "of",
        "и",
    ]
)
_PER_LIKE = re.compile(r"^[A-ZÀ-ÝĀ-ŽА-ЯЁЄІЇҐ][a-zà-ÿā-žа-яёєіїґ'’]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?$")
_LOC_PREPS = frozenset(
    [
        "in",
        "from",
        "to",
        "near",
        "at",
        "into",
        "aus",
        "nach",
        "in",
        "bei",
        "w",
        "we",
        "z",
        "ze",
        "do",
        "в",
        "во",
        "из",
        "у",
        "под",
    ]
)


@lru_cache(maxsize=4)
def _function_words(generation: int) -> frozenset[str]:
    """Capitalised function words that start sentences, of every profile: no name starts with
    one (the language of a sentence is not always the article's)."""
    return frozenset().union(*(p.function_words for p in profiles()))


def _calendar_words(*profiles: LanguageProfile) -> frozenset[str]:
    return frozenset(
        w
        for p in profiles
        for table in (p.months, p.month_abbreviations, p.weekdays)
        for w in table
        if len(w) > 2
    )


def _is_calendar(words: list[str], calendar: frozenset[str]) -> bool:
    """Month and weekday names only ("July", "January-April")."""
    parts = [p for w in words for p in w.split("-") if p]
    return bool(parts) and all(p.rstrip(".") in calendar for p in parts)


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


class FallbackRecognizer:
    """Capitalised-sequence tagger: the trigger words and calendar of the profile of ``lang``,
    with the English ones and the default profile's titles."""

    def __init__(self, lang: str = "xx") -> None:
        self.lang = lang
        own, english = profile(lang), profile("en")
        self._per = own.ner.person_before | english.ner.person_before | DEFAULT.ner.person_before
        self._org = own.ner.org_heads | english.ner.org_heads
        self._loc = own.ner.place_heads | english.ner.place_heads
        self._calendar = _calendar_words(own, english)
        self._function = _function_words(generation())

    def recognize(self, text: str) -> list[Span]:
        try:
            return self._recognize(text)
        except Exception:  # noqa: BLE001 - the fallback must never stop a batch
            return []

    def _recognize(self, text: str) -> list[Span]:
        lower = frozenset(m.group() for m in re.finditer(r"\b[a-zà-ÿā-žа-яёєіїґ][\w'-]*", text))
        spans: list[Span] = []
        persons: set[str] = set()
        for toks in tokenized_sentences(text):
            i = 0
            while i < len(toks):
                if not _is_cap(toks[i]):
                    i += 1
                    continue
                j = i + 1
                while j < len(toks):
                    if toks[j - 1].text.endswith(("'s", "’s")):
                        break  # a possessive ends a name: "Russia's Omsk Region"
                    if _is_cap(toks[j]):
                        j += 1
                    elif (
                        fold(toks[j].text) in _PARTICLES
                        and j + 1 < len(toks)
                        and _is_cap(toks[j + 1])
                        and toks[j].text.islower()
                    ):
                        j += 2
                    else:
                        break
                run = toks[i:j]
                prev = fold(toks[i - 1].text) if i > 0 else ""
                before_title = self._place_before_title(text, run)
                if before_title is not None:
                    spans.append(before_title)
                    if fold(run[-1].text.rstrip(".")) in self._per:
                        i = j  # "the Omsk Region Governor": no name follows the title
                        continue
                span = self._type_run(text, run, prev, i == 0, lower, persons)
                if span is not None:
                    spans.append(span)
                    if span.type == "PER":
                        persons.update(span.text.split())
                i = j
        return spans

    def _place_before_title(self, text: str, run: list[Token]) -> Span | None:
        """A place or organisation named before a title inside one capitalised run ("Belarus
        Deputy PM Viktor Karankevich", "Bank of England Governor Mark Carney", "the Omsk Region
        Governor"): the title cut of :meth:`_type_run` keeps only what follows the title."""
        titles = [k for k, t in enumerate(run) if fold(t.text.rstrip(".")) in self._per]
        if not titles or titles[0] == 0:
            return None
        head = run[: titles[0]]
        while head and fold(head[0].text) in self._function:
            head = head[1:]  # "The Omsk Region Governor …"
        if not head:
            return None
        surface = text[head[0].start : head[-1].end]
        words = [fold(t.text.rstrip(".")) for t in head]
        listed = entity_type(surface, self.lang) or entity_type(surface, "en")
        typ: EntityType
        if listed:
            typ = "ORG" if listed == "ORG" else "LOC"
        elif any(w in self._org for w in words):
            typ = "ORG"  # "Bank of England Governor …"
        elif len(words) > 1 and words[-1] in self._loc:
            typ = "LOC"  # "Omsk Region Governor …"
        else:
            return None  # "Belarusian Industry Minister …": a description, not a name
        return Span(head[0].start, head[-1].end, typ, surface)

    def _type_run(
        self,
        text: str,
        run: list[Token],
        prev: str,
        initial: bool,
        lower: frozenset[str],
        persons: set[str],
    ) -> Span | None:
        words = [fold(t.text.rstrip(".")) for t in run]
        trigger_per = prev in self._per
        # titles inside the run ("Belarusian Deputy Prime Minister Petr Parkhomchik"): cut after
        # the last one and remember the cue
        cut = max((k + 1 for k, w in enumerate(words) if w in self._per), default=0)
        if all(w in self._per for w in words):
            return None  # titles only: "Deputy PM"
        if cut == len(run):
            cut = 0  # a name that ends in a title word: "Martin Luther King"
        if cut and cut < len(run):
            # a name follows the title, unless the title goes on ("Minister of Agriculture")
            trigger_per = words[cut] not in self._function and words[cut] not in _PARTICLES
            prev = words[cut - 1]  # the title, not what preceded the run, is the left context
            run, words = run[cut:], words[cut:]
            initial = False
        while run and words[0] in self._function:
            run, words = run[1:], words[1:]
            initial = False
        if not run:
            return None
        start, end = run[0].start, run[-1].end
        if words[-1].endswith(("'s", "’s")):  # English possessive: "Omsk Region's trade"
            end -= 2
            words[-1] = words[-1][:-2]
        surface = text[start:end]
        if _is_calendar(words, self._calendar) and surface not in persons:
            return None  # "July", "January-April", "Monday"
        listed = entity_type(surface, self.lang) or entity_type(surface, "en")
        typ: EntityType | None
        if listed:
            typ = "ORG" if listed == "ORG" else "LOC"
        elif any(w in self._org for w in words) or (
            len(run) == 1 and run[0].text.isupper() and len(run[0].text) > 1
        ):
            typ = "ORG"
        elif words[-1] in self._loc or prev in self._loc:
            typ = "LOC"
        elif (
            trigger_per
            or (2 <= len(run) <= 4 and all(_PER_LIKE.match(t.text) for t in run))
            or len(run) == 1
            and run[0].text in persons
        ):
            typ = "PER"
        elif len(run) == 1 and prev in _LOC_PREPS and not initial:
            typ = "LOC"
        else:
            typ = None
        if typ is None:
            return None
        if typ == "PER" and len(run) >= 3 and (k := given_name_start(run)):
            run = run[k:]  # "Agriculture Dmitry Leshchenko": the name starts at the given name
            start, surface, initial = run[0].start, text[run[0].start : end], False
        if (
            initial
            and len(run) == 1
            and (fold(run[0].text) in lower or words[0] in self._function)
            and not listed
        ):
            return None  # a sentence-initial ordinary word
        return Span(start, end, typ, surface)
