"""Article representations for event similarity: embeddings of title, lead and body, light keys,
optional entity keys, and the publication day.

Texts are embedded in one batched call per field through the content-hash cache, so a later run
(or the other stage that needs the same texts) pays nothing for what it has seen.
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
from sujet.stories.encoder import EmbeddingCache, TextEncoder, embed_texts, get_encoder
from sujet.stories.keys import LightKeys, light_keys, name_key, skeleton

TITLE_MAX = 240
LEAD_CHARS = 400  # about the first two or three sentences after the headline
CHUNK_CHARS = 700
MAX_CHUNKS = 4  # news puts what matters first; later chunks add cost, not signal

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
    vec_title: np.ndarray
    vec_lead: np.ndarray  # title + lead
    vec_body: np.ndarray  # mean of the body chunks, normalised
    vec_chunks: np.ndarray  # [chunks, dim] one row per body chunk
    keys: LightKeys
    entity_keys: frozenset[str] | None = None  # entity ids when the entity stage gave them
    entity_names: dict[str, str] = field(default_factory=dict)  # entity id -> display name
    stems: dict[str, float] = field(default_factory=dict)  # content-word stems, unit norm
    stems_idf: dict[str, float] | None = None  # the stems weighted by IDF, once computed
    length: int = 0
    has_title: bool = True
    top_keys: frozenset[str] | None = None  # the five most frequent name keys, once computed
    title_skeleton: str = ""  # transliterated spelling skeleton of the title (fuzzy matching)
    encoder: str = ""  # name of the encoder that made the vectors
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


def body_chunks(sentences: Sequence[str], chars: int = CHUNK_CHARS,
                max_chunks: int = MAX_CHUNKS) -> list[str]:
    chunks: list[str] = []
    cur: list[str] = []
    n = 0
    for s in sentences:
        cur.append(s)
        n += len(s)
        if n >= chars:
            chunks.append(" ".join(cur))
            cur, n = [], 0
            if len(chunks) >= max_chunks:
                return chunks
    if cur:
        chunks.append(" ".join(cur))
    return chunks


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


def _normed(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return (v / n).astype(np.float32) if n > 0 else v.astype(np.float32)


def represent(
    articles: Sequence[Article | ArticleInput],
    *,
    encoder: TextEncoder | None = None,
    full_encoder: bool = False,
    cache: EmbeddingCache | None = None,
    entity_keys: Mapping[str, Sequence[str]] | None = None,
    entity_names: Mapping[str, str] | None = None,
) -> list[ArticleRepr]:
    """Representations of a batch of articles.

    ``entity_keys`` maps an article id to the ids of the entities mentioned in it (from the
    entity stage); articles absent from it fall back to light keys alone. ``entity_names`` maps
    entity ids to display names used in explanations.
    """
    enc = encoder if encoder is not None else get_encoder(full_encoder)
    items = [input_of(a) if isinstance(a, Article) else a for a in articles]
    titles: list[str] = []
    leads: list[str] = []
    chunk_texts: list[str] = []
    chunk_spans: list[tuple[int, int]] = []
    for it in items:
        title, rest = headline_and_rest(it.title, it.text)
        lead = lead_of(rest)
        chunks = body_chunks(rest) or [title]
        titles.append(title)
        leads.append(f"{title}\n{lead}" if lead else title)
        chunk_spans.append((len(chunk_texts), len(chunk_texts) + len(chunks)))
        chunk_texts.extend(chunks)
    v_title = embed_texts(enc, titles, cache=cache)
    v_lead = embed_texts(enc, leads, cache=cache)
    v_chunks = embed_texts(enc, chunk_texts, cache=cache)
    names = dict(entity_names or {})
    out: list[ArticleRepr] = []
    for i, it in enumerate(items):
        lo, hi = chunk_spans[i]
        ents = None
        if entity_keys is not None and it.id in entity_keys:
            ents = frozenset(entity_keys[it.id])
        out.append(ArticleRepr(
            id=it.id, language=it.language, title=titles[i], lead=leads[i],
            date=it.date, day=day_of(it.date), span=span_of(it.date),
            vec_title=v_title[i], vec_lead=v_lead[i], vec_body=_normed(v_chunks[lo:hi].mean(axis=0)), vec_chunks=v_chunks[lo:hi],
            keys=light_keys(titles[i], it.text), entity_keys=ents, stems=stem_vector(it.text),
            entity_names={k: names[k] for k in (ents or ()) if k in names},
            length=len(it.text), has_title=bool(it.title and it.title.strip()),
            title_skeleton=skeleton(titles[i]), encoder=enc.name, duplicate_of=it.duplicate_of, source=it.source, site=it.site,
            agency=it.agency,
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


def stem_cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def top_names(keys: LightKeys, n: int = 8) -> list[str]:
    """The most frequent name keys of an article (ties by key, for determinism)."""
    return [k for k, _ in sorted(keys.names.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
