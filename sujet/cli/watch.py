"""Watchlists and their alerts."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from sujet.cli.common import (
    DbOpt,
    JsonOpt,
    LanguageOpt,
    LimitOpt,
    app,
    handles_errors,
    open_db,
    print_json,
    say_nothing,
    settings_of,
)

watch_app = typer.Typer(no_args_is_help=True, help="Watchlists: what to be alerted about.")
app.add_typer(watch_app, name="watch")
WatchRef = Annotated[str, typer.Argument(help="A watchlist id or name.")]


def _watch_line(w: Any) -> str:
    f = w.filters
    filters = ", ".join(f"{k}={v}" for k, v in (("language", f.language),
                                                ("source", f.source), ("topic", f.topic)) if v)
    channels = ", ".join(w.channels()) or "feed"
    return (f"{w.id}  {w.name}  [{w.kind}: {w.target}]"
            f"{'  (' + filters + ')' if filters else ''}  -> {channels}")


@watch_app.command("add")
@handles_errors
def watch_add(
    target: Annotated[str, typer.Argument(help="The name, query, event id or storyline id.")],
    kind: Annotated[str, typer.Option(
        "--kind", "-k", help="person, organisation, query, event or storyline.")] = "query",
    name: Annotated[str | None, typer.Option(help="A name for the watchlist.")] = None,
    language: LanguageOpt = None,
    source: Annotated[str | None, typer.Option(help="Only sources or sites containing this.")] = None,
    topic: Annotated[str | None, typer.Option(help="Only articles of this topic.")] = None,
    webhook: Annotated[str | None, typer.Option(help="POST each alert to this URL.")] = None,
    email: Annotated[str | None, typer.Option(help="Mail each alert to this address.")] = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Watch a person, organisation, query (AND, OR, NOT, "phrases"), event or storyline:
    articles stored from now on that match raise alerts."""
    from sujet.alerts.service import WatchSpec, create_watchlist

    with open_db(db, create=True) as store:
        w = create_watchlist(store, WatchSpec(kind, target, name, language, source, topic,
                                              webhook, email))
    if as_json:
        print_json(w.to_dict())
    else:
        typer.echo(_watch_line(w))


@watch_app.command("list")
@handles_errors
def watch_list(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Every watchlist."""
    from sujet.alerts.records import AlertRecords

    with open_db(db) as store:
        found = AlertRecords(store).list_watchlists()
    if as_json:
        print_json([w.to_dict() for w in found])
    elif not found:
        say_nothing("watchlists yet", as_json)
    for w in [] if as_json else found:
        typer.echo(_watch_line(w))


@watch_app.command("show")
@handles_errors
def watch_show(ref: WatchRef, db: DbOpt = None, as_json: JsonOpt = False,
               limit: LimitOpt = 20) -> None:
    """One watchlist and its newest alerts."""
    from sujet.alerts.records import AlertRecords
    from sujet.alerts.service import find_watchlist

    with open_db(db) as store:
        w = find_watchlist(store, ref)
        records = AlertRecords(store)
        found = records.list_alerts(w.id, limit=limit)
        total = records.count_alerts(w.id)
    if as_json:
        print_json({**w.to_dict(), "alerts": total, "latest": [a.to_dict() for a in found]})
        return
    typer.echo(_watch_line(w))
    typer.echo(f"{total} alerts")
    for a in found:
        typer.echo(_alert_line(a))


@watch_app.command("remove")
@handles_errors
def watch_remove(ref: WatchRef, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Remove a watchlist and its alerts."""
    from sujet.alerts.records import AlertRecords
    from sujet.alerts.service import find_watchlist

    with open_db(db) as store:
        w = find_watchlist(store, ref)
        AlertRecords(store).delete_watchlist(w.id)
    if as_json:
        print_json({"removed": w.id})
    else:
        typer.echo(f"removed {w.id}  {w.name}")


alerts_app = typer.Typer(help="Alerts raised by the watchlists.")
app.add_typer(alerts_app, name="alerts")
WatchOpt = Annotated[str | None, typer.Option(
    "--watchlist", "-w", help="Only this watchlist (id or name).")]


def _alert_line(a: Any) -> str:
    sent = " ".join(f"{c}:{'ok' if d.delivered_at else 'failed (' + (d.error or '') + ')'}"
                    for c, d in a.deliveries.items())
    return f"{a.id:>6}  {a.date or '?':10}  {a.subject_kind} {a.subject_id}  {a.title}  {sent}"


@alerts_app.callback(invoke_without_command=True)
@handles_errors
def alerts_list(ctx: typer.Context, watchlist: WatchOpt = None, db: DbOpt = None,
                as_json: JsonOpt = False, limit: LimitOpt = 50) -> None:
    """List the newest alerts (`sujet alerts run` evaluates and delivers)."""
    if ctx.invoked_subcommand is not None:
        return
    from sujet.alerts.records import AlertRecords
    from sujet.alerts.service import find_watchlist

    with open_db(db) as store:
        wid = find_watchlist(store, watchlist).id if watchlist else None
        found = AlertRecords(store).list_alerts(wid, limit=limit)
    if as_json:
        print_json([a.to_dict() for a in found])
    elif not found:
        say_nothing("alerts yet", as_json)
    for a in [] if as_json else found:
        typer.echo(_alert_line(a))


@alerts_app.command("run")
@handles_errors
def alerts_run(watchlist: WatchOpt = None, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Evaluate the articles stored since the last run against the watchlists and deliver the
    new alerts (webhook, e-mail). Safe to run at any time, and again after a crash."""
    from sujet.alerts.service import find_watchlist, run_alerts

    settings = settings_of(db)
    with open_db(db) as store:
        wid = find_watchlist(store, watchlist).id if watchlist else None
        result = run_alerts(store, settings, wid)
    data = result.as_dict()
    if as_json:
        print_json(data)
        return
    typer.echo(f"{data['articles']} articles evaluated, {data['alerts']} new alerts, "
               f"{data['delivered']} delivered, {data['undelivered']} undelivered")
    for line in result.delivery.reasons:
        typer.echo(f"  undelivered: {line}")
    for wid_, why in result.evaluation.errors.items():
        typer.echo(f"  watchlist {wid_} skipped: {why}")

