"""The `sujet` command: one entry point, `--json` wherever a program reads the output.

Every command that fails prints one line (`sujet: error: … [CODE]`) on stderr — with `--json`,
one JSON object `{"error": {"code": …, "message": …}}` — and exits non-zero: 2 for bad input
(usage, dates, paths), 3 for a missing record or store, 1 for anything else. Commands that only
read never create a store. A list that finds nothing says so on stderr ("no articles match")
and exits 0.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

# Typer carries its own copy of click; its usage errors are these classes.
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

from sujet import __version__
from sujet.config import Settings, get_settings
from sujet.errors import AmbiguousId, InputError, NotFound, StoreMissing, SujetError
from sujet.model import Article, Entity, Event, Storyline
from sujet.store.base import Store
from sujet.store.date_filters import check_range, parse_optional

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DEFAULT_DB = Settings.model_fields["db"].default
STORE_PREFIXES = ("sqlite:", "postgresql:", "postgresql+psycopg:", "postgres:")

DbOpt = Annotated[str | None, typer.Option(
    "--db", metavar="URL",
    help=f"Store URL: sqlite:///FILE (relative) or sqlite:////ABS/FILE, or postgresql://USER@HOST/DB. "
         f"Default: SUJET_DB, then db in sujet.toml, then {DEFAULT_DB}.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output (errors too).")]
LanguageOpt = Annotated[str | None, typer.Option(
    "--language", "-l", metavar="CODE", help="Only this language (ISO 639-1 code: ru, de, en …).")]
FromOpt = Annotated[str | None, typer.Option(
    "--from", metavar="DATE",
    help="On or after DATE: YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, or 7d / 2w / 3m / 1y ago.")]
ToOpt = Annotated[str | None, typer.Option(
    "--to", metavar="DATE", help="On or before DATE (same forms as --from).")]
LimitOpt = Annotated[int, typer.Option(min=1, help="At most this many results.")]
OffsetOpt = Annotated[int, typer.Option(min=0, help="Skip this many results first (paging).")]
ExecutorOpt = Annotated[str | None, typer.Option(
    "--executor", metavar="local|dask",
    help="Where the pipeline steps run: local processes, or a Dask cluster (default: executor "
         "in the settings, then local).")]
WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", metavar="N", min=1,
    help="Workers of the local Dask cluster (default: one per core).")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", metavar="tcp://HOST:PORT",
    help="A running Dask scheduler to use instead of a local cluster (implies --executor dask).")]

F = TypeVar("F", bound=Callable[..., Any])

# Exit statuses (README, "Command line").
EXIT_ERROR, EXIT_INPUT, EXIT_MISSING = 1, 2, 3


def _settings(db: str | None) -> Settings:
    settings = get_settings()
    settings = settings.model_copy(update={"db": db}) if db else settings
    url = settings.db.strip()
    if not url.startswith(STORE_PREFIXES):
        raise InputError(f"{url!r} is not a store URL: use sqlite:///FILE or "
                         "postgresql://USER@HOST/DB")
    return settings


def with_executor(settings: Settings, executor: str | None, workers: int | None,
                   scheduler: str | None) -> Settings:
    """``settings`` with the executor flags over it (a scheduler address means Dask)."""
    if executor is not None and executor not in ("local", "dask"):
        raise InputError(f"unknown executor {executor!r}: use local or dask")
    if scheduler is not None and not scheduler.startswith("tcp://"):
        raise InputError(f"{scheduler!r} is not a scheduler address: use tcp://HOST:PORT")
    if scheduler is not None and executor == "local":
        raise InputError("--scheduler needs --executor dask")
    update: dict[str, Any] = {}
    if executor is not None or scheduler is not None:
        update["executor"] = "dask" if scheduler is not None else executor
    if scheduler is not None:
        update["dask_address"] = scheduler
    if workers is not None:
        update["dask_workers"] = workers
    return settings.model_copy(update=update) if update else settings


def _error_line(code: str, message: str, as_json: bool) -> str:
    if as_json:
        return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False)
    return f"sujet: error: {message} [{code}]"


def _fail(err: SujetError, status: int, as_json: bool) -> None:
    where = f"{err.source}: " if err.source else ""
    typer.echo(_error_line(err.code, where + err.message, as_json), err=True)
    raise typer.Exit(status)


def handles_errors(fn: F) -> F:
    """Turn errors into one line on stderr (JSON with ``--json``) and a non-zero exit."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        as_json = bool(kwargs.get("as_json"))
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except (NotFound, StoreMissing) as err:
            _fail(err, EXIT_MISSING, as_json)
        except InputError as err:
            _fail(err, EXIT_INPUT, as_json)
        except SujetError as err:
            _fail(err, EXIT_ERROR, as_json)
        except FileNotFoundError as err:
            _fail(InputError("no such file", source=str(err.filename)), EXIT_INPUT, as_json)
        except BrokenPipeError:  # output piped into `head`: not an error
            sys.stderr.close()
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            _fail(SujetError("interrupted; what was committed is kept, run again to resume"),
                  130, as_json)
        except Exception as err:  # noqa: BLE001 - one line, not a traceback, for the user
            _fail(SujetError(f"{type(err).__name__}: {err}"), EXIT_ERROR, as_json)

    return wrapper  # type: ignore[return-value]


