"""Measure the choices behind the same-event decision on the dev pairs (semeval + tg).

Reports, as JSON lines:

- ``plain``: SemEval Pearson of plain cosines (nothing learned): the distilled USE on title and
  title + lead, e5 on the title and on title + lead with the ``query:`` and ``passage:``
  prefixes;
- ``language``: mean e5 lead cosine of labelled pairs in one language and in two, same event or
  not, raw and centred on each language's mean vector (centres from all dev texts: a
  description, not a model);
- ``lead``: grouped 5-fold CV of the shipped e5 feature set with title + 150, 250, 400 and 1,000
  characters of lead, with the e5 tokens per text and CPU milliseconds per text;
- ``features``: grouped 5-fold CV of the centred e5 cosine alone, of the shipped set, and of the
  shipped set with one more candidate signal.

Deterministic; e5 vectors are cached in ``--cache`` (the first run encodes about 1,650 texts in
seven views: most of an hour on one core).

    OMP_NUM_THREADS=1 .venv/bin/python scripts/compare_encoders.py
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from sujet.eval.metrics import pearson
from sujet.stories.encoder import DiskCache, E5Encoder, embed_texts
from sujet.stories.features import FeatureContext
from sujet.stories.represent import headline_and_rest, lead_of
from sujet.stories.training import (
    MODE_FEATURES,
    PairData,
    cross_validate,
    language_centres,
    load_pair_data,
)

DATA = Path(os.environ.get("SUJET_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
LEADS = (150, 250, 400, 1000)
CANDIDATES = ("use_lead", "names", "stems", "numbers", "years_conflict")


class QueryE5(E5Encoder):
    """e5 with the ``query:`` prefix (for the comparison only)."""

    def __init__(self) -> None:
        super().__init__()
        self.name = self.name.replace("-passage", "-query")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = self._model.encode([t if t and t.strip() else " " for t in texts], True)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)


def texts_of(data: PairData) -> list[tuple[str | None, str]]:
    """(title, text) of each representation, in the order of ``data.reprs``."""
    seen: dict[tuple[str, str], None] = {}
    for folder in ("semeval", "tg"):
        for line in (DATA / "pairs" / folder / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for side in ("1", "2"):
                seen.setdefault(((row.get(f"title{side}") or "").strip(), row.get(f"text{side}") or ""))
    out = [(t or None, x) for t, x in seen]
    assert len(out) == len(data.reprs)
    return out


def view(items: list[tuple[str | None, str]], chars: int | None) -> list[str]:
    """The title alone (``chars`` None) or the title and ``chars`` characters of lead."""
    out = []
    for title, text in items:
        head, rest = headline_and_rest(title, text)
        if chars is None:
            out.append(head)
        else:
            lead = lead_of(rest, chars)
            out.append(f"{head}\n{lead}" if lead else head)
    return out


def plain_pearson(data: PairData, vectors: np.ndarray) -> float:
    graded = ~np.isnan(data.graded)
    cos = np.array([float(vectors[a] @ vectors[b]) for a, b in data.pairs])
    return round(pearson(list(cos[graded]), list(-data.graded[graded])), 4)


def with_deep(data: PairData, vectors: np.ndarray) -> None:
    for r, v in zip(data.reprs, vectors, strict=True):
        r.vec_deep = v


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/sujet_pairs_emb.dbm"))
    args = ap.parse_args()
    cache = DiskCache(args.cache)
    try:
        data = load_pair_data([DATA / "pairs" / s for s in ("semeval", "tg")], deep=True,
                              cache=cache)
        items = texts_of(data)
        passage, query = E5Encoder(), QueryE5()
        shipped = np.stack([r.vec_deep for r in data.reprs if r.vec_deep is not None])
        use_title = np.stack([r.vec_title for r in data.reprs])
        use_lead = np.stack([r.vec_lead for r in data.reprs])
        plain = {"use_title": plain_pearson(data, use_title),
                 "use_lead": plain_pearson(data, use_lead),
                 "e5_lead_passage": plain_pearson(data, shipped)}
        for name, enc, chars in (("e5_lead_query", query, 250), ("e5_title_query", query, None),
                                 ("e5_title_passage", passage, None)):
            plain[name] = plain_pearson(data, embed_texts(enc, view(items, chars), cache=cache))
        print(json.dumps({"plain": plain}))

        cross = np.array([a.split("-")[0] != a.split("-")[1] for a in data.langs])
        centres = language_centres(data.reprs, list(range(len(data.reprs))))
        ctx = FeatureContext(centres=centres)
        raw = data.features(["e5_lead"])[:, 0]
        centred = data.features(["e5_lead"], ctx)[:, 0]
        means = {}
        for name, values in (("raw", raw), ("centred", centred)):
            for lang_name, mask in (("one_language", ~cross), ("two_languages", cross)):
                for label, label_name in ((1, "same"), (0, "different")):
                    m = mask & (data.label == label)
                    means[f"{name}/{lang_name}/{label_name}"] = round(float(values[m].mean()), 3)
        print(json.dumps({"language": means}))

        features = MODE_FEATURES["e5"]
        for chars in LEADS:
            texts = view(items, chars)
            tokens = float(np.mean([passage._model.token_count(t) for t in texts[:300]]))
            t0 = time.process_time()
            passage.encode(texts[:32])
            ms = (time.process_time() - t0) * 1000 / 32
            with_deep(data, embed_texts(passage, texts, cache=cache))
            cv = cross_validate(data, features)
            cv.pop("oof")
            print(json.dumps({"lead": chars, "tokens": round(tokens), "ms_per_text": round(ms),
                              "pearson": cv["pearson"], "semeval_f1": cv["semeval_f1"],
                              "tg_f1": cv["tg_f1"]}))
        with_deep(data, shipped)
        for names in (("e5_lead",), features, *((*features, c) for c in CANDIDATES)):
            cv = cross_validate(data, names)
            cv.pop("oof")
            print(json.dumps({"features": list(names), "pearson": cv["pearson"],
                              "semeval_f1": cv["semeval_f1"], "tg_f1": cv["tg_f1"]}))
    finally:
        cache.close()


if __name__ == "__main__":
    main()
