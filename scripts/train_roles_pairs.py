"""Train the Russian person-position pair model (sujet/entities/models/roles_pairs_ru.json).

Data: ../shared/data/roles/nerel (override the data root with SUJET_SHARED_DATA). Every position
phrase found by the head lexicon is paired with every natasha person mention within two sentences
(sujet.entities.positions_pairs.candidates); a pair is positive when its person and position spans
both overlap those of one gold WORKS_AS pair (the matching rule of ``sujet eval roles``). Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, training time only) are
fitted on the pair features; head words enter as priors (the smoothed share of their phrases that
are gold positions, cross-fitted inside the training documents). The trees ship as JSON.

Honest figures: documents are split into ``--cv`` folds (the split of
scripts/build_roles_lexicon.py); for each fold the head lexicon is built from the other folds
only (plus the hand-written heads), the model is trained on the other folds' pairs, and the
held-out fold is linked. The decision thresholds are chosen on these out-of-fold predictions and
the out-of-fold P/R/F1 at those thresholds is reported. The shipped model is then refitted on all
documents with the shipped lexicon; its in-sample F1 is reported too.

    python scripts/train_roles_pairs.py --cv 5             # report and write the model
    python scripts/train_roles_pairs.py --cv 5 --no-write  # report only
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sujet.entities.positions import PToken, heads, ru_tokens
from sujet.entities.positions_pairs import (
    MODEL_PATH,
    PRIOR_KEYS,
    Candidate,
    PairModel,
    add_priors,
    candidates,
    decode_linked,
)
from sujet.entities.span import Span
from sujet.eval.io import read_jsonl
from sujet.eval.metrics import prf
from sujet.eval.ner import read_doc
from sujet.eval.roles import Pair, match_pairs

GoldPair = tuple[tuple[int, int], tuple[int, int]]


def data_root() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def parse_all(
    folder: Path, records: list[dict[str, Any]], cache: Path | None
) -> list[tuple[str, list[PToken], list[Span]]]:
    """(text, tokens, person spans) of every document, parsed once (optionally cached)."""
    if cache is not None and cache.is_file():
        with cache.open("rb") as fh:
            parsed: list[tuple[str, list[PToken], list[Span]]] = pickle.load(fh)
        if len(parsed) == len(records):
            return parsed
    from sujet.entities.ner import get_recognizer

    rec = get_recognizer("ru")
    parsed = []
    for k, r in enumerate(records):
        text = read_doc(folder, r["id"])
        p = rec.parse(text)  # type: ignore[attr-defined]
        parsed.append((text, ru_tokens(p.tokens), [s for s in p.spans if s.type == "PER"]))
        if k % 100 == 0:
            print(f"parsed {k}/{len(records)}", file=sys.stderr, flush=True)
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump(parsed, fh)
    return parsed


def gold_pairs(rec: dict[str, Any]) -> list[GoldPair]:
    return [
        (
            (g["person_span"][0], g["person_span"][1]),
            (g["position_span"][0], g["position_span"][1]),
        )
        for g in rec["roles"]
    ]


def label(c: Candidate, tokens: Sequence[PToken], gold: list[GoldPair]) -> int:
    s, e = tokens[c.phrase.left].start, tokens[c.phrase.right - 1].end
    for gp, gq in gold:
        if c.person.start < gp[1] and gp[0] < c.person.end and s < gq[1] and gq[0] < e:
            return 1
    return 0


def as_pair(c: Candidate, tokens: Sequence[PToken]) -> Pair:
    s, e = tokens[c.phrase.left].start, tokens[c.phrase.right - 1].end
    return (c.person.start, c.person.end, c.person.text, s, e, "")


Docs = list[tuple[list[Candidate], list[int]]]


def prior_counts(docs: Docs) -> dict[str, tuple[int, int]]:
    """Head key -> (phrases, phrases that are a gold position) over ``docs``."""
    seen: dict[tuple[int, int, str], int] = {}
    for d, (cands, labels) in enumerate(docs):
        for c, y in zip(cands, labels, strict=True):
            for key in c.features:
                if key.startswith(PRIOR_KEYS):
                    slot = (d, c.phrase.left, key)
                    seen[slot] = max(seen.get(slot, 0), y)
    out: dict[str, tuple[int, int]] = {}
    for (_d, _left, key), y in seen.items():
        n, pos = out.get(key, (0, 0))
        out[key] = (n + 1, pos + y)
    return out


def with_priors(docs: Docs, counts: dict[str, tuple[int, int]]) -> None:
    for cands, _labels in docs:
        for c in cands:
            add_priors(c.features, counts)


def cross_fitted_priors(docs: Docs, k: int = 5) -> None:
    """Training rows get priors from the other training documents only (no self-leak)."""
    for j in range(k):
        with_priors(
            [d for i, d in enumerate(docs) if i % k == j],
            prior_counts([d for i, d in enumerate(docs) if i % k != j]),
        )


def feature_names(docs: Docs) -> list[str]:
    priors = {f"{kind}_{key[:-1]}" for kind in ("prior", "seen") for key in PRIOR_KEYS}
    return sorted(
        priors
        | {
            n
            for cands, _y in docs
            for c in cands
            for n in c.features
            if not n.startswith(PRIOR_KEYS)
        }
    )


def matrix(docs: Docs, names: list[str]) -> Any:
    return np.array(
        [[c.features.get(n, 0.0) for n in names] for cands, _y in docs for c in cands],
        dtype=np.float64,
    )


def fit(docs: Docs, names: list[str], seed: int) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    cross_fitted_priors(docs)
    y = np.array([v for _c, labels in docs for v in labels])
    clf = HistGradientBoostingClassifier(
        max_iter=300,
        learning_rate=0.05,
        max_leaf_nodes=31,
        min_samples_leaf=20,
        l2_regularization=1.0,
        early_stopping=True,  # 10% of the rows held out; stops when their loss stalls
        random_state=seed,
    )
    clf.fit(matrix(docs, names), y)
    return clf


def export(clf: Any) -> tuple[float, list[list[list[float]]]]:
    """Baseline log-odds and the trees as [feature, threshold, left, right, value] columns."""
    trees: list[list[list[float]]] = []
    for (pred,) in clf._predictors:
        nodes = pred.nodes
        trees.append(
            [
                [-1 if n["is_leaf"] else int(n["feature_idx"]) for n in nodes],
                [round(float(n["num_threshold"]), 6) for n in nodes],
                [int(n["left"]) for n in nodes],
                [int(n["right"]) for n in nodes],
                [round(float(n["value"]), 6) if n["is_leaf"] else 0.0 for n in nodes],
            ]
        )
    return float(np.ravel(clf._baseline_prediction)[0]), trees


def score(
    docs: list[tuple[list[Candidate], list[float], list[PToken], list[GoldPair]]],
    t1: float,
    t2: float,
) -> tuple[int, int, int]:
    tp = npred = ngold = 0
    for cands, probs, toks, gold in docs:
        pairs = [as_pair(cands[k], toks) for k in decode_linked(cands, probs, toks, t1, t2)]
        tp += match_pairs(gold, pairs)
        npred += len(pairs)
        ngold += len(gold)
    return tp, npred, ngold


def best_thresholds(
    docs: list[tuple[list[Candidate], list[float], list[PToken], list[GoldPair]]],
) -> tuple[float, float, float]:
    best = (0.0, 0.5, 1.0)
    for t1 in np.arange(0.2, 0.71, 0.025):
        for t2 in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01):
            if t2 < t1:
                continue
            tp, npred, ngold = score(docs, float(t1), t2)
            f = prf(tp, npred - tp, ngold - tp)[2]
            if f > best[0]:
                best = (f, float(t1), t2)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=2, help="lexicon: minimum head count")
    ap.add_argument("--window", type=int, default=2, help="sentences either side")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of parsed documents")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_roles_lexicon import lexicon

    t0 = time.perf_counter()
    folder = data_root() / "roles" / "nerel"
    records = read_jsonl(folder / "gold.jsonl")
    parsed = parse_all(folder, records, args.cache)
    golds = [gold_pairs(r) for r in records]
    hand = heads("ru_hand")
    report: dict[str, Any] = {"documents": len(records), "gold": sum(map(len, golds))}

    def build(lex: frozenset[str], idx: list[int]) -> list[tuple[list[Candidate], list[int]]]:
        out = []
        for i in idx:
            text, toks, pers = parsed[i]
            cands = candidates(text, toks, pers, "ru", lex, args.window)
            out.append((cands, [label(c, toks, golds[i]) for c in cands]))
        return out

    if args.cv:
        ids = [r["id"] for r in records]
        random.Random(args.seed).shuffle(ids)
        fold_of = {rid: i % args.cv for i, rid in enumerate(ids)}
        oof: list[tuple[list[Candidate], list[float], list[PToken], list[GoldPair]]] = []
        reach = 0
        for k in range(args.cv):
            train_idx = [i for i, r in enumerate(records) if fold_of[r["id"]] != k]
            test_idx = [i for i, r in enumerate(records) if fold_of[r["id"]] == k]
            lex = hand | lexicon([records[i] for i in train_idx], args.min_count)
            train = build(lex, train_idx)
            names = feature_names(train)
            clf = fit(train, names, args.seed)
            test = build(lex, test_idx)
            with_priors(test, prior_counts(train))
            probs_all = clf.predict_proba(matrix(test, names))[:, 1] if test else []
            o = 0
            for i, (cands, _labels) in zip(test_idx, test, strict=True):
                toks = parsed[i][1]
                oof.append(
                    (cands, [float(x) for x in probs_all[o : o + len(cands)]], toks, golds[i])
                )
                o += len(cands)
                reach += match_pairs(golds[i], [as_pair(c, toks) for c in cands])
            print(f"fold {k} done ({time.perf_counter() - t0:.0f}s)", file=sys.stderr, flush=True)
        f, t1, t2 = best_thresholds(oof)
        tp, npred, ngold = score(oof, t1, t2)
        p, r, f = prf(tp, npred - tp, ngold - tp)
        report["cv"] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "threshold": t1,
            "second_threshold": t2,
            "candidate_recall": round(reach / max(1, ngold), 4),
        }
    else:
        t1, t2 = 0.4, 0.8
    full_lex = heads("ru")
    allc = build(full_lex, list(range(len(records))))
    names = feature_names(allc)
    clf = fit(allc, names, args.seed)
    priors = prior_counts(allc)
    baseline, trees = export(clf)
    model = PairModel.from_json(
        {
            "features": names,
            "baseline": baseline,
            "trees": trees,
            "priors": priors,
            "threshold": t1,
            "second_threshold": t2,
            "window": args.window,
        }
    )
    ins = []
    for i, (cands, _y) in enumerate(allc):
        ins.append((cands, model.probabilities([c.features for c in cands]), parsed[i][1], golds[i]))
    tp, npred, ngold = score(ins, t1, t2)
    p, r, f = prf(tp, npred - tp, ngold - tp)
    report["in_sample"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    if not args.no_write:
        out = {
            "about": "person-position pair model; scripts/train_roles_pairs.py on roles/nerel",
            "window": args.window,
            "threshold": round(t1, 4),
            "second_threshold": round(t2, 4),
            "cv": report.get("cv"),
            "features": names,
            "baseline": round(baseline, 6),
            "priors": {k: list(v) for k, v in sorted(priors.items())},
            "trees": trees,
        }
        MODEL_PATH.write_text(
            json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8"
        )
        report["written"] = str(MODEL_PATH)
    report["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
