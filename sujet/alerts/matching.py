"""Does an article match a watchlist? Words compared under the normal forms search uses.

An article's words are indexed by their folded form and by the Snowball stem the store indexes
them under (:func:`sujet.store.stemming.index_stems`); a query word matches its own form or any
stem it may have been indexed under (:func:`sujet.store.stemming.query_stems`), so "Заболоцкий"
meets "Заболоцкого". Each word or phrase is also matched by the name expansion of search
(:func:`sujet.pipeline.search.expansion_terms`: other cases and scripts, the variants of the
entity it names), each alternative as a phrase.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sujet.alerts.model import WatchFilters, Watchlist
from sujet.alerts.query import All, Any_, Node, Not, Term, parse_query
from sujet.errors import BadWatchlist
from sujet.model import Article
from sujet.store.base import Store
from sujet.store.languages import LANGUAGES
from sujet.store.stemming import algorithm_for, fold, query_stems, stem, words

MAX_ALTERNATIVES = 48


@dataclass(slots=True)
class ArticleText:
    """The words of an article's title and text, by folded form and by stem."""

    by_form: dict[str, list[int]] = field(default_factory=dict)
    by_stem: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, article: Article) -> ArticleText:
        forms: dict[str, list[int]] = defaultdict(list)
        stems: dict[str, list[int]] = defaultdict(list)
        tokens = words(article.title or "")
        tokens.append("")  # the title's last word and the text's first are not side by side
        tokens.extend(words(article.text))
        for i, word in enumerate(tokens):
            if word:
                forms[fold(word)].append(i)
                stems[stem(word, algorithm_for(word, article.language))].append(i)
        return cls(dict(forms), dict(stems))


@dataclass(frozen=True, slots=True)
class WordForms:
    """A query word: its folded form and the stems it may be indexed under."""

    form: str
    stems: frozenset[str]

    def positions(self, text: ArticleText) -> set[int]:
        found = set(text.by_form.get(self.form, ()))
        for s in self.stems:
            found.update(text.by_stem.get(s, ()))
        return found


def word_forms(word: str) -> WordForms:
    return WordForms(fold(word), frozenset(query_stems(word, LANGUAGES)))


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must stand side by side, in order."""

    words: tuple[WordForms, ...]

    def found_in(self, text: ArticleText) -> bool:
        if not self.words:
            return False
        starts = self.words[0].positions(text)
        for offset, word in enumerate(self.words[1:], 1):
            if not starts:
                return False
            at = word.positions(text)
            starts = {s for s in starts if s + offset in at}
        return bool(starts)


def phrase(text: str) -> Phrase:
    return Phrase(tuple(word_forms(w) for w in words(text)))


@dataclass(frozen=True, slots=True)
class Alternatives:
    """A term and its expansion: any one alternative found is enough."""

    phrases: tuple[Phrase, ...]

    def found_in(self, text: ArticleText) -> bool:
        return any(p.found_in(text) for p in self.phrases)


Expander = Callable[[str], Sequence[str]]


def alternatives(texts: Iterable[str]) -> Alternatives:
    unique = list(dict.fromkeys(" ".join(t.split()) for t in texts if words(t)))
    return Alternatives(tuple(phrase(t) for t in unique[:MAX_ALTERNATIVES]))


@dataclass(frozen=True, slots=True)
class QueryMatcher:
    """A parsed query whose terms carry their alternatives."""

    node: Node
    terms: dict[Term, Alternatives]

    def found_in(self, text: ArticleText) -> bool:
        return self._eval(self.node, text)

    def _eval(self, node: Node, text: ArticleText) -> bool:
        if isinstance(node, Term):
            return self.terms[node].found_in(text)
        if isinstance(node, Not):
            return not self._eval(node.child, text)
        if isinstance(node, All):
            return all(self._eval(c, text) for c in node.children)
        if isinstance(node, Any_):
            return any(self._eval(c, text) for c in node.children)
        raise TypeError(node)


def compile_query(query: str, expand: Expander) -> QueryMatcher:
    """The query parsed (BadWatchlist, E130, when it does not) with each term's expansion;
    a phrase is expanded as a whole, a bare word alone."""
    node = parse_query(query)
    found: dict[Term, Alternatives] = {}
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Term):
            if current not in found:
                found[current] = alternatives([current.text, *expand(current.text)])
        elif isinstance(current, Not):
            stack.append(current.child)
        else:
            stack.extend(current.children)
    return QueryMatcher(node, found)


def article_topic(article: Article) -> str | None:
    """The article's topic, where classification gave it one."""
    topic = getattr(article, "topic", None) or article.metadata.get("topic")
    return str(topic) if topic else None


