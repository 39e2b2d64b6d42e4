"""Repairs of tagger output around "Given Surname" pairs (German and English text).

A sequence tagger trained on German news tends to run a place or organisation into the person
named right after it ("des Gebiets Swerdlowsk Jewgeni Martynow" tagged as one ORG), and to miss a
person introduced by an unusual compound title ("der MIRS-Rektor Pawel Dubrowski"). A listed given
name followed by a capitalised word is strong evidence of a person, so:

* a place/organisation span of three or more tokens that ends in such a pair is split in two;
* such a pair outside every span becomes a person.
"""

from __future__ import annotations

import re

from sujet.entities.gazetteer import fold, given_names
from sujet.entities.span import Span
from sujet.entities.tokenize import Token

_NAME_WORD = re.compile(r"[A-ZÄÖÜÀ-Ý][a-zäöüßà-ÿ]+(?:-[A-ZÄÖÜÀ-Ý][a-zäöüßà-ÿ]+)?")


def _is_name_word(tok: Token) -> bool:
    return _NAME_WORD.fullmatch(tok.text) is not None


def _is_given(tok: Token) -> bool:
    return _is_name_word(tok) and fold(tok.text) in given_names()


def _pair_at(tokens: list[Token], i: int) -> bool:
    """A listed given name at ``i`` followed by a capitalised name word."""
    return i + 1 < len(tokens) and _is_given(tokens[i]) and _is_name_word(tokens[i + 1])


def given_name_start(tokens: list[Token]) -> int:
    """Where a "Given Surname" pair starts inside a run of capitalised tokens, after at least
    one other word ("Agriculture Dmitry Leshchenko" -> 1); 0 when it does not."""
    return next(
        (
            i
            for i in range(1, len(tokens) - 1)
            if _pair_at(tokens, i) and not _is_given(tokens[i - 1])  # "Anna Maria Schmidt"
        ),
        0,
    )


def repair_person_spans(text: str, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """``spans`` of one sentence (``tokens``) with trailing persons split off and pairs added."""
    index = {t.start: i for i, t in enumerate(tokens)}
    out: list[Span] = []
    for sp in spans:
        first = index.get(sp.start)
        last = next((i for i, t in enumerate(tokens) if t.end == sp.end), None)
        if (
            sp.type != "PER"
            and first is not None
            and last is not None
            and last - first >= 2
            and _pair_at(tokens, last - 1)
        ):
            head_end = tokens[last - 2].end
            per_start = tokens[last - 1].start
            out.append(Span(sp.start, head_end, sp.type, text[sp.start : head_end]))
            out.append(Span(per_start, sp.end, "PER", text[per_start : sp.end]))
        else:
            out.append(sp)
    covered = [(s.start, s.end) for s in out]
    for i in range(len(tokens) - 1):
        if not _pair_at(tokens, i):
            continue
        s, e = tokens[i].start, tokens[i + 1].end
        if any(a < e and s < b for a, b in covered):
            continue
        # Extend over a second surname word ("Anna Maria Schmidt" stays whole).
        if i + 2 < len(tokens) and _is_name_word(tokens[i + 2]) and _is_given(tokens[i + 1]):
            e2 = tokens[i + 2].end
            if not any(a < e2 and s < b for a, b in covered):
                e = e2
        out.append(Span(s, e, "PER", text[s:e]))
        covered.append((s, e))
    return sorted(out, key=lambda x: x.start)
