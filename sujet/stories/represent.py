"""Article representations for event similarity: embeddings of title and lead, light keys,
optional entity keys, and the publication day.

Two encoders read each article: the distilled USE table embeds the title and the title + lead
(cheap; topic vectors for storylines and the fast decision), and multilingual-e5 embeds the
title and a shorter lead (``DEEP_LEAD_CHARS``) for the same-event decision, when asked. Texts are
embedded in one batched call per field through the content-hash cache, so a later run (or the
other stage that needs the same texts) pays nothing for what it has seen.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from sujet.model import Article
from sujet.stories.encoder import EmbeddingCache, embed_texts, get_encoder
from sujet.stories.keys import LightKeys, light_keys, name_key

TITLE_MAX = 240
LEAD_CHARS = 400  # about the first two or three sentences after the headline
# The e5 lead is shorter: e5 costs under 2 ms per token per core. On the dev pairs (grouped
# 5-fold CV of the decision model, scripts/compare_encoders.py) title + 250 characters (about
# 120 tokens) scores as title + 400 (SemEval Pearson 0.775 against 0.778, tg F1 0.870 against
# 0.857) for four fifths of the cost; title + 150 loses more (0.767, 0.854).
DEEP_LEAD_CHARS = 250

_SENT_RE = re.compile(r"(?<=[.!?…»\"])\s+(?=[\"«(]?[A-ZА-ЯЁÄÖÜ0-9])")


@dataclass(slots=True)
class ArticleRepr:
    """What event clustering knows about one article."""

    id: str
    language: str | None
    title: str  # the article's title, or its first line or sentence when it has none
    lead: str
    date: str | None  # ISO as precise as known
    day: int | None  # proleptic ordinal of the date (mid-month / mid-year when less precise)
    span: tuple[int, int] | None  # first and last possible day of the date
    vec_title: np.ndarray  # distilled USE
    vec_lead: np.ndarray  # distilled USE of title + lead
    keys: LightKeys
    entity_keys: frozenset[str] | None = None  # entity ids when the entity stage gave them
    entity_names: dict[str, str] = field(default_factory=dict)  # entity id -> display name
    stems: dict[str, float] = field(default_factory=dict)  # content-word stems, unit norm
    length: int = 0
    has_title: bool = True
    vec_deep: np.ndarray | None = None  # multilingual-e5 of title + short lead, when asked
    duplicate_of: str | None = None
    source: str | None = None
    site: str | None = None
    agency: str | None = None

    @property
    def year(self) -> int | None:
        if self.date and self.date[:4].isdigit():
            return int(self.date[:4])
        return None


_NOT_AN_END = re.compile(r"(?:\b\d{1,2}|\b[A-ZА-ЯЁ]|\b(?:г|гг|ул|им|т\.е|Dr|Nr|St|bzw|ca|vgl|Mr|Mrs|Ms))\.$")


def split_sentences(text: str) -> list[str]:
    """Sentences of a text; "30. August", initials and common abbreviations do not end one."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        pending = ""
        for s in _SENT_RE.split(para.strip()):
            s = s.strip()
            if not s:
                continue
            pending = f"{pending} {s}" if pending else s
            if not _NOT_AN_END.search(pending):
                out.append(pending)
                pending = ""
        if pending:
            out.append(pending)
    return out


def headline_and_rest(title: str | None, text: str) -> tuple[str, list[str]]:
    """The title (or, without one, the text's first line or sentence) and the sentences after."""
    sentences = split_sentences(text)
    if title and title.strip():
        return title.strip()[:TITLE_MAX], sentences
    first_line = text.strip().split("\n", 1)[0].strip()
    if first_line and len(first_line) <= TITLE_MAX and len(sentences) > 1:
        rest = split_sentences(text.strip()[len(first_line) :])
        return first_line, rest
    if sentences:
        return sentences[0][:TITLE_MAX], sentences[1:]
    return text.strip()[:TITLE_MAX], []


def lead_of(sentences: Sequence[str], chars: int = LEAD_CHARS) -> str:
    out: list[str] = []
    n = 0
    for s in sentences:
        out.append(s)
        n += len(s)
        if n >= chars:
            break
    return " ".join(out)


def span_of(iso: str | None) -> tuple[int, int] | None:
    """First and last possible day (ordinals) of an ISO date of any precision."""
    if not iso:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso)
    if not m:
        return None
    try:
        y = int(m.group(1))
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3))).toordinal()
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            first = date(y, mo, 1).toordinal()
            nxt = date(y + (mo == 12), mo % 12 + 1, 1).toordinal()
            return first, nxt - 1
        return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
    except ValueError:
        return None


