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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sujet.entities.gazetteer import fold
from sujet.entities.span import Span
from sujet.entities.tokenize import tokenize


@dataclass(slots=True)
class PToken:
    text: str
    start: int
    end: int
    lemma: str
    pos: str  # NOUN PROPN ADJ ADP CCONJ DET NUM VERB AUX PUNCT X
    src: Any = None  # the natasha token (Russian), for inflection


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


# Modifiers before a head that belong to the position.
_MODIFIERS = {
    "ru": frozenset(
        [
            "первый",
            "второй",
            "бывший",
            "экс",
            "вице",
            "временный",
            "исполняющий",
            "действующий",
            "новый",
            "главный",
            "старший",
        ]
    ),
    "de": frozenset(
        [
            "erste",
            "erster",
            "ersten",
            "stellvertretende",
            "stellvertretender",
            "stellvertretenden",
            "ehemalige",
            "ehemaliger",
            "ehemaligen",
            "amtierende",
            "amtierender",
            "neue",
            "neuer",
        ]
    ),
    "en": frozenset(
        [
            "first",
            "deputy",
            "former",
            "acting",
            "vice",
            "prime",
            "chief",
            "senior",
            "interim",
            "foreign",
            "state",
        ]
    ),
}
_LINK_VERBS = frozenset(
    [
        "стал",
        "стала",
        "стали",
        "является",
        "являлась",
        "являлся",
        "был",
        "была",
        "были",
        "назначен",
        "назначена",
        "избран",
        "избрана",
        "работает",
        "работал",
        "работала",
        "занимает",
        "занимал",
        "занимала",
        "остаётся",
        "остается",
        "ist",
        "war",
        "wurde",
        "wird",
        "bleibt",
        "is",
        "was",
        "became",
        "becomes",
        "remains",
        "serves",
        "served",
        "named",
        "appointed",
        "elected",
    ]
)
_ADP = {
    "de": frozenset(
        ["für", "des", "der", "von", "vom", "im", "in", "bei", "zur", "zum", "beim", "und"]
    ),
    "en": frozenset(["of", "for", "the", "at", "in", "on", "and"]),
}
_SKIP_BEFORE = frozenset(",—–-(:") | {"the", "a", "an", "der", "die", "den", "dem", "des"}


def _is_head(tok: PToken, lang: str, head_words: frozenset[str] | None = None) -> bool:
    hs = head_words if head_words is not None else heads(lang)
    if tok.lemma in hs:
        return True
    # compounds: "врач-реаниматолог", "экс-министр", "Vize-Präsident"
    return "-" in tok.lemma and any(part in hs for part in tok.lemma.split("-"))


def _extend_left(tokens: Sequence[PToken], i: int, lang: str) -> int:
    mods = _MODIFIERS.get(lang, _MODIFIERS["en"])
    k = i
    while k > 0:
        t = tokens[k - 1]
        english_cap = (
            lang == "en"
            and t.text[:1].isupper()
            and t.pos not in ("PUNCT", "DET")
            and t.lemma not in _LINK_VERBS
        )
        if t.lemma in mods or (lang == "ru" and t.pos == "ADJ") or english_cap:
            k -= 1
        else:
            break
    return k


