"""Quality harness for event and storyline clustering.

A data folder is either

- ``articles.jsonl``: ``{"id", "text", "cluster", "title"?, "lang"?, "date"?, "storyline"?,
  "duplicate_of"?}`` one article a line (``cluster`` is the gold event id), or
- the sample-pages layout: ``gold.json`` whose ``articles`` have ``file``, ``event`` and
  ``storyline``, next to the plain-text pages, which go through the text extractor first (the
  gold title and date are not used: the system finds its own).

Metrics: BCubed and pairwise precision / recall / F1 of events, and of storylines where the gold
has them (an event outside any predicted storyline counts as a storyline of its own).
Predictions, when given, are one JSON line per article ``{"id", "cluster", "storyline"?}``.

    python -m sujet.eval.clustering DIR [--predictions FILE]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path
from typing import Any

from sujet.config import StorySettings, get_settings
from sujet.eval.io import print_result, read_jsonl, write_jsonl
from sujet.eval.metrics import prf
from sujet.stories.represent import ArticleInput


def load_articles(data: Path) -> tuple[list[ArticleInput], dict[str, str], dict[str, str]]:
    """(articles, gold event per id, gold storyline per id) of a clustering data folder."""
    if (data / "articles.jsonl").is_file():
        arts, events, stories = [], {}, {}
        for row in read_jsonl(data / "articles.jsonl"):
            aid = str(row["id"])
            arts.append(ArticleInput(id=aid, text=row.get("text", ""), title=row.get("title"),
                                     language=row.get("lang"), date=row.get("date"),
                                     duplicate_of=row.get("duplicate_of")))
            events[aid] = str(row["cluster"])
            if row.get("storyline") is not None:
                stories[aid] = str(row["storyline"])
        return arts, events, stories
    gold_path = data / "gold.json"
    if not gold_path.is_file():
        raise FileNotFoundError(f"{data}: neither articles.jsonl nor gold.json")
    from sujet.extract.document import extract_document

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    arts, events, stories = [], {}, {}
    for rec in gold["articles"]:
        path = data / rec["file"]
        aid = path.stem
        ex = extract_document(path.read_bytes(), kind="text", source=str(path))
        arts.append(ArticleInput(id=aid, text=ex.text, title=ex.title, language=ex.language,
                                 date=ex.date, source=str(path), site=ex.site, agency=ex.agency))
        events[aid] = str(rec["event"])
        if rec.get("storyline") is not None:
            stories[aid] = str(rec["storyline"])
    return arts, events, stories


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    ids = [i for i in gold if i in pred]
    if not ids:
        return 0.0, 0.0, 0.0
    g_members: dict[str, set[str]] = defaultdict(set)
    p_members: dict[str, set[str]] = defaultdict(set)
    for i in ids:
        g_members[gold[i]].add(i)
        p_members[pred[i]].add(i)
    p_sum = r_sum = 0.0
    for i in ids:
        same_g, same_p = g_members[gold[i]], p_members[pred[i]]
        both = len(same_g & same_p)
        p_sum += both / len(same_p)
        r_sum += both / len(same_g)
    p, r = p_sum / len(ids), r_sum / len(ids)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    ids = sorted(i for i in gold if i in pred)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        g, p = gold[a] == gold[b], pred[a] == pred[b]
        tp += g and p
        fp += p and not g
        fn += g and not p
    if tp + fp + fn == 0:
        return 1.0, 1.0, 1.0  # all singletons on both sides: nothing to get wrong
    return prf(tp, fp, fn)


def entity_keys(arts: list[ArticleInput]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Entity ids per article and their names, from the entity stage, as the pipeline has them."""
    from sujet.entities import EntityResolver, analyze_entities
    from sujet.model import Article

    resolver = EntityResolver()
    analyses = []
    for a in arts:
        if a.duplicate_of:
            continue
        article = Article(id=a.id, source=a.source or a.id, text=a.text, title=a.title,
                          date=a.date, language=a.language)
        analyses.append((analyze_entities(article), article))
    resolver.add_many(analyses)
    keys = {
        analysis.article_id: sorted({resolver.resolve_id(m.entity_id)
                                     for m in analysis.mentions if m.entity_id})
        for analysis, _ in analyses
    }
    for a in arts:
        if a.duplicate_of and a.duplicate_of in keys:
            keys[a.id] = keys[a.duplicate_of]
    names = {eid: e.name for eid, e in resolver.entities.items()}
    return keys, names


