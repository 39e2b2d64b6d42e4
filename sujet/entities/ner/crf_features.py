"""Token features of the CRF tagger (German, used for English too).

Shape, affixes, capitalisation in context (sentence-initial or inside), membership in the
hand-written gazetteers, trigger words (titles before persons, organisation and place heads),
word clusters at three granularities (:mod:`sujet.entities.ner.clusters`) and matches of names
known from the training data (``known``: a phrase -> type map, longest match first), in a
window of two tokens.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from sujet.entities.gazetteer import fold, given_names, org_words, place_words
from sujet.entities.ner.clusters import CLUSTER_SIZES, load_clusters, word_clusters
from sujet.lang import profile

# The folded form of a word, remembered: the tagger folds every word several times.
_fold = lru_cache(maxsize=200_000)(fold)

# Known names: lower-cased token tuple -> "PER" / "LOC" / "ORG".
KnownNames = Mapping[tuple[str, ...], str]
MAX_KNOWN_TOKENS = 6


@lru_cache(maxsize=100_000)
def shape(word: str) -> str:
    s = re.sub(r"[A-ZÄÖÜÀ-ÝА-ЯЁ]", "X", word)
    s = re.sub(r"[a-zäöüßà-ÿа-яё]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1{2,}", r"\1\1", s)  # "Xxxxxx" -> "Xxx": short shapes


@lru_cache(maxsize=100_000)
def _word_features(word: str, lang: str) -> tuple[str, ...]:
    low = fold(word)
    f = [
        "w=" + low,
        "sh=" + shape(word),
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p3=" + low[:3],
    ]
    if word[:1].isupper():
        f.append("title")
    if word.isupper() and len(word) > 1:
        f.append("upper")
    if any(c.isdigit() for c in word):
        f.append("digit")
    if "-" in word:
        f.append("hyphen")
        f.append("last=" + low.rsplit("-", 1)[-1])
    if len(word) <= 2:
        f.append("short")
    if low in place_words(lang) or low in place_words("en"):
        f.append("gaz_loc")
    if low in org_words(lang) or low in org_words("en"):
        f.append("gaz_org")
    if word[:1].isupper() and low in given_names():
        f.append("gaz_first")
    triggers = profile(lang).ner
    if low in triggers.person_before:
        f.append("trig_per")
    if low in triggers.org_heads:
        f.append("trig_org")
    if low in triggers.place_heads:
        f.append("trig_loc")
    for head in triggers.org_heads:
        if len(head) > 4 and low.endswith(head) and low != head:
            f.append("cmp_org")
            break
    if low[:-1] in place_words(lang) or low[:-2] in place_words(lang):
        f.append("gaz_loc_infl")  # "Deutschlands", "Europas", "Berliner"
    return tuple(f)


@lru_cache(maxsize=200_000)
def _extra_features(word: str) -> tuple[str, ...]:
    """Cluster ids and the longer affixes of a word (not copied to the neighbours' features)."""
    low = fold(word)
    f: list[str] = []
    clusters = load_clusters()
    if clusters:
        ids = word_clusters(word, clusters)
        f += [f"k{size}={c}" for size, c in zip(CLUSTER_SIZES, ids, strict=False)]
        if not ids:
            f.append("k=none")
    f += ["p2=" + low[:2], "p4=" + low[:4], "s1=" + low[-1:]]
    if "-" in word:
        f.append("first=" + low.split("-", 1)[0])
    return tuple(f)


@lru_cache(maxsize=400_000)
def _neighbour_features(word: str, lang: str, off: int) -> tuple[str, ...]:
    """The features a word lends to the word ``off`` positions away: its form, shape and cues
    (not its affixes)."""
    return tuple(
        f"{off}:{g}"
        for g in _word_features(word, lang)
        if g.startswith(("w=", "sh=")) or not g.startswith(("s", "p"))
    )


@lru_cache(maxsize=400_000)
def _neighbour_clusters(word: str, off: int) -> tuple[str, ...]:
    return tuple(f"{off}:{x}" for x in _extra_features(word) if x.startswith(("k64=", "k256=")))


def known_name_features(
    words: list[str], known: KnownNames | None, low: list[str] | None = None
) -> list[list[str]]:
    """B/I marks of the longest known names starting at capitalised words, left to right
    (``low``: the folded words, when the caller has them)."""
    out: list[list[str]] = [[] for _ in words]
    if not known:
        return out
    if low is None:
        low = [_fold(w) for w in words]
    n, i = len(words), 0
    while i < n:
        hit: tuple[int, str] | None = None
        if words[i][:1].isupper() or words[i][:1].isdigit():
            for size in range(min(MAX_KNOWN_TOKENS, n - i), 0, -1):
                typ = known.get(tuple(low[i : i + size]))
                if typ:
                    hit = (size, typ)
                    break
        if hit is None:
            i += 1
            continue
        for j in range(i, i + hit[0]):
            out[j].append(("tg_B-" if j == i else "tg_I-") + hit[1])
        i += hit[0]
    return out


def sentence_features(
    words: list[str],
    lang: str,
    doc_lower: frozenset[str] = frozenset(),
    known: KnownNames | None = None,
) -> list[list[str]]:
    """Features of each word of a sentence.

    ``doc_lower`` are the words the document also writes in lower case; ``known`` maps names
    seen in training to their type.
    """
    base = [_word_features(w, lang) for w in words]
    extra = [_extra_features(w) for w in words]
    low = [_fold(w) for w in words]
    marks = known_name_features(words, known, low)
    determiners = profile(lang).determiners
    out: list[list[str]] = []
    n = len(words)
    for i, w in enumerate(words):
        f = ["bias", *base[i]]
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        if w[:1].isupper() and low[i] in doc_lower:
            f.append("also_lower")  # a capitalised word the document also writes in lower case
        if i > 0 and low[i - 1] in determiners:
            f.append("after_det")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(_neighbour_features(words[j], lang, off))
            else:
                f.append(f"{off}:pad")
        if i > 0:
            f.append("bi=" + low[i - 1] + "|" + low[i])
        f.extend(extra[i])
        f.extend(marks[i])
        if w[:1].isupper():
            f.append("cap_bos" if i == 0 else "cap_in")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(_neighbour_clusters(words[j], off))
                f += [f"{off}:{x}" for x in marks[j]]
        out.append(f)
    return out


def doc_lower_words(text: str) -> frozenset[str]:
    return frozenset(m.group() for m in re.finditer(r"\b[a-zäöüßа-яё][\w-]*", text))
