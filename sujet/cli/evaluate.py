"""`sujet eval`: the quality harnesses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from sujet.cli.common import JsonOpt, app, handles_errors, print_json
from sujet.config import get_settings
from sujet.errors import InputError


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
        print_json(result)
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

