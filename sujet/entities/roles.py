"""The mentions and person-position pairs of one text: the one entry point that the product
(:func:`sujet.entities.analyze.analyze_entities`) calls and the roles harness
(``sujet eval roles``) measures.

The recogniser comes from the language profile; where it parses the text into tokens with
lemmas (natasha), the roles are read from those tokens and the pairs may cross sentences;
otherwise sentence by sentence from simple tokens. The role rules are the profile's ``roles``.
"""

from __future__ import annotations

from typing import Any

from sujet.entities.normalize import ru_normal, strip_titles, vote_genitive
from sujet.entities.positions import PToken, RoleMatch, find_roles, ru_tokens, simple_tokens
from sujet.entities.span import Span
from sujet.entities.tokenize import sentences
from sujet.lang import profile


def _parsed(text: str, rec: Any, rules: str) -> tuple[list[tuple[Span, str]], list[RoleMatch]]:
    """Mentions and roles from a recogniser that parses the text (tokens, lemmas, spans)."""
    from sujet.entities.natasha_models import natasha_models

    parsed = rec.parse(text)
    vocab = natasha_models().vocab
    found = []
    for sp in parsed.spans:
        toks = [t for t in parsed.tokens if t.start >= sp.start and t.stop <= sp.end]
        normal = ru_normal(vocab, toks, sp.type) if toks else sp.text
        found.append((sp, normal or sp.text))
    persons = [s for s in parsed.spans if s.type == "PER"]
    return found, find_roles(text, ru_tokens(parsed.tokens), persons, rules)


def mentions_and_roles(text: str, lang: str) -> tuple[list[tuple[Span, str]], list[RoleMatch]]:
    """(span, normal form) of each mention and the person-position pairs of one text."""
    if not text.strip():
        return [], []
    from sujet.entities.ner import get_recognizer
    from sujet.entities.ner.ru import NatashaRecognizer

    rules = profile(lang).roles
    rec = get_recognizer(lang)
    if isinstance(rec, NatashaRecognizer):
        return _parsed(text, rec, rules)
    spans = rec.recognize(text)
    normals = vote_genitive([strip_titles(s.text) for s in spans], [s.type for s in spans])
    found = list(zip(spans, normals, strict=True))
    roles: list[RoleMatch] = []
    persons = [s for s in spans if s.type == "PER"]
    for s, e in sentences(text):
        sent_persons = [p for p in persons if s <= p.start and p.end <= e]
        if sent_persons:
            toks = [
                PToken(t.text, t.start + s, t.end + s, t.lemma, t.pos)
                for t in simple_tokens(text[s:e], rules)
            ]
            roles.extend(find_roles(text, toks, sent_persons, rules))
    return found, roles


def roles_in_text(text: str, lang: str) -> list[RoleMatch]:
    """The person-position pairs of ``text`` in ``lang`` (what articles get)."""
    return mentions_and_roles(text, (lang or "xx")[:2])[1]
