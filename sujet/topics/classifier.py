"""The topic of an article: a multinomial logistic head over multilingual-e5.

The input is the text event clustering already embeds (title and a short lead, see
:func:`sujet.stories.represent.headline_and_rest`), so the e5 vector of an article that was
clustered comes from the embedding cache and a topic costs one small matrix product. The head is
trained by ``scripts/train_topics.py`` on the labelled dev articles and the project's own seed
headlines (``data/seed_headlines.tsv``); its weights are ``models/topics_e5.json``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sujet.errors import InputError
from sujet.stories.encoder import EmbeddingCache, embed_texts, get_encoder
from sujet.stories.represent import DEEP_LEAD_CHARS, headline_and_rest, lead_of
from sujet.topics.scheme import TOPICS

MODEL_PATH = Path(__file__).with_name("models") / "topics_e5.json"
SEEDS_PATH = Path(__file__).with_name("data") / "seed_headlines.tsv"


def topic_text(title: str | None, text: str | None) -> str:
    """What the topic is read from: the same title + short lead the event encoder embeds."""
    head, rest = headline_and_rest(title, text or "")
    short = lead_of(rest, DEEP_LEAD_CHARS)
    return f"{head}\n{short}" if short else head


@dataclass(slots=True, frozen=True)
class TopicModel:
    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, dim)
    intercept: np.ndarray  # (classes,)
    encoder: str = "e5"

    def predict_vectors(self, vectors: np.ndarray) -> list[str]:
        if len(vectors) == 0:
            return []
        scores = vectors @ self.coef.T + self.intercept
        return [self.classes[i] for i in scores.argmax(axis=1)]

    def predict(self, texts: Sequence[str], *, cache: EmbeddingCache | None = None) -> list[str]:
        if not texts:
            return []
        return self.predict_vectors(embed_texts(get_encoder(self.encoder), texts, cache=cache))

    def to_json(self) -> dict[str, object]:
        return {"encoder": self.encoder, "classes": list(self.classes),
                "coef": [[round(float(x), 6) for x in row] for row in self.coef],
                "intercept": [round(float(x), 6) for x in self.intercept]}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> TopicModel:
        classes = tuple(str(c) for c in data["classes"])  # type: ignore[attr-defined]
        unknown = set(classes) - set(TOPICS)
        if unknown:
            raise InputError(f"topic model has unknown topics: {sorted(unknown)}")
        return cls(classes=classes, coef=np.asarray(data["coef"], dtype=np.float32),
                   intercept=np.asarray(data["intercept"], dtype=np.float32),
                   encoder=str(data.get("encoder", "e5")))


_LOCK = threading.Lock()
_MODELS: dict[Path, TopicModel] = {}


def load_topic_model(path: Path = MODEL_PATH) -> TopicModel:
    """The shipped topic head, loaded once per process."""
    with _LOCK:
        model = _MODELS.get(path)
        if model is None:
            model = TopicModel.from_json(json.loads(path.read_text(encoding="utf-8")))
            _MODELS[path] = model
        return model


def assign_topics(items: Sequence[tuple[str | None, str | None]], *,
                  cache: EmbeddingCache | None = None,
                  model: TopicModel | None = None) -> list[str]:
    """Topics of (title, text) pairs, in order."""
    model = model or load_topic_model()
    return model.predict([topic_text(t, x) for t, x in items], cache=cache)


def read_seed_headlines(path: Path = SEEDS_PATH) -> list[tuple[str, str, str]]:
    """The project's seed headlines: (topic, lang, headline)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        topic, lang, headline = line.split("\t", 2)
        rows.append((topic, lang, headline))
    return rows
