"""Day intervals: the one notion of "when" that facts, dates and rules share (the ground floor)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Granularities from finest to coarsest.
GRANULARITY_ORDER = ("day", "week", "month", "season", "quarter", "half", "year", "decade")


@dataclass(frozen=True)
class Interval:
    """A closed range of days, and the granularity it was stated at."""

    first: date
    last: date
    granularity: str

    def overlaps(self, other: "Interval") -> bool:
        return self.first <= other.last and other.first <= self.last

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


__all__ = ["GRANULARITY_ORDER", "Interval"]