def cluster_articles(arts: list[ArticleInput], settings: StorySettings | None = None
                     ) -> tuple[dict[str, str], dict[str, str]]:
    """Run the system: (event per article, storyline per article)."""
    from sujet.stories.cluster import EventClusterer
    from sujet.stories.represent import represent
    from sujet.stories.storylines import build_storylines

    settings = settings or StorySettings()
    keys, names = entity_keys(arts)
    clusterer = EventClusterer(settings)
    reprs = represent(arts, deep=clusterer.scorer.needs_deep, entity_keys=keys,
                      entity_names=names)
    clusterer.add(reprs)
    events = clusterer.events
    build_storylines(events, reprs, settings)
    ev: dict[str, str] = {}
    st: dict[str, str] = {}
    for e in events:
        for m in e.members:
            ev[m.article_id] = e.id
            st[m.article_id] = e.storyline_id or e.id
    return ev, st


def _scores(prefix: str, gold: Mapping[str, str], pred: Mapping[str, str]) -> dict[str, float]:
    bp, br, bf = bcubed(gold, pred)
    pp, pr, pf = pairwise(gold, pred)
    return {f"{prefix}bcubed_p": round(bp, 4), f"{prefix}bcubed_r": round(br, 4),
            f"{prefix}bcubed_f1": round(bf, 4), f"{prefix}pairwise_p": round(pp, 4),
            f"{prefix}pairwise_r": round(pr, 4), f"{prefix}pairwise_f1": round(pf, 4)}


def evaluate_clustering(data: Path, *, predictions: Path | None = None,
                        write_predictions: Path | None = None,
                        settings: StorySettings | None = None) -> dict[str, Any]:
    """Event (and storyline) clustering metrics of the system, or of given predictions;
    ``write_predictions`` gets the system's ``{"id", "cluster", "storyline"}`` per article."""
    arts, gold_ev, gold_st = load_articles(Path(data))
    if predictions is not None:
        rows = read_jsonl(Path(predictions))
        pred_ev = {str(r["id"]): str(r["cluster"]) for r in rows}
        pred_st = {str(r["id"]): str(r.get("storyline") or r["cluster"]) for r in rows}
    else:
        pred_ev, pred_st = cluster_articles(arts, settings)
        if write_predictions is not None:
            write_jsonl(write_predictions, (
                {"id": a.id, "cluster": pred_ev[a.id], "storyline": pred_st.get(a.id, pred_ev[a.id])}
                for a in arts if a.id in pred_ev))
    out: dict[str, Any] = {"kind": "clustering", "n": len(arts),
                           "gold_events": len(set(gold_ev.values())),
                           "predicted_events": len({pred_ev[i] for i in gold_ev if i in pred_ev})}
    out.update(_scores("", gold_ev, pred_ev))
    out["f1"] = out["bcubed_f1"]
    if gold_st:
        out.update(_scores("storyline_", gold_st, pred_st))
    out["clusters"] = {i: pred_ev.get(i) for i in sorted(gold_ev)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sujet.eval.clustering",
                                 description="Event clustering metrics on a data folder.")
    ap.add_argument("data", type=Path)
    ap.add_argument("--predictions", type=Path)
    ap.add_argument("--write-predictions", type=Path)
    args = ap.parse_args(argv)
    return print_result(lambda: evaluate_clustering(
        args.data, predictions=args.predictions, write_predictions=args.write_predictions,
        settings=get_settings().stories))


if __name__ == "__main__":
    raise SystemExit(main())
