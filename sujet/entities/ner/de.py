"""German NER: the CRF model trained by scripts/train_ner.py on GermEval 2014 + Europarl-de.

The model comes with the names of its training data (``ner_known_de.tsv.gz``, a feature) and
uses the word clusters of scripts/build_ner_clusters.py.
"""

from __future__ import annotations

from sujet.entities.ner import Recognizer, register
from sujet.entities.ner.crf import MODELS_DIR, CRFRecognizer


@register("de")
def _make() -> Recognizer:
    return CRFRecognizer(
        MODELS_DIR / "ner_de.crfsuite", "de", known=MODELS_DIR / "ner_known_de.tsv.gz"
    )
