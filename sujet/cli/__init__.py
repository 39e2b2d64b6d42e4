"""The `sujet` command: one entry point, `--json` wherever a program reads the output.

Every command that fails prints one line (`sujet: error: … [CODE]`) on stderr — with `--json`,
one JSON object `{"error": {"code": …, "message": …}}` — and exits non-zero: 2 for bad input
(usage, dates, paths), 3 for a missing record or store, 1 for anything else. Commands that only
read never create a store. A list that finds nothing says so on stderr ("no articles match")
and exits 0.

One module per command group registers its commands on :data:`app` (in the order of
``sujet --help``); :func:`main` is the console entry point.
"""

from __future__ import annotations

import sys

import typer

# Typer carries its own copy of click; its usage errors are these classes.
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

# isort: off
from sujet.cli import (  # noqa: F401 - each module registers its commands on app
    ingest,
    articles,
    rankings,
    evaluate,
    entities,
    stories,
    serve,
    watch,
)
# isort: on
from sujet.cli.common import EXIT_INPUT, app, error_line, with_executor
from sujet.errors import InputError, SujetError

__all__ = ["app", "main", "with_executor"]


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
        typer.echo(error_line(InputError.code, message, "--json" in args), err=True)
        status = EXIT_INPUT
    except typer.Abort:
        typer.echo(error_line(SujetError.code, "interrupted", "--json" in args), err=True)
        status = 130
    sys.exit(status if isinstance(status, int) else 0)

