"""A small offset-keeping tokenizer and sentence splitter for Latin- and Cyrillic-script text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word (letters/digits, inner hyphens, apostrophes, dots of abbreviations like "e.V." kept
# out: dots are their own tokens so that sentence ends stay visible), or one other character.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
# A sentence ends at . ! ? (or a line break) followed by space and an upper-case letter/quote/digit.
_SENT_END = re.compile(r"(?<=[.!?…])[\"»“”)]*\s+(?=[\"„«(]?[A-ZÄÖÜА-ЯЁ0-9])|\n+")
# Abbreviations after which a dot does not end a sentence.
_NO_BREAK = re.compile(
    r"(?:\b(?:Dr|Prof|St|Nr|Abs|Art|bzw|ca|vgl|z\.B|u\.a|Mr|Mrs|Ms|Jr|Sr|Inc|Ltd|Co|"
    r"Hr|Fr|ggf|usw|etc|Jh|Mio|Mrd|т|г|гг|им|ул|пр|д|см|стр|тыс|млн|млрд)|\b[A-ZА-ЯЁ]|\b\d{1,2})\.$"
)


@dataclass(slots=True, frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, split at line breaks and sentence-final punctuation."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if "\n" not in m.group() and _NO_BREAK.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        if text[start : m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def tokenized_sentences(text: str) -> list[list[Token]]:
    return [t for s, e in sentences(text) if (t := tokenize(text[s:e], s))]
