"""The words of position titles: tokens and pairs as records, the head lexicon, the role rules
of a language (from its profile) and the normal form of a title.

The head words are listed by language in ``data/position_heads.txt`` (by hand) and
``data/position_heads_nerel.txt`` (Russian, derived by scripts/build_roles_lexicon.py); the
other words (modifiers, linking verbs, prepositions) are the ``role_rules`` of the language
profiles (:mod:`sujet.lang`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sujet.entities.gazetteer import fold
from sujet.entities.span import Span
from sujet.lang import RoleRules, generation, profile, profiles


@dataclass(slots=True)
class PToken:
    text: str
    start: int
    end: int
    lemma: str
    pos: str  # NOUN PROPN ADJ ADP CCONJ DET NUM VERB AUX PUNCT X
    src: Any = None  # the tagger's token (Russian: natasha), for inflection


@dataclass(slots=True)
class RoleMatch:
    """One person-position pair found in a text."""

    person: Span
    start: int  # position phrase span
    end: int
    title: str  # normalised title ("губернатор Томской области")
    surface: str  # the phrase as written
    organisation: str | None = None
    head: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


LEXICON_DIR = Path(__file__).resolve().parent / "data"
# position_heads.txt is written by hand; position_heads_nerel.txt is derived from roles/nerel by
# scripts/build_roles_lexicon.py (Russian heads only). "ru_hand" names the hand-written part.
_LEXICON_FILES = ("position_heads.txt", "position_heads_nerel.txt")


@lru_cache(maxsize=1)
def _heads() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for name in _LEXICON_FILES:
        path = LEXICON_DIR / name
        if not path.is_file():
            continue
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("#") or ":" not in line:
                continue
            lang, words = line.split(":", 1)
            lang = lang.strip()
            entries = {w.replace("ё", "е") for w in words.split()}
            out.setdefault(lang, set()).update(entries)
            if name == _LEXICON_FILES[0]:
                out.setdefault(f"{lang}_hand", set()).update(entries)
    return {k: frozenset(v) for k, v in out.items()}


def heads(lang: str) -> frozenset[str]:
    return _heads().get(lang, _heads()["en"])


def rules(lang: str) -> RoleRules:
    """The role rules named ``lang`` (a profile's ``roles``)."""
    return profile(lang).role_rules


@dataclass(frozen=True, slots=True)
class SharedWords:
    """Words of every language's rules that the linking rules accept whatever the language."""

    link_verbs: frozenset[str]
    link_fillers: frozenset[str]
    conjunctions: frozenset[str]
    skip_before: frozenset[str]  # punctuation and articles between a name and its title


def shared_words() -> SharedWords:
    return _shared(generation())


@lru_cache(maxsize=4)
def _shared(generation: int) -> SharedWords:
    rs = [p.role_rules for p in profiles()]
    return SharedWords(
        link_verbs=frozenset().union(*(r.link_verbs for r in rs)),
        link_fillers=frozenset().union(*(r.link_fillers for r in rs)),
        conjunctions=frozenset().union(*(r.conjunctions for r in rs)),
        skip_before=frozenset(",—–-(:").union(*(r.title_articles for r in rs)),
    )


def is_head(tok: PToken, lang: str, head_words: frozenset[str] | None = None) -> bool:
    hs = head_words if head_words is not None else heads(lang)
    if tok.lemma in hs:
        return True
    # compounds: "врач-реаниматолог", "экс-министр", "Vize-Präsident"
    return "-" in tok.lemma and any(part in hs for part in tok.lemma.split("-"))


def head_nominative(word: str, lang: str) -> str:
    """A position word with a case ending to the nominative (German: Ministers -> Minister)."""
    low = fold(word)
    hs = heads(lang)
    if low in hs:
        return word
    for suf in ("s", "en", "n", "es"):
        if low.endswith(suf) and low[: -len(suf)] in hs:
            return word[: -len(suf)]
    return word


def normalise_title(toks: Sequence[PToken], lang: str, surface: str) -> str:
    r = rules(lang)
    if r.tagged and toks and all(t.src is not None for t in toks):
        from sujet.entities.natasha_models import natasha_models
        from sujet.entities.normalize import ru_normal

        title = _nominative_head(
            ru_normal(natasha_models().vocab, [t.src for t in toks], "ORG"), toks
        )
        return (
            title[:1].lower() + title[1:]
            if toks[0].lemma in heads(lang) or toks[0].pos == "ADJ"
            else title
        )
    if r.inflected_heads:
        words = surface.split()
        while words and fold(words[0]) in r.title_articles:
            words = words[1:]
        return " ".join(
            head_nominative(w, lang) if k == 0 or fold(w) in r.genitive_heads else w
            for k, w in enumerate(words)
        )
    return surface


def _nominative_head(title: str, toks: Sequence[PToken]) -> str:
    """The head noun in its dictionary form where the inflector left it in an oblique case
    ("главы Минпромторга" -> "глава Минпромторга": a noun whose gender the tagger and the
    dictionary disagree on)."""
    words = title.split()
    for k, t in enumerate(toks):
        if t.pos in ("ADJ", "PUNCT"):
            continue
        feats = t.src.feats if t.src is not None else {}
        if (
            t.pos == "NOUN"
            and feats.get("Case") not in (None, "Nom")
            and k < len(words)
            and fold(words[k]) == fold(t.text)
            and t.lemma
            and fold(t.lemma) != fold(t.text)
        ):
            lemma = t.lemma
            words[k] = lemma[:1].upper() + lemma[1:] if t.text[:1].isupper() else lemma
            return " ".join(words)
        break
    return title