def _extend_right(tokens: Sequence[PToken], i: int, lang: str, stops: set[int]) -> int:
    """Index after the last token of the phrase that starts its head at ``i``."""
    j = i + 1
    n = len(tokens)
    adp = _ADP.get(lang, frozenset())
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
        if lang == "ru":
            participle = t.pos == "VERB" and t.src is not None and "Case" in t.src.feats
            ok = (
                t.pos in ("NOUN", "PROPN", "ADJ", "NUM")
                or participle
                or (
                    t.pos in ("CCONJ", "ADP")
                    and t.lemma in ("и", "по", "при", "в")
                    and j + 1 < n
                    and tokens[j + 1].pos in ("NOUN", "ADJ", "PROPN")
                )
            )
            # a nominative noun after the head starts a new phrase ("министр Иван")
            if t.pos == "NOUN" and t.src is not None and t.src.feats.get("Case") == "Nom" and j > i:
                ok = False
        else:
            # a title goes on over further head words and modifiers written in lower case
            # ("deputy prime minister"), so that it is never cut in the middle
            ok = (
                (t.text[:1].isupper() and t.pos != "PUNCT")
                or (t.lemma in adp and j + 1 < n and tokens[j + 1].text[:1].isupper())
                or _is_head(t, lang)
                or t.lemma in _MODIFIERS.get(lang, _MODIFIERS["en"])
            )
            if lang == "en" and t.lemma in ("and",):
                ok = False
        if not ok:
            break
        j += 1
    # do not end on a preposition or conjunction
    while j > i + 1 and tokens[j - 1].pos in ("ADP", "CCONJ", "DET"):
        j -= 1
    return j


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
        if not _is_head(tok, lang, head_words):
            continue
        left = _extend_left(tokens, i, lang)
        right = _extend_right(tokens, i, lang, person_starts)
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
            if gap in ("", ",", "и", "und", "and"):
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
            if gap in ("", ",", "и", "und", "and"):
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
    (English); unknown elsewhere, taken as plural."""
    head = next((t for t in toks if _is_head(t, lang)), None)
    if head is None:
        return True
    if head.src is not None and getattr(head.src, "feats", None):
        return bool(head.src.feats.get("Number") != "Sing")
    if lang == "en":
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
    if tokens[k + 1].lemma in ("и", "und", "and") and tokens[k + 2].start in starts:
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
        if t.text in _SKIP_BEFORE or t.lemma in _SKIP_BEFORE:
            if t.text in ".!?;":
                return None
            punct = True
        elif t.lemma in _LINK_VERBS or fold(t.text) in _LINK_VERBS:
            linked = True
        elif t.lemma in _LINK_FILLERS or t.pos in ("ADV", "AUX", "ADP", "PART"):
            pass
        else:
            return None
        k -= 1
        steps += 1
    return None


# Words between a linking verb and the position ("занимал пост президента", "в должности").
_LINK_FILLERS = frozenset(
    [
        "пост",
        "должность",
        "качество",
        "роль",
        "время",
        "долгий",
        "год",
        "звание",
        "as",
        "als",
        "the",
        "a",
        "an",
        "of",
        "zum",
        "zur",
    ]
)


def normalise_title(toks: Sequence[PToken], lang: str, surface: str) -> str:
    if lang == "ru" and toks and all(t.src is not None for t in toks):
        from sujet.entities.natasha_models import natasha_models
        from sujet.entities.normalize import ru_normal

        title = _nominative_head(
            ru_normal(natasha_models().vocab, [t.src for t in toks], "ORG"), toks
        )
        return (
            title[:1].lower() + title[1:]
            if toks[0].lemma in heads("ru") or toks[0].pos == "ADJ"
            else title
        )
    if lang == "de":
        words = surface.split()
        while words and fold(words[0]) in ("der", "die", "des", "den", "dem"):
            words = words[1:]
        return " ".join(
            de_nominative(w) if k == 0 or fold(w) in _HEADS_GEN else w for k, w in enumerate(words)
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


_HEADS_GEN = frozenset(
    {
        "ministers",
        "gouverneurs",
        "präsidenten",
        "botschafters",
        "bürgermeisters",
        "kanzlers",
        "vorsitzenden",
        "direktors",
        "leiters",
        "sprechers",
    }
)


def de_nominative(word: str) -> str:
    """German genitive/dative of a position word to the nominative (Ministers -> Minister)."""
    low = fold(word)
    hs = heads("de")
    if low in hs:
        return word
    for suf in ("s", "en", "n", "es"):
        if low.endswith(suf) and low[: -len(suf)] in hs:
            return word[: -len(suf)]
    return word


# --- tokens for German / English (no tagger: capitalisation and closed word lists) ----------

_DE_EN_FUNCTION = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "the",
        "a",
        "an",
    ]
)


def _simple_lemma(word: str, lang: str) -> str:
    low = fold(word)
    if lang == "de":
        return fold(de_nominative(word))
    if lang == "en" and low.endswith("s") and low[:-1] in heads("en"):
        return low[:-1]
    return low


def simple_tokens(text: str, lang: str) -> list[PToken]:
    out: list[PToken] = []
    for tok in tokenize(text):
        low = fold(tok.text)
        if not any(c.isalnum() for c in tok.text):
            pos = "PUNCT"
        elif low in _DE_EN_FUNCTION:
            pos = "DET"
        elif low in _ADP.get(lang, frozenset()):
            pos = "CCONJ" if low in ("und", "and") else "ADP"
        elif tok.text[:1].isupper():
            pos = "PROPN"
        elif tok.text.isdigit():
            pos = "NUM"
        else:
            pos = "X"
        out.append(PToken(tok.text, tok.start, tok.end, _simple_lemma(tok.text, lang), pos))
    return out


def ru_tokens(natasha_tokens: Sequence[Any]) -> list[PToken]:
    from sujet.entities.natasha_models import natasha_models

    vocab = natasha_models().vocab
    stems = _ru_stems()
    out = []
    for t in natasha_tokens:
        word = t.text.lower()
        # Lemmatising is the costly part: only words that may be a head, modifier or linking
        # verb (same first three letters as one) are looked up; the rest keep their own form.
        if fold(word)[:3] in stems:
            lemma = _ru_lemma(vocab, word, t.pos, tuple(sorted((t.feats or {}).items())))
        else:
            lemma = fold(word)
        out.append(PToken(t.text, t.start, t.stop, lemma, t.pos or "X", t))
    return out


@lru_cache(maxsize=1)
def _ru_stems() -> frozenset[str]:
    words = heads("ru") | _MODIFIERS["ru"] | _LINK_VERBS | _LINK_FILLERS
    return frozenset(fold(w)[:3] for w in words) | frozenset(
        fold(p)[:3] for w in heads("ru") if "-" in w for p in w.split("-")
    )


_RU_LEMMA_CACHE: dict[tuple[str, str], str] = {}


def _ru_lemma(vocab: Any, word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    key = (word, pos)
    hit = _RU_LEMMA_CACHE.get(key)
    if hit is not None:
        return hit
    try:
        lemma = str(vocab.lemmatize(word, pos, dict(feats))).replace("ё", "е")
    except Exception:  # noqa: BLE001 - unknown tags: fall back to the word
        lemma = word
    if len(_RU_LEMMA_CACHE) < 200_000:
        _RU_LEMMA_CACHE[key] = lemma
    return lemma
