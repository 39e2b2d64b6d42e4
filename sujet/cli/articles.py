"""Articles: list, show, search, export, and extract one page without a store."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from sujet.api.schemas import ArticleSummaryPublic
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
    open_db,
    print_json,
    public_json,
    resolve_id,
    say_nothing,
)
from sujet.errors import InputError
from sujet.model import Article
from sujet.services.articles import page_article


def title_line(a: Article) -> str:
    """The title, or for a page without one the headline the web pages give it, marked as such."""
    if a.title and a.title.strip():
        return a.title.strip()
    from sujet.web.headline import headline

    return f"{headline(a)}  (no title: headline from the first sentence)"


def article_line(a: Article) -> str:
    dup = f"  (duplicate of {a.duplicate_of})" if a.duplicate_of else ""
    return f"{a.id}  {a.date or '?':10}  {a.language or '??'}  {(a.title or a.text[:60]).strip()}{dup}"


def summary_line(a: ArticleSummaryPublic) -> str:
    """:func:`article_line` of an article summary (which has no text to stand for a title)."""
    dup = f"  (duplicate of {a.duplicate_of})" if a.duplicate_of else ""
    return f"{a.id}  {a.date or '?':10}  {a.language or '??'}  {(a.title or '?').strip()}{dup}"


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

    date_from, date_to = date_range(date_from, date_to)
    query = ArticleQuery(
        language=language, source=source, date_from=date_from, date_to=date_to,
        topic=check_topic(topic), include_duplicates=duplicates, limit=limit, offset=offset,
    )
    with open_db(db) as store:
        found = store.list_articles(query)
    if not found:
        say_nothing("articles match", as_json)
        return
    if as_json:
        print_json([public_json(ArticleSummaryPublic.of(a)) for a in found])
        return
    for a in found:
        typer.echo(article_line(a))


@app.command()
@handles_errors
def show(
    article_id: Annotated[str, typer.Argument(help="An article id, or its first characters.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one article with its metadata."""
    from sujet.services.articles import article_detail, require_article

    with open_db(db) as store:
        found = resolve_id(store, "article", article_id, store.has_article)
        a = require_article(store, found)
        detail = article_detail(store, found)
    if as_json:
        print_json(public_json(detail))
        return
    typer.echo(title_line(a))
    meta = [f"{k}: {v}" for k in ("date", "language", "dateline", "agency", "source")
            if (v := getattr(a, k))]
    typer.echo("  " + " | ".join(meta))
    if a.duplicate_of:
        typer.echo(f"  duplicate of {a.duplicate_of}")
    typer.echo("")
    typer.echo(a.text)
    if detail.persons:
        typer.echo("\nPersons — last position — mentions")
        for p in detail.persons:
            last = p.last_position.title if p.last_position else "-"
            typer.echo(f"  {p.name} — {last} — {p.mentions}")


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
    from sujet.services.search import search as run_search
    from sujet.store.base import ArticleQuery

    if not query.strip():
        raise InputError("empty query")
    with open_db(db) as store:
        found = run_search(store, query, ArticleQuery(language=language, limit=limit))
    if not found.items:
        say_nothing(f"articles match {query!r}", as_json)
        return
    if as_json:
        print_json([public_json(h) for h in found.items])
        return
    for e in found.entities[:3]:
        typer.echo(f"dossier: {e.name} ({e.type}, {e.mentions} mentions) — sujet entity {e.id}")
    for h in found.items:
        typer.echo(summary_line(h.article))
        typer.echo(f"    {h.snippet}")


# An exported article: the fields of the public article (sujet.api.schemas.ArticlePublic) but
# its mentions, persons and facts, in the export's column order.
EXPORT_FIELDS = ["id", "source", "url", "title", "date", "date_precision", "date_source",
                 "language", "dateline", "agency", "author", "site", "duplicate_of", "event_id",
                 "storyline_id", "topic", "text", "content_hash", "fetched_at"]


def _export_rows(store: Any) -> Iterable[dict[str, Any]]:
    for a in store.iter_articles():
        row = page_article(a).model_dump(mode="json", include=set(EXPORT_FIELDS))
        yield {name: row[name] for name in EXPORT_FIELDS}


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
    with open_db(db) as store:
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
                w = csv.DictWriter(fh, fieldnames=EXPORT_FIELDS)
                w.writeheader()
                for row in rows:
                    w.writerow(row)
        finally:
            if output:
                fh.close()


def _empty_table() -> Any:
    import pyarrow as pa

    return pa.table({k: pa.array([], type=pa.string()) for k in EXPORT_FIELDS})


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
        print_json(public_json(page_article(article)))
        return
    typer.echo(title_line(article))
    meta = [f"{k}: {getattr(article, k)}" for k in ("date", "language", "dateline", "agency")
            if getattr(article, k)]
    typer.echo("  " + " | ".join(meta))
    typer.echo("")
    typer.echo(article.text)

