"""Training and cross-validation of the German CRF tagger (:mod:`sujet.entities.ner.crf`).

Data: the scored German sets ``ner/germeval`` and ``ner/europarl-de`` (dev) of the shared data
folder and the training-only sets ``train/ner/smartdata-de`` (German news, RSS items) and
``train/ner/ler-de`` (German court decisions), never scored.

Domain: the legal set is five times the size of all news text together and writes in another
style (statute references, anonymised initials, courts as organisations). So that it does not
dominate, only a seeded sample of its sentences is used (:attr:`TrainingOptions.ler_sentences`,
sentences with an entity first), and each dev document can be repeated
(:attr:`TrainingOptions.dev_repeat`; crfsuite has no instance weights, a repeat is a weight).

No name lexicon learned from the labelled documents is used unless
:attr:`TrainingOptions.known_names` asks for one; then each training document sees only the
names of the other training documents and a scored fold only the names of the training folds.

Cross-validation is grouped by document: the documents of each scored set go to folds
round-robin after a seeded shuffle; each fold's model is trained on the other folds of both
scored sets plus the training-only sets and tags the fold, scored with the exact-span metric of
``sujet eval ner``.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sujet.entities.ner.crf import bio_labels, decode, known_names
from sujet.entities.ner.crf_features import KnownNames, doc_lower_words, sentence_features
from sujet.entities.ner.person_repair import repair_person_spans
from sujet.entities.tokenize import Token, tokenized_sentences
from sujet.eval.io import read_jsonl
from sujet.eval.metrics import prf
from sujet.eval.ner import read_doc, score_spans


@dataclass
class TrainingOptions:
    """What a model is fitted on and how."""

    ler_sentences: int = 3000
    dev_repeat: int = 1
    known_names: bool = False
    seed: int = 13
    # share of the documents of each training-only news set used (1.0: all)
    train_only_share: float = 1.0
    params: dict[str, Any] = field(
        default_factory=lambda: {
            "c1": 0.1,
            "c2": 0.01,
            "max_iterations": 120,
            "feature.possible_transitions": True,
        }
    )


SCORED_SETS = ("germeval", "europarl-de")
TRAIN_ONLY_SETS = ("smartdata-de", "ler-de")
LEGAL_SET = "ler-de"
Doc = dict[str, Any]
Sequence = tuple[list[Token], list[list[str]], list[str]]


def _read_set(folder: Path, name: str) -> list[Doc]:
    docs = []
    for rec in read_jsonl(folder / "gold.jsonl"):
        spans = [(s["start"], s["end"], s["type"]) for s in rec["spans"]]
        docs.append(
            {"set": name, "id": rec["id"], "text": read_doc(folder, rec["id"]), "spans": spans}
        )
    return docs


def load_docs(root: Path, train_only: tuple[str, ...] = TRAIN_ONLY_SETS) -> list[Doc]:
    docs: list[Doc] = []
    for name in SCORED_SETS:
        docs += _read_set(root / "ner" / name, name)
    for name in train_only:
        folder = root / "train" / "ner" / name
        if (folder / "gold.jsonl").is_file():
            docs += _read_set(folder, name)
    return docs


def sequences(doc: Doc, known: KnownNames | None = None) -> list[Sequence]:
    lower = doc_lower_words(doc["text"])
    out = []
    for toks in tokenized_sentences(doc["text"]):
        feats = sentence_features([t.text for t in toks], "de", lower, known)
        out.append((toks, feats, bio_labels(toks, doc["spans"])))
    return out


def legal_sample(docs: list[Doc], sentences: int, seed: int) -> list[Doc]:
    """A seeded sample of ``sentences`` legal sentences as one-sentence documents: those with an
    entity first (four in five of the sample at most), the rest without."""
    with_ent: list[Doc] = []
    without: list[Doc] = []
    for doc in docs:
        text = doc["text"]
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            spans = [
                (s - start, e - start, t) for s, e, t in doc["spans"] if s >= start and e <= end
            ]
            if line.strip():
                piece = {
                    "set": doc["set"],
                    "id": f"{doc['id']}:{start}",
                    "text": line,
                    "spans": spans,
                }
                (with_ent if spans else without).append(piece)
            start = end + 1
    rng = random.Random(seed)
    rng.shuffle(with_ent)
    rng.shuffle(without)
    n_ent = min(len(with_ent), sentences * 4 // 5)
    return with_ent[:n_ent] + without[: max(0, sentences - n_ent)]


def training_docs(docs: list[Doc], opts: TrainingOptions) -> list[Doc]:
    """The documents a model is fitted on: legal text sampled, dev documents repeated."""
    out: list[Doc] = []
    legal = [d for d in docs if d["set"] == LEGAL_SET]
    rng = random.Random(opts.seed)
    for d in docs:
        if d["set"] in SCORED_SETS:
            out += [d] * opts.dev_repeat
        elif d["set"] != LEGAL_SET and rng.random() < opts.train_only_share:
            out.append(d)
    if legal and opts.ler_sentences:
        out += legal_sample(legal, opts.ler_sentences, opts.seed)
    return out


def jackknife_names(docs: list[Doc], parts: int = 4, seed: int = 7) -> dict[str, KnownNames]:
    """For each document, the names of the documents outside its part."""
    ids = sorted({d["id"] for d in docs})
    random.Random(seed).shuffle(ids)
    part = {rid: i % parts for i, rid in enumerate(ids)}
    maps = [
        known_names((d["text"], d["spans"]) for d in docs if part[d["id"]] != p)
        for p in range(parts)
    ]
    return {d["id"]: maps[part[d["id"]]] for d in docs}


def train(docs: list[Doc], model: Path, opts: TrainingOptions) -> None:
    """Fit a crfsuite model on ``docs`` (as returned by :func:`training_docs`), write ``model``."""
    import pycrfsuite

    known = jackknife_names(docs) if opts.known_names else {}
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        for _toks, feats, labels in sequences(doc, known.get(doc["id"])):
            trainer.append(feats, labels)
    trainer.set_params(opts.params)
    trainer.train(str(model))


def tag(
    docs: list[Doc], model: Path, known: KnownNames | None = None, repair: bool = True
) -> dict[str, list[tuple[int, int, str]]]:
    """Predicted spans of each document; ``repair`` applies the recogniser's person repairs."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    out: dict[str, list[tuple[int, int, str]]] = {}
    for doc in docs:
        pred: list[tuple[int, int, str]] = []
        for toks, feats, _labels in sequences(doc, known):
            found = decode(doc["text"], toks, tagger.tag(feats))
            if repair:
                found = repair_person_spans(doc["text"], toks, found)
            pred += [(s.start, s.end, s.type) for s in found]
        out[doc["id"]] = pred
    return out


