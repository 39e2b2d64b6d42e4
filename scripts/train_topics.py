"""Train the topic head (sujet/topics/models/topics_e5.json) and report its grouped CV figure.

    python scripts/train_topics.py [--data ../shared/data/topics/tg] [--cv 5]

Training data: the labelled dev articles (topics/tg/gold.jsonl, ru and en) and the project's own
seed headlines (sujet/topics/data/seed_headlines.tsv: invented headlines, 8 per topic for each of
ru, de and en, written for the project). Features: the multilingual-e5 vector of title + short
lead, the one event clustering computes. The CV folds are grouped by site.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sujet.eval.io import read_jsonl  # noqa: E402
from sujet.eval.topics import score_by_language  # noqa: E402
from sujet.stories.encoder import embed_texts, get_encoder  # noqa: E402
from sujet.topics.classifier import MODEL_PATH, read_seed_headlines, topic_text  # noqa: E402
from sujet.topics.training import Labelled, fit_head, grouped_cv, site_of  # noqa: E402


def default_data() -> Path:
    base = os.environ.get("SUJET_SHARED_DATA")
    return (Path(base) if base else ROOT.parent / "shared" / "data") / "topics" / "tg"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=default_data())
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    rows = read_jsonl(args.data / "gold.jsonl")
    enc = get_encoder("e5")
    gold = Labelled(
        vectors=embed_texts(enc, [topic_text(r.get("title"), r.get("text")) for r in rows]),
        topics=[r["topic"] for r in rows],
        groups=[site_of(r.get("url"), r["id"]) for r in rows])
    seeds_rows = read_seed_headlines()
    seeds = Labelled(vectors=embed_texts(enc, [s[2] for s in seeds_rows]),
                     topics=[s[0] for s in seeds_rows], groups=["seed"] * len(seeds_rows))
    cv = score_by_language(rows, grouped_cv(gold, seeds, args.cv))
    print(json.dumps({"grouped_cv": cv}, ensure_ascii=False))
    model = fit_head([(gold.vectors, list(gold.topics), 1.0),
                      (seeds.vectors, list(seeds.topics), 1.0)])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json()), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
