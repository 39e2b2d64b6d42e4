"""Russian NER: natasha's news tagger plus boundary post-rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sujet.entities.natasha_models import natasha_models
from sujet.entities.ner import Recognizer
from sujet.entities.ner.ru_rules import postprocess
from sujet.entities.span import Span


@dataclass(slots=True)
class RuParse:
    spans: list[Span]
    tokens: list[Any]  # natasha DocToken: text, start, stop, pos, feats
    sentences: list[tuple[int, int]]


class NatashaRecognizer:
    """natasha ``NewsNERTagger`` over razdel tokens, then :func:`postprocess`."""

    lang = "ru"

    def __init__(self, *, rules: bool = True) -> None:
        self._models = natasha_models()
        self._rules = rules

    def raw_spans(self, text: str) -> list[Span]:
        """natasha's spans as they come (no post-rules)."""
        from natasha import Doc

        m = self._models
        doc = Doc(text)
        doc.segment(m.segmenter)
        doc.tag_ner(m.ner)
        return [Span(s.start, s.stop, s.type, text[s.start : s.stop]) for s in doc.spans]

    def parse(self, text: str) -> RuParse:
        """Spans (post-rules applied) and morphology-tagged tokens of one text, in one pass."""
        from natasha import Doc

        m = self._models
        doc = Doc(text)
        doc.segment(m.segmenter)
        doc.tag_ner(m.ner)
        doc.tag_morph(m.morph)
        raw = [Span(s.start, s.stop, s.type, text[s.start : s.stop]) for s in doc.spans]
        spans = postprocess(text, raw, self.lemma) if self._rules else raw
        return RuParse(spans, list(doc.tokens), [(s.start, s.stop) for s in doc.sents])

    def recognize(self, text: str) -> list[Span]:
        spans = self.raw_spans(text)
        return postprocess(text, spans, self.lemma) if self._rules else spans

    def lemma(self, word: str) -> str:
        """The dictionary form of a word, capitalised like the word (pymorphy via natasha)."""
        return _lemma(self._models.vocab, word)


@lru_cache(maxsize=50_000)
def _lemma_cached(vocab_id: int, word: str) -> str:
    forms = _VOCABS[vocab_id](word.lower())
    if not forms:
        return word
    norm = str(forms[0].normal)
    return norm[:1].upper() + norm[1:] if word[:1].isupper() else norm


_VOCABS: dict[int, Any] = {}


def _lemma(vocab: Any, word: str) -> str:
    _VOCABS.setdefault(id(vocab), vocab)
    return _lemma_cached(id(vocab), word)


def make() -> Recognizer:
    """The recogniser of the Russian profile (:mod:`sujet.lang.ru`)."""
    return NatashaRecognizer()