def _open(db: str | None, *, create: bool = False) -> Store:
    """The store of ``--db``; only ``create`` (ingest, serve) makes a new one."""
    from sujet.store import open_store

    return open_store(_settings(db).db, create=create)


def _dates(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    parsed = parse_optional(date_from), parse_optional(date_to)
    check_range(*parsed)
    return parsed


def _nothing(what: str, as_json: bool) -> None:
    """The line for an empty result (stderr, so that stdout stays a clean list); ``[]`` in JSON."""
    if as_json:
        _print_json([])
    else:
        typer.echo(f"no {what}", err=True)


def _resolve_id(store: Store, kind: str, ref: str, exists: Callable[[str], bool]) -> str:
    """The full id ``ref`` names: itself when stored, else the one stored id it starts."""
    if exists(ref):
        return ref
    found = store.ids_with_prefix(kind, ref, limit=6)
    if not found:
        raise NotFound(f"no {kind} {ref}")
    if len(found) > 1:
        shown = ", ".join(found[:5]) + (" …" if len(found) > 5 else "")
        raise AmbiguousId(f"{kind} id prefix {ref!r} matches {shown}: give more characters")
    return found[0]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sujet {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Sujet: multilingual news monitoring — clean articles, events, people and positions.

    Exit status: 0 done (an empty result too), 1 failure, 2 bad input, 3 no such record or store.
    """


def article_json(a: Article, *, with_text: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id,
        "source": a.source,
        "url": a.url,
        "title": a.title,
        "date": a.date,
        "date_precision": a.date_precision,
        "date_source": a.date_source,
        "language": a.language,
        "dateline": a.dateline,
        "agency": a.agency,
        "author": a.author,
        "site": a.site,
        "duplicate_of": a.duplicate_of,
        "event_id": a.event_id,
        "storyline_id": a.storyline_id,
        "topic": a.topic,
    }
    if with_text:
        out["text"] = a.text
    return out


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _title_line(a: Article) -> str:
    """The title, or for a page without one the headline the web pages give it, marked as such."""
    if a.title and a.title.strip():
        return a.title.strip()
    from sujet.web.headline import headline

    return f"{headline(a)}  (no title: headline from the first sentence)"


def _article_line(a: Article) -> str:
    dup = f"  (duplicate of {a.duplicate_of})" if a.duplicate_of else ""
    return f"{a.id}  {a.date or '?':10}  {a.language or '??'}  {(a.title or a.text[:60]).strip()}{dup}"


# -- ingest and articles -----------------------------------------------------------------------


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

    settings = with_executor(_settings(db), executor, workers, scheduler)
    if allow_private:
        settings = settings.model_copy(
            update={"fetch": settings.fetch.model_copy(update={"allow_private": True})}
        )
    missing = [i for i in inputs if _is_local_path(i) and not Path(i).expanduser().exists()]
    with _open(db, create=True) as store:
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
    kept = report.added + report.already_stored + report.duplicates
    failure = None
    if missing:
        failure = InputError("no such file or folder", source=", ".join(missing))
    elif kept == 0:
        failure = InputError("nothing stored: every page was dropped" if report.seen
                             else "no pages found in the inputs")
    if as_json:
        _print_json(data)
    else:
        _echo_ingest_report(report, data)
    if failure is not None:
        _fail(failure, EXIT_INPUT, as_json)


def _is_local_path(value: str) -> bool:
    return value != "-" and "://" not in value


def _echo_ingest_report(report: Any, data: dict[str, Any]) -> None:
    typer.echo(
        f"seen {data['seen']}, added {data['added']}, already stored {data['already_stored']}, "
        f"duplicates {data['duplicates']} (exact {data['exact_duplicates']}, "
        f"near {data['near_duplicates']}), dropped {sum(report.dropped.values())} "
        f"in {data['seconds']:.1f} s"
    )
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

    with _open(db) as store:
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
        _print_json(data)
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
def articles(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    language: LanguageOpt = None,
    source: Annotated[str | None, typer.Option(
        metavar="TEXT", help="Only articles whose site, source or URL contains TEXT.")] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    duplicates: Annotated[bool, typer.Option(
        "--duplicates/--no-duplicates", help="List duplicates of other articles too.")] = True,
    topic: Annotated[str | None, typer.Option(
        metavar="TOPIC", help="Only articles of this topic: society, economy, technology, "
        "sports, entertainment, science, other, not_news.")] = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
) -> None:
    """List stored articles, newest first."""
    from sujet.store.base import ArticleQuery
    from sujet.topics.scheme import check_topic

    date_from, date_to = _dates(date_from, date_to)
    query = ArticleQuery(
        language=language, source=source, date_from=date_from, date_to=date_to,
        topic=check_topic(topic), include_duplicates=duplicates, limit=limit, offset=offset,
    )
    with _open(db) as store:
        found = store.list_articles(query)
    if not found:
        _nothing("articles match", as_json)
        return
    if as_json:
        _print_json([article_json(a) for a in found])
        return
    for a in found:
        typer.echo(_article_line(a))


@app.command()
@handles_errors
def show(
    article_id: Annotated[str, typer.Argument(help="An article id, or its first characters.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one article with its metadata."""
    with _open(db) as store:
        a = store.get_article(_resolve_id(store, "article", article_id, store.has_article))
        if a is None:
            raise NotFound(f"no article {article_id}")
        data = article_json(a)
        from sujet.pipeline.panel import article_panel

        data["persons"] = article_panel(store, a)
    if as_json:
        _print_json(data)
        return
    typer.echo(_title_line(a))
    meta = [f"{k}: {data[k]}" for k in ("date", "language", "dateline", "agency", "source") if data[k]]
    typer.echo("  " + " | ".join(meta))
    if a.duplicate_of:
        typer.echo(f"  duplicate of {a.duplicate_of}")
    typer.echo("")
    typer.echo(a.text)
    if data["persons"]:
        typer.echo("\nPersons — last position — mentions")
        for p in data["persons"]:
            typer.echo(f"  {p['name']} — {p.get('last_position') or '-'} — {p['mentions']}")


@app.command()
@handles_errors
def search(
    query: Annotated[str, typer.Argument(help="Words or a name, in any language.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
    language: LanguageOpt = None,
    limit: LimitOpt = 20,
) -> None:
    """Full-text search across languages (name variants included)."""
    from sujet.pipeline.search import named_entities, search_articles
    from sujet.store.base import ArticleQuery

    if not query.strip():
        raise InputError("empty query")
    with _open(db) as store:
        hits = search_articles(store, query, ArticleQuery(language=language, limit=limit))
        named = named_entities(store, query)
    if not hits:
        _nothing(f"articles match {query!r}", as_json)
        return
    if as_json:
        _print_json(
            [article_json(h.article, with_text=False) | {"score": h.score, "snippet": h.snippet}
             for h in hits]
        )
        return
    for e in named[:3]:
        typer.echo(f"dossier: {e.name} ({e.type}, {e.mentions} mentions) — sujet entity {e.id}")
    for h in hits:
        typer.echo(_article_line(h.article))
        typer.echo(f"    {h.snippet}")


def _export_rows(store: Any) -> Iterable[dict[str, Any]]:
    for a in store.iter_articles():
        yield article_json(a)


@app.command()
@handles_errors
def export(
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet")] = "jsonl",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (default: standard output).")] = None,
) -> None:
    """Export every article (JSONL or CSV to stdout or a file; Parquet to a file)."""
    if fmt not in ("jsonl", "csv", "parquet"):
        raise InputError(f"unknown format {fmt!r}: use jsonl, csv or parquet")
    if fmt == "parquet" and output is None:
        raise InputError("parquet needs --output FILE")
    with _open(db) as store:
        rows = _export_rows(store)
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            assert output is not None
            batch: list[dict[str, Any]] = []
            writer = None
            for row in rows:
                batch.append(row)
                if len(batch) >= 1000:
                    table = pa.Table.from_pylist(batch)
                    writer = writer or pq.ParquetWriter(output, table.schema)
                    writer.write_table(table)
                    batch = []
            if batch or writer is None:
                table = pa.Table.from_pylist(batch) if batch else _empty_table()
                writer = writer or pq.ParquetWriter(output, table.schema)
                writer.write_table(table)
            writer.close()
            return
        fh = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if fmt == "jsonl":
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                fields = list(article_json(Article(id="", source="", text="")).keys())
                w = csv.DictWriter(fh, fieldnames=fields)
                w.writeheader()
                for row in rows:
                    w.writerow(row)
        finally:
            if output:
                fh.close()


def _empty_table() -> Any:
    import pyarrow as pa

    fields = article_json(Article(id="", source="", text="")).keys()
    return pa.table({k: pa.array([], type=pa.string()) for k in fields})


@app.command()
@handles_errors
def extract(
    file: Path,
    as_json: JsonOpt = False,
    kind: Annotated[str, typer.Option(help="auto, html or text")] = "auto",
    url: Annotated[str | None, typer.Option(help="The page's address (dates, site).")] = None,
) -> None:
    """Extract one page to one article; nothing is stored."""
    from sujet.library import analyze

    if kind not in ("auto", "html", "text"):
        raise InputError(f"unknown kind {kind!r}: use auto, html or text")
    if not file.is_file():
        raise InputError("no such file", source=str(file))
    article = analyze(file.read_bytes(), kind=kind, url=url, source=str(file))  # type: ignore[arg-type]
    if as_json:
        _print_json(article_json(article))
        return
    typer.echo(_title_line(article))
    meta = [f"{k}: {getattr(article, k)}" for k in ("date", "language", "dateline", "agency")
            if getattr(article, k)]
    typer.echo("  " + " | ".join(meta))
    typer.echo("")
    typer.echo(article.text)


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
    from sujet.api.rankings import period_of, top_events

    period = period_of(*_dates(date_from, date_to))
    with _open(db) as store:
        items = top_events(store, period, limit=limit, language=language)
    if not items:
        _nothing("events in this period", as_json)
        return
    if as_json:
        _print_json([{"id": t.event.id, "title": t.event.title, "date_from": t.event.date_from,
                      "date_to": t.event.date_to, "score": round(t.importance.score, 4),
                      "sources": t.sources, "languages": t.event.languages,
                      "velocity": round(t.importance.velocity, 3),
                      "reports": len(t.event.members)} for t in items])
        return
    for i, t in enumerate(items, 1):
        typer.echo(f"{i:>2}. {t.event.id}  {t.event.date_to or t.event.date_from or '?':10}  "
                   f"{t.importance.score:6.3f}  {len(t.sources)} sources, "
                   f"{t.importance.languages} languages  {t.event.title}")


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
    from sujet.api.rankings import period_of, rising_entities

    period = period_of(*_dates(date_from, date_to))
    with _open(db) as store:
        items = rising_entities(store, period, limit=limit)
    if not items:
        _nothing("mentions in this period", as_json)
        return
    if as_json:
        _print_json([{"id": r.entity.id, "name": r.entity.name, "type": r.entity.type,
                      "mentions": r.mentions, "before": r.before, "change": r.change,
                      "position": r.entity.last_position.title
                      if r.entity.last_position else None} for r in items])
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
    period = period_of(*_dates(date_from, date_to))
    with _open(db) as store:
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

    with _open(db) as store:
        counts = assign_stored_topics(store, redo_all=redo_all)
    if as_json:
        _print_json(counts)
        return
    typer.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))


