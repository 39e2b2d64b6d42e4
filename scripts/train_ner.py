"""Train the German CRF NER model shipped in sujet/entities/models/ner_de.crfsuite.

Data: ../shared/data/ner/germeval and ../shared/data/ner/europarl-de together (both German sets;
override the data root with SUJET_SHARED_DATA). Features: sujet/entities/ner/crf_features.py
(shape, affixes, context, the hand-written gazetteers and trigger lexicons of the package, the
word clusters of scripts/build_ner_clusters.py, and names known from the training data).

Known names: the tagger at run time marks the names of all training spans
(sujet/entities/models/ner_known_de.tsv.gz, written with the model). So that the model does not
learn to trust those marks more than they deserve on new text, each training document sees only
the names of the other training documents (jackknife over four parts); in cross-validation the
tagged fold sees the names of the training folds only.

    python scripts/train_ner.py --cv 5      # 5-fold cross-validation by document, per set
    python scripts/train_ner.py --train     # fit on all documents, write the model

Cross-validation assigns the documents of each set to folds round-robin after a seeded shuffle,
trains on four folds of both sets and tags the fifth; the out-of-fold predictions are scored with
the exact-span metric of ``sujet eval ner``. Results go to stdout as JSON (and --report FILE).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sujet.entities.ner.clusters import load_clusters
from sujet.entities.ner.crf import (
    MODELS_DIR,
    bio_labels,
    decode,
    known_names,
    write_known_names,
)
from sujet.entities.ner.crf_features import KnownNames, doc_lower_words, sentence_features
from sujet.entities.ner.person_repair import repair_person_spans
from sujet.entities.tokenize import Token, tokenized_sentences
from sujet.eval.io import read_jsonl
from sujet.eval.metrics import prf
from sujet.eval.ner import read_doc, score_spans

SETS = ("germeval", "europarl-de")
# L1/L2 penalties, compared by 5-fold CV by document on both German sets (seed 13):
# c1=0.1, c2=0.05 -> germeval F1 0.5546, europarl-de 0.9232; c1=0.03, c2=0.01 -> 0.5541, 0.9298
# (features before word clusters and known names). With clusters and known names (c1=0.03,
# c2=0.01): 0.6482 / 0.9314; with the map built without the labelled sets' texts
# (--clusters, see scripts/build_ner_clusters.py): 0.6163 / 0.9354; known names, affixes and
# capitalisation features without clusters: 0.5717 / 0.9378.
PARAMS = {"c1": 0.03, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}


def use_clusters(path: Path) -> None:
    """Make the features read ``path`` instead of the shipped word-cluster map."""
    from sujet.entities.ner import crf_features

    table = load_clusters(path)
    crf_features.load_clusters = lambda *_a, **_k: table  # type: ignore[assignment]
    crf_features._extra_features.cache_clear()
    crf_features._neighbour_clusters.cache_clear()


def data_root() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


Doc = dict[str, Any]


def load_docs(root: Path) -> list[Doc]:
    docs: list[Doc] = []
    for name in SETS:
        folder = root / "ner" / name
        for rec in read_jsonl(folder / "gold.jsonl"):
            text = read_doc(folder, rec["id"])
            spans = [(s["start"], s["end"], s["type"]) for s in rec["spans"]]
            docs.append({"set": name, "id": rec["id"], "text": text, "spans": spans})
    return docs


JACKKNIFE_PARTS = 4


def names_of(docs: list[Doc]) -> dict[tuple[str, ...], str]:
    return known_names((d["text"], d["spans"]) for d in docs)


def sequences(
    doc: Doc, known: KnownNames | None = None
) -> list[tuple[list[Token], list[list[str]], list[str]]]:
    lower = doc_lower_words(doc["text"])
    out = []
    for toks in tokenized_sentences(doc["text"]):
        feats = sentence_features([t.text for t in toks], "de", lower, known)
        out.append((toks, feats, bio_labels(toks, doc["spans"])))
    return out


def jackknife_names(docs: list[Doc], seed: int = 7) -> dict[str, KnownNames]:
    """For each document, the names of the documents outside its part."""
    ids = [d["id"] for d in docs]
    random.Random(seed).shuffle(ids)
    part = {rid: i % JACKKNIFE_PARTS for i, rid in enumerate(ids)}
    maps = [names_of([d for d in docs if part[d["id"]] != p]) for p in range(JACKKNIFE_PARTS)]
    return {d["id"]: maps[part[d["id"]]] for d in docs}


def train(docs: list[Doc], model: Path) -> None:
    import pycrfsuite

    known = jackknife_names(docs)
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        for _toks, feats, labels in sequences(doc, known[doc["id"]]):
            trainer.append(feats, labels)
    trainer.set_params(PARAMS)
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


def cross_validate(docs: list[Doc], k: int, seed: int) -> dict[str, Any]:
    folds: dict[str, int] = {}
    for name in SETS:
        ids = [d["id"] for d in docs if d["set"] == name]
        random.Random(seed).shuffle(ids)
        folds.update({rid: i % k for i, rid in enumerate(ids)})
    preds: dict[str, list[tuple[int, int, str]]] = {}
    raw_preds: dict[str, list[tuple[int, int, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(k):
            model = Path(tmp) / f"fold{fold}.crfsuite"
            training = [d for d in docs if folds[d["id"]] != fold]
            train(training, model)
            held_out = [d for d in docs if folds[d["id"]] == fold]
            preds.update(tag(held_out, model, names_of(training)))
            raw_preds.update(tag(held_out, model, names_of(training), repair=False))
            print(f"fold {fold + 1}/{k} done", file=sys.stderr)
    result: dict[str, Any] = {"folds": k, "seed": seed, "params": PARAMS}
    for name in SETS:
        result[name] = score_set([d for d in docs if d["set"] == name], preds)
        result[name]["f1_without_person_repair"] = score_set(
            [d for d in docs if d["set"] == name], raw_preds
        )["f1"]
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
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "per_type_f1": per_type,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation by document")
    ap.add_argument("--train", action="store_true", help="fit on all data and write the model")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=MODELS_DIR / "ner_de.crfsuite")
    ap.add_argument("--report", type=Path, default=None)
    ap.add_argument("--c1", type=float, default=None, help="override the L1 penalty")
    ap.add_argument("--c2", type=float, default=None, help="override the L2 penalty")
    ap.add_argument(
        "--clusters", type=Path, default=None, help="another word-cluster map (for a CV check)"
    )
    args = ap.parse_args(argv)
    if args.clusters is not None:
        use_clusters(args.clusters)
    if args.c1 is not None:
        PARAMS["c1"] = args.c1
    if args.c2 is not None:
        PARAMS["c2"] = args.c2
    docs = load_docs(data_root())
    report: dict[str, Any] = {"documents": Counter(d["set"] for d in docs)}
    t0 = time.time()
    if args.cv:
        report["cv"] = cross_validate(docs, args.cv, args.seed)
    if args.train:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        train(docs, args.out)
        known_path = args.out.with_name("ner_known_de.tsv.gz")
        write_known_names(names_of(docs), known_path)
        report["model"] = str(args.out)
        report["model_bytes"] = args.out.stat().st_size
        report["known_names_bytes"] = known_path.stat().st_size
    report["seconds"] = round(time.time() - t0, 1)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
