"""CPU cost per word of multilingual-e5-small next to the German tagger, on the same sentences.

Token features from the e5 encoder would need one encoder pass over every sentence the tagger
reads. This measures both on the sentences of the first ``--docs`` germeval documents (one
thread, process CPU time, so per core):

    OMP_NUM_THREADS=1 python benchmarks/bench_ner_encoder_cost.py [--docs 10]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=10)
    args = ap.parse_args(argv)
    from sujet.entities.ner import get_recognizer
    from sujet.entities.tokenize import tokenized_sentences
    from sujet.stories.encoder import E5Encoder

    root = Path(
        os.environ.get("SUJET_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
    )
    paths = sorted((root / "ner" / "germeval" / "docs").glob("*.txt"))[: args.docs]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    sentences = [t[s[0].start : s[-1].end] for t in texts for s in tokenized_sentences(t)]
    words = sum(len(s.split()) for s in sentences)
    encoder = E5Encoder()
    encoder.encode(["warm-up"])
    t0 = time.process_time()
    encoder.encode(sentences)
    e5 = time.process_time() - t0
    tagger = get_recognizer("de")
    tagger.recognize(texts[0])
    t0 = time.process_time()
    for text in texts:
        tagger.recognize(text)
    crf = time.process_time() - t0
    print(
        json.dumps(
            {
                "sentences": len(sentences),
                "words": words,
                "e5_ms_per_word": round(1000 * e5 / words, 3),
                "tagger_ms_per_word": round(1000 * crf / words, 3),
                "ratio": round(e5 / crf, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