@app.command("eval")
@handles_errors
def eval_(
    kind: Annotated[str, typer.Argument(help="extraction, textdump, ner, names, roles, pairs, clustering, stream, quotes, topics")],
    data: Annotated[Path, typer.Option("--data", help="A data folder in the eval formats.")],
    as_json: JsonOpt = False,
    predictions: Annotated[Path | None, typer.Option(help="Write the system's output here.")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N records.")] = None,
) -> None:
    """Run a quality harness on a data folder and print its metrics."""
    from sujet.eval.registry import run_eval

    if not data.is_dir():
        raise InputError("no such data folder", source=str(data))
    result = run_eval(kind, data, predictions=predictions, limit=limit, settings=get_settings())
    if as_json:
        _print_json(result)
        return
    for key, value in result.items():
        if isinstance(value, float):
            typer.echo(f"{key:>18}: {value:.4f}")
        elif not isinstance(value, dict | list):
            typer.echo(f"{key:>18}: {value}")
    for key, value in result.items():
        if isinstance(value, dict) and value:
            typer.echo(f"{key}:")
            typer.echo("  " + json.dumps(value, ensure_ascii=False))


# -- people, organisations, places -------------------------------------------------------------


def entity_json(store: Store, entity: Entity, *, full: bool = False,
                language: str | None = None) -> dict[str, Any]:
    from sujet.entities.careers import careers, latest_career, org_key_of

    history = careers(entity.positions, language, org_key_of(store.find_entities))
    last = latest_career(history)
    out: dict[str, Any] = {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "variants": list(entity.variants),
        "mentions": entity.mentions,
        "first_seen": entity.first_seen,
        "last_seen": entity.last_seen,
        "positions": [{"title": c.title, "first_seen": c.first_seen, "last_seen": c.last_seen,
                       "date": c.last_seen, "articles": c.articles,
                       "organisation": c.organisation, "language": c.language}
                      for c in history],
        "last_position": last.title if last else None,
    }
    if full:
        from sujet.store.base import ArticleQuery

        out["articles"] = [a.id for a in store.list_articles(
            ArticleQuery(entity_id=entity.id, limit=10_000))]
        together = store.co_mentions(entity.id, limit=20)
        names = {e.id: e for e in store.get_entities([i for i, _ in together])}
        out["co_mentions"] = [
            {"id": i, "name": names[i].name, "type": names[i].type, "articles": n}
            for i, n in together if i in names
        ]
    return out


def _find_entity(store: Store, name_or_id: str) -> Entity:
    from sujet.store.base import EntityQuery

    entity = store.get_entity(name_or_id)
    if entity is None and len(name_or_id) >= 4:
        ids = store.ids_with_prefix("entity", name_or_id, limit=2)
        if len(ids) == 1:
            entity = store.get_entity(ids[0])
    if entity is None:
        exact = sorted(store.find_entities(name_or_id), key=lambda e: -e.mentions)
        partial = store.list_entities(EntityQuery(name=name_or_id, limit=50))
        found = exact or sorted(partial, key=lambda e: -e.mentions)
        if not found:
            raise NotFound(f"no entity named {name_or_id!r}")
        entity = found[0]
    return entity


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
    with _open(db) as store:
        found = store.list_entities(EntityQuery(
            type=entity_type.upper() if entity_type else None, name=name, limit=limit,
            offset=offset))
        rows = [entity_json(store, e) for e in found]
    if not rows:
        _nothing("entities match", as_json)
        return
    if as_json:
        _print_json(rows)
        return
    for r in rows:
        typer.echo(f"{r['id']}  {r['type']}  {r['mentions']:>4}  {r['name']}"
                   + (f" — {r['last_position']}" if r["last_position"] else ""))


@app.command()
@handles_errors
def entity(
    name_or_id: Annotated[str, typer.Argument(help="A name in any case or script, or an id.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A dossier: variants, mentions, position history, co-mentions, articles."""
    language = _settings(db).stories.preferred_language
    with _open(db) as store:
        data = entity_json(store, _find_entity(store, name_or_id), full=True, language=language)
    if as_json:
        _print_json(data)
        return
    typer.echo(f"{data['name']} ({data['type']}, {data['mentions']} mentions, "
               f"{data['first_seen'] or '?'} – {data['last_seen'] or '?'})")
    typer.echo("  variants: " + ", ".join(data["variants"]))
    if data["positions"]:
        typer.echo("  positions:")
        for p in data["positions"]:
            since = f"{p['first_seen']} – " if p["first_seen"] not in (None, p["last_seen"]) else ""
            typer.echo(f"    {since}{p['last_seen'] or '?':10}  {p['title']}"
                       f"  ({len(p['articles'])} articles)")
    if data["co_mentions"]:
        typer.echo("  mentioned with: " + ", ".join(
            f"{c['name']} ({c['articles']})" for c in data["co_mentions"][:10]))
    typer.echo(f"  articles: {len(data['articles'])}")


# -- events and storylines ---------------------------------------------------------------------


def event_json(store: Store, event: Event) -> dict[str, Any]:
    arts = {a.id: a for a in store.get_articles([m.article_id for m in event.members])}
    names = {e.id: e.name for e in store.get_entities(list(event.key_entities))}
    return {
        "id": event.id,
        "title": event.title,
        "languages": list(event.languages),
        "date_from": event.date_from,
        "date_to": event.date_to,
        "storyline": event.storyline_id,
        "summary": dict(event.summary),
        "key_entities": [{"id": i, "name": names.get(i)} for i in event.key_entities],
        "articles": [
            {"id": m.article_id,
             "source": arts[m.article_id].source if m.article_id in arts else None,
             "language": arts[m.article_id].language if m.article_id in arts else None,
             "title": arts[m.article_id].title if m.article_id in arts else None,
             "score": round(m.score, 3), "why": list(m.why)}
            for m in event.members
        ],
    }


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
    date_from, date_to = _dates(date_from, date_to)
    with _open(db) as store:
        found = store.list_events(limit=limit, offset=offset, language=language,
                                  date_from=date_from, date_to=date_to)
        rows = [event_json(store, e) for e in found]
    if not rows:
        _nothing("events match", as_json)
        return
    if as_json:
        _print_json(rows)
        return
    for r in rows:
        typer.echo(f"{r['id']}  {r['date_from'] or '?':10}  {len(r['articles'])} articles  "
                   f"[{', '.join(r['languages'])}]  {r['title']}")


def _live_id(store: Store, kind: str, wanted: str, resolve: Callable[[str], str | None]) -> str:
    """The stored id ``wanted`` names: itself, the one id it is a prefix of, or the survivor of
    a merge (said on stderr)."""
    found = resolve(wanted)
    if found is None:
        found = resolve(_resolve_id(store, kind, wanted, lambda _: False))
        if found is None:
            raise NotFound(f"no {kind} {wanted}")
        wanted = found
    if found != wanted:
        typer.echo(f"{kind} {wanted} was merged into {found}", err=True)
    return found


@app.command()
@handles_errors
def event(
    event_id: Annotated[str, typer.Argument(help="An event id, or its first characters.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One event: its articles in every language and why each belongs (the id of an event
    merged into another shows the surviving event)."""
    with _open(db) as store:
        live = _live_id(store, "event", event_id, store.resolve_event_id)
        found = store.get_event(live)
        if found is None:
            raise NotFound(f"no event {event_id}")
        data = event_json(store, found)
    if as_json:
        _print_json(data)
        return
    typer.echo(f"{data['title']}  ({data['date_from'] or '?'} – {data['date_to'] or '?'}, "
               f"{', '.join(data['languages'])})")
    for lang, text in data["summary"].items():
        typer.echo(f"  [{lang}] {text}")
    for a in data["articles"]:
        typer.echo(f"  {a['id']}  {a['language'] or '??'}  {a['title'] or a['source']}")
        for why in a["why"]:
            typer.echo(f"      · {why}")


def storyline_json(store: Store, storyline: Storyline) -> dict[str, Any]:
    evs = [ev for i in storyline.event_ids if (ev := store.get_event(i)) is not None]
    return {
        "id": storyline.id, "title": storyline.title, "date_from": storyline.date_from,
        "date_to": storyline.date_to,
        "events": [{"id": ev.id, "title": ev.title, "date_from": ev.date_from,
                    "date_to": ev.date_to, "languages": ev.languages} for ev in evs],
    }


def _echo_storyline(row: dict[str, Any]) -> None:
    typer.echo(f"{row['id']}  {row['date_from'] or '?'} – {row['date_to'] or '?'}  {row['title']}")
    for item in row["events"]:
        typer.echo(f"    {item['date_from'] or '?':10}  {item['title']}")


@app.command()
@handles_errors
def storylines(db: DbOpt = None, as_json: JsonOpt = False, limit: LimitOpt = 50,
               offset: OffsetOpt = 0) -> None:
    """List storylines: events linked over time by the same people and topic."""
    with _open(db) as store:
        rows = [storyline_json(store, s)
                for s in store.list_storylines(limit=limit, offset=offset)]
    if not rows:
        _nothing("storylines yet", as_json)
        return
    if as_json:
        _print_json(rows)
        return
    for r in rows:
        _echo_storyline(r)


@app.command()
@handles_errors
def storyline(
    storyline_id: Annotated[str, typer.Argument(help="A storyline id, or its first characters.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One storyline and its events (the id of a storyline merged into another shows the
    surviving storyline)."""
    with _open(db) as store:
        live = _live_id(store, "storyline", storyline_id, store.resolve_storyline_id)
        found = store.get_storyline(live)
        if found is None:
            raise NotFound(f"no storyline {storyline_id}")
        data = storyline_json(store, found)
    if as_json:
        _print_json(data)
        return
    _echo_storyline(data)


def _article_for(store: Store | None, ref: str) -> Article:
    path = Path(ref)
    if path.is_file():
        from sujet.library import analyze

        return analyze(path.read_bytes(), source=str(path))
    if store is not None:
        found = store.get_article(_resolve_id(store, "article", ref, store.has_article))
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

    settings = _settings(db)
    scorer = default_scorer(settings.stories)
    store = None if (Path(a).is_file() and Path(b).is_file()) else _open(db)
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
        _print_json(data)
        return
    verdict = "same event" if result.same else "different events"
    typer.echo(f"{verdict} (score {result.score:.2f})")
    for reason in result.reasons:
        typer.echo(f"  · {reason}")


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

    settings = with_executor(_settings(db), executor, workers, scheduler)
    report = IngestReport()
    with _open(db) as store:
        pending = [a for a in store.iter_articles()
                   if redo_all or a.metadata.get("enriched") is not True]
        for a in pending:
            a.metadata["enriched"] = False
        store.update_articles(pending)
        done = finish_enrichment(store, settings, default_enrichers(settings), report)
    data = {"articles": done, **report.enrich}
    if as_json:
        _print_json(data)
        return
    typer.echo(", ".join(f"{k}: {v}" for k, v in data.items()))


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

    settings = _settings(db)
    with _open(db, create=True) as store:
        if add is not None:
            record = register_source(store, add, kind=kind, interval_minutes=every, name=name,
                                     allow_private=settings.fetch.allow_private,
                                     allow_folder=True)
            if as_json:
                _print_json(record)
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
        _print_json([{k: v for k, v in s.items() if k != "seen"} for s in sources])
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

    settings = _settings(db)
    serve_settings = settings.serve.model_copy(
        update={k: v for k, v in (("host", host), ("port", port)) if v is not None}
    )
    settings = settings.model_copy(update={"serve": serve_settings})
    if not settings.serve.token:
        typer.echo("write endpoints are off: set SUJET_SERVE__TOKEN to enable ingest", err=True)
    uvicorn.run(
        create_app(settings, poll_feeds=poll, poll_tick_s=settings.monitor.tick_s),
        host=settings.serve.host,
        port=settings.serve.port,
        log_level="info",
    )

# -- watchlists and alerts -------------------------------------------------------------------

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

    with _open(db, create=True) as store:
        w = create_watchlist(store, WatchSpec(kind, target, name, language, source, topic,
                                              webhook, email))
    if as_json:
        _print_json(w.to_dict())
    else:
        typer.echo(_watch_line(w))


@watch_app.command("list")
@handles_errors
def watch_list(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Every watchlist."""
    from sujet.alerts.records import AlertRecords

    with _open(db) as store:
        found = AlertRecords(store).list_watchlists()
    if as_json:
        _print_json([w.to_dict() for w in found])
    elif not found:
        _nothing("watchlists yet", as_json)
    for w in [] if as_json else found:
        typer.echo(_watch_line(w))


@watch_app.command("show")
@handles_errors
def watch_show(ref: WatchRef, db: DbOpt = None, as_json: JsonOpt = False,
               limit: LimitOpt = 20) -> None:
    """One watchlist and its newest alerts."""
    from sujet.alerts.records import AlertRecords
    from sujet.alerts.service import find_watchlist

    with _open(db) as store:
        w = find_watchlist(store, ref)
        records = AlertRecords(store)
        found = records.list_alerts(w.id, limit=limit)
        total = records.count_alerts(w.id)
    if as_json:
        _print_json({**w.to_dict(), "alerts": total, "latest": [a.to_dict() for a in found]})
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

    with _open(db) as store:
        w = find_watchlist(store, ref)
        AlertRecords(store).delete_watchlist(w.id)
    if as_json:
        _print_json({"removed": w.id})
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

    with _open(db) as store:
        wid = find_watchlist(store, watchlist).id if watchlist else None
        found = AlertRecords(store).list_alerts(wid, limit=limit)
    if as_json:
        _print_json([a.to_dict() for a in found])
    elif not found:
        _nothing("alerts yet", as_json)
    for a in [] if as_json else found:
        typer.echo(_alert_line(a))


@alerts_app.command("run")
@handles_errors
def alerts_run(watchlist: WatchOpt = None, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Evaluate the articles stored since the last run against the watchlists and deliver the
    new alerts (webhook, e-mail). Safe to run at any time, and again after a crash."""
    from sujet.alerts.service import find_watchlist, run_alerts

    settings = _settings(db)
    with _open(db) as store:
        wid = find_watchlist(store, watchlist).id if watchlist else None
        result = run_alerts(store, settings, wid)
    data = result.as_dict()
    if as_json:
        _print_json(data)
        return
    typer.echo(f"{data['articles']} articles evaluated, {data['alerts']} new alerts, "
               f"{data['delivered']} delivered, {data['undelivered']} undelivered")
    for line in result.delivery.reasons:
        typer.echo(f"  undelivered: {line}")
    for wid_, why in result.evaluation.errors.items():
        typer.echo(f"  watchlist {wid_} skipped: {why}")


def main(argv: list[str] | None = None) -> None:
    """The console entry point: usage errors too become one coded line (exit 2)."""
    args = sys.argv[1:] if argv is None else argv
    try:
        status = app(args=args, prog_name="sujet", standalone_mode=False)
    except NoArgsIsHelpError:  # the help was printed
        status = 0
    except ClickException as err:
        message = " ".join(err.format_message().split())
        if isinstance(err, UsageError) and err.ctx is not None:
            message += f" (see `{err.ctx.command_path} --help`)"
        typer.echo(_error_line(InputError.code, message, "--json" in args), err=True)
        status = EXIT_INPUT
    except typer.Abort:
        typer.echo(_error_line(SujetError.code, "interrupted", "--json" in args), err=True)
        status = 130
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    main()
