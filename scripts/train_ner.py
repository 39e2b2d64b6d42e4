"""Train the German CRF NER model shipped in sujet/entities/models/ner_de.crfsuite.

Data, domain handling and cross-validation: :mod:`sujet.entities.ner.training` (the scored dev
sets germeval and europarl-de, the training-only sets smartdata-de and a sample of ler-de; data
root ../shared/data, override with SUJET_SHARED_DATA). Features: sujet/entities/ner/crf_features.py
with the word clusters of scripts/build_ner_clusters.py (built without the scored sets' texts).

    python scripts/train_ner.py --cv 3      # cross-validation grouped by document
    python scripts/train_ner.py --train     # fit on all data, write the model

Results go to stdout as JSON (and --report FILE).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sujet.entities.ner.crf import MODELS_DIR, known_names, write_known_names
from sujet.entities.ner.training import (
    TRAIN_ONLY_SETS,
    TrainingOptions,
    cross_validate,
    load_docs,
    train,
    training_docs,
)


def data_root() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def parser() -> argparse.ArgumentParser:
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
    ap.add_argument("--iterations", type=int, default=None, help="override max_iterations")
    ap.add_argument("--ler-sentences", type=int, default=3000, help="legal sentences sampled")
    ap.add_argument("--dev-repeat", type=int, default=1, help="times each dev document is seen")
    ap.add_argument(
        "--train-only-share", type=float, default=1.0, help="share of the news training set used"
    )
    ap.add_argument("--no-train-only", action="store_true", help="leave the training-only sets out")
    ap.add_argument(
        "--known-names", action="store_true", help="add the names of the training documents"
    )
    ap.add_argument(
        "--scored-share", type=float, default=1.0, help="CV on this share of the scored documents"
    )
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    opts = TrainingOptions(
        ler_sentences=args.ler_sentences,
        dev_repeat=args.dev_repeat,
        known_names=args.known_names,
        seed=args.seed,
        train_only_share=args.train_only_share,
    )
    for key in ("c1", "c2"):
        if getattr(args, key) is not None:
            opts.params[key] = getattr(args, key)
    if args.iterations is not None:
        opts.params["max_iterations"] = args.iterations
    docs = load_docs(data_root(), () if args.no_train_only else TRAIN_ONLY_SETS)
    report: dict[str, Any] = {
        "documents": Counter(d["set"] for d in docs),
        "ler_sentences": opts.ler_sentences,
        "dev_repeat": opts.dev_repeat,
        "known_names": opts.known_names,
    }
    t0 = time.time()
    if args.cv:
        report["cv"] = cross_validate(docs, args.cv, opts, args.scored_share)
    if args.train:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        fitting = training_docs(docs, opts)
        train(fitting, args.out, opts)
        report["model"] = str(args.out)
        report["model_bytes"] = args.out.stat().st_size
        known_path = args.out.with_name("ner_known_de.tsv.gz")
        if opts.known_names:
            write_known_names(known_names((d["text"], d["spans"]) for d in fitting), known_path)
        else:
            known_path.unlink(missing_ok=True)
    report["seconds"] = round(time.time() - t0, 1)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
