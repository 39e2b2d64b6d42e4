"""Person <-> position pairs: "губернатор Томской области Владимир Мазур", "X, the governor of Y".

A position phrase grows around a head word of the lexicon (data/position_heads.txt): left over
adjectives and modifiers ("первого заместителя", "Belarusian Deputy Prime"), right over its
dependents (nouns, adjectives, names, "и"/"und"/"and" + noun, prepositions) up to a person. It
is tied to a person that follows it directly (title before name), that precedes it after a
comma or dash (apposition), or that is its subject through a linking verb ("стал президентом",
"wurde Präsident", "became president"). Titles are normalised: Russian to the nominative of the
head and its adjectives, German genitive heads to the nominative (Ministers -> Minister).
"""

from __future__ import annotations

from collections.abc import Sequence

from sujet.entities.gazetteer import fold
from sujet.entities.position_tokens import ru_tokens, simple_tokens, tagger_lemma
from sujet.entities.position_words import (
    LEXICON_DIR,
    PToken,
    RoleMatch,
    heads,
    is_head,
    normalise_title,
    rules,
    shared_words,
)
from sujet.entities.span import Span
from sujet.lang import RoleRules


def extend_left(tokens: Sequence[PToken], i: int, lang: str) -> int:
    """Index of the first token of the phrase whose head is at ``i``."""
    r = rules(lang)
    link_verbs = shared_words().link_verbs
    k = i
    while k > 0:
        t = tokens[k - 1]
        capitalised = (
            r.capitalised_modifiers
            and t.text[:1].isupper()
            and t.pos not in ("PUNCT", "DET")
            and t.lemma not in link_verbs
        )
        if t.lemma in r.modifiers or (r.tagged and t.pos == "ADJ") or capitalised:
            k -= 1
        else:
            break
    return k


def extend_right(tokens: Sequence[PToken], i: int, lang: str, stops: set[int]) -> int:
    """Index after the last token of the phrase that starts its head at ``i``."""
    j = i + 1
    n = len(tokens)
    r = rules(lang)
    quote = False
    while j < n and j - i < 12:
        t = tokens[j]
        if t.start in stops:
            break
        if t.text in '«"„“':
            quote = True
        elif t.text in '»"“”' and quote:
            quote = False
            j += 1
            continue
        if quote:
            j += 1
            continue
        ok = _tagged_goes_on(tokens, i, j, r) if r.tagged else _simple_goes_on(tokens, j, lang)
        if not ok:
            break
        j += 1
    # do not end on a preposition or conjunction
    while j > i + 1 and tokens[j - 1].pos in ("ADP", "CCONJ", "DET"):
        j -= 1
    return j


def _tagged_goes_on(tokens: Sequence[PToken], i: int, j: int, r: RoleRules) -> bool:
    """Whether a phrase with a tagger's morphology goes on over token ``j``: nouns, adjectives,
    names, numbers, participles, and a conjunction or preposition before one of them."""
    t, n = tokens[j], len(tokens)
    participle = t.pos == "VERB" and t.src is not None and "Case" in t.src.feats
    ok = (
        t.pos in ("NOUN", "PROPN", "ADJ", "NUM")
        or participle
        or (
            t.pos in ("CCONJ", "ADP")
            and t.lemma in _TAGGED_LINKS
            and j + 1 < n
            and tokens[j + 1].pos in ("NOUN", "ADJ", "PROPN")
        )
    )
    # a nominative noun after the head starts a new phrase ("министр Иван")
    nominative = t.src is not None and t.src.feats.get("Case") == "Nom"
    return ok and not (t.pos == "NOUN" and nominative and j > i)


# Conjunction and prepositions a tagged title goes on over ("по делам", "при президенте").
_TAGGED_LINKS = frozenset(("и", "по", "при", "в"))


