"""A CRF sequence tagger (python-crfsuite) over :mod:`crf_features`, with BIO decoding."""

from __future__ import annotations

import gzip
import threading
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sujet.entities.gazetteer import fold
from sujet.entities.ner.crf_features import KnownNames, doc_lower_words, sentence_features
from sujet.entities.ner.person_repair import repair_person_spans
from sujet.entities.span import Span
from sujet.entities.tokenize import Token, tokenize, tokenized_sentences
from sujet.errors import ModelError
from sujet.model import EntityType

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
_TYPES: frozenset[str] = frozenset({"PER", "ORG", "LOC"})


def bio_labels(tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO label of each token given gold (start, end, type) spans."""
    labels = ["O"] * len(tokens)
    for s, e, t in spans:
        first = True
        for i, tok in enumerate(tokens):
            if tok.start >= s and tok.end <= e:
                labels[i] = ("B-" if first else "I-") + t
                first = False
    return labels


def known_names(
    docs: Iterable[tuple[str, list[tuple[int, int, str]]]],
) -> dict[tuple[str, ...], str]:
    """Names of the gold spans of ``(text, spans)`` documents -> their most frequent type.

    A person's last name alone counts too, at half weight ("Merkel" after "Angela Merkel").
    """
    votes: defaultdict[tuple[str, ...], defaultdict[str, float]] = defaultdict(
        lambda: defaultdict(float)
    )
    for text, spans in docs:
        for s, e, typ in spans:
            toks = tuple(fold(t.text) for t in tokenize(text[s:e]))
            if not toks:
                continue
            votes[toks][typ] += 1
            if typ == "PER" and len(toks) > 1:
                votes[toks[-1:]]["PER"] += 0.5
    return {k: max(v, key=lambda t: (v[t], t)) for k, v in votes.items()}


def write_known_names(names: KnownNames, path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for toks, typ in sorted(names.items()):
            fh.write(typ + "\t" + " ".join(toks) + "\n")


def read_known_names(path: Path) -> dict[tuple[str, ...], str]:
    """The known-name map written by :func:`write_known_names`; empty when the file is missing."""
    if not path.is_file():
        return {}
    out: dict[tuple[str, ...], str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            typ, _, phrase = line.rstrip("\n").partition("\t")
            if phrase:
                out[tuple(phrase.split(" "))] = typ
    return out


def decode(text: str, tokens: list[Token], labels: list[str]) -> list[Span]:
    """Spans of a BIO sequence; an I- that does not continue a span of its type starts one."""
    spans: list[Span] = []
    cur: tuple[int, int, str] | None = None
    for tok, lab in zip(tokens, labels, strict=True):
        if lab == "O":
            if cur:
                spans.append(_span(text, *cur))
            cur = None
            continue
        pre, typ = lab.split("-", 1)
        if cur and pre == "I" and cur[2] == typ:
            cur = (cur[0], tok.end, typ)
        else:
            if cur:
                spans.append(_span(text, *cur))
            cur = (tok.start, tok.end, typ)
    if cur:
        spans.append(_span(text, *cur))
    return [s for s in spans if s.type in _TYPES]


def _span(text: str, s: int, e: int, t: str) -> Span:
    typ: EntityType = t if t in ("PER", "ORG", "LOC") else "ORG"  # type: ignore[assignment]
    return Span(s, e, typ, text[s:e])


class CRFRecognizer:
    """Tags each sentence of a text with a trained crfsuite model."""

    def __init__(
        self,
        model: Path,
        lang: str,
        feature_lang: str | None = None,
        known: Path | None = None,
    ) -> None:
        if not model.is_file():
            raise ModelError(f"NER model missing: {model} (run scripts/train_ner.py)")
        import pycrfsuite

        self.lang = lang
        self._feature_lang = feature_lang or lang
        self._tagger: Any = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self._lock = threading.Lock()  # a crfsuite Tagger is not safe to share across threads
        self._known = read_known_names(known) if known is not None else {}

    def recognize(self, text: str) -> list[Span]:
        lower = doc_lower_words(text)
        spans: list[Span] = []
        for toks in tokenized_sentences(text):
            words = [t.text for t in toks]
            feats = sentence_features(words, self._feature_lang, lower, self._known)
            with self._lock:
                labels = self._tagger.tag(feats)
            spans.extend(repair_person_spans(text, toks, decode(text, toks, labels)))
        return spans