def day_of(iso: str | None) -> int | None:
    """Ordinal of the middle of the date's span (the day itself when known to the day)."""
    span = span_of(iso)
    return None if span is None else (span[0] + span[1]) // 2


def span_gap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int | None:
    """The smallest number of days that can lie between two dates (None when one is unknown)."""
    if a is None or b is None:
        return None
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


@dataclass(slots=True)
class ArticleInput:
    """The fields representations need; build one from an Article with :func:`input_of`."""

    id: str
    text: str
    title: str | None = None
    language: str | None = None
    date: str | None = None
    duplicate_of: str | None = None
    source: str | None = None
    site: str | None = None
    agency: str | None = None


def input_of(article: Article) -> ArticleInput:
    return ArticleInput(id=article.id, text=article.text, title=article.title,
                        language=article.language, date=article.date,
                        duplicate_of=article.duplicate_of, source=article.source,
                        site=article.site, agency=article.agency)


def represent(
    articles: Sequence[Article | ArticleInput],
    *,
    deep: bool = False,
    cache: EmbeddingCache | None = None,
    entity_keys: Mapping[str, Sequence[str]] | None = None,
    entity_names: Mapping[str, str] | None = None,
) -> list[ArticleRepr]:
    """Representations of a batch of articles.

    ``deep``: also embed title and short lead with multilingual-e5 (``vec_deep``), which the
    e5 pair model needs; a duplicate is never compared, so it is not embedded. ``entity_keys``
    maps an article id to the ids of the entities mentioned in it (from the entity stage);
    ``entity_names`` maps entity ids to display names used in explanations.
    """
    static = get_encoder("static")
    items = [input_of(a) if isinstance(a, Article) else a for a in articles]
    titles: list[str] = []
    leads: list[str] = []
    deep_texts: dict[int, str] = {}
    for i, it in enumerate(items):
        title, rest = headline_and_rest(it.title, it.text)
        lead = lead_of(rest)
        titles.append(title)
        leads.append(f"{title}\n{lead}" if lead else title)
        if deep and not it.duplicate_of:
            short = lead_of(rest, DEEP_LEAD_CHARS)
            deep_texts[i] = f"{title}\n{short}" if short else title
    v_title = embed_texts(static, titles, cache=cache)
    v_lead = embed_texts(static, leads, cache=cache)
    v_deep: dict[int, np.ndarray] = {}
    if deep_texts:
        order = sorted(deep_texts)
        rows = embed_texts(get_encoder("e5"), [deep_texts[i] for i in order], cache=cache)
        v_deep = dict(zip(order, rows, strict=True))
    names = dict(entity_names or {})
    out: list[ArticleRepr] = []
    for i, it in enumerate(items):
        ents = None
        if entity_keys is not None and it.id in entity_keys:
            ents = frozenset(entity_keys[it.id])
        out.append(ArticleRepr(
            id=it.id, language=it.language, title=titles[i], lead=leads[i],
            date=it.date, day=day_of(it.date), span=span_of(it.date),
            vec_title=v_title[i], vec_lead=v_lead[i], vec_deep=v_deep.get(i),
            keys=light_keys(titles[i], it.text), entity_keys=ents, stems=stem_vector(it.text),
            entity_names={k: names[k] for k in (ents or ()) if k in names},
            length=len(it.text), has_title=bool(it.title and it.title.strip()),
            duplicate_of=it.duplicate_of, source=it.source, site=it.site, agency=it.agency,
        ))
    return out


_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def stem_vector(text: str, max_chars: int = 4000) -> dict[str, float]:
    """Sublinear counts of content-word stems (transliterated 5-letter skeleton prefixes),
    L2-normalised: a lexical view that also matches names across scripts."""
    counts: Counter[str] = Counter(name_key(w) for w in _WORD.findall(text[:max_chars]))
    counts.pop("", None)
    weights = {k: 1.0 + math.log(c) for k, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {k: v / norm for k, v in weights.items()}


class _Collected:
    """An :class:`EmbeddingCache` that remembers nothing and keeps what is put into it."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, bytes]] = []

    def get_cached(self, namespace: str, keys: Sequence[str]) -> dict[str, bytes]:
        return {}

    def put_cached(self, namespace: str, items: Sequence[tuple[str, bytes]]) -> None:
        self.items.extend((namespace, k, v) for k, v in items)


def article_vectors(article: Article | ArticleInput, *,
                    deep: bool = False) -> list[tuple[str, str, bytes]]:
    """The vectors :func:`represent` needs for one article, as embedding-cache entries
    (namespace, content key, vector bytes): computed anywhere (a worker process), put into the
    store's cache, then :func:`represent` reads them instead of encoding."""
    collected = _Collected()
    represent([article], deep=deep, cache=collected)
    return collected.items
