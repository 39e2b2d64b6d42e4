"""What every command shares: the Typer app, common options, settings and store opening,
one-line coded errors and exit statuses, JSON output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer
from pydantic import BaseModel

from sujet import __version__
from sujet.config import Settings, get_settings, with_flags
from sujet.errors import AmbiguousId, InputError, NotFound, StoreMissing, SujetError
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


def settings_of(db: str | None) -> Settings:
    settings = get_settings()
    settings = with_flags(settings, {"db": db}) if db else settings
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
    flags: dict[str, Any] = {}
    if executor is not None or scheduler is not None:
        flags["executor"] = "dask" if scheduler is not None else executor
    if scheduler is not None:
        flags["dask_address"] = scheduler
    if workers is not None:
        flags["dask_workers"] = workers
    return with_flags(settings, flags)


def error_line(code: str, message: str, as_json: bool) -> str:
    if as_json:
        return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False)
    return f"sujet: error: {message} [{code}]"


def fail(err: SujetError, status: int, as_json: bool) -> None:
    where = f"{err.source}: " if err.source else ""
    typer.echo(error_line(err.code, where + err.message, as_json), err=True)
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
            fail(err, EXIT_MISSING, as_json)
        except InputError as err:
            fail(err, EXIT_INPUT, as_json)
        except SujetError as err:
            fail(err, EXIT_ERROR, as_json)
        except FileNotFoundError as err:
            fail(InputError("no such file", source=str(err.filename)), EXIT_INPUT, as_json)
        except BrokenPipeError:  # output piped into `head`: not an error
            sys.stderr.close()
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            fail(SujetError("interrupted; what was committed is kept, run again to resume"),
                  130, as_json)
        except Exception as err:  # noqa: BLE001 - one line, not a traceback, for the user
            fail(SujetError(f"{type(err).__name__}: {err}"), EXIT_ERROR, as_json)

    return wrapper  # type: ignore[return-value]


def open_db(db: str | None, *, create: bool = False) -> Store:
    """The store of ``--db``; only ``create`` (ingest, serve) makes a new one."""
    from sujet.store import open_store

    return open_store(settings_of(db).db, create=create)


def date_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    parsed = parse_optional(date_from), parse_optional(date_to)
    check_range(*parsed)
    return parsed


def say_nothing(what: str, as_json: bool) -> None:
    """The line for an empty result (stderr, so that stdout stays a clean list); ``[]`` in JSON."""
    if as_json:
        print_json([])
    else:
        typer.echo(f"no {what}", err=True)


def resolve_id(store: Store, kind: str, ref: str, exists: Callable[[str], bool]) -> str:
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


def public_json(model: BaseModel) -> dict[str, Any]:
    """One of the API's public schemas (sujet.api.schemas) as the JSON the API sends: what
    ``--json`` prints for the records the API also serves."""
    return model.model_dump(mode="json")


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def live_id(store: Store, kind: str, wanted: str, resolve: Callable[[str], str | None]) -> str:
    """The stored id ``wanted`` names: itself, the one id it is a prefix of, or the survivor of
    a merge (said on stderr)."""
    found = resolve(wanted)
    if found is None:
        found = resolve(resolve_id(store, kind, wanted, lambda _: False))
        if found is None:
            raise NotFound(f"no {kind} {wanted}")
        wanted = found
    if found != wanted:
        typer.echo(f"{kind} {wanted} was merged into {found}", err=True)
    return found

