"""A person's positions as a career: one row per distinct position, not one per mention.

Each stated position (:class:`sujet.model.Position`, one per article) gets a *concept* (the
longest form of ``data/title_concepts.txt`` found in its title, compared by Snowball stems, so
cases and languages agree: "губернатора" / "Gouverneurs" / "governor") and a *scope* (the place
or organisation it belongs to, keyed by :func:`sujet.entities.gazetteer.place_key`, so
"Томской области", "des Gebietes Tomsk" and "Tomsk Region" agree). Positions with the same
concept and scope are one :class:`Career`; a position without a scope joins the person's one
career of its concept that has one ("губернатор" -> "губернатор Томской области"). A title
without a listed concept is keyed by its own stems. The career's title is shown in the reader's
language where the person has one in it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import snowballstemmer

from sujet.entities.gazetteer import fold, place_key
from sujet.entities.translit import skeleton
from sujet.lang import for_script, generation, profile, profiles, script_of
from sujet.model import Entity, Position

_WORD = re.compile(r"[\w-]+")


@lru_cache(maxsize=4)
def _joining_words(gen: int) -> frozenset[str]:
    """Function words a title may hold between its words ("Minister für ...", "governor of
    ..."), of every profile's role rules."""
    return frozenset(w for p in profiles() for w in p.role_rules.joining_words)


def _language(title: str, lang: str | None) -> str:
    """The language whose stems and concept names a title is read in: its own where its profile
    has a stemmer and concept names, else the default language of the title's script."""
    if lang in _columns():
        return lang
    return for_script(script_of(title)).code


def _columns() -> dict[str, int]:
    """Language -> its column of the concept table (after the concept), from the profiles."""
    return {
        p.code: p.concepts_column
        for p in profiles()
        if p.stemmer is not None and p.concepts_column is not None
    }


@lru_cache(maxsize=8)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(profile(lang).stemmer)


@lru_cache(maxsize=50_000)
def _stem(word: str, lang: str) -> str:
    return str(_stemmer(lang).stemWord(fold(word)))


def stems(text: str, lang: str) -> tuple[str, ...]:
    """Snowball stems of the words of ``text`` in ``lang`` (lower case, ё as е)."""
    return tuple(_stem(w, lang) for w in _WORD.findall(text))


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]], dict[str, str]]:
    """Language -> (stems of a form, concept), longest form first; concept -> broader one."""
    text = resources.files("sujet.entities").joinpath("data", "title_concepts.txt")
    columns = _columns()
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {lg: [] for lg in columns}
    broader: dict[str, str] = {}
    for line in text.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        head, *cols = line.split("\t")
        concept, _sep, parent = head.partition(">")
        if parent:
            broader[concept] = parent
        for lang, col in ((lg, cols[i]) for lg, i in columns.items() if i < len(cols)):
            out[lang].extend((stems(form, lang), concept) for form in col.split("|") if form)
    for rows in out.values():
        rows.sort(key=lambda r: -len(r[0]))
    return out, broader


def _concepts() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _table()[0]


def broader(concept: str) -> str | None:
    """The concept a title of ``concept`` may be named by without its scope, if any."""
    return _table()[1].get(concept)


def concept_of(title: str, lang: str | None = None) -> tuple[str, int, int]:
    """(concept, first word, end word) of the longest listed form in ``title`` (earliest wins a
    tie), or a key made of the title's own stems (and the whole title) when none is listed."""
    lang = _language(title, lang)
    found = _concept_in(stems(title, lang), lang)
    if found is None and "-" in title:  # a compound: "MIRS-Rektor", "экс-губернатор"
        found = _concept_in(stems(title.replace("-", " "), lang), lang)
    if found is not None:
        return found
    words = stems(title, lang)
    joining = _joining_words(generation())
    content = [w for w in words if w not in joining]
    return "title:" + " ".join(content[:1]), 0, len(words)


def _concept_in(words: tuple[str, ...], lang: str) -> tuple[str, int, int] | None:
    best: tuple[int, int, str] | None = None  # (-length, start, concept)
    for form, concept in _concepts()[lang]:
        n = len(form)
        for i in range(len(words) - n + 1):
            if words[i : i + n] == form:
                cand = (-n, i, concept)
                if best is None or cand < best:
                    best = cand
                break
    if best is None:
        return None
    return best[2], best[1], best[1] - best[0]


OrgKey = Callable[[str], "str | None"]


def scope_of(title: str, organisation: str | None, org_key: OrgKey | None = None) -> str | None:
    """The key of the place or organisation a position belongs to: its stated organisation
    (by the gazetteer, else by ``org_key``, which names the resolved entity of an organisation
    name, else by its sound skeleton), else a listed place named in the title (a word or two,
    or a place adjective such as "Belarusian" that begins with a listed name)."""
    for name in (organisation,) if organisation else ():
        key = place_key(name) or (org_key(name) if org_key is not None else None)
        if key:
            return key
        return "name:" + skeleton(name)
    words = _WORD.findall(title)
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            key = place_key(" ".join(words[i : i + n]))
            if key:
                return key
    if org_key is not None:
        for w in words:
            if w[:1].isupper() and len(w) > 2 and (key := org_key(w)):
                return key
    for w in words:
        if w[:1].isupper():
            for cut in range(len(w) - 1, 3, -1):
                key = place_key(w[:cut])
                if key and key.startswith("gaz:"):
                    return key
    return None


@dataclass(slots=True)
class Career:
    """One distinct position of a person across articles, languages and case forms."""

    title: str  # in the requested language where the person has it in it
    language: str | None
    titles: dict[str, str]  # language -> the title written in it (most frequent, fullest)
    organisation: str | None
    first_seen: str | None
    last_seen: str | None
    articles: list[str] = field(default_factory=list)
    concept: str = ""
    scope: str | None = None

    def as_position(self) -> Position:
        """The career as a :class:`Position` of its last article (for one-line displays)."""
        return Position(
            self.title,
            self.last_seen,
            self.articles[-1] if self.articles else "",
            self.organisation,
            self.language,
        )