def passes_filters(article: Article, filters: WatchFilters) -> bool:
    if filters.language and (article.language or "") != filters.language:
        return False
    if filters.source:
        wanted = filters.source.casefold()
        where = [article.source or "", article.site or "", article.url or ""]
        if not any(wanted in w.casefold() for w in where):
            return False
    return not filters.topic or article_topic(article) == filters.topic


@dataclass(slots=True)
class Subject:
    """What an article raises for a watchlist: the article itself or, for a storyline, its
    event."""

    kind: str
    id: str


@dataclass(slots=True)
class WatchMatcher:
    """One watchlist made ready for a run of evaluation (names and ids resolved once)."""

    watchlist: Watchlist
    query: QueryMatcher | None = None
    entity_ids: frozenset[str] = frozenset()
    record_id: str | None = None  # the event or storyline watched, aliases followed
    resolve: Callable[[str], str | None] | None = None

    def subject(self, article: Article, text: ArticleText,
                mentioned: frozenset[str]) -> Subject | None:
        if not passes_filters(article, self.watchlist.filters):
            return None
        kind = self.watchlist.kind
        if kind in ("event", "storyline"):
            assert self.resolve is not None
            own = article.event_id if kind == "event" else article.storyline_id
            if not own or (self.resolve(own) or own) != self.record_id:
                return None
            if kind == "storyline" and article.event_id:
                return Subject("event", article.event_id)
            return Subject("article", article.id)
        if self.entity_ids & mentioned:
            return Subject("article", article.id)
        if self.query is not None and self.query.found_in(text):
            return Subject("article", article.id)
        return None


def entity_names(store: Store, name: str) -> tuple[list[str], frozenset[str]]:
    """The written forms of a person or organisation (any variant, any script) and the ids of
    the stored entities the name stands for: the name's expansion in search, and each known
    variant with its spellings in the other script."""
    from sujet.pipeline.search import expansion_terms, named_entities, spellings

    named = named_entities(store, name)
    forms = [name, *expansion_terms(store, name)]
    for entity in named:
        forms.extend([entity.name, *entity.variants])
    known = list(dict.fromkeys(forms))
    forms = known + [s for form in known for s in spellings(form)]
    return forms, frozenset(e.id for e in named)


def prepare(store: Store, watchlist: Watchlist) -> WatchMatcher:
    """The watchlist resolved against the store as it is now (entities grow as articles come
    in, so this runs at the start of each evaluation)."""
    from sujet.pipeline.search import expansion_terms

    kind = watchlist.kind
    if kind == "event":
        return WatchMatcher(watchlist, record_id=store.resolve_event_id(watchlist.target)
                            or watchlist.target, resolve=store.resolve_event_id)
    if kind == "storyline":
        return WatchMatcher(watchlist, record_id=store.resolve_storyline_id(watchlist.target)
                            or watchlist.target, resolve=store.resolve_storyline_id)
    if kind == "query":
        return WatchMatcher(watchlist, query=compile_query(
            watchlist.target, lambda t: expansion_terms(store, t)))
    if kind in ("person", "organisation"):
        forms, ids = entity_names(store, watchlist.target)
        name = Term(watchlist.target, True)
        return WatchMatcher(watchlist, query=QueryMatcher(name, {name: alternatives(forms)}),
                            entity_ids=ids)
    raise BadWatchlist(f"unknown watchlist kind {kind!r}")
