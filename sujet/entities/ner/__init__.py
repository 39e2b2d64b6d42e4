"""Named-entity recognisers, chosen by the language profile (:mod:`sujet.lang`).

A profile names its recogniser with a factory (``LanguageProfile.recognizer``), called once per
process on first use; a profile without one, and every language without a profile, gets the
rule-based tagger (:class:`~sujet.entities.ner.fallback.FallbackRecognizer`) with the profile's
trigger words, so :func:`get_recognizer` never fails for a language code. :func:`register`
sets a recogniser for a code at run time, ahead of its profile's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol, cast

from sujet import lang as languages_
from sujet.entities.span import Span


class Recognizer(Protocol):
    """Finds PER / ORG / LOC spans in a text."""

    lang: str

    def recognize(self, text: str) -> list[Span]: ...


Factory = Callable[[], Recognizer]

_FACTORIES: dict[str, Factory] = {}
_INSTANCES: dict[tuple[str, int], Recognizer] = {}
_LOCK = threading.Lock()


def register(lang: str) -> Callable[[Factory], Factory]:
    """Decorator: register ``factory`` as the recogniser of ``lang`` (ISO 639-1)."""

    def deco(factory: Factory) -> Factory:
        with _LOCK:
            _FACTORIES[lang] = factory
            for key in [k for k in _INSTANCES if k[0] == lang]:
                del _INSTANCES[key]
        return factory

    return deco


def languages() -> list[str]:
    """Languages with recognition of their own: a model, or trigger words of their profile."""
    own = {
        p.code
        for p in languages_.profiles()
        if p.recognizer is not None or p.ner != languages_.NerTriggers()
    }
    return sorted(own | set(_FACTORIES))


def _build(key: str) -> Recognizer:
    factory = _FACTORIES.get(key)
    if factory is not None:
        return factory()
    prof = languages_.profile(key)
    if prof.recognizer is not None:
        return cast(Recognizer, prof.recognizer())
    from sujet.entities.ner.fallback import FallbackRecognizer

    return FallbackRecognizer(key)


def get_recognizer(lang: str | None) -> Recognizer:
    """The recogniser of ``lang``, built once per process (and per set of profiles)."""
    key = (lang or "").lower()[:2] or "xx"
    slot = (key, languages_.generation())
    inst = _INSTANCES.get(slot)
    if inst is not None:
        return inst
    with _LOCK:
        inst = _INSTANCES.get(slot)
        if inst is None:
            inst = _build(key)
            _INSTANCES[slot] = inst
    return inst


def recognize(text: str, lang: str | None) -> list[Span]:
    """Shortcut: spans of ``text`` by the recogniser of ``lang``."""
    return get_recognizer(lang).recognize(text)
