"""Events and storylines, and whether two articles report the same event."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sujet.api.schemas import StorylineDetailPublic
from sujet.cli.common import (
    DbOpt,
    FromOpt,
    JsonOpt,
    LanguageOpt,
    LimitOpt,
    OffsetOpt,
    ToOpt,
    app,
    date_range,
    handles_errors,
    live_id,
    open_db,
    print_json,
    public_json,
    resolve_id,
    say_nothing,
    settings_of,
)
from sujet.errors import InputError
from sujet.model import Article
from sujet.store.base import Store


@app.command()
@handles_errors
def events(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    language: LanguageOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
) -> None:
    """List events, newest and most reported first."""
    from sujet.services.events import list_events

    date_from, date_to = date_range(date_from, date_to)
    with open_db(db) as store:
        rows = list_events(store, limit=limit, offset=offset, language=language,
                           date_from=date_from, date_to=date_to, total=False).items
    if not rows:
        say_nothing("events match", as_json)
        return
    if as_json:
        print_json([public_json(r) for r in rows])
        return
    for r in rows:
        typer.echo(f"{r.id}  {r.date_from or '?':10}  {r.reports} articles  "
                   f"[{', '.join(r.languages)}]  {r.title}")


@app.command()
@handles_errors
def event(
    event_id: Annotated[str, typer.Argument(help="An event id, or its first characters.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One event: its articles in every language and why each belongs (the id of an event
    merged into another shows the surviving event)."""
    from sujet.services.events import detail_of, event_view

    with open_db(db) as store:
        view = event_view(store, live_id(store, "event", event_id, store.resolve_event_id))
    if as_json:
        print_json(public_json(detail_of(view)))
        return
    e = view.event
    typer.echo(f"{e.title}  ({e.date_from or '?'} – {e.date_to or '?'}, {', '.join(e.languages)})")
    for lang, text in e.summary.items():
        typer.echo(f"  [{lang}] {text}")
    stored = {a.id: a for item in view.articles for a in (item.article, *item.copies)}
    for m in e.members:
        a = stored.get(m.article_id)
        shown = (a.title or a.source) if a is not None else None
        typer.echo(f"  {m.article_id}  {(a.language if a else None) or '??'}  {shown}")
        for why in m.why:
            typer.echo(f"      · {why}")


def _echo_storyline(line: StorylineDetailPublic) -> None:
    typer.echo(f"{line.id}  {line.date_from or '?'} – {line.date_to or '?'}  {line.title}")
    for item in line.events:
        typer.echo(f"    {item.date_from or '?':10}  {item.title}")


@app.command()
@handles_errors
def storylines(db: DbOpt = None, as_json: JsonOpt = False, limit: LimitOpt = 50,
               offset: OffsetOpt = 0) -> None:
    """List storylines: events linked over time by the same people and topic."""
    from sujet.services.storylines import list_storylines, storyline_detail

    with open_db(db) as store:
        rows = list_storylines(store, limit=limit, offset=offset, total=False).items
        details = [] if as_json else [storyline_detail(store, r.id) for r in rows]
    if not rows:
        say_nothing("storylines yet", as_json)
        return
    if as_json:
        print_json([public_json(r) for r in rows])
        return
    for line in details:
        _echo_storyline(line)


@app.command()
@handles_errors
def storyline(
    storyline_id: Annotated[str, typer.Argument(help="A storyline id, or its first characters.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One storyline and its events (the id of a storyline merged into another shows the
    surviving storyline)."""
    from sujet.services.storylines import storyline_detail

    with open_db(db) as store:
        live = live_id(store, "storyline", storyline_id, store.resolve_storyline_id)
        line = storyline_detail(store, live)
    if as_json:
        print_json(public_json(line))
        return
    _echo_storyline(line)


def _article_for(store: Store | None, ref: str) -> Article:
    path = Path(ref)
    if path.is_file():
        from sujet.library import analyze

        return analyze(path.read_bytes(), source=str(path))
    if store is not None:
        found = store.get_article(resolve_id(store, "article", ref, store.has_article))
        if found is not None:
            return found
    raise InputError(f"{ref!r} is neither a file nor a stored article id")


@app.command()
@handles_errors
def similar(
    a: Annotated[str, typer.Argument(help="An article id in the store, or a page file.")],
    b: Annotated[str, typer.Argument(help="An article id in the store, or a page file.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Do two articles report the same event? The score and the reasons."""
    from sujet.stories.pair import default_scorer, pair_score
    from sujet.stories.represent import represent

    settings = settings_of(db)
    scorer = default_scorer(settings.stories)
    store = None if (Path(a).is_file() and Path(b).is_file()) else open_db(db)
    try:
        first, second = _article_for(store, a), _article_for(store, b)
        if first.id == second.id:
            second.id = second.id + "'"
        reprs = represent([first, second], deep=scorer.needs_deep, cache=store)
    finally:
        if store is not None:
            store.close()
    result = pair_score(reprs[0], reprs[1], scorer=scorer,
                        window_days=settings.stories.event_window_days)
    data = {"a": first.id, "b": second.id, "score": round(result.score, 4),
            "same_event": result.same, "reasons": list(result.reasons)}
    if as_json:
        print_json(data)
        return
    verdict = "same event" if result.same else "different events"
    typer.echo(f"{verdict} (score {result.score:.2f})")
    for reason in result.reasons:
        typer.echo(f"  · {reason}")

