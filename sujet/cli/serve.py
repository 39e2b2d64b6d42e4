"""Long-running commands: the monitor and the server."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from sujet.cli.common import DbOpt, JsonOpt, app, handles_errors, open_db, print_json, settings_of
from sujet.config import with_flags


@app.command()
@handles_errors
def monitor(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    add: Annotated[str | None, typer.Option(
        "--add", metavar="URL|DIR", help="Register a source (or change its schedule) and exit.")] = None,
    kind: Annotated[str, typer.Option(
        help="Kind of the source --add registers: feed, sitemap, listpage or folder.")] = "feed",
    every: Annotated[int, typer.Option(
        min=1, metavar="MINUTES", help="Poll the source --add registers this often.")] = 60,
    name: Annotated[str | None, typer.Option(help="A name for the source --add registers.")] = None,
    once: Annotated[bool, typer.Option(
        "--once", help="Poll the sources that are due once, then exit.")] = False,
    list_sources: Annotated[bool, typer.Option(
        "--list", help="Show every source: last and next fetch, new articles, errors.")] = False,
) -> None:
    """Poll the registered sources on their schedules and ingest what is new, until stopped
    (SIGINT, SIGTERM). Safe to kill at any point: a restart resumes from the store."""
    import signal
    import threading

    from sujet.monitor import Monitor
    from sujet.monitor.sources import register_source

    settings = settings_of(db)
    with open_db(db, create=True) as store:
        if add is not None:
            record = register_source(store, add, kind=kind, interval_minutes=every, name=name,
                                     allow_private=settings.fetch.allow_private,
                                     allow_folder=True)
            if as_json:
                print_json(record)
            else:
                typer.echo(f"registered {record['url']} ({kind}, every {every} min)")
            return
        if list_sources:
            _show_sources(store.list_sources(), as_json)
            return

        def report(record: dict[str, Any]) -> None:
            if as_json:
                typer.echo(json.dumps({k: v for k, v in record.items() if k != "seen"},
                                      ensure_ascii=False))
            else:
                typer.echo(_source_line(record), err=True)

        with Monitor(store, settings, on_polled=[report]) as running:
            if once:
                running.poll_due()
                return
            stop = threading.Event()
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, lambda *_: stop.set())
            running.run(stop)


def _source_line(s: dict[str, Any]) -> str:
    status = s.get("last_status") or "waiting"
    if status == "error":
        status = f"error ({s.get('consecutive_errors', 0)} in a row): {s.get('last_error')}"
    return (f"{s['url']} [{s.get('kind', 'feed')}] {status}; new {s.get('last_added') or 0} "
            f"(total {s.get('total_added', 0)}); last {s.get('last_fetch') or 'never'}; "
            f"next {s.get('next_due') or 'now'}")


def _show_sources(sources: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        print_json([{k: v for k, v in s.items() if k != "seen"} for s in sources])
    elif not sources:
        typer.echo("no sources registered", err=True)
    for s in [] if as_json else sources:
        typer.echo(_source_line(s))


@app.command()
@handles_errors
def serve(
    db: DbOpt = None,
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    poll: Annotated[bool, typer.Option(
        "--poll/--no-poll", "--monitor/--no-monitor",
        help="Run the monitor in the background: poll the registered sources on their "
             "schedules (as `sujet monitor`).")] = True,
) -> None:
    """Serve the REST API (/api/v1, reference at /docs) and the web UI on one store."""
    import uvicorn

    from sujet.api import create_app

    flags = {k: v for k, v in (("host", host), ("port", port)) if v is not None}
    settings = with_flags(settings_of(db), {"serve": flags})
    if not settings.serve.token:
        typer.echo("write endpoints are off: set SUJET_SERVE__TOKEN to enable ingest", err=True)
    uvicorn.run(
        create_app(settings, poll_feeds=poll, poll_tick_s=settings.monitor.tick_s),
        host=settings.serve.host,
        port=settings.serve.port,
        log_level="info",
    )

