"""The span record every recogniser returns."""

from __future__ import annotations

from dataclasses import dataclass

from sujet.model import EntityType


@dataclass(slots=True, frozen=True)
class Span:
    """A named-entity span: ``text[start:end]`` of type PER / ORG / LOC."""

    start: int
    end: int
    type: EntityType
    text: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end