@dataclass(slots=True)
class _Group:
    concept: str
    scope: str | None
    positions: list[Position] = field(default_factory=list)


def _date_key(p: Position) -> tuple[bool, str, str]:
    return (p.date is None, p.date or "", p.article_id)


def _group(positions: Sequence[Position], org_key: OrgKey | None) -> list[_Group]:
    groups: dict[tuple[str, str | None], _Group] = {}
    for p in sorted(positions, key=_date_key):
        concept, _s, _e = concept_of(p.title, p.language)
        scope = scope_of(p.title, p.organisation, org_key)
        groups.setdefault((concept, scope), _Group(concept, scope)).positions.append(p)
    scoped: dict[str, list[_Group]] = {}
    for g in groups.values():
        if g.scope is not None:
            scoped.setdefault(g.concept, []).append(g)
            parent = broader(g.concept)
            if parent is not None:
                scoped.setdefault(parent, []).append(g)
    out: list[_Group] = []
    for g in groups.values():
        if g.scope is None and scoped.get(g.concept):
            # the unscoped mention names the person's career of that concept: the latest one
            # that began before it, else the earliest
            target = _nearest(scoped[g.concept], g.positions[0])
            target.positions.extend(g.positions)
        else:
            out.append(g)
    for g in out:
        g.positions.sort(key=_date_key)
    return out


def _nearest(candidates: list[_Group], p: Position) -> _Group:
    before = [g for g in candidates if (g.positions[0].date or "") <= (p.date or "")]
    if before:
        return max(before, key=lambda g: g.positions[0].date or "")
    return min(candidates, key=lambda g: g.positions[0].date or "")


@lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    """The first word of every listed form (a head in its dictionary form)."""
    text = resources.files("sujet.entities").joinpath("data", "title_concepts.txt")
    out: set[str] = set()
    for line in text.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            for col in line.split("\t")[1:]:
                out.update(fold(form.split()[0]) for form in col.split("|") if form.split())
    return frozenset(out)


def _best_title(titles: Iterable[str]) -> str:
    """The most frequent title; among equals one that starts with a dictionary form (not left
    in an oblique case), then the fullest."""
    counts = Counter(titles)
    words = _dictionary_words()

    def rank(t: str) -> tuple[int, bool, int]:
        first = fold(t.split()[0]) if t.split() else ""
        return counts[t], first in words, len(t)

    return max(counts, key=rank)


def careers(
    positions: Sequence[Position], lang: str | None = None, org_key: OrgKey | None = None
) -> list[Career]:
    """The distinct positions of one person, oldest first; titles in ``lang`` where the person
    has one in it that names its place or organisation (or where no language does)."""
    out: list[Career] = []
    for g in _group(positions, org_key):
        by_lang: dict[str, list[str]] = {}
        scoped: dict[str, list[str]] = {}
        for p in g.positions:
            lg = _language(p.title, p.language)
            by_lang.setdefault(lg, []).append(p.title)
            if scope_of(p.title, p.organisation, org_key) is not None:
                scoped.setdefault(lg, []).append(p.title)
        titles = {lg: _best_title(scoped.get(lg) or ts) for lg, ts in by_lang.items()}
        choice = scoped or by_lang
        if lang and lang in choice:
            shown_lang: str | None = lang
        else:
            shown_lang = max(choice, key=lambda lg: (len(choice[lg]), len(titles[lg])))
        orgs = [p.organisation for p in g.positions if p.organisation]
        dates = [p.date for p in g.positions if p.date]
        out.append(
            Career(
                titles[shown_lang] if shown_lang else g.positions[-1].title,
                shown_lang,
                titles,
                Counter(orgs).most_common(1)[0][0] if orgs else None,
                min(dates) if dates else None,
                max(dates) if dates else None,
                list(dict.fromkeys(p.article_id for p in g.positions)),
                g.concept,
                g.scope,
            )
        )
    out.sort(key=lambda c: (c.first_seen is None, c.first_seen or "", c.last_seen or ""))
    return out


def current_position(
    positions: Sequence[Position], lang: str | None = None, org_key: OrgKey | None = None
) -> Career | None:
    """The person's latest career (last seen latest; then the one seen in more articles)."""
    return latest_career(careers(positions, lang, org_key))


def latest_career(found: Sequence[Career]) -> Career | None:
    """The career last seen latest (then first seen latest, then in more articles)."""
    if not found:
        return None
    return max(found, key=lambda c: (c.last_seen or "", c.first_seen or "", len(c.articles)))


def org_key_of(find: Callable[[str], Sequence[Entity]]) -> OrgKey:
    """An ``org_key`` for :func:`careers` from a name lookup (``Store.find_entities``, or the
    resolver's entities through :func:`finder_over`): the id of the place or organisation a
    name belongs to, so that "НИПИ", "NIPI" and the institute's full names are one scope."""
    cache: dict[str, str | None] = {}

    def key(name: str) -> str | None:
        folded = fold(name)
        if folded not in cache:
            hits = [e for e in find(name) if e.type != "PER"]
            cache[folded] = "entity:" + hits[0].id if hits else None
        return cache[folded]

    return key


def finder_over(entities: Iterable[Entity]) -> Callable[[str], list[Entity]]:
    """A name lookup over entities in memory (their names and variants, folded)."""
    index: dict[str, list[Entity]] = {}
    for e in entities:
        for v in {e.name, *e.variants}:
            index.setdefault(fold(v), []).append(e)
    return lambda name: index.get(fold(name), [])
