"""Error types with stable codes and one-line messages.

A code never changes meaning once released; reports and the REST API carry it so that programs
can branch on it. ``str(err)`` is the one line a user sees.
"""

from __future__ import annotations


class SujetError(Exception):
    """Base of all Sujet errors: ``code`` is stable, the message is one line."""

    code = "E000"
    reason = "error"

    def __init__(self, message: str = "", *, source: str | None = None) -> None:
        message = " ".join((message or self.reason).split())
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(SujetError):
    """The input cannot be used (bad path, bad option, unsupported format)."""

    code = "E100"
    reason = "bad input"


class EmptyInput(InputError):
    code = "E101"
    reason = "empty input"


class BinaryInput(InputError):
    code = "E102"
    reason = "binary content, not a text or HTML page"


class TooLarge(InputError):
    code = "E103"
    reason = "input larger than the size limit"


class DecodeFailed(InputError):
    code = "E104"
    reason = "cannot decode the text"


class MalformedInput(InputError):
    code = "E105"
    reason = "malformed or truncated input"


class HostileInput(InputError):
    code = "E106"
    reason = "hostile input refused"


class NoArticle(InputError):
    code = "E107"
    reason = "no article text found"


class BadDate(InputError):
    """A date filter that is not a date (``2024-13-45``, ``01.01.2025``)."""

    code = "E108"
    reason = "not a date: use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or a span like 7d"


class AmbiguousId(InputError):
    """An id prefix that names more than one record."""

    code = "E109"
    reason = "id prefix matches more than one record"


class OverLimit(InputError):
    """A page over a structure limit checked before parsing (settings.limits)."""

    code = "E110"
    reason = "over a structure limit (elements, attributes, nesting depth or text length)"


class FetchError(SujetError):
    """A URL could not be fetched."""

    code = "E200"
    reason = "fetch failed"


class FetchRefused(FetchError):
    code = "E201"
    reason = "address refused by policy"


class FetchTimeout(FetchError):
    code = "E202"
    reason = "timed out"


class FetchHTTPError(FetchError):
    code = "E203"
    reason = "HTTP error status"


class RobotsDisallowed(FetchError):
    code = "E204"
    reason = "disallowed by robots.txt"


class StoreError(SujetError):
    """The store cannot be opened or written."""

    code = "E300"
    reason = "store error"


class SchemaVersionError(StoreError):
    code = "E301"
    reason = "store schema is newer than this version of sujet"


class StoreMissing(StoreError):
    """A command that only reads was pointed at a store that does not exist."""

    code = "E302"
    reason = "no store at this address"


class NotFound(SujetError):
    code = "E404"
    reason = "not found"


class ModelError(SujetError):
    """A model or model artifact is missing or broken."""

    code = "E500"
    reason = "model unavailable"


class StageError(SujetError):
    """A stage failed on one record; the record is counted and the batch goes on."""

    code = "E600"
    reason = "stage failed"


class DocumentTimeout(StageError):
    code = "E601"
    reason = "document took longer than the per-document time limit"


class DocumentOverMemory(StageError):
    code = "E602"
    reason = "document needed more memory than the per-document memory limit"


class WorkerDied(StageError):
    code = "E603"
    reason = "the worker process died on this document"


class EnrichmentFailed(SujetError):
    """An enricher (entities, events) failed on one stored article.

    The article stays stored; it is reported with this code, marked as failed in its metadata
    and left for ``sujet enrich``, and the rest of the batch is enriched.
    """

    code = "E700"
    reason = "enrichment failed on this article"


def _all_subclasses(cls: type[SujetError]) -> list[type[SujetError]]:
    out = [cls]
    for sub in cls.__subclasses__():
        out.extend(_all_subclasses(sub))
    return out


def reason_for(code: str) -> str:
    """The generic reason of an error code ("E107" -> "no article text found")."""
    for cls in _all_subclasses(SujetError):
        if cls.code == code:
            return cls.reason
    return "error"


class BadWatchlist(InputError):
    """A watchlist that cannot be evaluated (a query that does not parse, no such event...)."""

    code = "E130"
    reason = "bad watchlist"


class DeliveryFailed(SujetError):
    """An alert could not be delivered through a channel (webhook, e-mail)."""

    code = "E800"
    reason = "alert not delivered"
