"""Putting articles into the store and enriching them: ingest, stats, enrich, topics."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from sujet.cli.common import (
    EXIT_INPUT,
    DbOpt,
    ExecutorOpt,
    JsonOpt,
    SchedulerOpt,
    WorkersOpt,
    app,
    fail,
    handles_errors,
    open_db,
    print_json,
    settings_of,
    with_executor,
)
from sujet.config import with_flags
from sujet.errors import InputError


@app.command()
@handles_errors
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, feeds, WARC files or URLs.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
    fetch_links: Annotated[bool, typer.Option(help="Also fetch the pages feed items link to.")] = False,
    allow_private: Annotated[
        bool, typer.Option(help="Allow URLs on loopback or private addresses.")
    ] = False,
    enrich: Annotated[bool, typer.Option(
        "--enrich/--no-enrich", help="Find entities and events (--no-enrich: only store pages).")
    ] = True,
    retry_rejected: Annotated[bool, typer.Option(
        help="Extract again the pages earlier runs rejected (a limit, no article text...).")
    ] = False,
    executor: ExecutorOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Ingest pages into the store and print what was kept and dropped, with reasons.

    Exit status 0 when every input was read, even if some pages were dropped; 2 when an input
    path does not exist, or nothing could be stored or was already stored (every page dropped,
    or no pages at all).
    """
    from sujet.pipeline.ingest import run_ingest

    settings = with_executor(settings_of(db), executor, workers, scheduler)
    if allow_private:
        settings = with_flags(settings, {"fetch": {"allow_private": True}})
    missing = [i for i in inputs if _is_local_path(i) and not Path(i).expanduser().exists()]
    with open_db(db, create=True) as store:
        report = run_ingest(
            inputs,
            store,
            settings,
            progress=not as_json and sys.stderr.isatty(),
            fetch_links=fetch_links,
            enrichers=None if enrich else [],
            retry_rejected=retry_rejected,
        )
    data = report.as_dict()
    # Pages in shards an interrupted earlier run finished were stored (or rejected) by that run.
    kept = report.added + report.already_stored + report.duplicates + report.in_finished_shards
    failure = None
    if missing:
        failure = InputError("no such file or folder", source=", ".join(missing))
    elif kept == 0:
        failure = InputError("nothing stored: every page was dropped" if report.seen
                             else "no pages found in the inputs")
    if as_json:
        print_json(data)
    else:
        _echo_ingest_report(report, data)
    if failure is not None:
        fail(failure, EXIT_INPUT, as_json)


def _is_local_path(value: str) -> bool:
    return value != "-" and "://" not in value


def _echo_ingest_report(report: Any, data: dict[str, Any]) -> None:
    typer.echo(
        f"seen {data['seen']}, added {data['added']}, already stored {data['already_stored']}, "
        f"duplicates {data['duplicates']} (exact {data['exact_duplicates']}, "
        f"near {data['near_duplicates']}), dropped {sum(report.dropped.values())} "
        f"in {data['seconds']:.1f} s"
    )
    if report.in_finished_shards:
        typer.echo(f"  {report.in_finished_shards} items in shards an interrupted run had "
                   "finished: not read again")
    for reason, count in sorted(report.dropped.items()):
        typer.echo(f"  dropped {count:>4}  {reason}")
    for r in report.rejects[:50]:
        typer.echo(f"    {r.source}: {r.reason} [{r.code}]")
    for key, value in sorted(report.enrich.items()):
        typer.echo(f"  {key}: {value}")


@app.command()
@handles_errors
def stats(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    top: Annotated[int, typer.Option(min=1, help="How many events, storylines, people.")] = 10,
) -> None:
    """Summarise the store: articles by language and source, duplicates, events, people."""
    from collections import Counter

    from sujet.store.base import EntityQuery

    with open_db(db) as store:
        langs: Counter[str] = Counter()
        sites: Counter[str] = Counter()
        dated = dups = total = 0
        for a in store.iter_articles():
            total += 1
            langs[a.language or "?"] += 1
            sites[a.site or "?"] += 1
            dups += a.duplicate_of is not None
            dated += a.date is not None
        runs = store.list_runs(limit=1)
        events = store.list_events(limit=top)
        storylines = store.list_storylines(limit=top)
        people = sorted(store.list_entities(EntityQuery(type="PER", limit=10_000)),
                        key=lambda e: (-e.mentions, e.name))[:top]
    data: dict[str, Any] = {
        "articles": total,
        "languages": dict(langs.most_common()),
        "sites": dict(sites.most_common(top)),
        "duplicates": dups,
        "dated": dated,
        "last_run": runs[0].stats if runs else None,
        "events": [{"id": e.id, "title": e.title, "articles": len(e.members),
                    "languages": e.languages, "date_from": e.date_from} for e in events],
        "storylines": [{"id": s.id, "title": s.title, "events": len(s.event_ids)}
                       for s in storylines],
        "people": [{"id": p.id, "name": p.name, "mentions": p.mentions,
                    "last_position": p.last_position.title if p.last_position else None}
                   for p in people],
    }
    if as_json:
        print_json(data)
        return
    head = f"{total} articles ({dups} duplicates, {dated} dated)"
    if langs:
        head += " in " + ", ".join(f"{k}: {v}" for k, v in langs.most_common())
    typer.echo(head if total else head + "; add pages with `sujet ingest PATH`")
    if runs and runs[0].stats.get("dropped"):
        typer.echo("last run dropped: " + ", ".join(f"{v} × {k}" for k, v in runs[0].stats["dropped"].items()))
    if events:
        typer.echo(f"\nEvents (newest first, {len(events)} shown):")
        for e in data["events"]:
            typer.echo(f"  {e['date_from'] or '?':10}  {e['articles']} articles  "
                       f"[{', '.join(e['languages'])}]  {e['title']}")
    if storylines:
        typer.echo("\nStorylines:")
        for s in data["storylines"]:
            typer.echo(f"  {s['events']} events  {s['title']}")
    if people:
        typer.echo("\nPeople — last position — mentions:")
        for p in data["people"]:
            typer.echo(f"  {p['name']} — {p['last_position'] or '-'} — {p['mentions']}")


@app.command()
@handles_errors
def topics(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    redo_all: Annotated[bool, typer.Option("--all", help="Redo every article.")] = False,
) -> None:
    """Give stored articles that have none (or all, with --all) their topic; ingest does it
    for new articles."""
    from sujet.topics.enrich import assign_stored_topics

    with open_db(db) as store:
        counts = assign_stored_topics(store, redo_all=redo_all)
    if as_json:
        print_json(counts)
        return
    typer.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))


@app.command()
@handles_errors
def enrich(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    redo_all: Annotated[bool, typer.Option("--all", help="Redo every article.")] = False,
    executor: ExecutorOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Find entities and events for stored articles that have none yet (or for all)."""
    from sujet.pipeline.enrich import default_enrichers
    from sujet.pipeline.ingest import IngestReport, finish_enrichment

    settings = with_executor(settings_of(db), executor, workers, scheduler)
    report = IngestReport()
    with open_db(db) as store:
        pending = [a for a in store.iter_articles()
                   if redo_all or a.metadata.get("enriched") is not True]
        for a in pending:
            a.metadata["enriched"] = False
        store.update_articles(pending)
        done = finish_enrichment(store, settings, default_enrichers(settings), report)
    data = {"articles": done, **report.enrich}
    if as_json:
        print_json(data)
        return
    typer.echo(", ".join(f"{k}: {v}" for k, v in data.items()))