def _simple_goes_on(tokens: Sequence[PToken], j: int, lang: str) -> bool:
    """Whether a phrase without a tagger goes on over token ``j``: a title goes on over
    capitalised words, further head words and modifiers written in lower case ("deputy prime
    minister"), so that it is never cut in the middle."""
    t, n = tokens[j], len(tokens)
    r = rules(lang)
    if r.conjunction_ends_title and t.lemma in r.conjunctions:
        return False
    return (
        (t.text[:1].isupper() and t.pos != "PUNCT")
        or (t.lemma in r.adpositions and j + 1 < n and tokens[j + 1].text[:1].isupper())
        or is_head(t, lang)
        or t.lemma in r.modifiers
    )


def position_phrases(
    tokens: Sequence[PToken],
    lang: str,
    person_tokens: set[int],
    person_starts: set[int],
    head_words: frozenset[str] | None = None,
) -> list[tuple[int, int, int]]:
    """(left, head, right) token indices of each position phrase, in text order."""
    out: list[tuple[int, int, int]] = []
    used_until = -1
    for i, tok in enumerate(tokens):
        if i <= used_until or i in person_tokens:
            continue
        if not is_head(tok, lang, head_words):
            continue
        left = extend_left(tokens, i, lang)
        right = extend_right(tokens, i, lang, person_starts)
        used_until = right - 1
        out.append((left, i, right))
    return out


def find_roles(
    text: str,
    tokens: Sequence[PToken],
    persons: Sequence[Span],
    lang: str,
    head_words: frozenset[str] | None = None,
) -> list[RoleMatch]:
    """Person-position pairs in one text, given its tokens and person spans.

    ``lang`` names the role rules (a profile's ``roles``). Pairs come from the learned linker of
    :mod:`sujet.entities.positions_pairs` where a model of those rules ships (Russian; it also
    links across sentences); otherwise from the rules of :func:`rule_roles`."""
    from sujet.entities.positions_pairs import link_roles, model_for

    model = model_for(lang)
    if model is not None:
        return link_roles(text, tokens, persons, lang, model, head_words)
    return rule_roles(text, tokens, persons, lang, head_words)


def rule_roles(
    text: str,
    tokens: Sequence[PToken],
    persons: Sequence[Span],
    lang: str,
    head_words: frozenset[str] | None = None,
) -> list[RoleMatch]:
    """Pairs tied by the rules alone: title before a name, apposition, linking verb."""
    starts = {p.start: p for p in persons}
    ends = {p.end: p for p in persons}
    tok_index = {t.start: k for k, t in enumerate(tokens)}
    person_tokens: set[int] = set()
    for p in persons:
        for k, t in enumerate(tokens):
            if t.start >= p.start and t.end <= p.end:
                person_tokens.add(k)
    phrases: list[tuple[int, int, Span | None]] = []  # (left, right, person)
    for left, _head, right in position_phrases(
        tokens, lang, person_tokens, set(starts), head_words
    ):
        person = _person_after(tokens, right, starts)
        person = person or _person_before(tokens, left, ends, tok_index)
        phrases.append((left, right, person))
    # lists after an apposition: "Дарио Фо — драматург, режиссёр, живописец"
    for k in range(1, len(phrases)):
        left, right, person = phrases[k]
        prev = phrases[k - 1]
        if (
            person is None
            and prev[2] is not None
            and prev[2].end <= tokens[prev[0]].start
            and left - prev[1] <= 1
        ):
            gap = tokens[prev[1]].text if prev[1] < left else ""
            if gap in ("", ",") or gap in shared_words().conjunctions:
                phrases[k] = (left, right, prev[2])
    # title chains: "заслуженный деятель искусств, народный поэт Чувашии Николай Исмуков"
    for k in range(len(phrases) - 2, -1, -1):
        left, right, person = phrases[k]
        nxt = phrases[k + 1]
        if (
            person is None
            and nxt[2] is not None
            and nxt[0] - right <= 1
            and _is_person_after(nxt, starts, tokens)
        ):
            gap = tokens[right].text if right < nxt[0] else ""
            if gap in ("", ",") or gap in shared_words().conjunctions:
                phrases[k] = (left, right, nxt[2])
    out: list[RoleMatch] = []
    for left, right, person in phrases:
        if person is None:
            continue
        s, e = tokens[left].start, tokens[right - 1].end
        surface = text[s:e]
        title = normalise_title(tokens[left:right], lang, surface)
        out.append(RoleMatch(person, s, e, title, surface))
        # one title, two names: "Депутаты Госдумы Адальби Шхагошев и Александр Грибов" (a
        # plural title only: "Industry Minister X and Y" names X's position alone)
        second = _second_person(tokens, person, starts, tok_index)
        if second is not None and person.start >= e and _plural_title(tokens[left:right], lang):
            out.append(RoleMatch(second, s, e, title, surface))
    return out


