"""The natasha models (Russian segmentation, NER, morphology), loaded once per process.

BLAS is capped at one thread before numpy is first imported: natasha's small matrix products
run about twice as fast that way on a shared machine (see DESIGN.md, "Offline models").
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


@dataclass(slots=True)
class NatashaModels:
    segmenter: Any
    ner: Any
    morph: Any
    vocab: Any


_models: NatashaModels | None = None
_lock = threading.Lock()


def natasha_models() -> NatashaModels:
    """The process-wide natasha models, built on first call (about a second)."""
    global _models
    if _models is not None:
        return _models
    with _lock:
        if _models is None:
            try:
                from natasha import (
                    MorphVocab,
                    NewsEmbedding,
                    NewsMorphTagger,
                    NewsNERTagger,
                    Segmenter,
                )
            except ImportError as err:  # pragma: no cover - natasha is a hard dependency
                from sujet.errors import ModelError

                raise ModelError(f"natasha is not installed: {err}") from err
            emb = NewsEmbedding()
            _models = NatashaModels(
                segmenter=Segmenter(),
                ner=NewsNERTagger(emb),
                morph=NewsMorphTagger(emb),
                vocab=MorphVocab(),
            )
    return _models
