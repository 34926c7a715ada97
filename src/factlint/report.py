"""What a run reports: one `FileReport` per article, a `RunReport` for the run, and the listings of
`factlint dates` and `factlint quotes`. Formatters render these; nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import field, replace
from datetime import date
from functools import cached_property
from typing import Any

from .analysis import Analysis, QuoteCounts
from .document import Document
from .errors import FileError
from .facts.model import Facts
from .model import Finding
from .plain import in_words
from .records import dataclass


@dataclass(frozen=True)
class FileReport:
    path: str
    reference_date: date | None
    reference_origin: str
    findings: tuple[Finding, ...]
    error: FileError | None = None  # the file could not be read (or its facts' regex ran too long)
    document: Document | None = None
    quotes: QuoteCounts = QuoteCounts()
    coverage: tuple[int, int] = (0, 0)  # (covered, check-worthy) sentences
    suppressed: int = 0  # findings silenced by suppression comments
    baselined: int = 0  # findings hidden because the baseline lists them
    fixed: int = 0  # safe fixes written to the file (--fix)
    diff: str = ""  # the safe fixes as a unified diff (--diff), nothing written
    mentioned: frozenset[str] = frozenset()  # ids of the facts the article speaks of
    seconds: float = field(default=0.0, compare=False)  # how long reading and linting it took (when timed)
    # for the story stage (FL501, when selected): what it compares in this article (a `story.Summary`), and the rules'
    # findings before the decision, decided again with FL501's (`story.apply`)
    story: Any = field(default=None, compare=False, repr=False)
    candidates: tuple[Finding, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class FactRow:
    """One curated fact, as reports list it: id, kind, a label, its facts.yaml line."""

    fact_id: str
    kind: str
    label: str
    line: int


@dataclass(frozen=True)
class RunReport:
    files: tuple[FileReport, ...]
    facts_path: str | None
    facts_sha256: str | None
    fact_count: int
    facts: Facts | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, files: Iterable[FileReport], facts: Facts | None, facts_display: str) -> "RunReport":
        if facts is None:
            return cls(tuple(files), None, None, 0)
        return cls(tuple(files), facts_display, facts.sha256, facts.fact_count, facts)

    @cached_property
    def fact_rows(self) -> tuple[FactRow, ...]:
        """Every curated fact as reports list them (made when a format asks: with 10,000 facts,
        10,000 rows)."""
        facts = self.facts
        if facts is None:
            return ()
        return tuple(
            [FactRow(p.id, "person", p.name, p.line) for p in facts.people]
            + [FactRow(e.id, "event", f"{e.what} ({in_words(e.date.text)})", e.line) for e in facts.events]
            + [FactRow(q.id, "quote", q.text, q.line) for q in facts.quotes]
            + [FactRow(c.id, "claim", c.statement, c.line) for c in facts.claims]
        )

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[FileError]:
        return [r.error for r in self.files if r.error]


def shown_path(path: str, root: str, cwd: str, from_cwd: bool = False) -> str:
    """`path` (absolute, or relative to the folder `cwd`) as a report names it: relative to the
    project folder `root` with '/' between its parts when it lies inside it; else relative to `cwd`
    when it lies inside that (a facts file kept elsewhere, articles here); else absolute. With
    `from_cwd` (what a terminal reads: its links open from the current folder, as ruff's text
    does), a relative path as given ("../desk/d.txt") and an absolute one relative to `cwd` when
    it lies inside it. '-' (standard input) stays as it is. Both folders are
    absolute: nothing here reads the process's current folder."""
    if path == "-":
        return path
    if from_cwd and not os.path.isabs(path):
        return path.replace(os.sep, "/")
    full = os.path.normpath(os.path.join(cwd, path))
    for base in (cwd,) if from_cwd else (root, cwd):
        rel = os.path.relpath(full, base)
        if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
            return rel.replace(os.sep, "/")
    return full


def relocated(report: RunReport, shown: Callable[[str], str]) -> RunReport:
    """`report` with every article path (its files, findings and unreadable files) renamed by
    `shown`; the facts path is named when the facts are loaded (it is in the findings' messages)."""

    def file(r: FileReport) -> FileReport:
        path = shown(r.path)
        findings = tuple(
            replace(f, path=shown(f.path), related=tuple(replace(x, path=shown(x.path)) for x in f.related)) if f.related
            else replace(f, path=shown(f.path)) for f in r.findings
        )
        error = replace(r.error, path=shown(r.error.path)) if r.error else None
        return replace(r, path=path, findings=findings, error=error)

    return replace(report, files=tuple(sorted((file(r) for r in report.files), key=lambda r: r.path)))


def by_score(report: RunReport) -> RunReport:
    """`--sort score`: each article's findings with those that carry a score (FL403's
    check-worthiness) after the others, highest score first; the others, and equal scores, keep
    their order (line and column)."""

    def key(f: Finding) -> tuple[bool, float]:
        return (f.score is not None, -(f.score or 0.0))

    return replace(report, files=tuple(
        replace(r, findings=tuple(sorted(r.findings, key=key))) if any(f.score is not None for f in r.findings) else r
        for r in report.files
    ))


@dataclass(frozen=True)
class DateListing:
    """`factlint dates` for one article: every temporal expression, located in the source."""

    document: Document
    rows: tuple[tuple[tuple[int, int], dict[str, Any]], ...]  # ((line, column), TIMEX3 as a dict)

    @classmethod
    def of(cls, doc: Document, *, day_first: bool = False) -> "DateListing":
        from .timex import tag

        rows = []
        for t in tag(doc.text, doc.reference_date, day_first=day_first):
            start, end = doc.source_offset(t.start), doc.source_offset(t.end, end=True)
            rows.append((doc.position(start), {**t.as_dict(), "start": start, "end": end, "text": doc.source[start:end]}))
        return cls(doc, tuple(rows))


@dataclass(frozen=True)
class QuoteListing:
    """`factlint quotes` for one article: every quote with its speaker and verdict, the counts and
    the unbalanced quote marks."""

    document: Document
    rows: tuple[dict[str, Any], ...]
    counts: QuoteCounts
    unbalanced: tuple[dict[str, Any], ...]

    @classmethod
    def of(cls, analysis: Analysis) -> "QuoteListing":
        doc = analysis.document
        rows = []
        for view in analysis.quotes:
            q, a = view.quote, view.attribution
            start, end = doc.source_offset(q.start), doc.source_offset(q.end, end=True)
            line, col = doc.position(start)
            matches = [
                {"segment": [seg.start, seg.end], "kind": m.kind, "quote": m.quote_id, "detail": m.detail or None,
                 "found": m.found or None, "expected": m.expected or None}
                for seg, ms in view.segments for m in ms
            ]
            rows.append({
                "start": start, "end": end, "line": line, "column": col, "text": q.content(doc.text),
                "speaker": a.speaker, "rule": a.rule, "cue": a.cue or None, "verdict": view.verdict, "matches": matches,
            })
        unbalanced = tuple(
            dict(zip(("line", "column"), doc.position(doc.source_offset(u.offset)))) | {"mark": u.mark}
            for u in analysis.unbalanced
        )
        return cls(doc, tuple(rows), analysis.quote_counts(), unbalanced)


__all__ = ["DateListing", "FactRow", "FileReport", "QuoteListing", "RunReport", "relocated", "shown_path"]
