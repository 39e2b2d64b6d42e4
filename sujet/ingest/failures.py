"""A read that produced no page: the input, a stable error code and a one-line reason."""

from __future__ import annotations

from dataclasses import dataclass

from sujet.errors import SujetError


@dataclass(slots=True)
class ReadFailure:
    """One input (or one record inside a container) that could not be read."""

    source: str
    code: str
    reason: str

    @classmethod
    def from_error(cls, err: SujetError, source: str) -> ReadFailure:
        return cls(source=source, code=err.code, reason=err.message)

    def __str__(self) -> str:
        return f"{self.source}: {self.reason} [{self.code}]"
