"""TIMEX3 view of an article: every temporal expression with its type, value and interval.

This is what `factlint dates` prints and what the MEANTIME scorer reads: the date engine's
expressions (`extract.dates` + `normalize.dates`) as TIMEX3 annotations.
"""

from __future__ import annotations

from datetime import date

from .extract.dates import find_dates
from .interval import Interval
from .normalize.dates import Resolved, resolve_text
from .prose import Prose
from .records import dataclass


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None
    interval: Interval | None
    note: str | None  # why there is no interval, or why the date cannot exist

    @classmethod
    def of(cls, r: Resolved) -> "Timex":
        e = r.expr
        return cls(e.start, e.end, e.text, r.timex_type, r.value, r.mod, r.interval, r.impossible or r.unresolved)

    def as_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}
        if self.mod:
            d["mod"] = self.mod
        if self.interval is not None:
            d["first"] = self.interval.first.isoformat()
            d["last"] = self.interval.last.isoformat()
            d["granularity"] = self.interval.granularity
        if self.note:
            d["note"] = self.note
        return d


def tag(text: str, reference_date: date | None, *, day_first: bool = False) -> list[Timex]:
    """Every temporal expression in `text`, resolved against `reference_date`."""
    exprs = find_dates(Prose.of(text), day_first=day_first, modifiers=True)
    return [Timex.of(r) for r in resolve_text(exprs, reference_date)]
