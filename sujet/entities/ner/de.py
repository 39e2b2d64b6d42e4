"""German NER: the CRF model of scripts/train_ner.py (:mod:`sujet.entities.ner.training`).

Trained on GermEval 2014 + Europarl-de dev, the SmartData news set and a sample of the LER legal
set, with the word clusters of scripts/build_ner_clusters.py. A name lexicon of the training
data (``ner_known_de.tsv.gz``) is read when the model was trained with one (``--known-names``).
"""

from __future__ import annotations

from sujet.entities.ner import Recognizer
from sujet.entities.ner.crf import MODELS_DIR, CRFRecognizer


def make() -> Recognizer:
    """The recogniser of the German profile (:mod:`sujet.lang.de`)."""
    return CRFRecognizer(
        MODELS_DIR / "ner_de.crfsuite", "de", known=MODELS_DIR / "ner_known_de.tsv.gz"
    )
