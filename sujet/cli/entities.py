"""People, organisations and places: the list and one dossier."""

from __future__ import annotations

from typing import Annotated

import typer

from sujet.api.schemas import EntityPublic
from sujet.cli.common import (
    DbOpt,
    JsonOpt,
    LimitOpt,
    OffsetOpt,
    app,
    handles_errors,
    open_db,
    print_json,
    public_json,
    say_nothing,
    settings_of,
)
from sujet.errors import InputError


@app.command()
@handles_errors
def entities(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    entity_type: Annotated[str | None, typer.Option("--type", help="PER, ORG or LOC")] = None,
    name: Annotated[str | None, typer.Option(help="Part of a name or variant.")] = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
) -> None:
    """List people, organisations and places, most mentioned first."""
    from sujet.store.base import EntityQuery

    if entity_type and entity_type.upper() not in ("PER", "ORG", "LOC"):
        raise InputError(f"unknown type {entity_type!r}: use PER, ORG or LOC")
    with open_db(db) as store:
        found = store.list_entities(EntityQuery(
            type=entity_type.upper() if entity_type else None, name=name, limit=limit,
            offset=offset))
    rows = [EntityPublic.of(e) for e in found]
    if not rows:
        say_nothing("entities match", as_json)
        return
    if as_json:
        print_json([public_json(r) for r in rows])
        return
    for r in rows:
        typer.echo(f"{r.id}  {r.type}  {r.mentions:>4}  {r.name}"
                   + (f" — {r.last_position.title}" if r.last_position else ""))


@app.command()
@handles_errors
def entity(
    name_or_id: Annotated[str, typer.Argument(help="A name in any case or script, or an id.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
    limit: Annotated[int, typer.Option(
        min=1, help="At most this many of its articles (newest first).")] = 20,
    offset: OffsetOpt = 0,
) -> None:
    """A dossier: variants, mentions, position history, co-mentions, articles."""
    from sujet.services.dossier import build_dossier, find_entity

    language = settings_of(db).stories.preferred_language
    with open_db(db) as store:
        found = find_entity(store, name_or_id)
        dossier = build_dossier(store, found.id, limit=limit, offset=offset, language=language)
    if as_json:
        print_json(public_json(dossier))
        return
    e = dossier.entity
    typer.echo(f"{e.name} ({e.type}, {e.mentions} mentions, "
               f"{e.first_seen or '?'} – {e.last_seen or '?'})")
    typer.echo("  variants: " + ", ".join(e.variants))
    if dossier.positions:
        typer.echo("  positions:")
        for p in dossier.positions:
            since = f"{p.first_seen} – " if p.first_seen not in (None, p.date) else ""
            typer.echo(f"    {since}{p.date or '?':10}  {p.title}  ({len(p.articles)} articles)")
    if dossier.co_mentioned:
        typer.echo("  mentioned with: " + ", ".join(
            f"{c.name} ({c.articles})" for c in dossier.co_mentioned[:10]))
    typer.echo(f"  articles: {dossier.articles.total}")
