"""The one data model of output: severities, spans and findings (all immutable)."""

from __future__ import annotations

import enum
from dataclasses import field

from .records import dataclass


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that `a >= b` means "at least as serious"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(
                f"expected one of error, warning, info; found {text!r}"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range [start, end) of an article's original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column (columns count Unicode code points)."""

    line: int
    col: int


@dataclass(frozen=True)
class FactRef:
    """Where a fact lives: its id, kind and the facts.yaml location of its definition."""

    fact_id: str
    kind: str
    path: str
    line: int


@dataclass(frozen=True)
class Fix:
    """A replacement of `span` by `replacement`; `safe` fixes may be applied automatically."""

    span: Span
    replacement: str
    safe: bool


@dataclass(frozen=True)
class Related:
    """Another place a finding speaks of: another article's reading (FL501), with what it says there."""

    path: str
    line: int
    col: int
    message: str


@dataclass(frozen=True)
class Finding:
    """One report of one rule about one place in one article.

    `expected` and `found` are normalized values (for a date: an ISO value such as 2023-07-27);
    `fact` says which curated fact the expectation comes from.
    """

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    span: Span
    start: Position
    end: Position
    matched: str
    expected: str | None = None
    found: str | None = None
    fact: FactRef | None = None
    fix: Fix | None = None
    notes: tuple[str, ...] = field(default=())
    # other findings (code, span) this one says all of; dropped where this one is reported
    covers: tuple[tuple[str, Span], ...] = field(default=(), compare=False, repr=False)
    # how check-worthy the place is, between 0 and 1 (FL403); None for rules that do not score
    score: float | None = None
    # the other articles' readings of what this finding is about (FL501): related locations
    related: tuple[Related, ...] = field(default=())

    def sort_key(self) -> tuple:
        return (self.path, self.span.start, self.span.end, self.code, self.message)
