"""Build the data-derived Russian position-head lexicon (sujet/entities/data/position_heads_nerel.txt).

Source: the WORKS_AS position strings of ../shared/data/roles/nerel (dev; override the data root
with SUJET_SHARED_DATA). The head of a position string is the dictionary form of its first noun
("первого заместителя губернатора" -> "заместитель"); heads seen at least ``--min-count`` times
are kept. ``--cv K`` measures what the lexicon brings without leaking: documents are split into K
folds, the lexicon of K-1 folds (plus the hand-written one) tags the remaining fold, and the
out-of-fold pairs of the rule linker (sujet.entities.positions.rule_roles) are scored with the
rule of ``sujet eval roles``. The shipped Russian linker is the learned pair model; its honest
cross-validated figure (lexicon and model both built from the training folds) comes from
scripts/train_roles_pairs.py, which is run after this script.

    python scripts/build_roles_lexicon.py --cv 5        # report, then write the lexicon
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections import Counter
from pathlib import Path
from typing import Any

from sujet.entities.natasha_models import natasha_models
from sujet.entities.ner import get_recognizer
from sujet.entities.positions import LEXICON_DIR, heads, ru_tokens, rule_roles
from sujet.eval.io import read_jsonl
from sujet.eval.metrics import prf
from sujet.eval.ner import read_doc
from sujet.eval.roles import match_pairs

OUT = LEXICON_DIR / "position_heads_nerel.txt"


def data_root() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def head_of(position: str, vocab: Any) -> str | None:
    for word in position.replace("«", " ").split():
        forms = vocab(word.lower())
        if forms and forms[0].pos == "NOUN":
            return str(forms[0].normal).replace("ё", "е")
    return None


def lexicon(records: list[dict[str, Any]], min_count: int) -> frozenset[str]:
    vocab = natasha_models().vocab
    counts: Counter[str] = Counter()
    for rec in records:
        for r in rec["roles"]:
            h = head_of(r["position"], vocab)
            if h:
                counts[h] += 1
    return frozenset(h for h, c in counts.items() if c >= min_count)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    folder = data_root() / "roles" / "nerel"
    records = read_jsonl(folder / "gold.jsonl")
    report: dict[str, Any] = {"documents": len(records)}
    hand = heads("ru_hand")
    if args.cv:
        ids = [r["id"] for r in records]
        random.Random(args.seed).shuffle(ids)
        fold_of = {rid: i % args.cv for i, rid in enumerate(ids)}
        lexica = [
            hand | lexicon([r for r in records if fold_of[r["id"]] != k], args.min_count)
            for k in range(args.cv)
        ]
        rec = get_recognizer("ru")
        tp = {"hand": 0, "cv": 0}
        pred = {"hand": 0, "cv": 0}
        gold_n = 0
        for r in records:
            text = read_doc(folder, r["id"])
            parsed = rec.parse(text)  # type: ignore[attr-defined]
            toks = ru_tokens(parsed.tokens)
            persons = [s for s in parsed.spans if s.type == "PER"]
            gold = [
                (
                    (g["person_span"][0], g["person_span"][1]),
                    (g["position_span"][0], g["position_span"][1]),
                )
                for g in r["roles"]
            ]
            gold_n += len(gold)
            for name, lex in (("hand", hand), ("cv", lexica[fold_of[r["id"]]])):
                found = rule_roles(text, toks, persons, "ru", head_words=lex)
                pairs = [
                    (m.person.start, m.person.end, m.person.text, m.start, m.end, m.surface)
                    for m in found
                ]
                tp[name] += match_pairs(gold, pairs)
                pred[name] += len(pairs)
        for name in tp:
            p, rr, f = prf(tp[name], pred[name] - tp[name], gold_n - tp[name])
            report[name] = {"precision": round(p, 4), "recall": round(rr, 4), "f1": round(f, 4)}
    full = lexicon(records, args.min_count) - hand
    OUT.write_text(
        "# Russian position heads derived from roles/nerel (dev) by scripts/build_roles_lexicon.py:\n"
        f"# dictionary forms of the first noun of WORKS_AS position strings seen >= {args.min_count} times,\n"
        "# minus those already in position_heads.txt.\nru: " + " ".join(sorted(full)) + "\n",
        encoding="utf-8",
    )
    report["written"] = str(OUT)
    report["heads_added"] = len(full)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
