"""`sujet eval extraction|textdump`: body, title and date quality on a gold folder.

Folder layout (../shared/data/README.md): ``gold.jsonl`` + ``pages/<id>.html`` (extraction) or
``pages/<id>.txt`` (textdump). Body metrics: benchmark shingles where gold has ``text``; snippet
measures where gold has ``must_have`` / ``must_not_have`` (micro over snippets). A set mixing
both reports the shingle figures as ``precision/recall/f1`` when any page has a full body, and
the snippet figures under ``snippets``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sujet.eval.io import read_jsonl, write_jsonl
from sujet.eval.metrics import collapse_ws, macro_prf, prf, shingle_tp_fp_fn, snippet_counts
from sujet.extract.document import Kind, extract_document
from sujet.extract.types import Extracted

ExtractFn = Callable[[bytes, str | None], Extracted]


def _default_extract(kind: Kind) -> ExtractFn:
    def run(raw: bytes, url: str | None) -> Extracted:
        return extract_document(raw, kind=kind, url=url)

    return run


def _page_path(data: Path, rid: str) -> Path:
    for ext in (".html", ".txt", ".htm"):
        p = data / "pages" / f"{rid}{ext}"
        if p.exists():
            return p
    raise FileNotFoundError(f"no page for id {rid} in {data / 'pages'}")


def evaluate_extraction(
    data: Path,
    *,
    kind: str = "extraction",
    predictions: Path | None = None,
    extract: ExtractFn | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Run the extractor over every gold record and score it."""
    gold = read_jsonl(data / "gold.jsonl")
    if limit:
        gold = gold[:limit]
    fn = extract or _default_extract("text" if kind == "textdump" else "html")
    shingle_rows: list[tuple[float, float, float]] = []
    snip = [0, 0, 0, 0]  # tp, fn, fp, tn
    titles = [0, 0, 0]  # n, exact, contained
    dates = [0, 0]  # n, correct
    errors: dict[str, int] = {}
    preds: list[dict[str, Any]] = []
    per_lang: dict[str, list[tuple[float, float, float]]] = {}
    t0 = time.perf_counter()
    for rec in gold:
        rid = rec["id"]
        raw = _page_path(data, rid).read_bytes()
        try:
            out = fn(raw, rec.get("url"))
        except Exception as err:  # noqa: BLE001 - a failed page scores as empty, and is counted
            key = getattr(err, "code", type(err).__name__)
            errors[key] = errors.get(key, 0) + 1
            out = Extracted(text="")
        pred = {"id": rid, "title": out.title, "text": out.text, "date": out.date}
        preds.append({k: v for k, v in pred.items() if v is not None})
        if "text" in rec:
            row = shingle_tp_fp_fn(rec["text"], out.text)
            shingle_rows.append(row)
            per_lang.setdefault(rec.get("lang", "?"), []).append(row)
        if "must_have" in rec or "must_not_have" in rec:
            c = snippet_counts(out.text, rec.get("must_have", []), rec.get("must_not_have", []))
            snip = [a + b for a, b in zip(snip, c, strict=True)]
        if rec.get("title"):
            titles[0] += 1
            gt, pt = collapse_ws(rec["title"]).lower(), collapse_ws(out.title or "").lower()
            titles[1] += int(gt == pt)
            titles[2] += int(bool(pt) and (gt in pt or pt in gt))
        if rec.get("date"):
            dates[0] += 1
            dates[1] += int((out.date or "")[:10] == rec["date"])
    seconds = time.perf_counter() - t0
    result: dict[str, Any] = {"kind": kind, "data": str(data), "n": len(gold)}
    snippet_prf = prf(snip[0], snip[2], snip[1]) if sum(snip) else None
    if shingle_rows:
        p, r, f = macro_prf(shingle_rows)
        result.update(precision=p, recall=r, f1=f, body_metric="shingle-4 macro")
        result["per_language"] = {
            lang: dict(zip(("precision", "recall", "f1"), macro_prf(rows), strict=True))
            | {"n": len(rows)}
            for lang, rows in sorted(per_lang.items())
        }
    elif snippet_prf:
        p, r, f = snippet_prf
        result.update(precision=p, recall=r, f1=f, body_metric="snippets micro")
    if snippet_prf:
        result["snippets"] = {
            "precision": snippet_prf[0], "recall": snippet_prf[1], "f1": snippet_prf[2],
            "tp": snip[0], "fn": snip[1], "fp": snip[2], "tn": snip[3],
        }
    if titles[0]:
        result["title_exact"] = titles[1] / titles[0]
        result["title_contained"] = titles[2] / titles[0]
        result["title_n"] = titles[0]
    if dates[0]:
        result["date_accuracy"] = dates[1] / dates[0]
        result["date_n"] = dates[0]
    result["errors"] = errors
    result["pages_per_s"] = len(gold) / seconds if seconds else 0.0
    if predictions:
        write_jsonl(predictions, preds)
    return result


def main() -> None:  # python -m sujet.eval.extraction KIND DIR  (the CLI wraps the same call)
    import sys

    kind, data = sys.argv[1], Path(sys.argv[2])
    print(json.dumps(evaluate_extraction(data, kind=kind), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