def _plural_title(toks: Sequence[PToken], lang: str) -> bool:
    """The title's head is plural: by the tagger's number (Russian), by an "-s" the lemma lost
    (rules with ``plural_s``); unknown elsewhere, taken as plural."""
    head = next((t for t in toks if is_head(t, lang)), None)
    if head is None:
        return True
    if head.src is not None and getattr(head.src, "feats", None):
        return bool(head.src.feats.get("Number") != "Sing")
    if rules(lang).plural_s:
        return fold(head.text) != head.lemma
    return True


def _is_person_after(
    phrase: tuple[int, int, Span | None], starts: dict[int, Span], tokens: Sequence[PToken]
) -> bool:
    _left, right, person = phrase
    return right < len(tokens) and person is not None and tokens[right].start == person.start


def _second_person(
    tokens: Sequence[PToken], person: Span, starts: dict[int, Span], idx: dict[int, int]
) -> Span | None:
    k = next((j for j, t in enumerate(tokens) if t.end == person.end), None)
    if k is None or k + 2 >= len(tokens):
        return None
    if tokens[k + 1].lemma in shared_words().conjunctions and tokens[k + 2].start in starts:
        return starts[tokens[k + 2].start]
    return None


def _person_after(tokens: Sequence[PToken], right: int, starts: dict[int, Span]) -> Span | None:
    if right < len(tokens) and tokens[right].start in starts:
        return starts[tokens[right].start]
    return None


def _person_before(
    tokens: Sequence[PToken], left: int, ends: dict[int, Span], idx: dict[int, int]
) -> Span | None:
    """The person a phrase describes from the right: "Мазур, губернатор", "X — министр",
    "X стал президентом", "X долгое время был шерифом", "X занимал пост президента"."""
    shared = shared_words()
    k = left - 1
    linked = False
    punct = False
    steps = 0
    while k >= 0 and steps < 6:
        t = tokens[k]
        if t.end in ends and (linked or punct):
            return ends[t.end]
        if t.text == ")":  # "Дарио Фо (24 марта 1926 года, Санджано) — драматург": skip the aside
            depth, j = 0, k
            while j >= 0 and k - j < 40:
                depth += tokens[j].text == ")"
                depth -= tokens[j].text == "("
                if depth == 0:
                    break
                j -= 1
            if j < 0 or depth:
                return None
            k = j - 1
            punct = True
            continue
        if t.text in shared.skip_before or t.lemma in shared.skip_before:
            if t.text in ".!?;":
                return None
            punct = True
        elif t.lemma in shared.link_verbs or fold(t.text) in shared.link_verbs:
            linked = True
        elif t.lemma in shared.link_fillers or t.pos in ("ADV", "AUX", "ADP", "PART"):
            pass
        else:
            return None
        k -= 1
        steps += 1
    return None


__all__ = [
    "LEXICON_DIR",
    "PToken",
    "RoleMatch",
    "extend_left",
    "extend_right",
    "find_roles",
    "heads",
    "is_head",
    "normalise_title",
    "position_phrases",
    "ru_tokens",
    "rule_roles",
    "simple_tokens",
    "tagger_lemma",
]