def fold_of(docs: list[Doc], k: int, seed: int) -> dict[str, int]:
    """Fold of each scored document: round-robin after a seeded shuffle, per set."""
    folds: dict[str, int] = {}
    for name in SCORED_SETS:
        ids = [d["id"] for d in docs if d["set"] == name]
        random.Random(seed).shuffle(ids)
        folds.update({rid: i % k for i, rid in enumerate(ids)})
    return folds


def cross_validate(
    docs: list[Doc], folds: int, opts: TrainingOptions, scored_share: float = 1.0
) -> dict[str, Any]:
    """Out-of-fold figures per scored set; ``scored_share`` < 1 keeps a seeded share of the
    scored documents (a quicker check)."""
    fold = fold_of(docs, folds, opts.seed)
    rng = random.Random(opts.seed)
    keep = {
        d["id"]
        for d in docs
        if d["set"] in SCORED_SETS and (scored_share >= 1 or rng.random() < scored_share)
    }
    docs = [d for d in docs if d["set"] not in SCORED_SETS or d["id"] in keep]
    scored = [d for d in docs if d["set"] in SCORED_SETS]
    preds: dict[str, list[tuple[int, int, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            t0 = time.time()
            model = Path(tmp) / f"fold{k}.crfsuite"
            fitting = training_docs([d for d in docs if fold.get(d["id"], -1) != k], opts)
            train(fitting, model, opts)
            held_out = [d for d in scored if fold[d["id"]] == k]
            known = (
                known_names((d["text"], d["spans"]) for d in fitting) if opts.known_names else None
            )
            preds.update(tag(held_out, model, known))
            print(f"fold {k + 1}/{folds} done, {time.time() - t0:.0f}s", file=sys.stderr)
    result: dict[str, Any] = {"folds": folds, "seed": opts.seed, "params": opts.params}
    for name in SCORED_SETS:
        result[name] = score_set([d for d in scored if d["set"] == name], preds)
    return result


def score_set(docs: list[Doc], preds: dict[str, list[tuple[int, int, str]]]) -> dict[str, Any]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for d in docs:
        a, b, c = score_spans(d["spans"], preds[d["id"]])
        tp.update(a)
        fp.update(b)
        fn.update(c)
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    per_type = {t: round(prf(tp[t], fp[t], fn[t])[2], 4) for t in sorted(tp | fn)}
    return {
        "documents": len(docs),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "per_type_f1": per_type,
    }
