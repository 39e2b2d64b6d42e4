"""Rankings of a period: top stories, rising names, the digest."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sujet.cli.common import (
    DbOpt,
    FromOpt,
    JsonOpt,
    LanguageOpt,
    LimitOpt,
    ToOpt,
    app,
    date_range,
    handles_errors,
    open_db,
    print_json,
    public_json,
    say_nothing,
)
from sujet.errors import InputError


@app.command()
@handles_errors
def top(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    language: LanguageOpt = None,
    limit: LimitOpt = 10,
) -> None:
    """Top stories: the most important events of a period (default: the last seven days)."""
    from sujet.api.rankings import period_of
    from sujet.services.rankings import top_stories

    period = period_of(*date_range(date_from, date_to))
    with open_db(db) as store:
        items = top_stories(store, period, limit=limit, language=language).items
    if not items:
        say_nothing("events in this period", as_json)
        return
    if as_json:
        print_json([public_json(t) for t in items])
        return
    for i, t in enumerate(items, 1):
        typer.echo(f"{i:>2}. {t.event.id}  {t.event.date_to or t.event.date_from or '?':10}  "
                   f"{t.score:6.3f}  {len(t.sources)} sources, "
                   f"{t.languages} languages  {t.event.title}")


@app.command()
@handles_errors
def rising(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    limit: LimitOpt = 20,
) -> None:
    """The most mentioned people and organisations of a period, with the change against the
    mean of the four periods of the same length before it."""
    from sujet.api.rankings import period_of
    from sujet.services.rankings import rising as rising_names

    period = period_of(*date_range(date_from, date_to))
    with open_db(db) as store:
        items = rising_names(store, period, limit=limit).items
    if not items:
        say_nothing("mentions in this period", as_json)
        return
    if as_json:
        print_json([public_json(r) for r in items])
        return
    for i, r in enumerate(items, 1):
        role = f"  ({r.entity.last_position.title})" if r.entity.last_position else ""
        typer.echo(f"{i:>2}. {r.entity.type}  {r.mentions:>5}  {r.change:+8.2f}  "
                   f"{r.entity.name}{role}")


@app.command()
@handles_errors
def digest(
    db: DbOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="html or pdf.")] = "html",
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Write the digest here (default: HTML to stdout).")] = None,
    language: Annotated[str | None, typer.Option(
        help="Prefer event summaries in this language.")] = None,
) -> None:
    """A digest of a period to send on: top events with leads and sources, people and
    organisations on the rise with their positions, agreements and figures."""
    from sujet.api.rankings import period_of
    from sujet.digest import build_digest, render_html, render_pdf

    if fmt not in ("html", "pdf"):
        raise InputError(f"unknown digest format {fmt!r}: use html or pdf")
    if fmt == "pdf" and output is None:
        raise InputError("a PDF digest needs -o FILE")
    period = period_of(*date_range(date_from, date_to))
    with open_db(db) as store:
        made = build_digest(store, period, language=language)
    if fmt == "pdf":
        assert output is not None
        output.write_bytes(render_pdf(made))
    elif output is not None:
        output.write_text(render_html(made), encoding="utf-8")
    else:
        typer.echo(render_html(made))
    if output is not None:
        typer.echo(f"wrote {output}", err=True)

