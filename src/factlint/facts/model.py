"""The facts model: what facts.yaml holds, as frozen dataclasses.

Every fact keeps the line of its definition in facts.yaml, so that a finding can say where its
expectation comes from ("expected 2023-07-27 (facts.yaml:41, fact shoigu-visit)").
"""

from __future__ import annotations

import fnmatch
import posixpath
from dataclasses import field
from datetime import date

from ..interval import Interval
from ..records import dataclass


@dataclass(frozen=True)
class FactDate:
    """A fact's date as written (2023-07-27, 2023-07, 2023, or a from/to range) and its interval."""

    text: str
    interval: Interval

    @property
    def value(self) -> str:
        return self.text


@dataclass(frozen=True)
class Pattern:
    """A phrase (matched after folding case, quote marks, dashes and white space) or a regex.

    `near` (event mentions only): the mention counts only in a sentence that also holds one of
    these words or phrases ("the speech" near "Obama")."""

    text: str
    is_regex: bool
    line: int
    col: int
    near: tuple[str, ...] = ()


@dataclass(frozen=True)
class Examples:
    """Sentences a fact's patterns must match (`match`) and must not match (`no_match`)."""

    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()
    line: int = 0
    match_lines: tuple[int, ...] = ()
    no_match_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Title:
    text: str
    valid_from: date | None = None
    valid_until: date | None = None
    line: int = 0


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    line: int
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    titles: tuple[Title, ...] = ()
    not_names: tuple[str, ...] = ()
    tests: Examples | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class EventDate:
    """One of the dates of an event that has several (`dates:`): the date, what happened on it
    ("published online"), the mentions that speak of the event as of that date, and the cue
    words that, near a date tied to any mention of the event, say that date is this one."""

    date: FactDate
    what: str
    line: int
    date_line: int
    mentions: tuple[Pattern, ...] = ()
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """An event; `date` is its date, or with several `dates`, the span from the first to the last
    (its text lists them)."""

    id: str
    what: str
    date: FactDate
    line: int
    date_line: int
    mentions: tuple[Pattern, ...] = ()
    tests: Examples | None = None
    dates: tuple[EventDate, ...] = ()

    @property
    def all_mentions(self) -> tuple[tuple[Pattern, int | None], ...]:
        """Every mention with the index of the date it belongs to (None: the event as a whole)."""
        own: tuple[tuple[Pattern, int | None], ...] = tuple((p, None) for p in self.mentions)
        return own + tuple((p, i) for i, d in enumerate(self.dates) for p in d.mentions)


@dataclass(frozen=True)
class Quote:
    id: str
    speakers: tuple[str, ...]
    text: str
    line: int
    said: FactDate | None = None
    context: str | None = None


@dataclass(frozen=True)
class Figure:
    """A claim's checkable number: `value` of `unit`, with an allowed tolerance (absolute)."""

    value: float
    unit: str
    tolerance: float = 0.0


@dataclass(frozen=True)
class Claim:
    id: str
    statement: str
    line: int
    supports: tuple[Pattern, ...] = ()
    contradicts: tuple[Pattern, ...] = ()
    figure: Figure | None = None
    tests: Examples | None = None


@dataclass(frozen=True)
class Source:
    """Metadata for the articles matching `pattern` (a path or glob relative to facts.yaml)."""

    pattern: str
    line: int
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Facts:
    path: str
    version: int
    story: str | None
    sha256: str
    sources: tuple[Source, ...] = ()
    people: tuple[Person, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    base_dir: str = field(default=".", compare=False)

    def source_for(self, article_path: str) -> Source | None:
        """The `sources:` entry for an article path (relative to facts.yaml's folder), if any."""
        rel = posixpath.normpath(article_path.replace("\\", "/"))
        for s in self.sources:
            if rel == posixpath.normpath(s.pattern) or fnmatch.fnmatchcase(rel, s.pattern):
                return s
        return None

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    @property
    def fact_count(self) -> int:
        return len(self.people) + len(self.events) + len(self.quotes) + len(self.claims)
