"""The query language of watchlists: words, "phrases", AND, OR, NOT and parentheses.

``Заболоцкий AND (Минск OR Omsk) NOT "рабочая группа"``: operators are written in capitals;
two terms side by side are ANDed; NOT (or a leading ``-``) binds tightest, then AND, then OR.
A word or phrase is later matched with the name expansion of search (other cases, scripts and
the known variants of the entity it names), see :mod:`sujet.alerts.matching`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sujet.errors import BadWatchlist

MAX_QUERY_CHARS = 2000
MAX_TERMS = 64
_TOKEN = re.compile(r'\s*(?:(")([^"]*)("?)|(\()|(\))|([^\s()"]+))')
_OPERATORS = {"AND", "OR", "NOT"}


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    phrase: bool  # quoted: its words in this order, side by side


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class All:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Any_:
    children: tuple[Node, ...]


Node = Term | Not | All | Any_


def _tokens(query: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: phrase, open, close, op, word."""
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        if m.group(1):
            if not m.group(3):
                raise BadWatchlist(f"unclosed quote in query {query!r}")
            if m.group(2).strip():
                out.append(("phrase", " ".join(m.group(2).split())))
        elif m.group(4):
            out.append(("open", "("))
        elif m.group(5):
            out.append(("close", ")"))
        elif m.group(6):
            word = m.group(6)
            if word in _OPERATORS:
                out.append(("op", word))
            elif word.startswith("-") and len(word) > 1:
                out.extend([("op", "NOT"), ("word", word[1:])])
            else:
                out.append(("word", word))
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.pos = 0
        self.terms = 0

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _fail(self, why: str) -> BadWatchlist:
        return BadWatchlist(f"{why} in query {self.query!r}")

    def parse(self) -> Node:
        if not self.tokens:
            raise self._fail("no words")
        node = self._or()
        if self._peek() is not None:
            raise self._fail(f"unexpected {self._peek()[1]!r}")  # type: ignore[index]
        return node

    def _or(self) -> Node:
        parts = [self._and()]
        while self._peek() == ("op", "OR"):
            self.pos += 1
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else Any_(tuple(parts))

    def _and(self) -> Node:
        parts = [self._unary()]
        while True:
            tok = self._peek()
            if tok == ("op", "AND"):
                self.pos += 1
                parts.append(self._unary())
            elif tok is not None and tok[0] != "close" and tok != ("op", "OR"):
                parts.append(self._unary())
            else:
                break
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def _unary(self) -> Node:
        tok = self._peek()
        if tok == ("op", "NOT"):
            self.pos += 1
            return Not(self._unary())
        return self._atom()

    def _atom(self) -> Node:
        tok = self._peek()
        if tok is None:
            raise self._fail("missing term at the end")
        kind, text = tok
        self.pos += 1
        if kind == "open":
            node = self._or()
            if self._peek() != ("close", ")"):
                raise self._fail("unclosed parenthesis")
            self.pos += 1
            return node
        if kind in ("word", "phrase"):
            self.terms += 1
            if self.terms > MAX_TERMS:
                raise self._fail(f"more than {MAX_TERMS} terms")
            return Term(text, kind == "phrase")
        raise self._fail(f"unexpected {text!r}")


def parse_query(query: str) -> Node:
    """The query's tree; BadWatchlist (E130) for one that does not parse or only excludes."""
    query = query.strip()
    if len(query) > MAX_QUERY_CHARS:
        raise BadWatchlist(f"query longer than {MAX_QUERY_CHARS} characters")
    node = _Parser(query).parse()
    if isinstance(node, Not) or (isinstance(node, All)
                                 and all(isinstance(c, Not) for c in node.children)):
        raise BadWatchlist(f"query {query!r} only excludes: name something it should contain")
    return node


def terms_of(node: Node) -> list[Term]:
    """Every term of the tree, in order."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return terms_of(node.child)
    return [t for child in node.children for t in terms_of(child)]
