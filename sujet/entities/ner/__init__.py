"""Named-entity recognisers behind a registry keyed by language.

A language plugs in by adding a module that decorates a factory with :func:`register`; the
factory is called once per process, on first use. Languages without a module get the
language-agnostic fallback tagger, so :func:`get_recognizer` never fails for a language code.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Callable
from typing import Protocol

from sujet.entities.span import Span


class Recognizer(Protocol):
    """Finds PER / ORG / LOC spans in a text."""

    lang: str

    def recognize(self, text: str) -> list[Span]: ...


Factory = Callable[[], Recognizer]

_FACTORIES: dict[str, Factory] = {}
_INSTANCES: dict[str, Recognizer] = {}
_LOCK = threading.Lock()
_loaded_builtins = False


def register(lang: str) -> Callable[[Factory], Factory]:
    """Decorator: register ``factory`` as the recogniser of ``lang`` (ISO 639-1)."""

    def deco(factory: Factory) -> Factory:
        _FACTORIES[lang] = factory
        return factory

    return deco


def _load_builtins() -> None:
    global _loaded_builtins
    if _loaded_builtins:
        return
    # Every module of this package named by a language code registers that language; they are
    # imported on first lookup so that importing the package stays cheap (no models, no numpy).
    for info in pkgutil.iter_modules(__path__):
        if len(info.name) == 2 and info.name.isalpha():
            importlib.import_module(f"{__name__}.{info.name}")
    _loaded_builtins = True


def languages() -> list[str]:
    """Languages with a dedicated recogniser."""
    _load_builtins()
    return sorted(_FACTORIES)


def get_recognizer(lang: str | None) -> Recognizer:
    """The recogniser of ``lang``, built once per process; the fallback for unknown languages."""
    key = (lang or "").lower()[:2] or "xx"
    inst = _INSTANCES.get(key)
    if inst is not None:
        return inst
    with _LOCK:
        inst = _INSTANCES.get(key)
        if inst is None:
            _load_builtins()
            factory = _FACTORIES.get(key)
            if factory is None:
                from sujet.entities.ner.fallback import FallbackRecognizer

                inst = FallbackRecognizer(key)
            else:
                inst = factory()
            _INSTANCES[key] = inst
    return inst


def recognize(text: str, lang: str | None) -> list[Span]:
    """Shortcut: spans of ``text`` by the recogniser of ``lang``."""
    return get_recognizer(lang).recognize(text)
